#pragma once
// HttpClient: plain GET requests to other services (an OSRM server) over libcurl, with a
// timeout, keeping the connection open between requests. Not thread-safe: one per thread.

#include <string>

#include "model/status.h"

namespace prosit {

struct HttpResponse {
  long status = 0;  // the HTTP status code
  std::string body;
};

class HttpClient {
 public:
  explicit HttpClient(long timeout_seconds = 30);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Any answer from the server is a response, whatever its status; a failure to get one
  // (refused, timed out, unknown host) is kIoError naming the URL and curl's reason.
  Result<HttpResponse> Get(const std::string& url);

 private:
  void* curl_;  // CURL*, kept out of the header
  long timeout_seconds_;
};

// The URL shortened for messages: long coordinate lists say nothing to a person.
std::string ShortUrl(const std::string& url, size_t max_chars = 160);

}  // namespace prosit
