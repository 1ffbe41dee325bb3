#pragma once
// FrontMatter: the boxes before a document's blocks — its title (on a page of its own
// when the document asks) and its table of contents, whose page numbers come from a
// previous layout of the same document.

#include <vector>

#include "documents/block_boxes.h"
#include "documents/document.h"
#include "documents/page_box.h"

namespace prosit::pdf {

// The title, subtitle, author and date: a page of their own, or a title block at the top
// of the first page; nothing when the document has no title.
void AddTitle(const BlockBoxes& builder, const Document& document, double width, double area_height,
              std::vector<Box>& out);

// The contents: headings of levels 1–2 with `pages[id]`, each entry a link to its heading
// (destination "h<id>"). Starts a new page.
void AddContents(const BlockBoxes& builder, const Document& document, double width,
                 const std::vector<int>& pages, std::vector<Box>& out);

// The name of the PDF destination of heading `id`.
std::string HeadingDestination(int id);

}  // namespace prosit::pdf
