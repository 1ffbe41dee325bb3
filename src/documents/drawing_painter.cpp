#include "documents/drawing_painter.h"

#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <memory>

#include "documents/cairo_stream.h"

namespace prosit {
namespace {

// Largest side of a PNG, in pixels: a guard against a scale that would exhaust memory.
constexpr double kMaxPngSide = 10000;

void ApplyStroke(cairo_t* cr, const Stroke& stroke) {
  if (stroke.colour == kNoColour || stroke.width <= 0) return;
  SetSourceRgb(cr, stroke.colour);
  cairo_set_line_width(cr, stroke.width);
  cairo_set_dash(cr, stroke.dashes.empty() ? nullptr : stroke.dashes.data(),
                 static_cast<int>(stroke.dashes.size()), 0);
  cairo_stroke_preserve(cr);
}

// Fills and strokes the current path, then clears it.
void FillAndStroke(cairo_t* cr, Rgb fill, const Stroke& stroke) {
  if (fill != kNoColour) {
    SetSourceRgb(cr, fill);
    cairo_fill_preserve(cr);
  }
  ApplyStroke(cr, stroke);
  cairo_new_path(cr);
}

void Paint(cairo_t* cr, const PathShape& path) {
  for (const std::vector<Point>& ring : path.rings) {
    if (ring.empty()) continue;
    cairo_move_to(cr, ring[0].x, ring[0].y);
    for (size_t i = 1; i < ring.size(); ++i) cairo_line_to(cr, ring[i].x, ring[i].y);
    if (path.closed) cairo_close_path(cr);
  }
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  FillAndStroke(cr, path.closed ? path.fill : kNoColour, path.stroke);
}

void Paint(cairo_t* cr, const CircleShape& circle) {
  cairo_new_sub_path(cr);
  cairo_arc(cr, circle.centre.x, circle.centre.y, circle.radius, 0, 2 * M_PI);
  FillAndStroke(cr, circle.fill, circle.stroke);
}

void Paint(cairo_t* cr, const RectShape& rect) {
  cairo_rectangle(cr, rect.origin.x, rect.origin.y, rect.width, rect.height);
  FillAndStroke(cr, rect.fill, rect.stroke);
}

void Paint(cairo_t* cr, const LabelShape& label) {
  if (label.text.empty()) return;
  std::unique_ptr<PangoLayout, void (*)(gpointer)> layout(pango_cairo_create_layout(cr),
                                                          &g_object_unref);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, label.size * PANGO_SCALE);
  if (label.bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_text(layout.get(), label.text.c_str(), -1);
  PangoRectangle logical;
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  double width = static_cast<double>(logical.width) / PANGO_SCALE;
  double shift = label.anchor == TextAnchor::kMiddle ? width / 2
                 : label.anchor == TextAnchor::kEnd  ? width
                                                     : 0;
  double baseline = static_cast<double>(pango_layout_get_baseline(layout.get())) / PANGO_SCALE;
  SetSourceRgb(cr, label.colour);
  cairo_move_to(cr, label.at.x - shift, label.at.y - baseline);
  pango_cairo_show_layout(cr, layout.get());
  cairo_new_path(cr);
}

// Paints onto a fresh surface and checks that Cairo had no error.
Status PaintOn(cairo_surface_t* surface, const Drawing& drawing, double scale, bool white) {
  cairo_t* cr = cairo_create(surface);
  if (white) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
  }
  PaintDrawing(cr, drawing, 0, 0, scale);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status != CAIRO_STATUS_SUCCESS) return Status::IoError(cairo_status_to_string(status));
  return Status::Ok();
}

}  // namespace

void SetSourceRgb(cairo_t* cr, Rgb colour) {
  cairo_set_source_rgb(cr, ((colour >> 16) & 0xFF) / 255.0, ((colour >> 8) & 0xFF) / 255.0,
                       (colour & 0xFF) / 255.0);
}

void PaintDrawing(cairo_t* cr, const Drawing& drawing, double x, double y, double scale) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, scale, scale);
  cairo_rectangle(cr, 0, 0, drawing.width, drawing.height);
  cairo_clip(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  for (const Shape& shape : drawing.shapes) {
    std::visit([cr](const auto& s) { Paint(cr, s); }, shape);
  }
  cairo_restore(cr);
}

Result<std::string> RenderDrawingPng(const Drawing& drawing, double pixels_per_unit) {
  double width = std::ceil(drawing.width * pixels_per_unit);
  double height = std::ceil(drawing.height * pixels_per_unit);
  if (!(width >= 1 && height >= 1 && width <= kMaxPngSide && height <= kMaxPngSide)) {
    return Status::Invalid("the drawing's PNG would be empty or too large");
  }
  cairo_surface_t* surface = cairo_image_surface_create(
      CAIRO_FORMAT_ARGB32, static_cast<int>(width), static_cast<int>(height));
  Status painted = PaintOn(surface, drawing, pixels_per_unit, true);
  std::string bytes;
  cairo_status_t written = painted.ok()
                               ? cairo_surface_write_to_png_stream(surface, AppendToString, &bytes)
                               : CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy(surface);
  if (!painted.ok()) return painted;
  if (written != CAIRO_STATUS_SUCCESS) return Status::IoError(cairo_status_to_string(written));
  return bytes;
}

Result<std::string> RenderDrawingSvg(const Drawing& drawing) {
  if (!(drawing.width > 0 && drawing.height > 0)) {
    return Status::Invalid("the drawing has no area");
  }
  std::string bytes;
  cairo_surface_t* surface =
      cairo_svg_surface_create_for_stream(AppendToString, &bytes, drawing.width, drawing.height);
  Status painted = PaintOn(surface, drawing, 1, false);
  cairo_surface_finish(surface);  // writes the file's end into `bytes`
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (!painted.ok()) return painted;
  if (status != CAIRO_STATUS_SUCCESS) return Status::IoError(cairo_status_to_string(status));
  return bytes;
}

}  // namespace prosit
