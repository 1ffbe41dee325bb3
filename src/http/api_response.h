#pragma once
// ApiResponse: what a route handler returns — status, body and extra headers — kept
// apart from RESTinio so handlers are plain functions that tests can call.

#include <string>
#include <utility>
#include <vector>

#include "model/status.h"

namespace prosit {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
  std::vector<std::pair<std::string, std::string>> headers;
  std::string log_detail;  // what went wrong inside, for the server log only (5xx)
  std::string content_type = "application/json; charset=utf-8";
  // Any site may frame it or load it (the public widget and its script); otherwise only
  // prosit's own pages may (security_headers.h).
  bool embeddable = false;

  static ApiResponse Json(std::string body, int status = 200) {
    return {status, std::move(body), {}, {}};
  }
  // The error form of docs/design.md: {"error": {"code", "message", "fields"}}.
  static ApiResponse Error(const Status& status);
  static ApiResponse Error(int http_status, const std::string& code, const std::string& message,
                           const FieldErrors& fields = {});
};

int HttpStatusOf(StatusCode code);

}  // namespace prosit
