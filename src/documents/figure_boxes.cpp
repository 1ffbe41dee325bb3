// BlockBoxes for figures and QR codes: each is one box with its caption under it.

#include <algorithm>
#include <cstdio>

#include "documents/block_boxes.h"
#include "documents/drawing_painter.h"
#include "documents/qr_code.h"

namespace prosit::pdf {
namespace {

constexpr double kCaptionGap = 4;
constexpr double kSpace = 10;

}  // namespace

void BlockBoxes::Add(const Figure& figure, std::vector<Box>& out) {
  const Drawing* drawing = &figure.drawing;
  if (!(drawing->width > 0 && drawing->height > 0)) return;
  double max_mm = figure.max_height_mm > 0 ? figure.max_height_mm : kDefaultFigureMaxMm;
  double max_height = std::min(max_mm * kPointsPerMm, area_height_ * 0.8);
  double scale = std::min(width_ / drawing->width, max_height / drawing->height);
  double width = drawing->width * scale;
  double height = drawing->height * scale;
  TextBlockPtr caption;
  if (!figure.caption.empty()) {
    std::string text =
        std::string(words_.figure) + " " + std::to_string(++figures_) + ": " + figure.caption;
    caption = Text(Plain(text), CaptionTextStyle(), width_, CellAlign::kCenter);
  }
  Box box;
  box.height = height + (caption ? kCaptionGap + caption->height() : 0);
  box.space_before = kSpace;
  box.paint = [drawing, caption, scale, width, height, area = width_](cairo_t* cr, double x,
                                                                      double y) {
    PaintDrawing(cr, *drawing, x + (area - width) / 2, y, scale);
    if (caption) caption->Paint(cr, x, y + height + kCaptionGap);
  };
  out.push_back(std::move(box));
}

void BlockBoxes::Add(const QrCode& qr, std::vector<Box>& out) {
  Result<QrMatrix> matrix = EncodeQr(qr.payload);
  if (!matrix.ok()) {
    if (status_.ok()) status_ = matrix.status();
    return;
  }
  double side = std::min(qr.size_mm * kPointsPerMm, width_);
  TextBlockPtr caption;
  if (!qr.caption.empty()) {
    caption = Text(Plain(qr.caption), CaptionTextStyle(), width_, CellAlign::kCenter);
  }
  Box box;
  box.height = side + (caption ? kCaptionGap + caption->height() : 0);
  box.space_before = kSpace;
  box.paint = [qr_matrix = std::make_shared<const QrMatrix>(std::move(*matrix)), caption, side,
               uri = qr.payload, area = width_](cairo_t* cr, double x, double y) {
    double left = x + (area - side) / 2;
    PaintQr(cr, *qr_matrix, left, y, side);
    char rect[128];
    std::snprintf(rect, sizeof rect, "rect=[%.2f %.2f %.2f %.2f] uri='", left, y, side, side);
    std::string attributes = rect + QuotedUri(uri) + "'";
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    if (caption) caption->Paint(cr, x, y + side + kCaptionGap);
  };
  out.push_back(std::move(box));
}

}  // namespace prosit::pdf
