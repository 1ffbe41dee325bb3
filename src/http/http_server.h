#pragma once
// HttpServer: serves the API router over HTTP/1.1 with RESTinio on a thread pool.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "http/api_router.h"
#include "site/public_site.h"

namespace prosit {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  size_t threads = 2;
  // When > 0, GET /bench/constant answers a fixed JSON body of this size: the baseline
  // the search benchmark compares against (bench/http_search).
  size_t constant_body_bytes = 0;
  // Limits that keep slow or stalled clients from holding connections: the whole request
  // must arrive within read_timeout (also how long an idle keep-alive connection stays),
  // a handler must answer within handle_timeout, the answer must be sent within
  // write_timeout; beyond max_connections new connections wait in the listen backlog.
  std::chrono::milliseconds read_timeout = std::chrono::seconds(10);
  std::chrono::milliseconds handle_timeout = std::chrono::seconds(30);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(30);
  size_t max_connections = 512;
  // One client address holds at most this many of them (trusted proxies are exempt).
  size_t max_connections_per_address = 64;
  // Requests a client may send ahead on one connection; they are answered in order.
  size_t max_pipelined_requests = 16;
  // Reverse proxies (IP addresses or CIDR networks) whose Forwarded/X-Forwarded-For
  // headers name the client; from anyone else those headers are ignored.
  std::vector<std::string> trusted_proxies;
  // The built web UI, served to GETs outside /api; empty: none.
  std::filesystem::path static_root;
};

// Runs until SIGINT/SIGTERM. `on_ready` is called once the socket listens. With
// `public_site`, its pages answer their paths (http/public_site_routes.h).
Status RunHttpServer(const ApiRouter& router, const HttpServerOptions& options,
                     const std::function<void()>& on_ready,
                     const PublicSite* public_site = nullptr);

// Turns a raw request target into path and decoded query parameters.
void SplitTarget(std::string_view target, std::string& path,
                 std::map<std::string, std::string>& query);

}  // namespace prosit
