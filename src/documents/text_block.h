#pragma once
// TextBlock: rich text set by Pango at a width — runs in bold, italics or as links,
// hyphenated for the document's language — with what painting needs: the byte ranges of
// its links and the geometry of each line, so that the page breaker can place a
// paragraph line by line.

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "documents/document.h"
#include "documents/pdf_style.h"

namespace prosit::pdf {

struct LinkRange {
  int start = 0;  // byte offsets into the layout's text
  int end = 0;
  std::string uri;
};

// One line's geometry, in points, relative to the top of the layout.
struct LineGeometry {
  double top = 0;
  double height = 0;    // from this line's top to the next one's
  double baseline = 0;  // from the line's top
  double x = 0;         // the line's left edge (alignment, justification)
};

class TextBlock {
 public:
  // Sets `runs` in `style` at `width` points; `align` as in tables.
  TextBlock(PangoContext* context, const RichText& runs, const TextStyle& style, double width,
            std::string_view language, CellAlign align = CellAlign::kLeft);
  ~TextBlock();
  TextBlock(const TextBlock&) = delete;
  TextBlock& operator=(const TextBlock&) = delete;

  const std::vector<LineGeometry>& lines() const { return lines_; }
  double height() const;  // of all the lines
  double width() const;   // of the widest line

  // Paints line `index` with its top left at (x, y), the links' areas included.
  void PaintLine(cairo_t* cr, size_t index, double x, double y) const;
  // Paints every line with the layout's top left at (x, y).
  void Paint(cairo_t* cr, double x, double y) const;

 private:
  void Measure();

  PangoLayout* layout_;
  Rgb colour_;
  std::vector<LinkRange> links_;
  std::vector<LineGeometry> lines_;
};

// `uri` for a cairo tag's single-quoted attribute: quotes and backslashes escaped.
std::string QuotedUri(const std::string& uri);

using TextBlockPtr = std::shared_ptr<const TextBlock>;

}  // namespace prosit::pdf
