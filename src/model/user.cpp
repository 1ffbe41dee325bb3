#include "model/user.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "model/record_bounds.h"

namespace prosit {

namespace {

constexpr Role kRoles[] = {Role::kAdmin,     Role::kRegionalCoordinator,
                           Role::kNetworker, Role::kActorEditor,
                           Role::kViewer,    Role::kMethodologist};

// Logins are compared as typed, so they are kept to characters that have one case.
bool ValidLogin(const std::string& login) {
  if (login.size() < 3 || login.size() > BoundOf("User", "login").max) return false;
  return std::all_of(login.begin(), login.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ||
           c == '@';
  });
}

bool ValidEmail(const std::string& email) {
  size_t at = email.find('@');
  return email.size() <= 254 && at != std::string::npos && at > 0 &&
         email.find('@', at + 1) == std::string::npos &&
         email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
         email.find_first_of(" \t\r\n<>\"") == std::string::npos;
}

std::optional<int64_t> PositiveId(const std::string& s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

// What each territory entry must be for `role`; empty when the role takes none.
std::string TerritoryProblem(Role role, const std::string& entry, const Territory& territory) {
  switch (role) {
    case Role::kAdmin:
      return "an admin has no territories";
    case Role::kMethodologist:
      return "a methodologist has no territories: the model is national";
    case Role::kRegionalCoordinator:
      return territory.FindRegion(entry) ? "" : "no region " + entry;
    case Role::kNetworker:
    case Role::kViewer:
      return territory.FindOrp(entry) ? "" : "no ORP " + entry;
    case Role::kActorEditor:
      return PositiveId(entry) ? "" : "an actor id must be a positive whole number";
  }
  return "unknown role";
}

}  // namespace

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kRegionalCoordinator:
      return "regional_coordinator";
    case Role::kNetworker:
      return "networker";
    case Role::kActorEditor:
      return "actor_editor";
    case Role::kViewer:
      return "viewer";
    case Role::kMethodologist:
      return "methodologist";
  }
  return "viewer";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kRoles)
    if (name == RoleName(r)) return r;
  return std::nullopt;
}

// The bounds of kFieldBounds; a user that breaks one is refused for that alone.
FieldErrors UserBounds(const User& user) {
  FieldErrors errors;
  auto text = [&](const FieldBound& b, const std::string& field, const std::string& value) {
    std::string why = TextProblem(value, b.kind, b.max);
    if (!why.empty()) errors[field] = why;
  };
  text(BoundOf("User", "login"), "login", user.login);
  text(BoundOf("User", "display_name"), "display_name", user.display_name);
  if (user.email) text(BoundOf("User", "email"), "email", *user.email);
  const FieldBound& list = BoundOf("User", "territories");
  if (user.territories.size() > list.max) {
    errors["territories"] = "at most " + std::to_string(list.max) + " items (" +
                            std::to_string(user.territories.size()) + " given)";
    return errors;
  }
  for (size_t i = 0; i < user.territories.size(); ++i)
    text(BoundOf("User", "territories[]"), "territories[" + std::to_string(i) + "]",
         user.territories[i]);
  return errors;
}

FieldErrors ValidateUser(const User& user, const Territory& territory) {
  FieldErrors errors = UserBounds(user);
  if (errors.count("territories")) return errors;  // too many to check one by one
  if (!errors.count("login") && !ValidLogin(user.login))
    errors["login"] = "3 to 64 characters: lower-case letters, digits and . _ - @";
  if (user.display_name.find_first_not_of(" \t") == std::string::npos)
    errors["display_name"] = "is required";
  if (user.email && !errors.count("email") && !ValidEmail(*user.email))
    errors["email"] = "not an e-mail address";
  if (user.role != Role::kAdmin && user.role != Role::kMethodologist && user.territories.empty())
    errors["territories"] = std::string("a ") + RoleName(user.role) + " needs at least one";
  std::set<std::string> seen;
  for (size_t i = 0; i < user.territories.size(); ++i) {
    const std::string& entry = user.territories[i];
    std::string field = "territories[" + std::to_string(i) + "]";
    if (errors.count(field)) continue;
    std::string problem = TerritoryProblem(user.role, entry, territory);
    if (problem.empty() && !seen.insert(entry).second) problem = "listed twice";
    if (!problem.empty()) errors[field] = problem;
  }
  return errors;
}

std::vector<int64_t> ActorIdsOf(const User& user) {
  std::vector<int64_t> ids;
  if (user.role != Role::kActorEditor) return ids;
  for (const std::string& entry : user.territories)
    if (auto id = PositiveId(entry)) ids.push_back(*id);
  return ids;
}

}  // namespace prosit
