#include "io/user_json.h"

#include "io/json_reader.h"

namespace prosit {

Result<User> UserFromJson(std::string_view text) {
  return WithParsedJson(text, [&](JsonValue j) -> Result<User> {
    FieldErrors errors;
    JsonReader r(j, errors);
    User u;
    r.Int64("id", u.id);
    r.Int64("version", u.version);
    r.String("login", u.login);
    r.String("display_name", u.display_name);
    std::string email, role = RoleName(u.role);
    r.String("email", email);
    if (!email.empty()) u.email = email;
    r.String("role", role);
    if (auto parsed = ParseRole(role))
      u.role = *parsed;
    else
      errors["role"] =
          "one of admin, methodologist, regional_coordinator, networker, actor_editor, viewer";
    r.Strings("territories", u.territories);
    r.Bool("active", u.active);
    r.Bool("must_change_password", u.must_change_password);
    r.String("password_set_at", u.password_set_at);
    r.String("sessions_ended_at", u.sessions_ended_at);
    r.String("tokens_revoked_at", u.tokens_revoked_at);
    r.RejectUnknown();
    if (!errors.empty()) return Status::Invalid("the body has fields of the wrong shape", errors);
    return u;
  });
}

nlohmann::json UserToJson(const User& u) {
  nlohmann::json j = {{"id", u.id},
                      {"version", u.version},
                      {"login", u.login},
                      {"display_name", u.display_name},
                      {"role", RoleName(u.role)},
                      {"territories", u.territories},
                      {"active", u.active},
                      {"must_change_password", u.must_change_password}};
  if (u.email) j["email"] = *u.email;
  if (!u.password_set_at.empty()) j["password_set_at"] = u.password_set_at;
  if (!u.sessions_ended_at.empty()) j["sessions_ended_at"] = u.sessions_ended_at;
  if (!u.tokens_revoked_at.empty()) j["tokens_revoked_at"] = u.tokens_revoked_at;
  return j;
}

}  // namespace prosit
