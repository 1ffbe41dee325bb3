#include "model/czech_text.h"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <stdexcept>

namespace prosit {

std::string FoldForSearch(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString decomposed = nfd->normalize(src, err);
  if (U_FAILURE(err)) decomposed = src;
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    // Punctuation of any script (dashes, quotes) separates words like a space.
    out.append(u_isalnum(c) ? u_tolower(c) : static_cast<UChar32>(' '));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
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

}  // namespace prosit
