#include "http/api_router.h"

#include <string_view>

namespace prosit {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool Match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string>& params) {
  auto ps = Segments(pattern), xs = Segments(path);
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < ps.size(); ++i) {
    if (ps[i].size() > 2 && ps[i].front() == '{' && ps[i].back() == '}')
      found[std::string(ps[i].substr(1, ps[i].size() - 2))] = std::string(xs[i]);
    else if (ps[i] != xs[i])
      return false;
  }
  params = std::move(found);
  return true;
}

}  // namespace

void ApiRouter::Add(std::string method, std::string pattern, RouteHandler handler,
                    RouteOptions options) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), options});
}

bool ApiRouter::IsOffloaded(const std::string& method, const std::string& path) const {
  for (const Route& r : routes_) {
    if (!r.options.offloaded || r.method != method) continue;
    std::map<std::string, std::string> params;
    if (Match(r.pattern, path, params)) return true;
  }
  return false;
}

bool ApiRouter::WaitsOnStore(const std::string& method, const std::string& path) const {
  if (method != "GET" && method != "HEAD") return true;
  for (const Route& r : routes_) {
    if (!r.options.store_bound || r.method != method) continue;
    std::map<std::string, std::string> params;
    if (Match(r.pattern, path, params)) return true;
  }
  return false;
}

ApiResponse ApiRouter::Dispatch(ApiRequest& request) const {
  bool path_known = false;
  std::string allowed;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(r.pattern, request.path, params)) continue;
    path_known = true;
    allowed += (allowed.empty() ? "" : ", ") + r.method;
    if (r.method != request.method) continue;
    request.params = std::move(params);
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

}  // namespace prosit
