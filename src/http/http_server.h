#pragma once
// HttpServer: serves the API router over HTTP/1.1 with RESTinio on a thread pool.

#include <cstdint>
#include <functional>
#include <string>

#include "http/api_router.h"

namespace prosit {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  size_t threads = 2;
  // When > 0, GET /bench/constant answers a fixed JSON body of this size: the baseline
  // the search benchmark compares against (bench/http_search).
  size_t constant_body_bytes = 0;
};

// Runs until SIGINT/SIGTERM. `on_ready` is called once the socket listens.
Status RunHttpServer(const ApiRouter& router, const HttpServerOptions& options,
                     const std::function<void()>& on_ready);

// Turns a raw request target into path and decoded query parameters.
void SplitTarget(std::string_view target, std::string& path,
                 std::map<std::string, std::string>& query);

}  // namespace prosit
