#pragma once
// Secret tokens: session and API tokens drawn from libsodium's CSRNG, and the hashes
// under which the store keeps them (a stolen database then opens no session). A
// generic hash suffices: the tokens carry 256 random bits, unlike passwords.

#include <string>
#include <string_view>

namespace prosit {

// 256 random bits as 64 lower-case hex digits.
std::string RandomToken();
// BLAKE2b-256 of `token` as hex: what the store keeps.
std::string HashToken(std::string_view token);
// The CSRF token of a session, derived from its token, so that the session can be told
// its CSRF token again (GET /api/v1/session) while the store keeps only hashes of both.
std::string CsrfTokenOf(std::string_view session_token);
// Compares in time independent of where the strings differ.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace prosit
