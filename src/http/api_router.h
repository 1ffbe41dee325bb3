#pragma once
// ApiRouter: the table of API routes ("GET /api/v1/actors/{id}") and their handlers.
// The table is data so that the OpenAPI test can check every route is documented.

#include <functional>
#include <string>
#include <vector>

#include "http/api_request.h"
#include "http/api_response.h"

namespace prosit {

using RouteHandler = std::function<ApiResponse(const ApiRequest&)>;

struct Route {
  std::string method;
  std::string pattern;  // segments in braces are parameters
  RouteHandler handler;
  bool offloaded = false;  // slow by design (password hashing): run off the I/O threads
};

class ApiRouter {
 public:
  void Add(std::string method, std::string pattern, RouteHandler handler);
  // A route whose handler takes long on purpose; the server runs it on a worker pool.
  void AddOffloaded(std::string method, std::string pattern, RouteHandler handler);
  bool IsOffloaded(const std::string& method, const std::string& path) const;
  // Fills request.params and runs the matching handler; 404 or 405 as JSON otherwise.
  ApiResponse Dispatch(ApiRequest& request) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace prosit
