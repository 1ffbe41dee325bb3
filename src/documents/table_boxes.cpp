// BlockBoxes for tables: a row is one box; the header row keeps with the first row and
// comes back above the first row of every page the table runs onto.

#include <algorithm>
#include <numeric>

#include "documents/block_boxes.h"
#include "documents/drawing_painter.h"

namespace prosit::pdf {

std::vector<double> BlockBoxes::ColumnWidths(const Table& table) const {
  size_t n = table.header.size();
  std::vector<double> relative(n, 1.0);
  if (table.widths.size() == n &&
      std::all_of(table.widths.begin(), table.widths.end(), [](double w) { return w > 0; })) {
    relative = table.widths;
  }
  double sum = std::accumulate(relative.begin(), relative.end(), 0.0);
  for (double& w : relative) w *= width_ / sum;
  return relative;
}

Box BlockBoxes::TableRow(const Table& table, const std::vector<RichText>& cells,
                         const std::vector<double>& widths, bool header, Rgb fill) const {
  std::vector<TextBlockPtr> texts;
  double height = 0;
  for (size_t c = 0; c < widths.size(); ++c) {
    CellAlign align = c < table.align.size() ? table.align[c] : CellAlign::kLeft;
    static const RichText kEmpty = Plain("");
    const RichText& runs = c < cells.size() ? cells[c] : kEmpty;
    texts.push_back(Text(runs, TableTextStyle(header), widths[c] - 2 * kCellPadding, align));
    height = std::max(height, texts.back()->height());
  }
  Box box;
  box.height = height + 2 * kCellPadding;
  box.paint = [texts, widths, fill, header, height = box.height](cairo_t* cr, double x, double y) {
    double width = std::accumulate(widths.begin(), widths.end(), 0.0);
    if (fill != kNoColour) {
      SetSourceRgb(cr, fill);
      cairo_rectangle(cr, x, y, width, height);
      cairo_fill(cr);
    }
    double cx = x;
    for (size_t c = 0; c < texts.size(); ++c) {
      texts[c]->Paint(cr, cx + kCellPadding, y + kCellPadding);
      cx += widths[c];
    }
    SetSourceRgb(cr, kTableRule);
    cairo_set_line_width(cr, header ? 0.9 : 0.4);
    if (header) {
      cairo_move_to(cr, x, y);
      cairo_line_to(cr, x + width, y);
    }
    cairo_move_to(cr, x, y + height);
    cairo_line_to(cr, x + width, y + height);
    cairo_stroke(cr);
  };
  return box;
}

void BlockBoxes::Add(const Table& table, std::vector<Box>& out) {
  if (table.header.empty()) return;
  std::vector<double> widths = ColumnWidths(table);
  constexpr double kSpace = 10;
  if (!table.caption.empty()) {
    std::string caption =
        std::string(words_.table) + " " + std::to_string(++tables_) + ": " + table.caption;
    TextStyle style = CaptionTextStyle();
    style.italic = false;
    style.bold = true;
    AddLines(Text(Plain(caption), style, width_), 0, kSpace, true, out);
  }
  std::vector<RichText> header_cells;
  for (const std::string& name : table.header) header_cells.push_back(Plain(name));
  Box header = TableRow(table, header_cells, widths, true, kTableHeaderFill);
  header.keep_with_next = true;
  header.space_before = table.caption.empty() ? kSpace : 3;
  auto repeated = std::make_shared<const Box>(header);
  out.push_back(std::move(header));
  for (size_t r = 0; r < table.rows.size(); ++r) {
    Rgb fill = r < table.row_fill.size() ? table.row_fill[r] : kNoColour;
    Box row = TableRow(table, table.rows[r], widths, false, fill);
    row.repeat_header = repeated;
    out.push_back(std::move(row));
  }
}

}  // namespace prosit::pdf
