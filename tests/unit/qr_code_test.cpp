#include "documents/qr_code.h"

#include <gtest/gtest.h>

#include <string>

namespace prosit {
namespace {

// Whether the 7 × 7 finder pattern (dark ring, light ring, dark 3 × 3 core) is at (x, y).
bool FinderAt(const QrMatrix& qr, int x, int y) {
  for (int dy = 0; dy < 7; ++dy) {
    for (int dx = 0; dx < 7; ++dx) {
      int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
      bool dark = ring != 2;
      if (qr.Dark(x + dx, y + dy) != dark) return false;
    }
  }
  return true;
}

TEST(QrCode, SizeFollowsVersionAndFindersAreInThreeCorners) {
  Result<QrMatrix> qr = EncodeQr("https://example.org/prosit/orp/5304");
  ASSERT_TRUE(qr.ok()) << qr.status().ToString();
  EXPECT_GE(qr->version, 1);
  EXPECT_EQ(qr->size, 17 + 4 * qr->version);
  ASSERT_EQ(qr->dark.size(), static_cast<size_t>(qr->size * qr->size));
  EXPECT_TRUE(FinderAt(*qr, 0, 0));
  EXPECT_TRUE(FinderAt(*qr, qr->size - 7, 0));
  EXPECT_TRUE(FinderAt(*qr, 0, qr->size - 7));
  EXPECT_FALSE(FinderAt(*qr, qr->size - 7, qr->size - 7));
}

TEST(QrCode, LevelMVersionsForKnownLengths) {
  // Level M in 8-bit mode holds 14 bytes in version 1 and 26 in version 2.
  EXPECT_EQ(EncodeQr(std::string(14, 'a'))->version, 1);
  EXPECT_EQ(EncodeQr(std::string(15, 'a'))->version, 2);
  EXPECT_EQ(EncodeQr(std::string(26, 'a'))->version, 2);
  // Czech letters are two UTF-8 bytes each: seven of them fill version 1.
  EXPECT_EQ(EncodeQr("ěščřžýá")->version, 1);
  EXPECT_EQ(EncodeQr("ěščřžýáí")->version, 2);
}

TEST(QrCode, SamePayloadSameMatrixAndOtherPayloadOtherMatrix) {
  Result<QrMatrix> a = EncodeQr("https://example.org/a");
  Result<QrMatrix> b = EncodeQr("https://example.org/a");
  Result<QrMatrix> c = EncodeQr("https://example.org/b");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->dark, b->dark);
  EXPECT_NE(a->dark, c->dark);
}

TEST(QrCode, EmptyOrHugePayloadIsInvalid) {
  EXPECT_FALSE(EncodeQr("").ok());
  EXPECT_FALSE(EncodeQr(std::string(5000, 'x')).ok());
}

TEST(QrCode, SvgHasTheModulesAndTheQuietZone) {
  Result<QrMatrix> qr = EncodeQr("https://example.org/a");
  ASSERT_TRUE(qr.ok());
  std::string svg = QrSvg(*qr, 200);
  int total = qr->size + 8;
  EXPECT_NE(svg.find("viewBox=\"0 0 " + std::to_string(total) + " " + std::to_string(total)),
            std::string::npos);
  EXPECT_NE(svg.find("width=\"200\""), std::string::npos);
  // The top left finder's first row starts at the quiet zone's edge, 7 modules long.
  EXPECT_NE(svg.find("M4 4h7v1h-7z"), std::string::npos);
}

}  // namespace
}  // namespace prosit
