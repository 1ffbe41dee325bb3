// Routes of signing in: the session (sign in, who am I, sign out, sign out everywhere),
// users (created by an admin; one's own password) and API tokens. Thin: the rules are in
// app/accounts/accounts.h. Routes that hash passwords run off the I/O threads (AddOffloaded).

#include <nlohmann/json.hpp>

#include "app/accounts/csrf.h"
#include "app/accounts/user_admin.h"
#include "http/route_helpers.h"
#include "io/json_reader.h"
#include "io/user_json.h"

namespace prosit {

namespace {

using nlohmann::json;

// The session routes and the password change authenticate by themselves, so that a user
// who must change a one-time password can still reach them.
constexpr RouteOptions kOwn{.own_credentials = true};
constexpr RouteOptions kSlowOwn{.offloaded = true, .own_credentials = true};

std::string Cookie(const char* name, const std::string& value, int64_t max_age, bool secure) {
  std::string c = std::string(name) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

std::string SessionCookie(const std::string& token, int64_t max_age, bool secure) {
  return Cookie(kSessionCookie, token, max_age, secure);
}

ApiResponse NoStore(ApiResponse r) {
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

// 204 that also drops the session cookie.
ApiResponse SignedOut(const ApiContext& ctx) {
  ApiResponse r{204, "", {}, {}};
  r.headers.emplace_back("Set-Cookie", SessionCookie("", 0, ctx.secure_cookies));
  return r;
}

// The request's principal, or 401.
Result<Principal> Signed(ApiContext& ctx, const ApiRequest& r) {
  auto p = ctx.accounts->Authenticate(CredentialsFromHeaders(r.cookie, r.authorization));
  if (!p) return Status::Unauthenticated("sign in first");
  return std::move(*p);
}

// The principal of a state-changing request: signed in, and with the CSRF token when the
// session cookie is what signed it.
Result<Principal> SignedChange(ApiContext& ctx, const ApiRequest& r) {
  auto p = Signed(ctx, r);
  if (!p.ok()) return p;
  PROSIT_RETURN_IF_ERROR(CheckCsrf(*p, r.method, r.csrf_token));
  return p;
}

// The string fields of a small JSON object body; 400 if it is not one, 422 naming each
// field missing or not a string.
Result<std::map<std::string, std::string>> StringFields(const ApiRequest& r,
                                                        std::initializer_list<const char*> keys) {
  PROSIT_RETURN_IF_ERROR(CheckJsonText(r.body));  // a key twice is 400, as everywhere
  json j = json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Malformed("the body must be a JSON object");
  std::map<std::string, std::string> out;
  FieldErrors errors;
  for (const char* key : keys) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
      errors[key] = "required, a string";
    else
      out[key] = it->get<std::string>();
  }
  if (!errors.empty()) return Status::Invalid("the body lacks fields", errors);
  return out;
}

// Wraps a handler: 503 when the server runs without accounts.
RouteHandler WithAccounts(ApiContext& ctx, RouteHandler handler) {
  return [&ctx, handler](const ApiRequest& r) {
    if (!ctx.accounts)
      return ApiResponse::Error(503, "unavailable", "sign-in is not available on this server");
    return handler(r);
  };
}

ApiResponse SignIn(ApiContext& ctx, const ApiRequest& r) {
  auto body = StringFields(r, {"login", "password"});
  if (!body.ok()) return ApiResponse::Error(body.status());
  std::string device = r.cookie ? CookieValue(*r.cookie, kDeviceCookie).value_or("") : "";
  SignInResult in =
      ctx.accounts->SignIn((*body)["login"], (*body)["password"], r.remote_address, device);
  if (!in.status.ok()) {
    ApiResponse e = ApiResponse::Error(in.status);
    if (in.retry_after_seconds > 0)
      e.headers.emplace_back("Retry-After", std::to_string(in.retry_after_seconds));
    return e;
  }
  const SignedIn& s = *in.signed_in;
  json j = {{"user", UserToJson(s.user)}, {"csrf_token", s.csrf_token}, {"expires", s.expires}};
  ApiResponse resp = NoStore(ApiResponse::Json(j.dump()));
  int64_t max_age = AccountPolicy{}.absolute_seconds;
  resp.headers.emplace_back("Set-Cookie",
                            SessionCookie(s.session_token, max_age, ctx.secure_cookies));
  // Signing out keeps the device cookie: it only spares the browser others' throttling.
  if (!s.device_token.empty())
    resp.headers.emplace_back(
        "Set-Cookie",
        Cookie(kDeviceCookie, s.device_token, AccountPolicy{}.device_seconds, ctx.secure_cookies));
  return resp;
}

ApiResponse WhoAmI(ApiContext& ctx, const ApiRequest& r) {
  auto p = Signed(ctx, r);
  if (!p.ok()) return ApiResponse::Error(p.status());
  json j = {{"user", UserToJson(p->user)}, {"scope", p->scope}};
  if (p->via == Principal::Via::kSession) {
    j["via"] = "session";
    j["csrf_token"] = p->csrf_token;
    j["expires"] = p->expires;
  } else {
    j["via"] = "api_token";
  }
  return NoStore(ApiResponse::Json(j.dump()));
}

void AddSessionRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/session",
             WithAccounts(ctx, [&ctx](const ApiRequest& r) { return SignIn(ctx, r); }), kSlowOwn);
  router.Add("GET", "/api/v1/session",
             WithAccounts(ctx, [&ctx](const ApiRequest& r) { return WhoAmI(ctx, r); }), kOwn);
  router.Add("DELETE", "/api/v1/session",
             WithAccounts(ctx,
                          [&ctx](const ApiRequest& r) {
                            auto p = SignedChange(ctx, r);
                            if (!p.ok()) return ApiResponse::Error(p.status());
                            Status s = ctx.accounts->SignOut(*p);
                            return s.ok() ? SignedOut(ctx) : ApiResponse::Error(s);
                          }),
             kOwn);
  router.Add("DELETE", "/api/v1/sessions",
             WithAccounts(ctx,
                          [&ctx](const ApiRequest& r) {
                            auto p = SignedChange(ctx, r);
                            if (!p.ok()) return ApiResponse::Error(p.status());
                            Status s = ctx.accounts->SignOutEverywhere(*p);
                            return s.ok() ? SignedOut(ctx) : ApiResponse::Error(s);
                          }),
             kOwn);
}

void AddUserRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/users",
             WithAccounts(ctx,
                          [&ctx](const ApiRequest& r) {
                            auto p = SignedChange(ctx, r);
                            if (!p.ok()) return ApiResponse::Error(p.status());
                            auto snap = ctx.keeper.Current();
                            auto created =
                                ctx.accounts->CreateUserAs(*p, r.body, snap->frame->territory);
                            if (!created.ok()) return ApiResponse::Error(created.status());
                            json j = {{"user", UserToJson(created->user)},
                                      {"one_time_password", created->one_time_password}};
                            ApiResponse resp = NoStore(ApiResponse::Json(j.dump(), 201));
                            resp.headers.emplace_back(
                                "Location", "/api/v1/users/" + std::to_string(created->user.id));
                            return resp;
                          }),
             RouteOptions{.offloaded = true});
  router.Add("PUT", "/api/v1/users/{id}/password",
             WithAccounts(ctx,
                          [&ctx](const ApiRequest& r) {
                            auto p = SignedChange(ctx, r);
                            if (!p.ok()) return ApiResponse::Error(p.status());
                            auto id = IdParam(r);
                            if (!id) return ApiResponse::Error(404, "not_found", "no such user");
                            auto body = StringFields(r, {"current_password", "new_password"});
                            if (!body.ok()) return ApiResponse::Error(body.status());
                            Status s = ctx.accounts->ChangePassword(
                                *p, *id, (*body)["current_password"], (*body)["new_password"]);
                            return s.ok() ? ApiResponse{204, "", {}, {}} : ApiResponse::Error(s);
                          }),
             kSlowOwn);
}

json UserDetailToJson(const UserDetail& d) {
  json j = UserToJson(d.user);
  j["open_sessions"] = d.open_sessions;
  j["api_tokens"] = json::array();
  for (const ApiTokenRecord& t : d.api_tokens)
    j["api_tokens"].push_back({{"id", t.id},
                               {"name", t.name},
                               {"scope", t.scope},
                               {"created", t.created},
                               {"revoked", t.revoked ? json(*t.revoked) : json()}});
  return j;
}

// An admin's handler: the signed-in principal (with the CSRF token for a change) and the
// use cases of app/accounts/user_admin.h.
template <typename Handle>
RouteHandler AsAdmin(ApiContext& ctx, bool change, Handle handle) {
  return WithAccounts(ctx, [&ctx, change, handle](const ApiRequest& r) {
    auto p = change ? SignedChange(ctx, r) : Signed(ctx, r);
    if (!p.ok()) return ApiResponse::Error(p.status());
    UserAdmin admin(ctx.store, *ctx.accounts, ctx.clock);
    return handle(admin, *p, r);
  });
}

// The administration of other users (admins only; docs/permissions.md).
void AddUserAdminRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/users",
             AsAdmin(ctx, false, [](UserAdmin& admin, const Principal& p, const ApiRequest&) {
               auto users = admin.List(p);
               if (!users.ok()) return ApiResponse::Error(users.status());
               json items = json::array();
               for (const User& u : *users) items.push_back(UserToJson(u));
               json j = {{"items", items}, {"total", users->size()}};
               return NoStore(ApiResponse::Json(j.dump()));
             }));
  router.Add("GET", "/api/v1/users/{id}",
             AsAdmin(ctx, false, [](UserAdmin& admin, const Principal& p, const ApiRequest& r) {
               auto id = IdParam(r);
               if (!id) return ApiResponse::Error(404, "not_found", "no such user");
               auto d = admin.Get(p, *id);
               if (!d.ok()) return ApiResponse::Error(d.status());
               return NoStore(Document(UserDetailToJson(*d).dump()));
             }));
  router.Add("PATCH", "/api/v1/users/{id}",
             AsAdmin(ctx, true, [&ctx](UserAdmin& admin, const Principal& p, const ApiRequest& r) {
               auto id = IdParam(r);
               if (!id) return ApiResponse::Error(404, "not_found", "no such user");
               auto version = IfMatchVersion(r);
               if (!version.ok()) return ApiResponse::Error(version.status());
               auto body = Body(r);
               if (!body.ok()) return ApiResponse::Error(body.status());
               auto snap = ctx.keeper.Current();
               auto u = admin.Patch(p, *id, *body, *version, snap->frame->territory);
               if (!u.ok()) return ApiResponse::Error(u.status());
               return NoStore(Document(UserToJson(*u).dump()));
             }));
  router.Add("DELETE", "/api/v1/users/{id}/sessions",
             AsAdmin(ctx, true, [](UserAdmin& admin, const Principal& p, const ApiRequest& r) {
               auto id = IdParam(r);
               if (!id) return ApiResponse::Error(404, "not_found", "no such user");
               auto u = admin.EndSessions(p, *id);
               return u.ok() ? ApiResponse{204, "", {}, {}} : ApiResponse::Error(u.status());
             }));
  router.Add("DELETE", "/api/v1/users/{id}/api-tokens",
             AsAdmin(ctx, true, [](UserAdmin& admin, const Principal& p, const ApiRequest& r) {
               auto id = IdParam(r);
               if (!id) return ApiResponse::Error(404, "not_found", "no such user");
               auto u = admin.RevokeTokens(p, *id);
               return u.ok() ? ApiResponse{204, "", {}, {}} : ApiResponse::Error(u.status());
             }));
}

void AddTokenRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/api-tokens", WithAccounts(ctx, [&ctx](const ApiRequest& r) {
               auto p = SignedChange(ctx, r);
               if (!p.ok()) return ApiResponse::Error(p.status());
               auto body = StringFields(r, {"name", "scope"});
               if (!body.ok()) return ApiResponse::Error(body.status());
               auto t = ctx.accounts->CreateApiToken(*p, (*body)["name"], (*body)["scope"]);
               if (!t.ok()) return ApiResponse::Error(t.status());
               json j = {{"id", t->id},
                         {"token", t->token},
                         {"scope", t->scope},
                         {"name", t->name},
                         {"created", t->created}};
               return NoStore(ApiResponse::Json(j.dump(), 201));
             }));
  router.Add("DELETE", "/api/v1/api-tokens/{id}", WithAccounts(ctx, [&ctx](const ApiRequest& r) {
               auto p = SignedChange(ctx, r);
               if (!p.ok()) return ApiResponse::Error(p.status());
               auto id = IdParam(r);
               if (!id) return ApiResponse::Error(404, "not_found", "no such API token");
               Status s = ctx.accounts->RevokeApiToken(*p, *id);
               return s.ok() ? ApiResponse{204, "", {}, {}} : ApiResponse::Error(s);
             }));
}

}  // namespace

void AddAccountRoutes(ApiRouter& router, ApiContext& ctx) {
  AddSessionRoutes(router, ctx);
  AddUserRoutes(router, ctx);
  AddUserAdminRoutes(router, ctx);
  AddTokenRoutes(router, ctx);
}

}  // namespace prosit
