#include "app/documents/share_map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "app/documents/czech_figures.h"

namespace prosit {

namespace {

constexpr double kKmPerDegreeLat = 110.574;
constexpr double kKmPerDegreeLonAtEquator = 111.320;
constexpr double kPi = 3.14159265358979323846;

// ColorBrewer RdYlGn, five classes: readable in greyscale print too.
constexpr std::array<Rgb, 5> kClasses = {0xD7191C, 0xFDAE61, 0xFFFFBF, 0xA6D96A, 0x1A9641};
constexpr Rgb kNoShare = 0xCCCCCC;

constexpr double kMapWidth = 600;  // drawing units; the renderer scales to the text width
constexpr double kLegendHeight = 70;

struct Projection {
  double lon0 = 0, lat0 = 0, kx = 1, ky = 1;  // km per degree
  double min_x = 0, min_y = 0, scale = 1;     // km to drawing units
  Point At(double lon, double lat) const {
    double x = (lon - lon0) * kx, y = (lat0 - lat) * ky;
    return {(x - min_x) * scale, (y - min_y) * scale};
  }
};

}  // namespace

Rgb ShareColour(std::optional<double> share) {
  if (!share) return kNoShare;
  int k = std::clamp(static_cast<int>(*share * 5), 0, 4);  // 1.0 falls in the top class
  return kClasses[k];
}

double ScaleBarKm(double span_km) {
  const double target = span_km / 5;
  double best = 1;
  for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0})
    if (step <= target) best = step;
  return best;
}

void AddMunicipalityShares(const OrpCoverage& c, const Territory& t,
                           std::map<std::string, std::optional<double>>& out) {
  if (c.cells.empty()) return;
  const int mode = static_cast<int>(TravelMode::kPublicTransport);
  for (size_t k = 0; k < c.cells.front().places.size(); ++k) {
    const PlaceReach& first = c.cells.front().places[k];
    const Municipality& m = t.municipalities()[first.place];
    if (first.children <= 0) {
      out[m.code] = std::nullopt;
      continue;
    }
    size_t within = 0;
    for (const CellCoverage& cell : c.cells) within += cell.places[k].within_norm[mode];
    out[m.code] = static_cast<double>(within) / static_cast<double>(c.cells.size());
  }
}

Drawing DrawShareMap(const MunicipalityShapes& shapes, const ShareMapInput& input) {
  using Rings = std::vector<LonLatRing>;
  std::vector<std::pair<Rings, std::optional<double>>> parts;
  double lon_min = 1e9, lon_max = -1e9, lat_min = 1e9, lat_max = -1e9;
  for (const auto& [code, share] : input.share_by_municipality) {
    Rings rings = shapes.Rings(code);
    if (rings.empty()) continue;
    for (const auto& ring : rings)
      for (const auto& p : ring) {
        lon_min = std::min(lon_min, p.lon);
        lon_max = std::max(lon_max, p.lon);
        lat_min = std::min(lat_min, p.lat);
        lat_max = std::max(lat_max, p.lat);
      }
    parts.emplace_back(std::move(rings), share);
  }
  Drawing d;
  d.width = kMapWidth;
  double map_height = 0;
  Projection proj;
  double span_km = 0;
  if (!parts.empty()) {
    proj.lon0 = (lon_min + lon_max) / 2;
    proj.lat0 = (lat_min + lat_max) / 2;
    proj.kx = kKmPerDegreeLonAtEquator * std::cos(proj.lat0 * kPi / 180);
    proj.ky = kKmPerDegreeLat;
    proj.min_x = (lon_min - proj.lon0) * proj.kx;
    proj.min_y = (proj.lat0 - lat_max) * proj.ky;
    span_km = (lon_max - lon_min) * proj.kx;
    double height_km = (lat_max - lat_min) * proj.ky;
    proj.scale = span_km > 0 ? kMapWidth / span_km : 1;
    map_height = height_km * proj.scale;
  }
  for (const auto& [rings, share] : parts) {
    PathShape path;
    for (const auto& ring : rings) {
      std::vector<Point> pts;
      pts.reserve(ring.size());
      for (const auto& p : ring) pts.push_back(proj.At(p.lon, p.lat));
      path.rings.push_back(std::move(pts));
    }
    path.fill = ShareColour(share);
    path.stroke = {0x808080, 0.4, {}};
    d.shapes.push_back(std::move(path));
  }
  // The ORPs' seats with their names, above the fills.
  for (const Orp* orp : input.orps) {
    if (parts.empty()) break;
    Point at = proj.At(orp->seat.lon, orp->seat.lat);
    d.shapes.push_back(CircleShape{at, 3, 0x000000, {}});
    d.shapes.push_back(
        LabelShape{{at.x, at.y - 5}, orp->name, 11, 0x000000, TextAnchor::kMiddle, true});
  }
  // Legend: five swatches and the grey of "no children", then the scale bar.
  double y = map_height + 20;
  d.shapes.push_back(
      LabelShape{{0, y}, input.legend_title, 11, 0x000000, TextAnchor::kStart, true});
  y += 8;
  const double swatch = 14;
  for (int k = 0; k <= 5; ++k) {
    double x = k * 82;
    Rgb fill = k < 5 ? kClasses[k] : kNoShare;
    d.shapes.push_back(RectShape{{x, y}, swatch, swatch, fill, {0x808080, 0.5, {}}});
    std::string text =
        k < 5 ? std::to_string(k * 20) + "–" + std::to_string(k * 20 + 20) + "\u00A0%" : input.no_data;
    d.shapes.push_back(LabelShape{
        {x + swatch + 4, y + swatch - 3}, text, 10, 0x000000, TextAnchor::kStart, false});
  }
  if (span_km > 0) {
    double km = ScaleBarKm(span_km);
    double len = km * proj.scale;
    double by = y + swatch + 22;
    d.shapes.push_back(RectShape{{0, by}, len / 2, 5, 0x000000, {0x000000, 0.5, {}}});
    d.shapes.push_back(RectShape{{len / 2, by}, len / 2, 5, 0xFFFFFF, {0x000000, 0.5, {}}});
    // The zero starts at the bar's left end: centred there it would fall off the drawing.
    d.shapes.push_back(LabelShape{{0, by - 3}, "0", 9, 0x000000, TextAnchor::kStart, false});
    d.shapes.push_back(LabelShape{{len, by - 3},
                                  CzechCount(static_cast<int64_t>(km)) + "\u00A0km",
                                  9,
                                  0x000000,
                                  TextAnchor::kMiddle,
                                  false});
  }
  d.height = map_height + kLegendHeight + 10;
  return d;
}

}  // namespace prosit
