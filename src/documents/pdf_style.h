#pragma once
// PdfStyle: the typography of the PDF renderer in one place — fonts, sizes, colours and
// spacing, in points — and the words the renderer adds to a document in its language.

#include <string>
#include <string_view>

#include "documents/document.h"

namespace prosit::pdf {

inline constexpr double kPointsPerMm = 72.0 / 25.4;

// How a piece of text is set.
struct TextStyle {
  const char* font = "DejaVu Serif";  // a fontconfig family with Debian's DejaVu fonts
  double size = 10;
  bool bold = false;
  bool italic = false;
  bool justify = false;
  bool hyphenate = false;
  Rgb colour = 0x000000;
  double line_spacing = 1.25;  // a factor of the font's height
  double space_before = 0;     // dropped at the top of a page
};

TextStyle ParagraphTextStyle(ParagraphStyle style);
TextStyle HeadingTextStyle(int level);
TextStyle ListTextStyle();
TextStyle TableTextStyle(bool header);
TextStyle CaptionTextStyle();
TextStyle FooterTextStyle();
TextStyle TitleTextStyle();
TextStyle SubtitleTextStyle();
TextStyle ContentsTextStyle(int level);

// Indents and decorations.
inline constexpr double kListIndent = 16;
inline constexpr double kQuoteIndent = 18;
inline constexpr Rgb kQuoteBar = 0x8FAADC;
inline constexpr Rgb kWarningFill = 0xFFF2CC;
inline constexpr Rgb kWarningBorder = 0xC55A11;
inline constexpr double kWarningPadding = 6;
inline constexpr Rgb kLinkColour = 0x1F4E9A;
inline constexpr double kCellPadding = 3;
inline constexpr Rgb kTableHeaderFill = 0xDCE6F0;
inline constexpr Rgb kTableRule = 0xA6A6A6;
inline constexpr double kBlockGap = 6;       // between blocks
inline constexpr double kFooterHeight = 22;  // reserved at the bottom of the text area
inline constexpr double kDefaultFigureMaxMm = 120;

// The words the renderer writes itself.
struct Words {
  const char* contents;
  const char* table;
  const char* figure;
  const char* page_of;  // "strana %d z %d"
};
const Words& WordsFor(std::string_view language);

// "strana 3 z 12" / "page 3 of 12".
std::string PageOf(const Words& words, int page, int pages);

// The ISO date as the language writes it: "30. 11. 2026" / "30 November 2026"; other
// text comes back as it is.
std::string LongDate(std::string_view iso_date, std::string_view language);

}  // namespace prosit::pdf
