#include "documents/hyphenation.h"

#include <gtest/gtest.h>

#include <string>

namespace prosit {
namespace {

const std::string kShy = "\xC2\xAD";

// The text with every soft hyphen shown as '-'.
std::string Shown(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, kShy) == 0) {
      out += '-';
      i += 2;
    } else {
      out += text[i++];
    }
  }
  return out;
}

TEST(Hyphenation, CzechWordsBreakAtTheDictionarysPoints) {
  ASSERT_TRUE(CanHyphenate("cs"));
  // The points of hyph_cs_CZ.dic; three letters at least move to the next line.
  EXPECT_EQ(Shown(Hyphenate("spolupráce", "cs")), "spolu-práce");
  EXPECT_EQ(Shown(Hyphenate("ďábelské", "cs")), "ďá-bel-ské");
  EXPECT_EQ(Shown(Hyphenate("žluťoučký", "cs")), "žlu-ťoučký");
}

TEST(Hyphenation, CapitalisedWordsAndPunctuationKeepTheirForm) {
  std::string out = Hyphenate("Spolupráce, Sociálně-právní.", "cs");
  EXPECT_EQ(Shown(out), "Spolu-práce, So-ci-álně-právní.");
}

TEST(Hyphenation, ShortWordsNumbersAndUrlsAreUntouched) {
  EXPECT_EQ(Hyphenate("kůň a pes", "cs"), "kůň a pes");
  EXPECT_EQ(Hyphenate("https://example.org/spolupráce", "cs"), "https://example.org/spolupráce");
  EXPECT_EQ(Hyphenate("2026 podpora1", "cs"), "2026 podpora1");
}

TEST(Hyphenation, TextRemovingSoftHyphensIsTheOriginal) {
  std::string text = "Příliš žluťoučký kůň úpěl ďábelské ódy.";
  std::string out = Hyphenate(text, "cs");
  EXPECT_NE(out, text);
  std::string stripped;
  for (size_t i = 0; i < out.size();) {
    if (out.compare(i, 2, kShy) == 0) {
      i += 2;
    } else {
      stripped += out[i++];
    }
  }
  EXPECT_EQ(stripped, text);
}

TEST(Hyphenation, LanguageWithoutDictionaryIsUnchanged) {
  EXPECT_EQ(Hyphenate("cooperation", "xx"), "cooperation");
}

}  // namespace
}  // namespace prosit
