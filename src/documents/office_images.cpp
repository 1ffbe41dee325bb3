// The office writers' images: figures and QR codes painted by the PDF renderer's painters
// and embedded as PNG, sized on the page in millimetres.

#include <cairo.h>

#include <algorithm>
#include <memory>

#include "documents/drawing_painter.h"
#include "documents/office_package.h"
#include "documents/qr_code.h"

namespace prosit::office {
namespace {

// Word's own default for pictures in documents: sharp on screen and in office print,
// and encoding the PNG (most of a writer's time) stays cheap: 200 dpi took 1.8× as long.
constexpr double kPixelsPerMm = 150.0 / 25.4;  // 150 dpi

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<Image> FigureImage(const Figure& figure, const PageSetup& page) {
  const Drawing& drawing = figure.drawing;
  if (drawing.width <= 0 || drawing.height <= 0) return Status::Invalid("figure has no size");
  double text_width = page.width_mm - 2 * page.margin_mm;
  double text_height = page.height_mm - 2 * page.margin_mm;
  double max_height = figure.max_height_mm > 0 ? figure.max_height_mm : text_height * 2 / 3;
  double scale = std::min(text_width / drawing.width, max_height / drawing.height);  // mm/unit
  Result<std::string> png = RenderDrawingPng(drawing, scale * kPixelsPerMm);
  if (!png.ok()) return png.status();
  std::string alt = figure.alt.empty() ? figure.caption : figure.alt;
  return Image{std::move(*png), drawing.width * scale, drawing.height * scale, std::move(alt)};
}

Result<Image> QrImage(const QrCode& qr) {
  Result<QrMatrix> matrix = EncodeQr(qr.payload);
  if (!matrix.ok()) return matrix.status();
  // Whole pixels per module, so that the modules stay crisp when the editor scales it.
  int modules = matrix->size + 8;
  int module_px = std::max(4, static_cast<int>(qr.size_mm * kPixelsPerMm / modules));
  int side = modules * module_px;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  PaintQr(cr.get(), *matrix, 0, 0, side);
  cairo_surface_flush(surface.get());
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), AppendPng, &png) != CAIRO_STATUS_SUCCESS) {
    return Status::IoError("cannot write the QR code as PNG");
  }
  std::string alt = "QR: " + qr.payload;
  return Image{std::move(png), qr.size_mm, qr.size_mm, std::move(alt)};
}

}  // namespace prosit::office
