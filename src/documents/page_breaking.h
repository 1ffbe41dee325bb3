#pragma once
// Page breaking: places measured boxes on pages of a given text height, top to bottom.
// A run of boxes chained by keep_with_next moves to the next page whole when it does not
// fit (a heading with its paragraph's first lines, a paragraph's last two lines, a table's
// caption with its header and first row); a table row that starts a page gets its
// table's header above it. A box taller than a page gets a page of its own.

#include <vector>

#include "documents/page_box.h"

namespace prosit::pdf {

// The pages; `boxes` must outlive them.
std::vector<Page> BreakIntoPages(const std::vector<Box>& boxes, double area_height);

}  // namespace prosit::pdf
