#include "documents/qr_code.h"

#include <qrencode.h>

#include <memory>

namespace prosit {
namespace {

constexpr int kQuietZone = 4;  // modules, as the standard asks

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view payload) {
  if (payload.empty()) return Status::Invalid("a QR code needs a payload");
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeData(static_cast<int>(payload.size()),
                        reinterpret_cast<const unsigned char*>(payload.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) return Status::Invalid("the QR code's payload is too long");
  QrMatrix qr;
  qr.version = code->version;
  qr.size = code->width;
  qr.dark.resize(static_cast<size_t>(qr.size) * qr.size);
  for (size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = (code->data[i] & 1) != 0;
  return qr;
}

void PaintQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side) {
  double module = side / (qr.size + 2 * kQuietZone);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, side, side);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  // One rectangle per run of dark modules in a row: fewer PDF operators, no seams.
  for (int row = 0; row < qr.size; ++row) {
    for (int col = 0; col < qr.size;) {
      if (!qr.Dark(col, row)) {
        ++col;
        continue;
      }
      int start = col;
      while (col < qr.size && qr.Dark(col, row)) ++col;
      cairo_rectangle(cr, x + (start + kQuietZone) * module, y + (row + kQuietZone) * module,
                      (col - start) * module, module);
    }
  }
  cairo_fill(cr);
  cairo_restore(cr);
}

std::string QrSvg(const QrMatrix& qr, int side_px) {
  int total = qr.size + 2 * kQuietZone;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(side_px) +
                    "\" height=\"" + std::to_string(side_px) + "\" viewBox=\"0 0 " +
                    std::to_string(total) + " " + std::to_string(total) +
                    "\" shape-rendering=\"crispEdges\">";
  svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int row = 0; row < qr.size; ++row) {
    for (int col = 0; col < qr.size;) {
      if (!qr.Dark(col, row)) {
        ++col;
        continue;
      }
      int start = col;
      while (col < qr.size && qr.Dark(col, row)) ++col;
      svg += "M" + std::to_string(start + kQuietZone) + " " + std::to_string(row + kQuietZone) +
             "h" + std::to_string(col - start) + "v1h-" + std::to_string(col - start) + "z";
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace prosit
