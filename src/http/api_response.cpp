#include "http/api_response.h"

#include <nlohmann/json.hpp>

namespace prosit {

int HttpStatusOf(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalid:
      return 422;
    case StatusCode::kMalformed:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kPrecondition:
      return 428;
    case StatusCode::kPreconditionFailed:
      return 412;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kForbidden:
    case StatusCode::kPasswordChange:
      return 403;
    case StatusCode::kThrottled:
      return 429;
    case StatusCode::kBusy:
      return 503;
    case StatusCode::kIoError:
    case StatusCode::kCorruption:
      return 500;
  }
  return 500;
}

static const char* ErrorCodeOf(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalid:
      return "validation_failed";
    case StatusCode::kMalformed:
      return "malformed_request";
    case StatusCode::kNotFound:
      return "not_found";
    case StatusCode::kConflict:
      return "conflict";
    case StatusCode::kPrecondition:
      return "precondition_required";
    case StatusCode::kPreconditionFailed:
      return "precondition_failed";
    case StatusCode::kTooLarge:
      return "payload_too_large";
    case StatusCode::kUnauthenticated:
      return "unauthenticated";
    case StatusCode::kForbidden:
      return "forbidden";
    case StatusCode::kPasswordChange:
      return "password_change_required";
    case StatusCode::kThrottled:
      return "too_many_requests";
    case StatusCode::kBusy:
      return "store_busy";
    default:
      return "internal_error";
  }
}

ApiResponse ApiResponse::Error(int http_status, const std::string& code, const std::string& message,
                               const FieldErrors& fields) {
  nlohmann::json named = nlohmann::json::object();
  for (const auto& [field, msg] : fields) named[field] = msg;
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}, {"fields", named}}}};
  return {http_status, j.dump(), {}, {}};
}

ApiResponse ApiResponse::Error(const Status& status) {
  int http = HttpStatusOf(status.code());
  // Internal failures reveal nothing of the internals; the log has the detail.
  std::string message = http == 500 ? "the server failed to handle the request" : status.message();
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [field, msg] : status.fields()) fields[field] = msg;
  // A duplicate is a conflict of its own kind: its code says so and it names the record.
  const char* code = status.existing() ? "duplicate" : ErrorCodeOf(status.code());
  nlohmann::json j = {{"error", {{"code", code}, {"message", message}, {"fields", fields}}}};
  if (const auto& e = status.existing())
    j["error"]["existing"] = {{"kind", e->kind}, {"id", e->id}, {"name", e->name}};
  ApiResponse r{http, j.dump(), {}, http >= 500 ? status.ToString() : std::string()};
  // A busy store is free again within moments: the client may simply retry.
  if (status.code() == StatusCode::kBusy) r.headers.emplace_back("Retry-After", "1");
  return r;
}

}  // namespace prosit
