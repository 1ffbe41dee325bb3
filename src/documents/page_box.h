#pragma once
// Box: the unit of the PDF's page layout — a measured, unbreakable strip of the text
// area's width (a line of a paragraph, a table row, a figure) that knows how to paint
// itself. The renderer measures blocks into boxes, the page breaker places them on
// pages, and only then is anything painted.

#include <cairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace prosit::pdf {

// A heading's place in the outline and the contents.
struct HeadingMark {
  int id = 0;  // its order among the document's headings
  int level = 1;
  std::string text;  // with its number when the document numbers headings
};

struct Box {
  double height = 0;
  double space_before = 0;      // dropped at the top of a page
  bool keep_with_next = false;  // stays on the page of the box after it
  bool break_before = false;    // starts a new page
  // A table's header row, repeated at the top of a page that this row starts.
  std::shared_ptr<const Box> repeat_header;
  std::shared_ptr<const HeadingMark> heading;  // set on a heading's first line
  // Paints the box with its top left corner at (x, y).
  std::function<void(cairo_t*, double x, double y)> paint;
};

struct PlacedBox {
  const Box* box = nullptr;
  double y = 0;  // from the top of the text area
};

using Page = std::vector<PlacedBox>;

}  // namespace prosit::pdf
