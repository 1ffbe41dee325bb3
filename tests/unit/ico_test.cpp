#include "model/ico.h"

#include <gtest/gtest.h>

namespace prosit {

TEST(Ico, AcceptsRealNumbers) {
  EXPECT_TRUE(IsValidIco("00270211"));  // Město Chrudim
  EXPECT_TRUE(IsValidIco("00274046"));  // Statutární město Pardubice
  EXPECT_TRUE(IsValidIco("70892822"));  // Pardubický kraj
  EXPECT_TRUE(IsValidIco("25596641"));
}

TEST(Ico, RejectsWrongCheckDigitLengthAndCharacters) {
  EXPECT_FALSE(IsValidIco("00270212"));
  EXPECT_FALSE(IsValidIco("0027021"));
  EXPECT_FALSE(IsValidIco("002702110"));
  EXPECT_FALSE(IsValidIco("0027021a"));
  EXPECT_FALSE(IsValidIco(""));
  EXPECT_FALSE(IsValidIco("12345678"));
}

TEST(Ico, CheckDigitRule) {
  // sum mod 11 == 0 gives 1, == 1 gives 0 (ARES rule (11 - r) mod 10).
  EXPECT_EQ(IcoCheckDigit("0000000"), 1);
  EXPECT_EQ(IcoCheckDigit("0027021"), 1);
  EXPECT_EQ(IcoCheckDigit("002702x"), -1);
}

}  // namespace prosit
