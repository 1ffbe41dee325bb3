#pragma once
// BlockBoxes: measures a document's blocks into page boxes at the text area's width —
// headings (numbered when the document asks), paragraphs line by line, lists, tables
// with their header and caption, figures and QR codes. Counts the headings, tables and
// figures as it goes, for their numbers and for the contents.

#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

#include "documents/document.h"
#include "documents/page_box.h"
#include "documents/pdf_style.h"
#include "documents/text_block.h"
#include "model/status.h"

namespace prosit::pdf {

class BlockBoxes {
 public:
  BlockBoxes(PangoContext* context, const Document& document, double width, double area_height);

  // Appends the boxes of every block of the document to `out`.
  void AddAll(std::vector<Box>& out);

  // The headings met so far, in order; their ids index this list.
  const std::vector<std::shared_ptr<const HeadingMark>>& headings() const { return headings_; }

  // The first error met (a QR code's payload that does not fit), else OK.
  const Status& status() const { return status_; }

  // A text block at `width` in the document's language.
  TextBlockPtr Text(const RichText& runs, const TextStyle& style, double width,
                    CellAlign align = CellAlign::kLeft) const;

  // One box per line of `text`, indented by `indent`; `keep` chains every line to the
  // next (headings), otherwise only the first two and last two lines are kept together.
  static void AddLines(const TextBlockPtr& text, double indent, double space_before, bool keep,
                       std::vector<Box>& out);

 private:
  void Add(const Heading& heading, std::vector<Box>& out);
  void Add(const Paragraph& paragraph, std::vector<Box>& out);
  void Add(const BulletList& list, std::vector<Box>& out);
  void Add(const Table& table, std::vector<Box>& out);
  void Add(const Figure& figure, std::vector<Box>& out);
  void Add(const QrCode& qr, std::vector<Box>& out);
  void Add(const PageBreak&, std::vector<Box>& out);

  void AddQuote(const TextBlockPtr& text, double space_before, std::vector<Box>& out);
  void AddWarning(const Paragraph& paragraph, std::vector<Box>& out);
  Box TableRow(const Table& table, const std::vector<RichText>& cells,
               const std::vector<double>& widths, bool header, Rgb fill) const;
  std::vector<double> ColumnWidths(const Table& table) const;
  std::string HeadingNumber(int level);

  PangoContext* context_;
  const Document& document_;
  const Words& words_;
  double width_;
  double area_height_;
  bool break_next_ = false;
  std::vector<int> heading_counters_ = {0, 0, 0};
  int tables_ = 0;
  int figures_ = 0;
  std::vector<std::shared_ptr<const HeadingMark>> headings_;
  Status status_;
};

}  // namespace prosit::pdf
