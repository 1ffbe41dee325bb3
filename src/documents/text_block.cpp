#include "documents/text_block.h"

#include <algorithm>
#include <cstdio>

#include "documents/drawing_painter.h"
#include "documents/hyphenation.h"

namespace prosit::pdf {
namespace {

constexpr double kScale = PANGO_SCALE;

guint16 Channel(Rgb colour, int shift) {
  return static_cast<guint16>(((colour >> shift) & 0xFF) * 257);
}

void AddAttribute(PangoAttrList* list, PangoAttribute* attribute, int start, int end) {
  attribute->start_index = static_cast<guint>(start);
  attribute->end_index = static_cast<guint>(end);
  pango_attr_list_insert(list, attribute);
}

PangoFontDescription* FontOf(const TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.font);
  pango_font_description_set_size(font, static_cast<gint>(style.size * PANGO_SCALE));
  if (style.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  if (style.italic) pango_font_description_set_style(font, PANGO_STYLE_ITALIC);
  return font;
}

PangoAlignment AlignmentOf(CellAlign align) {
  switch (align) {
    case CellAlign::kRight:
      return PANGO_ALIGN_RIGHT;
    case CellAlign::kCenter:
      return PANGO_ALIGN_CENTER;
    case CellAlign::kLeft:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

std::string QuotedUri(const std::string& uri) {
  std::string quoted;
  for (char c : uri) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted;
}

TextBlock::TextBlock(PangoContext* context, const RichText& runs, const TextStyle& style,
                     double width, std::string_view language, CellAlign align)
    : layout_(pango_layout_new(context)), colour_(style.colour) {
  std::string text;
  PangoAttrList* attributes = pango_attr_list_new();
  for (const TextRun& run : runs) {
    int start = static_cast<int>(text.size());
    text += style.hyphenate ? Hyphenate(run.text, language) : run.text;
    int end = static_cast<int>(text.size());
    if (run.bold) AddAttribute(attributes, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, end);
    if (run.italic) AddAttribute(attributes, pango_attr_style_new(PANGO_STYLE_ITALIC), start, end);
    if (!run.link.empty() && end > start) {
      links_.push_back(LinkRange{start, end, run.link});
      AddAttribute(attributes,
                   pango_attr_foreground_new(Channel(kLinkColour, 16), Channel(kLinkColour, 8),
                                             Channel(kLinkColour, 0)),
                   start, end);
      AddAttribute(attributes, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), start, end);
    }
  }
  PangoFontDescription* font = FontOf(style);
  pango_layout_set_font_description(layout_, font);
  pango_font_description_free(font);
  pango_layout_set_text(layout_, text.c_str(), static_cast<int>(text.size()));
  pango_layout_set_attributes(layout_, attributes);
  pango_attr_list_unref(attributes);
  pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify(layout_, style.justify);
  pango_layout_set_alignment(layout_, AlignmentOf(align));
  pango_layout_set_line_spacing(layout_, static_cast<float>(style.line_spacing));
  Measure();
}

TextBlock::~TextBlock() { g_object_unref(layout_); }

void TextBlock::Measure() {
  PangoLayoutIter* it = pango_layout_get_iter(layout_);
  do {
    int y0 = 0, y1 = 0;
    pango_layout_iter_get_line_yrange(it, &y0, &y1);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    LineGeometry line;
    line.top = y0 / kScale;
    line.height = (y1 - y0) / kScale;
    line.baseline = (pango_layout_iter_get_baseline(it) - y0) / kScale;
    line.x = logical.x / kScale;
    lines_.push_back(line);
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  // With a line spacing factor the range of a line ends where the next one starts.
  for (size_t i = 0; i + 1 < lines_.size(); ++i) {
    lines_[i].height = std::max(lines_[i].height, lines_[i + 1].top - lines_[i].top);
  }
}

double TextBlock::height() const {
  if (lines_.empty()) return 0;
  return lines_.back().top + lines_.back().height - lines_.front().top;
}

double TextBlock::width() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_, nullptr, &logical);
  return logical.width / kScale;
}

void TextBlock::PaintLine(cairo_t* cr, size_t index, double x, double y) const {
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout_, static_cast<int>(index));
  if (line == nullptr) return;
  const LineGeometry& geometry = lines_[index];
  SetSourceRgb(cr, colour_);
  cairo_move_to(cr, x + geometry.x, y + geometry.baseline);
  pango_cairo_show_layout_line(cr, line);
  cairo_new_path(cr);
  for (const LinkRange& link : links_) {
    int start = std::max(link.start, line->start_index);
    int end = std::min(link.end, line->start_index + line->length);
    if (start >= end) continue;
    int* ranges = nullptr;
    int count = 0;
    pango_layout_line_get_x_ranges(line, start, end, &ranges, &count);
    for (int i = 0; i < count; ++i) {
      char rect[160];
      std::snprintf(rect, sizeof rect, "rect=[%.2f %.2f %.2f %.2f] uri='",
                    x + ranges[2 * i] / kScale, y, (ranges[2 * i + 1] - ranges[2 * i]) / kScale,
                    geometry.height);
      std::string attributes = rect + QuotedUri(link.uri) + "'";
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
      cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
    g_free(ranges);
  }
}

void TextBlock::Paint(cairo_t* cr, double x, double y) const {
  for (size_t i = 0; i < lines_.size(); ++i) {
    PaintLine(cr, i, x, y + lines_[i].top - lines_.front().top);
  }
}

}  // namespace prosit::pdf
