#include "http/api_router.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string_view>

#include "http/localized_errors.h"

namespace prosit {

namespace {

// The next non-empty segment of `s` at or after `pos`; false when none is left.
bool NextSegment(std::string_view s, size_t& pos, std::string_view& segment) {
  while (pos < s.size() && s[pos] == '/') ++pos;
  if (pos >= s.size()) return false;
  size_t end = std::min(s.find('/', pos), s.size());
  segment = s.substr(pos, end - pos);
  pos = end;
  return true;
}

// Whether `path` fits `pattern` ("/api/v1/actors/{id}"), segment by segment without
// allocating: every request tries many routes. Fills `params` (when given) on a match.
bool Match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string>* params = nullptr) {
  size_t pp = 0, xp = 0;
  std::string_view ps, xs;
  for (;;) {
    bool more_pattern = NextSegment(pattern, pp, ps), more_path = NextSegment(path, xp, xs);
    if (more_pattern != more_path) return false;
    if (!more_pattern) break;
    // A parameter is "{name}" or "{name}.ext", the literal suffix of a file name.
    size_t close = ps.size() > 2 && ps.front() == '{' ? ps.find('}') : std::string_view::npos;
    if (close == std::string_view::npos) {
      if (ps != xs) return false;
      continue;
    }
    std::string_view suffix = ps.substr(close + 1);
    if (xs.size() <= suffix.size() || xs.substr(xs.size() - suffix.size()) != suffix) return false;
    if (params)
      (*params)[std::string(ps.substr(1, close - 1))] =
          std::string(xs.substr(0, xs.size() - suffix.size()));
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// 415 unless a body sent to be written is JSON (a PATCH: a JSON Merge Patch); an empty
// body is left to the handler.
std::optional<ApiResponse> CheckMediaType(const ApiRequest& r) {
  if (r.method != "POST" && r.method != "PUT" && r.method != "PATCH") return std::nullopt;
  if (r.body.empty() && !r.content_type) return std::nullopt;
  bool patch = r.method == "PATCH";
  if (r.content_type &&
      (patch ? IsMergePatchMediaType(*r.content_type) : IsJsonMediaType(*r.content_type)))
    return std::nullopt;
  return ApiResponse::Error(415, "unsupported_media_type",
                            std::string("send the body as ") +
                                (patch ? "application/merge-patch+json" : "application/json") +
                                " (UTF-8), not " +
                                (r.content_type ? "'" + r.content_type->substr(0, 100) + "'"
                                                : std::string("without a Content-Type")));
}

// 400 naming every query parameter the route does not take, and those it does.
std::optional<ApiResponse> CheckQueryParameters(const Route& route, const ApiRequest& request) {
  if (!route.query_parameters) return std::nullopt;
  const std::vector<std::string>& known = *route.query_parameters;
  FieldErrors unknown;
  for (const auto& [name, value] : request.query) {
    if (std::binary_search(known.begin(), known.end(), name)) continue;
    std::string takes;
    for (const std::string& k : known) takes += (takes.empty() ? "" : ", ") + k;
    unknown[name] = takes.empty() ? "unknown parameter; this route takes none"
                                  : "unknown parameter; this route takes: " + takes;
  }
  if (unknown.empty()) return std::nullopt;
  return ApiResponse::Error(400, "unknown_parameter",
                            "the query has parameters this route does not take", unknown);
}

// Whether a Content-Type names `type`, with charset=utf-8 at most.
bool IsMediaType(std::string_view content_type, std::string_view type) {
  size_t semi = content_type.find(';');
  if (!EqualsNoCase(Trim(content_type.substr(0, semi)), type)) return false;
  while (semi != std::string_view::npos) {  // the only parameter allowed: charset=utf-8
    content_type.remove_prefix(semi + 1);
    semi = content_type.find(';');
    std::string_view param = Trim(content_type.substr(0, semi));
    if (param.empty()) continue;
    size_t eq = param.find('=');
    if (eq == std::string_view::npos || !EqualsNoCase(Trim(param.substr(0, eq)), "charset"))
      return false;
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (!EqualsNoCase(value, "utf-8")) return false;
  }
  return true;
}

}  // namespace

bool IsJsonMediaType(std::string_view content_type) {
  return IsMediaType(content_type, "application/json");
}

bool IsMergePatchMediaType(std::string_view content_type) {
  return IsMediaType(content_type, "application/merge-patch+json");
}

void ApiRouter::Add(std::string method, std::string pattern, RouteHandler handler,
                    RouteOptions options) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), options});
}

bool ApiRouter::IsOffloaded(const std::string& method, const std::string& path) const {
  for (const Route& r : routes_) {
    if (r.options.offloaded && r.method == method && Match(r.pattern, path)) return true;
  }
  return false;
}

bool ApiRouter::WaitsOnStore(const std::string& method, const std::string& path) const {
  if (method != "GET" && method != "HEAD") return true;
  for (const Route& r : routes_) {
    if (r.options.store_bound && r.method == method && Match(r.pattern, path)) return true;
  }
  return false;
}

ApiResponse ApiRouter::Dispatch(ApiRequest& request) const {
  ApiResponse response = DispatchRoute(request);
  LocalizeError(request, response);
  return response;
}

ApiResponse ApiRouter::DispatchRoute(ApiRequest& request) const {
  bool path_known = false;
  std::string allowed;
  for (const Route& r : routes_) {
    if (!Match(r.pattern, request.path)) continue;
    path_known = true;
    allowed += (allowed.empty() ? "" : ", ") + r.method;
    if (r.method != request.method) continue;
    request.params.clear();
    Match(r.pattern, request.path, &request.params);
    if (!r.options.any_media_type)
      if (auto refused = CheckMediaType(request)) return *refused;
    if (auto refused = CheckQueryParameters(r, request)) return *refused;
    if (resolver_ && !r.options.own_credentials) {
      auto caller = resolver_(request);
      if (!caller.ok()) return ApiResponse::Error(caller.status());
      request.caller = std::move(*caller);
    }
    return r.handler(request);
  }
  if (!path_known) return ApiResponse::Error(404, "not_found", "no such resource: " + request.path);
  ApiResponse r = ApiResponse::Error(405, "method_not_allowed",
                                     request.method + " is not allowed here; use " + allowed);
  r.headers.emplace_back("Allow", allowed);
  return r;
}

Status ApiRouter::ApplyQueryContract(std::string_view openapi_document) {
  auto doc = nlohmann::json::parse(openapi_document, nullptr, false);
  if (doc.is_discarded() || !doc.contains("paths"))
    return Status::Corruption("the OpenAPI document is not valid JSON with paths");
  // A parameter is either inline or a "$ref" to #/components/parameters/<name>.
  auto name_of = [&](const nlohmann::json& p) -> std::pair<std::string, std::string> {
    const nlohmann::json* def = &p;
    if (p.contains("$ref")) {
      std::string ref = p["$ref"].get<std::string>();
      std::string key = ref.substr(ref.rfind('/') + 1);
      def = &doc["components"]["parameters"][key];
    }
    return {def->value("in", ""), def->value("name", "")};
  };
  for (Route& r : routes_) {
    auto path = doc["paths"].find(r.pattern);
    if (path == doc["paths"].end()) continue;
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto op = path->find(method);
    if (op == path->end()) continue;
    std::vector<std::string> names;
    for (const nlohmann::json* list : {&*op, &*path}) {
      if (!list->contains("parameters")) continue;
      for (const auto& p : (*list)["parameters"]) {
        auto [in, name] = name_of(p);
        if (in == "query") names.push_back(name);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    r.query_parameters = std::move(names);
  }
  return Status::Ok();
}

}  // namespace prosit
