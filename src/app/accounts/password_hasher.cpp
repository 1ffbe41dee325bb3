#include "app/accounts/password_hasher.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace prosit {

void InitSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium cannot be initialised");
}

PasswordHashing PasswordHashing::Production() { return {5, crypto_pwhash_MEMLIMIT_INTERACTIVE}; }

PasswordHashing PasswordHashing::FastForTests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, const PasswordHashing& hashing) {
  InitSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), hashing.opslimit,
                            hashing.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::IoError("hashing a password ran out of memory");
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  InitSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

namespace {

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int CharacterClasses(std::string_view s) {
  bool lower = false, upper = false, digit = false, other = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      lower = true;
    else if (c >= 'A' && c <= 'Z')
      upper = true;
    else if (c >= '0' && c <= '9')
      digit = true;
    else
      other = true;  // punctuation, spaces and every non-ASCII letter
  }
  return lower + upper + digit + other;
}

}  // namespace

FieldErrors CheckPasswordPolicy(std::string_view password, std::string_view login,
                                const std::string& field) {
  std::string problem;
  if (CodePoints(password) < 12)
    problem = "at least 12 characters";
  else if (password.size() > 1024)
    problem = "at most 1,024 bytes";
  else if (!login.empty() && Lower(password).find(Lower(login)) != std::string::npos)
    problem = "must not contain the login";
  else if (CharacterClasses(password) < 2)
    problem = "mix at least two of: lower-case, upper-case, digits, other characters";
  if (problem.empty()) return {};
  return {{field, problem}};
}

std::string GeneratePassword() {
  InitSodium();
  // No 0/O, 1/l/I: the password is read aloud or copied from a screen once.
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  for (;;) {
    std::string out;
    for (int i = 0; i < 20; ++i)
      out.push_back(kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))]);
    if (CheckPasswordPolicy(out, "").empty()) return out;
  }
}

}  // namespace prosit
