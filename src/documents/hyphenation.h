#pragma once
// Hyphenation: inserts soft hyphens (U+00AD) where a libhyphen dictionary allows a word
// to be broken, so that Pango can break justified lines inside words and show a hyphen
// there. Czech uses Debian's hyph_cs_CZ.dic; English uses hyph_en_US.dic when it is
// installed and is left as it is otherwise. Dictionaries load once, on first use; the
// functions are safe to call from several threads.

#include <string>
#include <string_view>

namespace prosit {

// `text` with soft hyphens inserted in its words for `language` ("cs", "en"). Words of
// fewer than five letters, tokens holding digits, '/', '@' or ':' (numbers, URLs, e-mail
// addresses) and text in a language without a dictionary come back unchanged. Existing
// soft hyphens are kept and no new ones are added to a word that has them.
std::string Hyphenate(std::string_view text, std::string_view language);

// Whether a dictionary for `language` is installed.
bool CanHyphenate(std::string_view language);

}  // namespace prosit
