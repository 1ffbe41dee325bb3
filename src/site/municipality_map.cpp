#include "site/municipality_map.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "site/public_site.h"

namespace prosit {

namespace {

std::string Coord(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string MunicipalityMapSvg(const MunicipalityShapes& shapes, const std::string& code,
                               const GeoPoint* point, std::string_view label, int width_px) {
  auto rings = shapes.Rings(code);
  if (rings.empty()) return "";
  double min_lon = std::numeric_limits<double>::max(), max_lon = -min_lon;
  double min_lat = min_lon, max_lat = -min_lon;
  auto extend = [&](double lon, double lat) {
    min_lon = std::min(min_lon, lon), max_lon = std::max(max_lon, lon);
    min_lat = std::min(min_lat, lat), max_lat = std::max(max_lat, lat);
  };
  for (const auto& ring : rings)
    for (const LonLat& p : ring) extend(p.lon, p.lat);
  if (point) extend(point->lon, point->lat);
  // Kilometres east and north of the middle; a degree of longitude shrinks with cos(lat).
  double mid_lat = (min_lat + max_lat) / 2 * M_PI / 180;
  double kx = std::cos(mid_lat), ky = 1.0;
  double span_x = std::max((max_lon - min_lon) * kx, 1e-6);
  double span_y = std::max((max_lat - min_lat) * ky, 1e-6);
  const double margin = 10;
  double scale = (width_px - 2 * margin) / span_x;
  int height_px = static_cast<int>(std::ceil(span_y * scale + 2 * margin));
  // A long thin municipality stays small: at most as tall as it is wide.
  if (height_px > width_px) {
    scale = (width_px - 2 * margin) / span_y;
    height_px = width_px;
  }
  double offset_x = (width_px - span_x * scale) / 2;
  auto x = [&](double lon) { return offset_x + (lon - min_lon) * kx * scale; };
  auto y = [&](double lat) { return margin + (max_lat - lat) * ky * scale; };
  std::string d;
  for (const auto& ring : rings) {
    for (size_t i = 0; i < ring.size(); ++i)
      d += (i == 0 ? "M" : "L") + Coord(x(ring[i].lon)) + " " + Coord(y(ring[i].lat));
    d += "Z";
  }
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" +
                    EscapeHtml(label) + "\" width=\"" + std::to_string(width_px) + "\" height=\"" +
                    std::to_string(height_px) + "\" viewBox=\"0 0 " + std::to_string(width_px) +
                    " " + std::to_string(height_px) + "\">";
  svg += "<path d=\"" + d +
         "\" fill=\"#dce8f3\" stroke=\"#0b3d6e\" stroke-width=\"1.5\" "
         "fill-rule=\"evenodd\"/>";
  if (point) {
    svg += "<circle cx=\"" + Coord(x(point->lon)) + "\" cy=\"" + Coord(y(point->lat)) +
           "\" r=\"7\" fill=\"#c0392b\" stroke=\"#fff\" stroke-width=\"2\"/>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace prosit
