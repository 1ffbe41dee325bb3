#include "http/client_address.h"

#include <gtest/gtest.h>

namespace prosit {

namespace {

asio::ip::address Ip(const char* s) { return asio::ip::make_address(s); }

TrustedProxies Proxies(std::vector<std::string> specs) {
  auto p = TrustedProxies::Parse(specs);
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return *p;
}

}  // namespace

TEST(TrustedProxies, ParsesAddressesAndNetworks) {
  TrustedProxies p = Proxies({"10.0.0.0/8", "192.168.1.5", "fd00::/8"});
  EXPECT_TRUE(p.Contains(Ip("10.200.3.4")));
  EXPECT_FALSE(p.Contains(Ip("11.0.0.1")));
  EXPECT_TRUE(p.Contains(Ip("192.168.1.5")));
  EXPECT_FALSE(p.Contains(Ip("192.168.1.6")));
  EXPECT_TRUE(p.Contains(Ip("fd12::1")));
  EXPECT_TRUE(p.Contains(Ip("::ffff:10.1.1.1")));  // IPv4 over an IPv6 socket
  for (const char* bad : {"10.0.0.0/33", "nonsense", "10.0.0.1/", "::/129", "10.0.0.0/8x"})
    EXPECT_FALSE(TrustedProxies::Parse({bad}).ok()) << bad;
}

TEST(TrustedProxies, HeadersCountOnlyFromATrustedPeer) {
  TrustedProxies none = Proxies({});
  EXPECT_EQ(none.ClientAddress(Ip("127.0.0.1"), std::nullopt, "203.0.113.5"), "127.0.0.1");
  TrustedProxies p = Proxies({"127.0.0.1", "10.9.0.0/16"});
  EXPECT_EQ(p.ClientAddress(Ip("127.0.0.2"), std::nullopt, "203.0.113.5"), "127.0.0.2");
  EXPECT_EQ(p.ClientAddress(Ip("127.0.0.1"), std::nullopt, "203.0.113.5"), "203.0.113.5");
  EXPECT_EQ(p.ClientAddress(Ip("127.0.0.1"), std::nullopt, std::nullopt), "127.0.0.1");
}

TEST(TrustedProxies, TheRightmostUntrustedHopIsTheClient) {
  TrustedProxies p = Proxies({"127.0.0.1", "10.9.0.0/16"});
  auto peer = Ip("127.0.0.1");
  EXPECT_EQ(p.ClientAddress(peer, std::nullopt, "198.51.100.7, 203.0.113.5"), "203.0.113.5");
  EXPECT_EQ(p.ClientAddress(peer, std::nullopt, "203.0.113.5, 10.9.1.1"), "203.0.113.5");
  EXPECT_EQ(p.ClientAddress(peer, std::nullopt, "10.9.1.2, 10.9.1.1"), "10.9.1.2");
  // A hop that is no address stops the walk at the proxy that reported it.
  EXPECT_EQ(p.ClientAddress(peer, std::nullopt, "unknown, 10.9.1.1"), "10.9.1.1");
  // Forwarded wins over X-Forwarded-For; ports, quotes and brackets go.
  EXPECT_EQ(p.ClientAddress(peer, "for=198.51.100.7;proto=https, for=\"[2001:db8::1]:4711\"",
                            "203.0.113.5"),
            "2001:db8::1");
  EXPECT_EQ(p.ClientAddress(peer, "For=\"198.51.100.7:80\"", std::nullopt), "198.51.100.7");
}

}  // namespace prosit
