#pragma once
// FramingGuard and GuardedSocket: a JSON error instead of a silent close for a request
// RESTinio cannot parse. RESTinio (0.6) closes the connection on a parser error (a URL or
// a header beyond its limits, a negative or overflowing Content-Length, a bad chunk size)
// and offers no hook to answer. So the socket it reads from parses the same bytes with
// the same parser (http_parser) and the same limits; when RESTinio shuts the connection
// down after such an error, before anything was written on it, the socket first writes
// 414, 431, 413 or 400 with the JSON error body, without blocking.

#include <http_parser.h>

#include <asio.hpp>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace prosit {

// The limits of an incoming request, RESTinio's and the guard's alike.
inline constexpr size_t kMaxUrlBytes = 8192;
inline constexpr size_t kMaxHeaderFields = 100;
inline constexpr size_t kMaxFieldNameBytes = 1024;
inline constexpr size_t kMaxFieldValueBytes = size_t{16} * 1024;
inline constexpr uint64_t kMaxWireBodyBytes = uint64_t{16} << 20;  // beyond it, 413 and close

// Parses one connection's bytes and says what was wrong with them, if anything.
class FramingGuard {
 public:
  FramingGuard();
  FramingGuard(const FramingGuard&) = delete;
  FramingGuard& operator=(const FramingGuard&) = delete;

  void Feed(const char* data, size_t size);
  // The whole answer to write, once the bytes cannot be a request; nullopt while they
  // can. Only for the first request of a connection: later ones may still wait for
  // answers to earlier requests, which must go first.
  std::optional<std::string> ErrorResponse() const;

  // Which limit the current request broke (the parser callbacks set it).
  enum class Broken { kNone, kUrl, kHeaders, kBody };
  Broken broken = Broken::kNone;
  size_t fields = 0;
  size_t url_bytes = 0, name_bytes = 0, value_bytes = 0;
  uint64_t body_bytes = 0;
  bool last_was_value = true;
  size_t messages = 0;  // complete requests seen

 private:
  http_parser parser_;
  bool failed_ = false;
  bool failed_in_first_ = false;
};

// The TCP socket RESTinio reads from and writes to (its stream_socket_t), watched by a
// FramingGuard.
class GuardedSocket : public asio::ip::tcp::socket {
 public:
  using Base = asio::ip::tcp::socket;
  explicit GuardedSocket(asio::io_context& io) : Base(io) {}
  GuardedSocket(GuardedSocket&&) = default;
  GuardedSocket& operator=(GuardedSocket&&) = default;

  template <typename Buffers, typename Handler>
  void async_read_some(const Buffers& buffers, Handler&& handler) {
    const char* data = static_cast<const char*>(asio::buffer_sequence_begin(buffers)->data());
    auto executor = asio::get_associated_executor(handler, get_executor());
    Base::async_read_some(
        buffers, asio::bind_executor(executor, [this, data, h = std::forward<Handler>(handler)](
                                                   const asio::error_code& ec, size_t n) mutable {
          if (!ec && n > 0) Guard().Feed(data, n);
          h(ec, n);
        }));
  }

  template <typename Buffers, typename Handler>
  void async_write_some(const Buffers& buffers, Handler&& handler) {
    wrote_ = true;
    Base::async_write_some(buffers, std::forward<Handler>(handler));
  }

  // RESTinio's close: first the guard's answer, when there is one to give.
  void shutdown(shutdown_type what, asio::error_code& ec);

 private:
  FramingGuard& Guard();

  std::unique_ptr<FramingGuard> guard_;  // made on the first read; none in a moved-from socket
  bool wrote_ = false;
};

}  // namespace prosit
