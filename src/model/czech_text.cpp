#include "model/czech_text.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace prosit {

namespace {

// The folded form of one code point, by ICU: decomposed, marks dropped, lower-cased;
// anything but a letter or digit becomes a space.
std::string FoldCodePoint(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString(c), err);
  if (U_FAILURE(err)) decomposed = icu::UnicodeString(c);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (u_charType(d) == U_NON_SPACING_MARK) continue;
    out.append(u_isalnum(d) ? u_tolower(d) : static_cast<UChar32>(' '));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// Latin script up to U+024F covers Czech and its neighbours; folding it by table makes
// folding the whole catalog at start-up cheap. Other code points ask ICU each time.
constexpr UChar32 kTableEnd = 0x250;

const std::vector<std::string>& LatinFoldTable() {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> t(kTableEnd);
    for (UChar32 c = 0; c < kTableEnd; ++c) t[c] = FoldCodePoint(c);
    return t;
  }();
  return table;
}

}  // namespace

std::string FoldForSearch(std::string_view utf8) {
  const auto& table = LatinFoldTable();
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0)
      out.push_back(' ');  // invalid UTF-8
    else if (c < kTableEnd)
      out += table[c];
    else
      out += FoldCodePoint(c);
  }
  return out;
}

std::vector<std::string> SearchTokens(std::string_view folded) {
  std::vector<std::string> tokens;
  std::string current;
  for (unsigned char ch : folded) {
    // Bytes >= 0x80 belong to letters that survived folding (e.g. "ß", Cyrillic).
    if (std::isalnum(ch) || ch >= 0x80) {
      current.push_back(static_cast<char>(ch));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

struct CzechCollator::Impl {
  std::unique_ptr<icu::Collator> collator;
};

CzechCollator::CzechCollator() : impl_(std::make_unique<Impl>()) {
  UErrorCode err = U_ZERO_ERROR;
  impl_->collator.reset(icu::Collator::createInstance(icu::Locale("cs", "CZ"), err));
  if (U_FAILURE(err) || !impl_->collator) throw std::runtime_error("ICU: no Czech collator");
}

CzechCollator::~CzechCollator() = default;

std::string CzechCollator::SortKey(std::string_view utf8) const {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string key(64, '\0');
  for (;;) {
    int32_t n = impl_->collator->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()),
                                            static_cast<int32_t>(key.size()));
    if (n <= static_cast<int32_t>(key.size())) {
      key.resize(n > 0 ? n - 1 : 0);  // drop the terminating zero
      return key;
    }
    key.resize(n);
  }
}

int CzechCollator::Compare(std::string_view a, std::string_view b) const {
  UErrorCode err = U_ZERO_ERROR;
  auto r =
      impl_->collator->compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                   icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), err);
  return r == UCOL_LESS ? -1 : (r == UCOL_GREATER ? 1 : 0);
}

bool MatchesAllWords(const std::vector<std::string>& query_words, std::string_view folded) {
  auto words = SearchTokens(folded);
  return std::all_of(query_words.begin(), query_words.end(), [&](const std::string& q) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return w.compare(0, q.size(), q) == 0; });
  });
}

}  // namespace prosit
