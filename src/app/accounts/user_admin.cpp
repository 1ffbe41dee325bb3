#include "app/accounts/user_admin.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/records/record_commands.h"
#include "io/json_reader.h"
#include "io/user_json.h"

namespace prosit {

namespace {

// What an admin changes; the rest of a user's document is the user's own (login,
// password) or the server's (the traces of password and credential changes).
constexpr const char* kAdminFields[] = {"display_name", "email", "role", "territories", "active"};

bool IsActiveAdmin(const User& u) { return u.active && u.role == Role::kAdmin; }

Result<User> ParseStored(const StoredDocument& doc) {
  auto user = UserFromJson(doc.json);
  if (!user.ok())
    return Status::Corruption("stored user " + std::to_string(doc.id) + ": " +
                              user.status().ToString());
  return user;
}

// 422 naming each member of the patch an admin may not change.
Status CheckPatchedFields(std::string_view patch) {
  PROSIT_RETURN_IF_ERROR(CheckJsonText(patch));
  nlohmann::json p = nlohmann::json::parse(patch, nullptr, false);
  if (p.is_discarded() || !p.is_object())
    return Status::Malformed("the body must be a JSON object (a JSON Merge Patch)");
  FieldErrors errors;
  for (const auto& [key, value] : p.items()) {
    if (key == "id" || key == "version") continue;  // ApplyMergePatch and If-Match rule
    if (std::find(std::begin(kAdminFields), std::end(kAdminFields), key) == std::end(kAdminFields))
      errors[key] =
          "not changed here (an admin changes display_name, email, role, "
          "territories and active)";
  }
  if (!errors.empty()) return Status::Invalid("the patch changes what it may not", errors);
  return Status::Ok();
}

}  // namespace

Status UserAdmin::CheckAdmin(const Principal& p, bool write) const {
  if (p.user.role != Role::kAdmin) return Status::Forbidden("only an admin administers users");
  if (write && !p.CanWrite()) return Status::Forbidden("a read-only token changes no users");
  return Status::Ok();
}

Result<StoredDocument> UserAdmin::Load(int64_t id) {
  auto found = store_.accounts().FindUser(id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NotFound("no user " + std::to_string(id));
  return (*found)->user;
}

Result<std::vector<User>> UserAdmin::List(const Principal& admin) {
  PROSIT_RETURN_IF_ERROR(CheckAdmin(admin, false));
  auto docs = store_.LoadAll(EntityKind::kUser);
  if (!docs.ok()) return docs.status();
  std::vector<User> users;
  for (const StoredDocument& doc : *docs) {
    auto user = ParseStored(doc);
    if (!user.ok()) return user.status();
    users.push_back(std::move(*user));
  }
  std::sort(users.begin(), users.end(),
            [](const User& a, const User& b) { return a.login < b.login; });
  return users;
}

Result<UserDetail> UserAdmin::Get(const Principal& admin, int64_t id) {
  PROSIT_RETURN_IF_ERROR(CheckAdmin(admin, false));
  auto doc = Load(id);
  if (!doc.ok()) return doc.status();
  auto user = ParseStored(*doc);
  if (!user.ok()) return user.status();
  UserDetail d;
  d.user = std::move(*user);
  auto sessions = store_.accounts().CountSessionsOf(id, clock_.now());
  if (!sessions.ok()) return sessions.status();
  d.open_sessions = *sessions;
  auto tokens = store_.accounts().ApiTokensOf(id);
  if (!tokens.ok()) return tokens.status();
  d.api_tokens = std::move(*tokens);
  for (ApiTokenRecord& t : d.api_tokens) t.token_hash.clear();
  return d;
}

Result<User> UserAdmin::Patch(const Principal& admin, int64_t id, std::string_view patch,
                              std::optional<int64_t> if_match, const Territory& territory) {
  PROSIT_RETURN_IF_ERROR(CheckAdmin(admin, true));
  auto doc = Load(id);
  if (!doc.ok()) return doc.status();
  if (!if_match)
    return Status::Precondition("name the version you change in If-Match (a PATCH needs it)");
  PROSIT_RETURN_IF_ERROR(CheckPatchedFields(patch));
  if (doc->version != *if_match)
    return Status::Conflict("the user changed since version " + std::to_string(*if_match) +
                            "; the current version is " + std::to_string(doc->version));
  auto before = ParseStored(*doc);
  if (!before.ok()) return before.status();
  auto merged = ApplyMergePatch(doc->json, patch);
  if (!merged.ok()) return merged.status();
  auto user = UserFromJson(*merged);
  if (!user.ok()) return user.status();
  FieldErrors errors = ValidateUser(*user, territory);
  if (admin.user.id == id && !user->active)
    errors["active"] = "you cannot deactivate yourself; another admin can";
  if (!errors.empty()) return Status::Invalid("the user breaks some rules", errors);
  bool deactivated = before->active && !user->active;
  return Write(admin, std::move(*user), doc->version, deactivated, deactivated);
}

Result<User> UserAdmin::EndSessions(const Principal& admin, int64_t id) {
  PROSIT_RETURN_IF_ERROR(CheckAdmin(admin, true));
  auto doc = Load(id);
  if (!doc.ok()) return doc.status();
  auto user = ParseStored(*doc);
  if (!user.ok()) return user.status();
  return Write(admin, std::move(*user), doc->version, true, false);
}

Result<User> UserAdmin::RevokeTokens(const Principal& admin, int64_t id) {
  PROSIT_RETURN_IF_ERROR(CheckAdmin(admin, true));
  auto doc = Load(id);
  if (!doc.ok()) return doc.status();
  auto user = ParseStored(*doc);
  if (!user.ok()) return user.status();
  return Write(admin, std::move(*user), doc->version, false, true);
}

Result<User> UserAdmin::Write(const Principal& admin, User user, int64_t version, bool end_sessions,
                              bool revoke_tokens) {
  std::string now = clock_.now();
  if (end_sessions) user.sessions_ended_at = now;
  if (revoke_tokens) user.tokens_revoked_at = now;
  // The admins before the write; inside the transaction (which holds the store's write
  // lock) each is read again, so two admins demoting each other cannot both succeed.
  std::vector<int64_t> other_admins;
  if (!IsActiveAdmin(user)) {
    auto all = store_.LoadAll(EntityKind::kUser);
    if (!all.ok()) return all.status();
    for (const StoredDocument& doc : *all) {
      auto u = ParseStored(doc);
      if (u.ok() && u->id != user.id && IsActiveAdmin(*u)) other_admins.push_back(u->id);
    }
  }
  Status s =
      store_.Transact({"user:" + admin.user.login, now}, [&](StoreTransaction& tx) -> Status {
        auto stored = tx.Get(EntityKind::kUser, user.id);
        if (!stored.ok()) return stored.status();
        if (!stored->has_value()) return Status::NotFound("no user " + std::to_string(user.id));
        auto was = ParseStored(**stored);
        if (!was.ok()) return was.status();
        if (IsActiveAdmin(*was) && !IsActiveAdmin(user)) {
          bool another = false;
          for (int64_t other : other_admins) {
            auto o = tx.Get(EntityKind::kUser, other);
            if (!o.ok()) return o.status();
            if (o->has_value()) {
              auto parsed = ParseStored(**o);
              if (parsed.ok() && IsActiveAdmin(*parsed)) another = true;
            }
          }
          if (!another) {
            const char* field = user.active ? "role" : "active";
            return Status::Invalid("the last active admin stays an active admin",
                                   {{field, "the last active admin; make another admin first"}});
          }
        }
        auto written = tx.Put(PutUser(user, version));
        if (!written.ok()) return written.status();
        user.version = written->version;
        if (end_sessions || revoke_tokens)
          return tx.EndCredentials(user.id, end_sessions, revoke_tokens, now);
        return Status::Ok();
      });
  if (!s.ok()) return s;
  // A role, territory or activity change, or ended credentials: believed by the next request.
  accounts_.ForgetUser(user.id);
  return user;
}

}  // namespace prosit
