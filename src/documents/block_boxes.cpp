#include "documents/block_boxes.h"

#include <algorithm>

#include "documents/drawing_painter.h"

namespace prosit::pdf {

BlockBoxes::BlockBoxes(PangoContext* context, const Document& document, double width,
                       double area_height)
    : context_(context),
      document_(document),
      words_(WordsFor(document.language)),
      width_(width),
      area_height_(area_height) {}

void BlockBoxes::AddAll(std::vector<Box>& out) {
  for (const Block& block : document_.blocks) {
    size_t first = out.size();
    std::visit([&](const auto& b) { Add(b, out); }, block);
    if (out.size() > first && break_next_) {
      out[first].break_before = true;
      break_next_ = false;
    }
  }
}

TextBlockPtr BlockBoxes::Text(const RichText& runs, const TextStyle& style, double width,
                              CellAlign align) const {
  return std::make_shared<const TextBlock>(context_, runs, style, width, document_.language, align);
}

void BlockBoxes::AddLines(const TextBlockPtr& text, double indent, double space_before, bool keep,
                          std::vector<Box>& out) {
  size_t n = text->lines().size();
  for (size_t i = 0; i < n; ++i) {
    Box box;
    box.height = text->lines()[i].height;
    box.space_before = i == 0 ? space_before : 0;
    // No single first line at a page's foot, no single last line at a page's head.
    box.keep_with_next = keep || (n > 1 && (i == 0 || i + 2 == n));
    box.paint = [text, i, indent](cairo_t* cr, double x, double y) {
      text->PaintLine(cr, i, x + indent, y);
    };
    out.push_back(std::move(box));
  }
}

std::string BlockBoxes::HeadingNumber(int level) {
  ++heading_counters_[level - 1];
  std::fill(heading_counters_.begin() + level, heading_counters_.end(), 0);
  std::string number;
  for (int i = 0; i < level; ++i) {
    if (i > 0) number += '.';
    number += std::to_string(heading_counters_[i]);
  }
  return number;
}

void BlockBoxes::Add(const Heading& heading, std::vector<Box>& out) {
  int level = std::clamp(heading.level, 1, 3);
  std::string text = heading.text;
  if (document_.numbered_headings) text = HeadingNumber(level) + "  " + text;
  auto mark = std::make_shared<const HeadingMark>(
      HeadingMark{static_cast<int>(headings_.size()), level, text});
  headings_.push_back(mark);
  TextStyle style = HeadingTextStyle(level);
  size_t first = out.size();
  AddLines(Text(Plain(text), style, width_), 0, style.space_before, true, out);
  out[first].heading = mark;
}

void BlockBoxes::Add(const Paragraph& paragraph, std::vector<Box>& out) {
  TextStyle style = ParagraphTextStyle(paragraph.style);
  if (paragraph.style == ParagraphStyle::kWarning) {
    AddWarning(paragraph, out);
  } else if (paragraph.style == ParagraphStyle::kQuote) {
    AddQuote(Text(paragraph.runs, style, width_ - kQuoteIndent), style.space_before, out);
  } else {
    AddLines(Text(paragraph.runs, style, width_), 0, style.space_before, false, out);
  }
}

// The quote's lines, indented, with a bar beside each.
void BlockBoxes::AddQuote(const TextBlockPtr& text, double space_before, std::vector<Box>& out) {
  size_t first = out.size();
  AddLines(text, kQuoteIndent, space_before, false, out);
  for (size_t i = first; i < out.size(); ++i) {
    out[i].paint = [line = std::move(out[i].paint), height = out[i].height](cairo_t* cr, double x,
                                                                            double y) {
      SetSourceRgb(cr, kQuoteBar);
      cairo_rectangle(cr, x + 4, y, 2.5, height);
      cairo_fill(cr);
      line(cr, x, y);
    };
  }
}

// A warning is short and boxed, so it is one box that does not break.
void BlockBoxes::AddWarning(const Paragraph& paragraph, std::vector<Box>& out) {
  TextStyle style = ParagraphTextStyle(ParagraphStyle::kWarning);
  constexpr double kBar = 3;
  TextBlockPtr text = Text(paragraph.runs, style, width_ - 2 * kWarningPadding - kBar);
  Box box;
  box.height = text->height() + 2 * kWarningPadding;
  box.space_before = style.space_before;
  box.paint = [text, width = width_, height = box.height](cairo_t* cr, double x, double y) {
    SetSourceRgb(cr, kWarningFill);
    cairo_rectangle(cr, x, y, width, height);
    cairo_fill_preserve(cr);
    SetSourceRgb(cr, kWarningBorder);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    cairo_rectangle(cr, x, y, kBar, height);
    cairo_fill(cr);
    text->Paint(cr, x + kBar + kWarningPadding, y + kWarningPadding);
  };
  out.push_back(std::move(box));
}

void BlockBoxes::Add(const BulletList& list, std::vector<Box>& out) {
  TextStyle style = ListTextStyle();
  TextStyle marker_style = style;
  marker_style.hyphenate = false;
  for (size_t i = 0; i < list.items.size(); ++i) {
    TextBlockPtr text = Text(list.items[i], style, width_ - kListIndent);
    TextBlockPtr marker =
        Text(Plain(list.numbered ? std::to_string(i + 1) + "." : "•"), marker_style, kListIndent);
    size_t first = out.size();
    AddLines(text, kListIndent, i == 0 ? kBlockGap : style.space_before, false, out);
    out[first].paint = [line = std::move(out[first].paint), marker](cairo_t* cr, double x,
                                                                    double y) {
      marker->PaintLine(cr, 0, x + 3, y);
      line(cr, x, y);
    };
  }
}

void BlockBoxes::Add(const PageBreak&, std::vector<Box>&) { break_next_ = true; }

}  // namespace prosit::pdf
