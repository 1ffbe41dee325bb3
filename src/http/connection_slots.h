#pragma once
// ConnectionSlots: at most so many open connections per client address, so that one
// address cannot take every connection slot (idle or trickling connections) and starve
// the rest, health checks included. RESTinio asks it about each new connection (as its
// IP blocker) and tells it when connections open and close (as its state listener).
// Trusted proxies are exempt: every client behind them shares their address.

#include <cstddef>
#include <map>
#include <mutex>
#include <restinio/connection_state_listener.hpp>
#include <restinio/ip_blocker.hpp>
#include <string>

#include "http/client_address.h"

namespace prosit {

class ConnectionSlots {
 public:
  ConnectionSlots(size_t per_address, TrustedProxies exempt)
      : per_address_(per_address), exempt_(std::move(exempt)) {}

  // A new connection: refused when its address holds per_address connections already.
  restinio::ip_blocker::inspection_result_t inspect(
      const restinio::ip_blocker::incoming_info_t& info) noexcept;
  // Counts connections as RESTinio opens and closes them.
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept;

  size_t OpenFrom(const std::string& address) const;

 private:
  void Count(const restinio::connection_state::notice_t& notice);

  const size_t per_address_;
  const TrustedProxies exempt_;
  mutable std::mutex mu_;
  std::map<std::string, size_t> open_;                            // by address
  std::map<restinio::connection_id_t, std::string> connections_;  // the open ones
};

}  // namespace prosit
