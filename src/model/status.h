#pragma once
// Status: the outcome of an operation at a boundary (store, import, use case).
// Modelled on LevelDB's Status: cheap when OK, carries a code the HTTP layer maps
// to a status, a message for people, and per-field messages for validation.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace prosit {

enum class StatusCode {
  kOk,
  kInvalid,          // the input breaks a rule; fields say which (HTTP 422)
  kMalformed,        // the input cannot be parsed at all (HTTP 400)
  kNotFound,         // HTTP 404
  kConflict,         // stale version or a reference that forbids the change (HTTP 409)
  kPrecondition,     // a required precondition (If-Match) is missing (HTTP 428)
  kTooLarge,         // HTTP 413
  kUnauthenticated,  // no valid session or token, or wrong credentials (HTTP 401)
  kForbidden,        // signed in, but not allowed, or a missing CSRF token (HTTP 403)
  kPasswordChange,   // signed in with a one-time password, which must be changed first (403)
  kThrottled,        // too many attempts; try again later (HTTP 429)
  kBusy,             // the store is locked by another writer; try again shortly (HTTP 503)
  kIoError,          // the store or a file failed (HTTP 500)
  kCorruption,       // stored data breaks an invariant
  // A precondition that cannot hold, e.g. If-Match with a weak ETag (HTTP 412).
  kPreconditionFailed,
};

using FieldErrors = std::map<std::string, std::string>;

// The stored record that a write would duplicate: a 409 names it so that the writer can
// look at it, or say that theirs is knowingly a different one.
struct ExistingRecord {
  std::string kind;  // EntityName: "actor", "tie"
  int64_t id = 0;
  std::string name;
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return {}; }
  static Status Invalid(std::string msg, FieldErrors fields = {}) {
    return {StatusCode::kInvalid, std::move(msg), std::move(fields)};
  }
  static Status Malformed(std::string msg) { return {StatusCode::kMalformed, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Conflict(std::string msg, FieldErrors fields = {}) {
    return {StatusCode::kConflict, std::move(msg), std::move(fields)};
  }
  // A conflict with a stored record the write would duplicate; fields say which match.
  static Status Duplicate(std::string msg, ExistingRecord existing, FieldErrors fields) {
    Status s{StatusCode::kConflict, std::move(msg), std::move(fields)};
    s.existing_ = std::move(existing);
    return s;
  }
  static Status Precondition(std::string msg) {
    return {StatusCode::kPrecondition, std::move(msg)};
  }
  static Status PreconditionFailed(std::string msg) {
    return {StatusCode::kPreconditionFailed, std::move(msg)};
  }
  static Status TooLarge(std::string msg) { return {StatusCode::kTooLarge, std::move(msg)}; }
  static Status Unauthenticated(std::string msg) {
    return {StatusCode::kUnauthenticated, std::move(msg)};
  }
  static Status Forbidden(std::string msg) { return {StatusCode::kForbidden, std::move(msg)}; }
  static Status PasswordChange(std::string msg) {
    return {StatusCode::kPasswordChange, std::move(msg)};
  }
  static Status Throttled(std::string msg) { return {StatusCode::kThrottled, std::move(msg)}; }
  static Status Busy(std::string msg) { return {StatusCode::kBusy, std::move(msg)}; }
  static Status IoError(std::string msg) { return {StatusCode::kIoError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const FieldErrors& fields() const { return fields_; }
  // Set for a duplicate (Status::Duplicate) only.
  const std::optional<ExistingRecord>& existing() const { return existing_; }
  std::string ToString() const;

 private:
  Status(StatusCode c, std::string m, FieldErrors f = {})
      : code_(c), message_(std::move(m)), fields_(std::move(f)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  FieldErrors fields_;
  std::optional<ExistingRecord> existing_;
};

// Result<T>: a value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace prosit

// Returns early with the Status of `expr` when it is not OK.
#define PROSIT_RETURN_IF_ERROR(expr) \
  do {                               \
    ::prosit::Status _s = (expr);    \
    if (!_s.ok()) return _s;         \
  } while (0)
