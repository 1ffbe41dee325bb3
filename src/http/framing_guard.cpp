#include "http/framing_guard.h"

#include <climits>

#include "http/api_response.h"
#include "http/security_headers.h"

namespace prosit {

namespace {

FramingGuard& Of(http_parser* p) { return *static_cast<FramingGuard*>(p->data); }

// The same limits RESTinio's parser callbacks apply (restinio/impl/parser_callbacks.ipp).
const http_parser_settings& Settings() {
  static const http_parser_settings settings = [] {
    http_parser_settings s;
    http_parser_settings_init(&s);
    s.on_message_begin = [](http_parser* p) {
      FramingGuard& g = Of(p);
      g.url_bytes = g.fields = g.name_bytes = g.value_bytes = 0;
      g.body_bytes = 0;
      g.last_was_value = true;
      return 0;
    };
    s.on_url = [](http_parser* p, const char*, size_t n) {
      FramingGuard& g = Of(p);
      g.url_bytes += n;
      if (g.url_bytes <= kMaxUrlBytes) return 0;
      g.broken = FramingGuard::Broken::kUrl;
      return -1;
    };
    s.on_header_field = [](http_parser* p, const char*, size_t n) {
      FramingGuard& g = Of(p);
      if (g.last_was_value) {
        if (g.fields == kMaxHeaderFields) {
          g.broken = FramingGuard::Broken::kHeaders;
          return -1;
        }
        g.name_bytes = 0;
        g.last_was_value = false;
      }
      g.name_bytes += n;
      if (g.name_bytes <= kMaxFieldNameBytes) return 0;
      g.broken = FramingGuard::Broken::kHeaders;
      return -1;
    };
    s.on_header_value = [](http_parser* p, const char*, size_t n) {
      FramingGuard& g = Of(p);
      if (!g.last_was_value) {
        g.value_bytes = 0;
        g.last_was_value = true;
        ++g.fields;
      }
      g.value_bytes += n;
      if (g.value_bytes < kMaxFieldValueBytes) return 0;
      g.broken = FramingGuard::Broken::kHeaders;
      return -1;
    };
    s.on_headers_complete = [](http_parser* p) {
      if (p->content_length == ULLONG_MAX || p->content_length <= kMaxWireBodyBytes) return 0;
      Of(p).broken = FramingGuard::Broken::kBody;
      return -1;
    };
    s.on_body = [](http_parser* p, const char*, size_t n) {
      FramingGuard& g = Of(p);
      g.body_bytes += n;
      if (g.body_bytes <= kMaxWireBodyBytes) return 0;
      g.broken = FramingGuard::Broken::kBody;
      return -1;
    };
    s.on_message_complete = [](http_parser* p) {
      ++Of(p).messages;
      return 0;
    };
    return s;
  }();
  return settings;
}

std::string Answer(int status, const char* reason, const std::string& code,
                   const std::string& message) {
  std::string body = ApiResponse::Error(status, code, message).body;
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
  for (const auto& [name, value] : SecurityHeaders())
    out.append(name).append(": ").append(value).append("\r\n");
  out += "Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return out;
}

}  // namespace

FramingGuard::FramingGuard() {
  http_parser_init(&parser_, HTTP_REQUEST);
  parser_.data = this;
}

void FramingGuard::Feed(const char* data, size_t size) {
  // Only the first request can be answered (see ErrorResponse): once it is complete,
  // keep-alive traffic is not parsed a second time.
  if (failed_ || parser_.upgrade || messages > 0) return;
  size_t before = messages;
  http_parser_execute(&parser_, &Settings(), data, size);
  if (HTTP_PARSER_ERRNO(&parser_) == HPE_OK) return;
  failed_ = true;
  // The request that failed is the first when none had completed before it.
  failed_in_first_ = before == 0 && messages == 0;
}

std::optional<std::string> FramingGuard::ErrorResponse() const {
  if (!failed_ || !failed_in_first_) return std::nullopt;
  switch (broken) {
    case Broken::kUrl:
      return Answer(414, "URI Too Long", "uri_too_long",
                    "the request target is longer than " + std::to_string(kMaxUrlBytes) + " bytes");
    case Broken::kHeaders:
      return Answer(431, "Request Header Fields Too Large", "header_fields_too_large",
                    "at most " + std::to_string(kMaxHeaderFields) + " header fields of at most " +
                        std::to_string(kMaxFieldValueBytes) + " bytes each");
    case Broken::kBody:
      return Answer(413, "Payload Too Large", "payload_too_large",
                    "the body is larger than " + std::to_string(kMaxWireBodyBytes) + " bytes");
    case Broken::kNone:
      break;
  }
  return Answer(
      400, "Bad Request", "malformed_request",
      std::string("malformed HTTP: ") + http_errno_description(HTTP_PARSER_ERRNO(&parser_)));
}

FramingGuard& GuardedSocket::Guard() {
  if (!guard_) guard_ = std::make_unique<FramingGuard>();
  return *guard_;
}

void GuardedSocket::shutdown(shutdown_type what, asio::error_code& ec) {
  if (guard_ && !wrote_) {
    if (auto answer = guard_->ErrorResponse()) {
      // Best effort, never blocking: a client that does not read gets nothing.
      asio::error_code ignored;
      Base::non_blocking(true, ignored);
      Base::write_some(asio::buffer(*answer), ignored);
      wrote_ = true;
      // Unread input would make close() send a reset, which may destroy the answer at
      // the client before it is read; take what has arrived.
      Base::shutdown(shutdown_send, ignored);
      char sink[4096];
      for (int i = 0; i < 256; ++i)
        if (Base::read_some(asio::buffer(sink), ignored) == 0) break;
    }
  }
  Base::shutdown(what, ec);
}

}  // namespace prosit
