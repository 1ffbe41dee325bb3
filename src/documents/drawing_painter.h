#pragma once
// DrawingPainter: paints a Drawing (document.h) with Cairo, its labels set with Pango in
// DejaVu Sans. The PDF renderer paints figures straight onto its page; the ODT and DOCX
// writers embed the PNG or SVG bytes that the Render functions return.

#include <cairo.h>

#include <string>

#include "documents/document.h"
#include "model/status.h"

namespace prosit {

// Paints `drawing` with its top left corner at (x, y), one drawing unit being `scale`
// user units of `cr`. Leaves the state of `cr` as it was.
void PaintDrawing(cairo_t* cr, const Drawing& drawing, double x, double y, double scale);

// The drawing as a PNG file on white, `pixels_per_unit` pixels per drawing unit.
Result<std::string> RenderDrawingPng(const Drawing& drawing, double pixels_per_unit);

// The drawing as an SVG file, one drawing unit per point; labels become glyph outlines.
Result<std::string> RenderDrawingSvg(const Drawing& drawing);

// Sets the source colour of `cr` from 0xRRGGBB.
void SetSourceRgb(cairo_t* cr, Rgb colour);

}  // namespace prosit
