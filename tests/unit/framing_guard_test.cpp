#include "http/framing_guard.h"

#include <gtest/gtest.h>

namespace prosit {

namespace {

std::optional<std::string> Guard(const std::string& bytes, size_t piece = 7) {
  FramingGuard g;
  for (size_t i = 0; i < bytes.size(); i += piece)
    g.Feed(bytes.data() + i, std::min(piece, bytes.size() - i));
  return g.ErrorResponse();
}

std::string StatusOf(const std::optional<std::string>& answer) {
  return answer ? answer->substr(9, 3) : "none";
}

}  // namespace

TEST(FramingGuard, WellFormedRequestsNeedNoAnswer) {
  EXPECT_EQ(StatusOf(Guard("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n\r\n")), "none");
  EXPECT_EQ(StatusOf(Guard("POST /a HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")), "none");
  EXPECT_EQ(
      StatusOf(Guard("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")),
      "none");
  EXPECT_EQ(StatusOf(Guard("GET /a HTTP/1.1\r\nHost:")), "none");  // not yet complete
}

TEST(FramingGuard, NamesWhatIsWrong) {
  EXPECT_EQ(StatusOf(Guard("GET /" + std::string(kMaxUrlBytes, 'a') + " HTTP/1.1\r\n\r\n")), "414");
  std::string many;
  for (size_t i = 0; i <= kMaxHeaderFields; ++i) many += "X-" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(StatusOf(Guard("GET / HTTP/1.1\r\n" + many + "\r\n")), "431");
  EXPECT_EQ(
      StatusOf(Guard("GET / HTTP/1.1\r\nX: " + std::string(kMaxFieldValueBytes, 'v') + "\r\n\r\n")),
      "431");
  EXPECT_EQ(StatusOf(Guard("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")), "400");
  EXPECT_EQ(StatusOf(Guard("POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n")),
            "400");
  EXPECT_EQ(StatusOf(Guard("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")), "413");
  EXPECT_EQ(StatusOf(Guard("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")), "400");
  EXPECT_EQ(StatusOf(Guard("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")), "400");  // TLS
  auto answer = Guard("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
  EXPECT_NE(answer->find("Connection: close\r\n"), std::string::npos);
  EXPECT_NE(answer->find("\r\n\r\n{\"error\":{"), std::string::npos);
  EXPECT_NE(answer->find("X-Content-Type-Options: nosniff"), std::string::npos);
}

TEST(FramingGuard, OnlyTheFirstRequestOfAConnectionIsAnswered) {
  // An earlier request's answer may not be written yet; it must come first.
  EXPECT_EQ(StatusOf(Guard("GET / HTTP/1.1\r\n\r\nPOST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")),
            "none");
}

}  // namespace prosit
