#pragma once
// ApiRouter: the table of API routes ("GET /api/v1/actors/{id}") and their handlers.
// The table is data so that the OpenAPI test can check every route is documented.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_request.h"
#include "http/api_response.h"

namespace prosit {

using RouteHandler = std::function<ApiResponse(const ApiRequest&)>;

struct RouteOptions {
  bool offloaded = false;  // slow by design (password hashing): run off the I/O threads
  // The handler authenticates by itself (the account routes: a user with a one-time
  // password must still reach them); others get request.caller from the resolver.
  bool own_credentials = false;
  // Reads much of the store (the audit trail): runs on the store pool with the writes,
  // so that it never holds up an I/O thread (and with it /health).
  bool store_bound = false;
  // The handler reads a body that is not JSON by itself (a spreadsheet to import), so the
  // router does not ask for application/json.
  bool any_media_type = false;
};

struct Route {
  std::string method;
  std::string pattern;  // segments in braces are parameters
  RouteHandler handler;
  RouteOptions options;
  // The query parameters the API contract gives this route, sorted; any other is refused
  // with 400. Unset: the route is not in the contract and its query is not checked.
  std::optional<std::vector<std::string>> query_parameters;
};

// Who asks, from the request's credentials; an error answers the request instead.
using AccessResolver = std::function<Result<Caller>(const ApiRequest&)>;

class ApiRouter {
 public:
  void Add(std::string method, std::string pattern, RouteHandler handler,
           RouteOptions options = {});
  void SetAccessResolver(AccessResolver resolver) { resolver_ = std::move(resolver); }
  // Takes each route's query parameters from the OpenAPI document (its operation's own
  // and its path's, `$ref`s followed), so that the served contract is what is enforced.
  Status ApplyQueryContract(std::string_view openapi_document);
  bool IsOffloaded(const std::string& method, const std::string& path) const;
  // Writes (every method but GET and HEAD) and store-bound reads: they may wait for the
  // store (another process's write lock, a long history), so they run off the I/O threads.
  bool WaitsOnStore(const std::string& method, const std::string& path) const;
  // Fills request.params and request.caller and runs the matching handler; 404 or 405
  // as JSON otherwise, 415 for a POST or PUT body that is not JSON or a PATCH body that
  // is not a JSON Merge Patch, and 400 for a query parameter the route does not take (a
  // misspelt filter must not silently match everything).
  // An error (4xx) comes in the language the request's Accept-Language prefers.
  ApiResponse Dispatch(ApiRequest& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  ApiResponse DispatchRoute(ApiRequest& request) const;

  std::vector<Route> routes_;
  AccessResolver resolver_;
};

// Whether a Content-Type names JSON: application/json, with charset=utf-8 at most.
bool IsJsonMediaType(std::string_view content_type);
// Whether it names a JSON Merge Patch (RFC 7396): application/merge-patch+json, likewise.
bool IsMergePatchMediaType(std::string_view content_type);

}  // namespace prosit
