#include "http/route_helpers.h"

#include <charconv>

namespace prosit {

using nlohmann::json;

Result<Lang> LangParam(const ApiRequest& r, Lang fallback) {
  auto it = r.query.find("lang");
  if (it == r.query.end()) return fallback;
  if (auto lang = ParseLang(it->second)) return *lang;
  return Status::Invalid(
      "the query has invalid parameters",
      {{"lang", "unknown lang '" + it->second.substr(0, 20) + "'; allowed: cs, en"}});
}

ApiResponse Invalid(const FieldErrors& errors) {
  return ApiResponse::Error(Status::Invalid("the query has invalid parameters", errors));
}

std::optional<int64_t> IdParam(const ApiRequest& r) {
  const std::string& s = r.params.at("id");
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

// The version named by If-Match: "3" or 3. A weak validator (W/"3") never matches for a
// write: RFC 9110 allows only the strong comparison in If-Match.
Result<std::optional<int64_t>> IfMatchVersion(const ApiRequest& r) {
  if (!r.if_match) return std::optional<int64_t>();
  std::string s = *r.if_match;
  if (s.rfind("W/", 0) == 0)
    return Status::PreconditionFailed(
        "If-Match needs the strong ETag this API gave out, like \"3\"; a weak one (W/) "
        "never matches a write");
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0)
    return Status::Malformed("If-Match must be an ETag this API gave out, like \"3\"");
  return std::optional<int64_t>(v);
}

// The body, once it is known not to be too large; the commands parse it.
Result<std::string_view> Body(const ApiRequest& r) {
  if (r.body.size() > kMaxBodyBytes)
    return Status::TooLarge("the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes");
  return std::string_view(r.body);
}

// A stored document with its version as the ETag.
ApiResponse Document(const std::string& doc, int status) {
  ApiResponse r = ApiResponse::Json(doc, status);
  json j = json::parse(doc, nullptr, false);
  if (j.is_object() && j.contains("version"))
    r.headers.emplace_back("ETag", "\"" + std::to_string(j["version"].get<int64_t>()) + "\"");
  if (status == 201 && j.is_object() && j.contains("id"))
    r.headers.emplace_back("Location", std::to_string(j["id"].get<int64_t>()));
  return r;
}

namespace {

// The stored document a write answers, with the names beside its ids as a GET gives them
// (app/networking/record_names.h), read from the snapshot the write brought up to date.
std::string WithNames(ApiContext& ctx, const Caller& caller, EntityKind kind,
                      const std::string& doc) {
  std::string out = doc;
  VisitRecordKind(kind, [&]<typename T>() {
    if constexpr (RecordKind<T>::kAccess == AccessRule::kWork) {
      auto record = RecordKind<T>::Parse(doc, nullptr);
      if (record.ok()) out = JsonWithNames(caller, *ctx.keeper.Current(), *record).dump();
    } else if constexpr (std::is_same_v<T, ServiceCard>) {
      json j = json::parse(doc, nullptr, false);
      if (!j.is_object() || !j.contains("actor_id")) return;
      auto snap = ctx.keeper.Current();
      const ActorEntry* actor = snap->FindActor(j["actor_id"].get<int64_t>());
      j["actor"] = {{"id", j["actor_id"]}, {"name", actor ? json(actor->actor.name) : json()}};
      out = j.dump();
    }
  });
  return out;
}

}  // namespace

void AddWriteRoutes(ApiRouter& router, ApiContext& ctx, const RecordKindInfo& kind) {
  const EntityKind k = kind.kind;
  const std::string base = kind.collection();
  router.Add("POST", base, [&ctx, base, k](const ApiRequest& r) {
    auto body = Body(r);
    if (!body.ok()) return ApiResponse::Error(body.status());
    auto doc = ctx.commands.Create(k, *body, r.caller);
    if (!doc.ok()) return ApiResponse::Error(doc.status());
    ApiResponse resp = Document(WithNames(ctx, r.caller, k, *doc), 201);
    for (auto& [name, value] : resp.headers)
      if (name == "Location") value = base + "/" + value;
    return resp;
  });
  // PUT replaces the record, PATCH merges into it; both answer the stored document.
  auto change = [&ctx, k](auto write) {
    return [&ctx, k, write](const ApiRequest& r) {
      auto id = IdParam(r);
      if (!id) return ApiResponse::Error(404, "not_found", "no such record");
      auto version = IfMatchVersion(r);
      if (!version.ok()) return ApiResponse::Error(version.status());
      auto body = Body(r);
      if (!body.ok()) return ApiResponse::Error(body.status());
      auto doc = (ctx.commands.*write)(k, *id, *body, *version, r.caller);
      if (!doc.ok()) return ApiResponse::Error(doc.status());
      return Document(WithNames(ctx, r.caller, k, *doc));
    };
  };
  router.Add("PUT", kind.item(), change(&RecordCommands::Update));
  router.Add("PATCH", kind.item(), change(&RecordCommands::Patch));
  router.Add("DELETE", kind.item(), [&ctx, k](const ApiRequest& r) {
    auto id = IdParam(r);
    if (!id) return ApiResponse::Error(404, "not_found", "no such record");
    auto version = IfMatchVersion(r);
    if (!version.ok()) return ApiResponse::Error(version.status());
    Status s = ctx.commands.Delete(k, *id, *version, r.caller);
    if (!s.ok()) return ApiResponse::Error(s);
    return ApiResponse{204, "", {}, {}};
  });
}

namespace {

template <typename T>
void AddWorkRecordRead(ApiRouter& router, ApiContext& ctx) {
  using Kind = RecordKind<T>;
  if constexpr (Kind::kAccess == AccessRule::kWork)
    AddGetById(router, ctx, FindRecordKind(Kind::kKind)->item(), std::string(Kind::kLabel),
               Kind::kSnapshotMap, Kind::ToJson);
}

template <typename... T>
void AddWorkRecordReads(ApiRouter& router, ApiContext& ctx, KindList<T...>) {
  (AddWorkRecordRead<T>(router, ctx), ...);
}

}  // namespace

void AddRecordRoutes(ApiRouter& router, ApiContext& ctx) {
  AddWorkRecordReads(router, ctx, RecordTypes{});
  for (const RecordKindInfo& kind : RecordKinds()) AddWriteRoutes(router, ctx, kind);
}

}  // namespace prosit
