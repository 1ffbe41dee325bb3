#include "documents/pdf_renderer.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "documents/block_boxes.h"
#include "documents/cairo_stream.h"
#include "documents/drawing_painter.h"
#include "documents/front_matter.h"
#include "documents/page_breaking.h"
#include "documents/pdf_style.h"

namespace prosit {
namespace {

using namespace pdf;

// The page and its text area, in points.
struct Geometry {
  double width = 0;
  double height = 0;
  double margin = 0;
  double text_width = 0;
  double area_height = 0;  // above the footer
};

Geometry GeometryOf(const PageSetup& page) {
  Geometry g;
  g.width = page.width_mm * kPointsPerMm;
  g.height = page.height_mm * kPointsPerMm;
  g.margin = page.margin_mm * kPointsPerMm;
  g.text_width = g.width - 2 * g.margin;
  g.area_height = g.height - 2 * g.margin - kFooterHeight;
  return g;
}

// "2026-11-30T00:00:00" from the document's date, so the file never depends on the clock.
std::string PdfDate(const std::string& date) {
  int year = 0, month = 0, day = 0;
  bool valid = date.size() == 10 &&
               std::sscanf(date.c_str(), "%4d-%2d-%2d", &year, &month, &day) == 3 && month >= 1 &&
               month <= 12 && day >= 1 && day <= 31;
  return (valid ? date : std::string("2000-01-01")) + "T00:00:00";
}

void SetMetadata(cairo_surface_t* surface, const Document& document) {
  std::string date = PdfDate(document.date);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, document.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, document.subtitle.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "prosit");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

// A Pango context that measures in points as the PDF paints them: 72 dpi, no hinting.
PangoContext* PointContext(cairo_t* cr) {
  PangoContext* context = pango_cairo_create_context(cr);
  pango_cairo_context_set_resolution(context, 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  return context;
}

// The page (from 1) each heading lands on.
std::vector<int> HeadingPages(const std::vector<Page>& pages, size_t headings) {
  std::vector<int> result(headings, 0);
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const PlacedBox& placed : pages[p]) {
      if (placed.box->heading) result[placed.box->heading->id] = static_cast<int>(p + 1);
    }
  }
  return result;
}

// The title, the contents and the blocks; the first block starts a page of its own
// after a title page or contents.
std::vector<Box> AllBoxes(const BlockBoxes& builder, const Document& document, const Geometry& g,
                          const std::vector<Box>& blocks, const std::vector<int>& heading_pages) {
  std::vector<Box> boxes;
  AddTitle(builder, document, g.text_width, g.area_height, boxes);
  if (document.contents) AddContents(builder, document, g.text_width, heading_pages, boxes);
  size_t first_block = boxes.size();
  boxes.insert(boxes.end(), blocks.begin(), blocks.end());
  if (first_block < boxes.size() && (document.title_page || document.contents)) {
    boxes[first_block].break_before = true;
  }
  return boxes;
}

// Bookmarks: a level-n heading nests under the last heading of a lower level.
class Outline {
 public:
  explicit Outline(cairo_surface_t* surface) : surface_(surface) {
    parents_.fill(CAIRO_PDF_OUTLINE_ROOT);
  }
  void Add(const HeadingMark& heading, int page, double y) {
    char target[96];
    std::snprintf(target, sizeof target, "page=%d pos=[0 %.2f]", page, y);
    int level = std::clamp(heading.level, 1, 3);
    int id = cairo_pdf_surface_add_outline(surface_, parents_[level - 1], heading.text.c_str(),
                                           target, CAIRO_PDF_OUTLINE_FLAG_OPEN);
    for (int i = level; i < static_cast<int>(parents_.size()); ++i) parents_[i] = id;
  }

 private:
  cairo_surface_t* surface_;
  std::array<int, 4> parents_;
};

void PaintFooter(cairo_t* cr, const BlockBoxes& builder, const Document& document,
                 const Geometry& g, int page, int pages) {
  double top = g.height - g.margin - kFooterHeight + 10;
  SetSourceRgb(cr, 0xBFBFBF);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, g.margin, top);
  cairo_line_to(cr, g.margin + g.text_width, top);
  cairo_stroke(cr);
  TextStyle style = FooterTextStyle();
  std::string number = PageOf(WordsFor(document.language), page, pages);
  builder.Text(Plain(document.footer), style, g.text_width * 0.7)->Paint(cr, g.margin, top + 3);
  builder.Text(Plain(number), style, g.text_width, CellAlign::kRight)->Paint(cr, g.margin, top + 3);
}

void PaintPages(cairo_t* cr, cairo_surface_t* surface, const BlockBoxes& builder,
                const Document& document, const Geometry& g, const std::vector<Page>& pages) {
  Outline outline(surface);
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const PlacedBox& placed : pages[p]) {
      double y = g.margin + placed.y;
      const HeadingMark* heading = placed.box->heading.get();
      if (heading == nullptr) {
        placed.box->paint(cr, g.margin, y);
        continue;
      }
      outline.Add(*heading, static_cast<int>(p + 1), y);
      std::string name = "name='" + HeadingDestination(heading->id) + "'";
      cairo_tag_begin(cr, CAIRO_TAG_DEST, name.c_str());
      placed.box->paint(cr, g.margin, y);
      cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
    PaintFooter(cr, builder, document, g, static_cast<int>(p + 1), static_cast<int>(pages.size()));
    cairo_show_page(cr);
  }
}

// Measures, breaks and paints onto `cr`. The contents need the pages of the headings,
// which the contents themselves may shift: lay out until they stop moving.
Status Render(cairo_t* cr, cairo_surface_t* surface, const Document& document, const Geometry& g) {
  PangoContext* context = PointContext(cr);
  BlockBoxes builder(context, document, g.text_width, g.area_height);
  std::vector<Box> blocks;
  builder.AddAll(blocks);
  Status status = builder.status();
  if (status.ok()) {
    std::vector<int> heading_pages(builder.headings().size(), 0);
    std::vector<Box> boxes;
    std::vector<Page> pages;
    for (int pass = 0; pass < 4; ++pass) {
      boxes = AllBoxes(builder, document, g, blocks, heading_pages);
      pages = BreakIntoPages(boxes, g.area_height);
      std::vector<int> found = HeadingPages(pages, heading_pages.size());
      if (found == heading_pages) break;
      heading_pages = std::move(found);
    }
    PaintPages(cr, surface, builder, document, g, pages);
  }
  g_object_unref(context);
  return status;
}

}  // namespace

Result<std::string> RenderPdf(const Document& document) {
  Geometry g = GeometryOf(document.page);
  if (!(g.text_width >= 100 && g.area_height >= 100)) {
    return Status::Invalid("the page setup leaves no room for text");
  }
  std::string bytes;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &bytes, g.width, g.height);
  SetMetadata(surface, document);
  cairo_t* cr = cairo_create(surface);
  Status status = Render(cr, surface, document, g);
  cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!status.ok()) return status;
  if (drawn != CAIRO_STATUS_SUCCESS) return Status::IoError(cairo_status_to_string(drawn));
  if (finished != CAIRO_STATUS_SUCCESS) return Status::IoError(cairo_status_to_string(finished));
  return bytes;
}

}  // namespace prosit
