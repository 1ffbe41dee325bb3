#pragma once
// User: a person who signs in to prosit, with one role and the territories (or, for an
// actor editor, the organisations) that role applies to. Passwords never live here: the
// store keeps only their hash, apart from the user's document.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// A methodologist reads the whole country's network and analyses and edits the reference
// model; it writes no records and administers no accounts (docs/permissions.md).
enum class Role { kAdmin, kRegionalCoordinator, kNetworker, kActorEditor, kViewer, kMethodologist };
const char* RoleName(Role role);  // "admin", "regional_coordinator", "networker", …
std::optional<Role> ParseRole(std::string_view name);

struct User {
  int64_t id = 0;
  int64_t version = 0;
  std::string login;  // lower case; what the user types to sign in
  std::string display_name;
  std::optional<std::string> email;
  Role role = Role::kViewer;
  // Region codes for a regional coordinator, ORP codes for a networker or viewer, actor
  // ids (as decimal text) for an actor editor; empty for an admin and a methodologist.
  std::vector<std::string> territories;
  bool active = true;
  bool must_change_password = false;  // set by a one-time password
  std::string password_set_at;        // ISO 8601 UTC: the audit trail's trace of a change
  // When an admin last ended the user's sessions or revoked their API tokens (ISO 8601
  // UTC): sessions and tokens are not logged, so these are the audit trail's trace.
  std::string sessions_ended_at;
  std::string tokens_revoked_at;
};

// The rules of a user's own fields, each broken one named by its field; territories are
// checked against `territory`. Actor ids are checked by the store as references.
FieldErrors ValidateUser(const User& user, const Territory& territory);

// The actor ids of an actor editor's territories (already validated as numbers).
std::vector<int64_t> ActorIdsOf(const User& user);

}  // namespace prosit
