// Routes of personal data (GDPR): everything held about a contact person, and its
// erasure. Thin: the rules are in app/accounts/personal_data.h.

#include <nlohmann/json.hpp>

#include "app/accounts/permissions.h"
#include "app/accounts/personal_data.h"
#include "http/route_helpers.h"
#include "io/json_reader.h"

namespace prosit {

namespace {

// The person named by a JSON body {"name", "email", "phone"}; 400 if it is no object,
// 422 naming a field that is not a string.
Result<PersonQuery> PersonFromBody(const ApiRequest& r) {
  PROSIT_RETURN_IF_ERROR(CheckJsonText(r.body));  // a key twice is 400, as everywhere
  auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Malformed("the body must be a JSON object");
  PersonQuery q;
  FieldErrors e;
  for (auto& [key, out] : {std::pair{"name", &q.name}, {"email", &q.email}, {"phone", &q.phone}}) {
    auto it = j.find(key);
    if (it == j.end()) continue;
    if (it->is_string())
      *out = it->get<std::string>();
    else
      e[key] = "must be a string";
  }
  for (auto it = j.begin(); it != j.end(); ++it)
    if (it.key() != "name" && it.key() != "email" && it.key() != "phone")
      e[it.key()] = "is not a field of a person";
  if (!e.empty()) return Status::Invalid("the person is named wrongly", e);
  return q;
}

ApiResponse NoStore(ApiResponse r) {
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddPersonalDataRoutes(ApiRouter& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/personal-data", [&ctx](const ApiRequest& r) {
    QueryReader qr(r);
    PersonQuery q{qr.Text("name"), qr.Text("email"), qr.Text("phone")};
    return AnswerChecked(qr, CheckPersonQuery(q), [&] {
      return NoStore(JsonOrError(PersonalDataJson(r.caller, *ctx.keeper.Current(), ctx.store, q)));
    });
  });
  router.Add("POST", "/api/v1/personal-data/erasure", [&ctx](const ApiRequest& r) {
    Status allowed = MayAdminister(r.caller);  // before the body says anything
    if (!allowed.ok()) return ApiResponse::Error(allowed);
    auto q = PersonFromBody(r);
    if (!q.ok()) return ApiResponse::Error(q.status());
    FieldErrors e = CheckPersonQuery(*q);
    if (!e.empty()) return ApiResponse::Error(Status::Invalid("the person is named wrongly", e));
    return NoStore(
        JsonOrError(ErasePersonalData(r.caller, ctx.keeper, ctx.store, ctx.clock.now(), *q)));
  });
}

}  // namespace prosit
