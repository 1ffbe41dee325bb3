#include "documents/pdf_style.h"

#include <cstdio>

namespace prosit::pdf {
namespace {

constexpr const char* kSans = "DejaVu Sans";
constexpr const char* kSerif = "DejaVu Serif";

}  // namespace

TextStyle ParagraphTextStyle(ParagraphStyle style) {
  TextStyle s;
  s.justify = true;
  s.hyphenate = true;
  s.space_before = kBlockGap;
  switch (style) {
    case ParagraphStyle::kBody:
      break;
    case ParagraphStyle::kLead:
      s.size = 12;
      s.colour = 0x1F3864;
      break;
    case ParagraphStyle::kNote:
      s.font = kSans;
      s.size = 8;
      s.colour = 0x404040;
      s.justify = false;
      s.space_before = 3;
      break;
    case ParagraphStyle::kQuote:
      s.italic = true;
      s.colour = 0x333333;
      break;
    case ParagraphStyle::kWarning:
      s.font = kSans;
      s.size = 9;
      s.justify = false;
      s.space_before = 8;
      break;
  }
  return s;
}

TextStyle HeadingTextStyle(int level) {
  TextStyle s;
  s.font = kSans;
  s.bold = true;
  s.colour = 0x1F3864;
  s.line_spacing = 1.15;
  s.size = level <= 1 ? 15 : level == 2 ? 12.5 : 11;
  s.space_before = level <= 1 ? 20 : 14;
  return s;
}

TextStyle ListTextStyle() {
  TextStyle s;
  s.hyphenate = true;
  s.space_before = 2;
  return s;
}

TextStyle TableTextStyle(bool header) {
  TextStyle s;
  s.font = kSans;
  s.size = 8.5;
  s.bold = header;
  s.hyphenate = !header;
  s.line_spacing = 1.15;
  return s;
}

TextStyle CaptionTextStyle() {
  TextStyle s;
  s.font = kSans;
  s.size = 8.5;
  s.italic = true;
  s.colour = 0x262626;
  s.space_before = 10;
  return s;
}

TextStyle FooterTextStyle() {
  TextStyle s;
  s.font = kSans;
  s.size = 7.5;
  s.colour = 0x595959;
  return s;
}

TextStyle TitleTextStyle() {
  TextStyle s;
  s.font = kSans;
  s.size = 24;
  s.bold = true;
  s.colour = 0x1F3864;
  s.line_spacing = 1.1;
  return s;
}

TextStyle SubtitleTextStyle() {
  TextStyle s;
  s.font = kSans;
  s.size = 13;
  s.colour = 0x404040;
  s.space_before = 10;
  return s;
}

TextStyle ContentsTextStyle(int level) {
  TextStyle s;
  s.font = kSans;
  s.size = level <= 1 ? 10 : 9.5;
  s.bold = level <= 1;
  s.space_before = level <= 1 ? 5 : 1;
  return s;
}

const Words& WordsFor(std::string_view language) {
  static const Words kCzech{"Obsah", "Tabulka", "Obrázek", "strana %d z %d"};
  static const Words kEnglish{"Contents", "Table", "Figure", "page %d of %d"};
  return language == "en" ? kEnglish : kCzech;
}

std::string PageOf(const Words& words, int page, int pages) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, words.page_of, page, pages);
  return buffer;
}

std::string LongDate(std::string_view iso_date, std::string_view language) {
  int year = 0, month = 0, day = 0;
  if (iso_date.size() != 10 ||
      std::sscanf(std::string(iso_date).c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31) {
    return std::string(iso_date);
  }
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  char buffer[64];
  if (language == "en") {
    std::snprintf(buffer, sizeof buffer, "%d %s %d", day, kMonths[month - 1], year);
  } else {
    std::snprintf(buffer, sizeof buffer, "%d. %d. %d", day, month, year);
  }
  return buffer;
}

}  // namespace prosit::pdf
