#pragma once
// QR codes: the module matrix of a payload (libqrencode, error correction level M, the
// UTF-8 bytes in 8-bit mode), painted by the PDF renderer and written as SVG for pages.

#include <cairo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace prosit {

// A square of `size` × `size` modules, row by row; true is dark. The quiet zone of four
// modules around it is not included.
struct QrMatrix {
  int version = 0;
  int size = 0;
  std::vector<bool> dark;
  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

// The smallest QR code holding `payload`; Invalid when it is empty or too long.
Result<QrMatrix> EncodeQr(std::string_view payload);

// Paints the code with its quiet zone as a `side` × `side` square at (x, y), in black on
// white.
void PaintQr(cairo_t* cr, const QrMatrix& qr, double x, double y, double side);

// A standalone SVG of the code with its quiet zone, `side_px` pixels square; the dark
// modules are one path, so the file stays small.
std::string QrSvg(const QrMatrix& qr, int side_px);

}  // namespace prosit
