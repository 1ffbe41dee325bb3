#include "app/accounts/secret_tokens.h"

#include <sodium.h>

#include "app/accounts/password_hasher.h"

namespace prosit {

namespace {

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

}  // namespace

std::string RandomToken() {
  InitSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

std::string HashToken(std::string_view token) {
  InitSodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(out, sizeof out);
}

std::string CsrfTokenOf(std::string_view session_token) {
  InitSodium();
  static constexpr std::string_view kPurpose = "prosit csrf token";
  unsigned char out[32];
  size_t key_size = std::min<size_t>(session_token.size(), crypto_generichash_KEYBYTES_MAX);
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(kPurpose.data()),
                     kPurpose.size(), reinterpret_cast<const unsigned char*>(session_token.data()),
                     key_size);
  return Hex(out, sizeof out);
}

bool SecretsEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace prosit
