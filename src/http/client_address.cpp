#include "http/client_address.h"

#include <strings.h>

#include <charconv>

namespace prosit {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// An IPv4 client seen over an IPv6 socket compares as IPv4.
asio::ip::address Unmapped(const asio::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped())
    return asio::ip::address(asio::ip::make_address_v4(asio::ip::v4_mapped, a.to_v6()));
  return a;
}

std::optional<asio::ip::address> ParseAddress(std::string_view s) {
  asio::error_code ec;
  auto a = asio::ip::make_address(std::string(s), ec);
  if (ec) return std::nullopt;
  return Unmapped(a);
}

// Drops quotes, the brackets of an IPv6 address and a port: "[2001:db8::1]:4711" → "2001:db8::1".
std::string_view BareHost(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  if (!s.empty() && s.front() == '[') {
    size_t close = s.find(']');
    return close == std::string_view::npos ? s : s.substr(1, close - 1);
  }
  // One colon: IPv4 with a port; more: a bare IPv6 address.
  size_t colon = s.find(':');
  if (colon != std::string_view::npos && s.find(':', colon + 1) == std::string_view::npos)
    return s.substr(0, colon);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

bool InNetwork(const asio::ip::address& a, const asio::ip::address& net, int prefix) {
  if (a.is_v4() != net.is_v4()) return false;
  auto bytes_of = [](const asio::ip::address& x) {
    std::vector<unsigned char> b;
    if (x.is_v4()) {
      auto v = x.to_v4().to_bytes();
      b.assign(v.begin(), v.end());
    } else {
      auto v = x.to_v6().to_bytes();
      b.assign(v.begin(), v.end());
    }
    return b;
  };
  auto x = bytes_of(a), y = bytes_of(net);
  for (int bit = 0; bit < prefix; ++bit) {
    int mask = 0x80 >> (bit % 8);
    if ((x[bit / 8] & mask) != (y[bit / 8] & mask)) return false;
  }
  return true;
}

}  // namespace

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& specs) {
  TrustedProxies out;
  for (const std::string& spec : specs) {
    std::string_view s = Trim(spec);
    size_t slash = s.find('/');
    auto address = ParseAddress(s.substr(0, slash));
    if (!address) return Status::Malformed("--trusted-proxy " + spec + ": not an IP address");
    int max = address->is_v4() ? 32 : 128, prefix = max;
    if (slash != std::string_view::npos) {
      std::string_view p = s.substr(slash + 1);
      auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), prefix);
      if (ec != std::errc() || end != p.data() + p.size() || prefix < 0 || prefix > max)
        return Status::Malformed("--trusted-proxy " + spec + ": the prefix must be 0 to " +
                                 std::to_string(max));
    }
    out.networks_.push_back({*address, prefix});
  }
  return out;
}

bool TrustedProxies::Contains(const asio::ip::address& address) const {
  if (networks_.empty()) return false;
  asio::ip::address a = Unmapped(address);
  for (const Network& n : networks_)
    if (InNetwork(a, n.address, n.prefix)) return true;
  return false;
}

std::vector<std::string> ForwardedHops(std::string_view header, bool rfc7239) {
  std::vector<std::string> hops;
  for (std::string_view element : Split(header, ',')) {
    if (!rfc7239) {
      if (!Trim(element).empty()) hops.emplace_back(BareHost(element));
      continue;
    }
    for (std::string_view pair : Split(element, ';')) {
      pair = Trim(pair);
      if (pair.size() > 4 && strncasecmp(pair.data(), "for=", 4) == 0)
        hops.emplace_back(BareHost(pair.substr(4)));
    }
  }
  return hops;
}

std::string TrustedProxies::ClientAddress(const asio::ip::address& peer,
                                          const std::optional<std::string>& forwarded,
                                          const std::optional<std::string>& x_forwarded_for) const {
  // Every request passes here: the peer is written out once, never parsed back.
  asio::ip::address own = Unmapped(peer);
  std::string client = own.to_string();
  if ((!forwarded && !x_forwarded_for) || !Contains(own)) return client;
  std::vector<std::string> hops =
      forwarded ? ForwardedHops(*forwarded, true) : ForwardedHops(*x_forwarded_for, false);
  // From the right: the first hop that is not a trusted proxy is the client; each trusted
  // proxy vouches only for the hop just left of it.
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    auto address = ParseAddress(*hop);
    if (!address) return client;  // a proxy that reports no address: stop at that proxy
    client = address->to_string();
    if (!Contains(*address)) return client;
  }
  return client;
}

}  // namespace prosit
