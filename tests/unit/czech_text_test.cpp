#include "model/czech_text.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace prosit {

TEST(CzechText, FoldingIgnoresCaseAndDiacritics) {
  EXPECT_EQ(FoldForSearch("Školní psycholog"), "skolni psycholog");
  EXPECT_EQ(FoldForSearch("ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY"), "zlutoucky kun upel dabelske ody");
  EXPECT_EQ(FoldForSearch("Dům na půl cesty"), "dum na pul cesty");
}

TEST(CzechText, TokensSplitOnPunctuation) {
  auto t = SearchTokens(FoldForSearch("SAS – Chrudim, Novoměstská 4"));
  EXPECT_EQ(t, (std::vector<std::string>{"sas", "chrudim", "novomestska", "4"}));
}

TEST(CzechText, CollationPutsChAfterH) {
  CzechCollator c;
  std::vector<std::string> words = {"chata", "hrad", "cibule", "čaj", "ihned", "Žatec", "zámek"};
  std::sort(words.begin(), words.end(), [&](const std::string& a, const std::string& b) {
    return c.SortKey(a) < c.SortKey(b);
  });
  EXPECT_EQ(words, (std::vector<std::string>{"cibule", "čaj", "hrad", "chata", "ihned", "zámek",
                                             "Žatec"}));
  EXPECT_LT(c.Compare("hrad", "chata"), 0);
}

}  // namespace prosit

namespace prosit {

TEST(CzechText, FoldingOutsideLatinAndBrokenInput) {
  EXPECT_EQ(FoldForSearch("Е́лка ПОМОЩЬ"), "елка помощь");  // Cyrillic through ICU
  EXPECT_EQ(FoldForSearch("e\xCC\x81"
                          "cole"),
            "ecole");  // a combining accent
  EXPECT_EQ(FoldForSearch("ab\xFF"
                          "cd"),
            "ab cd");  // invalid UTF-8
  EXPECT_EQ(FoldForSearch("Straße – „uvozovky“"), "straße    uvozovky ");
}

}  // namespace prosit
