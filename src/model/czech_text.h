#pragma once
// Czech text for search and sorting: folding ("Školní" → "skolni") so that queries
// ignore case and diacritics, and collation keys so that lists sort as Czech readers
// expect ("ch" after "h", "č" after "c"). Both use ICU.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace prosit {

// Lower-cases, strips diacritics and turns punctuation into spaces (UTF-8 in and out).
std::string FoldForSearch(std::string_view utf8);

// Splits folded text into words of letters and digits.
std::vector<std::string> SearchTokens(std::string_view folded);

// Whether every query word starts a word of `folded` (both folded): "chrud" finds
// "Chrudim", "ust orl" finds "Ústí nad Orlicí" — search as a person types.
bool MatchesAllWords(const std::vector<std::string>& query_words, std::string_view folded);

// Produces binary sort keys under the Czech collation; compare keys with memcmp.
// Not thread-safe: one instance per thread.
class CzechCollator {
 public:
  CzechCollator();
  ~CzechCollator();
  CzechCollator(const CzechCollator&) = delete;
  CzechCollator& operator=(const CzechCollator&) = delete;

  std::string SortKey(std::string_view utf8) const;
  // <0, 0, >0 like strcmp.
  int Compare(std::string_view a, std::string_view b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace prosit
