#include "http/http_server.h"

#include <spdlog/spdlog.h>

#include <restinio/all.hpp>
#include <thread>

#include "http/api_routes.h"
#include "http/client_address.h"
#include "http/connection_slots.h"
#include "http/framing_guard.h"
#include "http/public_site_routes.h"
#include "http/security_headers.h"
#include "http/static_files.h"

namespace prosit {

namespace {

// Decodes %XX and '+' of a query component; keeps malformed escapes as they are.
std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out.push_back(' ');
    } else if (s[i] == '%' && i + 2 < s.size() &&
               std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 503:
      return "Service Unavailable";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

restinio::http_status_line_t StatusLine(int status) {
  return restinio::http_status_line_t(
      restinio::http_status_code_t(static_cast<std::uint16_t>(status)), ReasonPhrase(status));
}

// Counting connections lets max_parallel_connections hold; ConnectionSlots holds the
// limit per address.
struct Traits : restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t> {
  static constexpr bool use_connection_count_limiter = true;
  using ip_blocker_t = ConnectionSlots;
  using connection_state_listener_t = ConnectionSlots;
  using stream_socket_t = GuardedSocket;  // answers what RESTinio cannot parse
};

// Every answer starts here, so none can leave without the security headers.
template <typename Output = restinio::restinio_controlled_output_t>
restinio::response_builder_t<Output> SecureResponse(
    const restinio::request_handle_t& req, restinio::http_status_line_t status = StatusLine(200),
    bool embeddable = false) {
  auto out = req->create_response<Output>(std::move(status));
  for (const auto& [name, value] : embeddable ? EmbeddableSecurityHeaders() : SecurityHeaders())
    out.append_header(std::string(name), std::string(value));
  return out;
}

// GETs outside /api may be files of the web UI; the API keeps all of its paths.
bool IsStaticRequest(const restinio::request_handle_t& req) {
  std::string_view target = req->header().request_target();
  return req->header().method() == restinio::http_method_get() && target != "/api" &&
         !target.starts_with("/api/") && !target.starts_with("/api?");
}

restinio::request_handling_status_t SendStatic(const restinio::request_handle_t& req,
                                               std::optional<StaticFile> file) {
  if (!file) {
    return SecureResponse(req, StatusLine(404))
        .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
        .set_body(ApiResponse::Error(404, "not_found", "no such file").body)
        .done();
  }
  return SecureResponse(req)
      .append_header(restinio::http_field::content_type, file->content_type)
      .append_header(restinio::http_field::cache_control, file->cache_control)
      .set_body(std::move(file->body))
      .done();
}

std::optional<std::string> Field(const restinio::request_handle_t& req, std::string_view name) {
  if (auto v = req->header().try_get_field(name)) return std::string(*v);
  return std::nullopt;
}

// Every line of a header that may repeat, joined by commas in order (RFC 9110 5.3): a
// proxy may add its own X-Forwarded-For line below the client's.
std::optional<std::string> AllFields(const restinio::request_handle_t& req, std::string_view name) {
  std::optional<std::string> out;
  req->header().for_each_value_of(name, [&out](restinio::string_view_t value) {
    out = out ? *out + ", " + std::string(value) : std::string(value);
    return restinio::http_header_fields_t::continue_enumeration();
  });
  return out;
}

ApiRequest ReadRequest(const restinio::request_handle_t& req, const TrustedProxies& proxies) {
  ApiRequest r;
  r.method = req->header().method().c_str();
  SplitTarget(req->header().request_target(), r.path, r.query);
  r.if_match = Field(req, "If-Match");
  r.if_none_match = Field(req, "If-None-Match");
  r.host = Field(req, "Host");
  r.content_type = Field(req, "Content-Type");
  r.accept_language = Field(req, "Accept-Language");
  r.cookie = Field(req, "Cookie");
  r.authorization = Field(req, "Authorization");
  r.csrf_token = Field(req, "X-CSRF-Token");
  r.remote_address =
      proxies.ClientAddress(req->remote_endpoint().address(), AllFields(req, "Forwarded"),
                            AllFields(req, "X-Forwarded-For"));
  return r;
}

// Runs the route; a bug's exception becomes a 500 and the server keeps serving.
ApiResponse Answer(const ApiRouter& router, ApiRequest& r) {
  ApiResponse resp;
  try {
    resp = router.Dispatch(r);
  } catch (const std::exception& e) {
    resp = ApiResponse::Error(Status::IoError(std::string("unhandled exception: ") + e.what()));
  }
  if (resp.status >= 500)
    spdlog::error("{} {} -> {}: {}", r.method, r.path, resp.status, resp.log_detail);
  return resp;
}

// A HEAD's answer: the GET's headers and length without its body (RFC 9110 9.3.2).
restinio::request_handling_status_t SendHead(const restinio::request_handle_t& req,
                                             ApiResponse resp) {
  auto out = SecureResponse<restinio::user_controlled_output_t>(req, StatusLine(resp.status),
                                                                resp.embeddable);
  if (resp.status != 304) out.append_header(restinio::http_field::content_type, resp.content_type);
  for (const auto& [k, v] : resp.headers) out.append_header(k, v);
  if (resp.status != 304) out.set_content_length(resp.body.size());
  return out.done();
}

// Sends the response; safe from any thread (RESTinio posts it to the connection).
restinio::request_handling_status_t Send(const restinio::request_handle_t& req, ApiResponse resp) {
  if (req->header().method() == restinio::http_method_head()) return SendHead(req, std::move(resp));
  auto out = SecureResponse(req, StatusLine(resp.status), resp.embeddable);
  // 204 and 304 carry no body (RFC 9110 15.3.5, 15.4.5).
  bool bodiless = resp.status == 204 || resp.status == 304;
  if (!resp.body.empty() || !bodiless)
    out.append_header(restinio::http_field::content_type, resp.content_type);
  for (const auto& [k, v] : resp.headers) out.append_header(k, v);
  if (!bodiless) out.set_body(std::move(resp.body));
  return out.done();
}

// Answers on `pool` rather than on the calling I/O thread.
restinio::request_handling_status_t AnswerOn(asio::thread_pool& pool, const ApiRouter& router,
                                             const restinio::request_handle_t& req, ApiRequest r) {
  asio::post(pool, [&router, req, r = std::move(r)]() mutable { Send(req, Answer(router, r)); });
  return restinio::request_accepted();
}

}  // namespace

void SplitTarget(std::string_view target, std::string& path,
                 std::map<std::string, std::string>& query) {
  size_t q = target.find('?');
  path = Unescape(target.substr(0, q));
  if (q == std::string_view::npos) return;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    size_t eq = pair.find('=');
    if (!pair.empty())
      query[Unescape(pair.substr(0, eq))] =
          eq == std::string_view::npos ? std::string() : Unescape(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
}

Status RunHttpServer(const ApiRouter& router, const HttpServerOptions& options,
                     const std::function<void()>& on_ready, const PublicSite* public_site) {
  std::string constant_body;
  if (options.constant_body_bytes > 0)
    constant_body = "{\"constant\":\"" + std::string(options.constant_body_bytes, 'x') + "\"}";
  // Sign-ins hash passwords for ~0.15 s by design; they run here, not on the I/O threads.
  asio::thread_pool slow_work(2);
  // Writes and long store reads may wait for the store (another process's lock): they run
  // here, so that the I/O threads keep answering reads of the snapshot and /health.
  asio::thread_pool store_work(2);
  auto proxies = TrustedProxies::Parse(options.trusted_proxies);
  if (!proxies.ok()) return proxies.status();
  auto handler = [&router, &constant_body, &slow_work, &store_work,
                  &proxies](const restinio::request_handle_t& req) {
    // The API's index; a server without the web UI also answers it at "/", where a
    // browser lands first (with the UI, "/" is the app's page).
    std::string_view target = req->header().request_target();
    bool get = req->header().method() == restinio::http_method_get();
    if (get && (target == "/api/v1" || target == "/api/v1/" || target == "/"))
      return SecureResponse(req)
          .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
          .set_body(R"({"name":"prosit","api":"/api/v1","openapi":"/api/v1/openapi.json",)"
                    R"("health":"/api/v1/health","service_cards":"/api/v1/service-cards"})")
          .done();
    if (!constant_body.empty() && req->header().request_target() == "/bench/constant")
      return SecureResponse(req)
          .append_header(restinio::http_field::content_type, "application/json; charset=utf-8")
          .set_body(constant_body)
          .done();
    ApiRequest r = ReadRequest(req, *proxies);
    if (req->body().size() > kMaxBodyBytes)
      return Send(req, ApiResponse::Error(Status::TooLarge(
                           "the body is larger than " + std::to_string(kMaxBodyBytes) + " bytes")));
    r.body = req->body();
    if (router.IsOffloaded(r.method, r.path)) return AnswerOn(slow_work, router, req, std::move(r));
    if (router.WaitsOnStore(r.method, r.path))
      return AnswerOn(store_work, router, req, std::move(r));
    return Send(req, Answer(router, r));
  };
  std::optional<StaticFiles> static_files;
  if (!options.static_root.empty()) {
    auto opened = StaticFiles::Open(options.static_root);
    if (!opened.ok()) return opened.status();
    static_files = std::move(*opened);
  }
  auto route = [&handler, &static_files, &proxies,
                public_site](const restinio::request_handle_t& req) {
    // The public pages come before the web UI's files, whose fallback takes every path.
    if (public_site) {
      std::string_view target = req->header().request_target();
      std::string path;
      std::map<std::string, std::string> ignored;
      SplitTarget(target.substr(0, target.find('?')), path, ignored);
      if (IsPublicSiteRequest(path)) {
        ApiRequest r = ReadRequest(req, *proxies);
        return Send(req, AnswerPublicPage(*public_site, r));
      }
    }
    if (static_files && IsStaticRequest(req))
      return SendStatic(req, static_files->Find(req->header().request_target()));
    return handler(req);
  };
  // Beyond these RESTinio drops the request and GuardedSocket answers 414, 431 or 413.
  restinio::incoming_http_msg_limits_t limits;
  limits.max_body_size(kMaxWireBodyBytes);
  limits.max_url_size(kMaxUrlBytes);
  limits.max_field_count(kMaxHeaderFields);
  limits.max_field_name_size(kMaxFieldNameBytes);
  limits.max_field_value_size(kMaxFieldValueBytes);
  restinio::server_settings_t<Traits> settings;
  settings.address(options.address)
      .port(options.port)
      .request_handler(route)
      .incoming_http_msg_limits(limits)
      .read_next_http_message_timelimit(options.read_timeout)
      .handle_request_timeout(options.handle_timeout)
      .write_http_response_timelimit(options.write_timeout)
      .max_parallel_connections(options.max_connections)
      .max_pipelined_requests(options.max_pipelined_requests);
  auto slots = std::make_shared<ConnectionSlots>(options.max_connections_per_address, *proxies);
  settings.ip_blocker(slots).connection_state_listener(slots);
  asio::io_context ioctx;
  restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};
  std::exception_ptr failure;
  asio::signal_set stop_signals(ioctx, SIGINT, SIGTERM);
  stop_signals.async_wait([&](const asio::error_code& ec, int) {
    if (!ec)
      server.close_async([&] { ioctx.stop(); }, [&](const std::exception_ptr&) { ioctx.stop(); });
  });
  server.open_async([&] { on_ready(); },
                    [&](const std::exception_ptr& ex) {
                      failure = ex;
                      ioctx.stop();
                    });
  std::vector<std::thread> threads;
  for (size_t i = 1; i < options.threads; ++i) threads.emplace_back([&] { ioctx.run(); });
  ioctx.run();
  for (auto& t : threads) t.join();
  slow_work.join();
  store_work.join();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      return Status::IoError("cannot serve on " + options.address + ":" +
                             std::to_string(options.port) + ": " + e.what());
    }
  }
  return Status::Ok();
}

}  // namespace prosit
