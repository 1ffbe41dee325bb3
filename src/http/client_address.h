#pragma once
// ClientAddress: who a request comes from, for sign-in throttling and logs. The peer of
// the TCP connection, unless that peer is a reverse proxy configured as trusted
// (`serve --trusted-proxy`): then the address its Forwarded or X-Forwarded-For header
// reports, walking the hops from the right and skipping trusted proxies, so that a
// client cannot choose its address by sending the header itself.

#include <asio/ip/address.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace prosit {

// A set of addresses and networks ("10.0.0.1", "10.0.0.0/8", "fd00::/8").
class TrustedProxies {
 public:
  // Refuses what is not an IP address or a network in CIDR notation.
  static Result<TrustedProxies> Parse(const std::vector<std::string>& specs);

  bool empty() const { return networks_.empty(); }
  bool Contains(const asio::ip::address& address) const;

  // The client's address from the peer's and the forwarding headers (either may be
  // absent; Forwarded wins when both are present).
  std::string ClientAddress(const asio::ip::address& peer,
                            const std::optional<std::string>& forwarded,
                            const std::optional<std::string>& x_forwarded_for) const;

 private:
  struct Network {
    asio::ip::address address;
    int prefix = 0;
  };
  std::vector<Network> networks_;
};

// The addresses a Forwarded (RFC 7239) header's for= parameters, or an X-Forwarded-For
// header, name, leftmost (the original client) first. Ports and brackets are dropped;
// a hop that is not an IP address (e.g. "unknown") is kept as written.
std::vector<std::string> ForwardedHops(std::string_view header, bool rfc7239);

}  // namespace prosit
