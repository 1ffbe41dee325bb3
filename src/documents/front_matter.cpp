#include "documents/front_matter.h"

#include <cstdio>

#include "documents/drawing_painter.h"

namespace prosit::pdf {
namespace {

constexpr double kPageNumberWidth = 36;
constexpr double kLevelIndent = 16;

// Title and subtitle lines, then the author and the date, as boxes.
void AddTitleBlock(const BlockBoxes& builder, const Document& document, double width,
                   std::vector<Box>& out) {
  BlockBoxes::AddLines(builder.Text(Plain(document.title), TitleTextStyle(), width), 0, 0, true,
                       out);
  TextStyle subtitle = SubtitleTextStyle();
  if (!document.subtitle.empty()) {
    BlockBoxes::AddLines(builder.Text(Plain(document.subtitle), subtitle, width), 0,
                         subtitle.space_before, true, out);
  }
  std::string byline = document.author;
  std::string date = LongDate(document.date, document.language);
  if (!byline.empty() && !date.empty()) byline += " · ";
  byline += date;
  if (!byline.empty()) {
    TextStyle style = FooterTextStyle();
    style.size = 10;
    BlockBoxes::AddLines(builder.Text(Plain(byline), style, width), 0, 8, false, out);
  }
}

}  // namespace

std::string HeadingDestination(int id) { return "h" + std::to_string(id); }

void AddTitle(const BlockBoxes& builder, const Document& document, double width, double area_height,
              std::vector<Box>& out) {
  if (document.title.empty()) return;
  if (!document.title_page) {
    AddTitleBlock(builder, document, width, out);
    return;
  }
  // The title page paints its block a third of the way down, with a rule above it.
  auto lines = std::make_shared<std::vector<Box>>();
  AddTitleBlock(builder, document, width, *lines);
  Box page;
  page.height = area_height;
  page.paint = [lines, width, area_height](cairo_t* cr, double x, double y) {
    double top = y + area_height * 0.3;
    SetSourceRgb(cr, 0x1F3864);
    cairo_rectangle(cr, x, top - 18, width * 0.25, 3);
    cairo_fill(cr);
    for (const Box& line : *lines) {
      top += line.space_before;
      line.paint(cr, x, top);
      top += line.height;
    }
  };
  out.push_back(std::move(page));
}

void AddContents(const BlockBoxes& builder, const Document& document, double width,
                 const std::vector<int>& pages, std::vector<Box>& out) {
  const Words& words = WordsFor(document.language);
  size_t first = out.size();
  BlockBoxes::AddLines(builder.Text(Plain(words.contents), HeadingTextStyle(1), width), 0, 0, true,
                       out);
  out[first].break_before = true;
  for (const auto& heading : builder.headings()) {
    if (heading->level > 2) continue;
    TextStyle style = ContentsTextStyle(heading->level);
    double indent = (heading->level - 1) * kLevelIndent;
    TextBlockPtr text =
        builder.Text(Plain(heading->text), style, width - indent - kPageNumberWidth);
    int page = heading->id < static_cast<int>(pages.size()) ? pages[heading->id] : 0;
    TextBlockPtr number =
        builder.Text(Plain(std::to_string(page)), style, kPageNumberWidth, CellAlign::kRight);
    Box box;
    box.height = text->height();
    box.space_before = style.space_before;
    box.paint = [text, number, indent, width, height = box.height,
                 destination = HeadingDestination(heading->id)](cairo_t* cr, double x, double y) {
      text->Paint(cr, x + indent, y);
      number->Paint(cr, x + width - kPageNumberWidth, y);
      char rect[128];
      std::snprintf(rect, sizeof rect, "rect=[%.2f %.2f %.2f %.2f] dest='", x + indent, y,
                    width - indent, height);
      std::string attributes = rect + destination + "'";
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    };
    out.push_back(std::move(box));
  }
}

}  // namespace prosit::pdf
