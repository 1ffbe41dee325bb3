#include "app/documents/orp_analysis_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace prosit {

namespace {

constexpr double kWidth = 170;  // drawing units; the renderer fits them to the text width
constexpr double kKmPerDegreeLat = 111.2;

std::string Number(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

LabelShape Text(Point at, std::string text, double size, TextAnchor anchor = TextAnchor::kStart,
                Rgb colour = 0x222222) {
  LabelShape l;
  l.at = at;
  l.text = std::move(text);
  l.size = size;
  l.anchor = anchor;
  l.colour = colour;
  return l;
}

PathShape Line(Point a, Point b, Rgb colour, double width) {
  PathShape p;
  p.rings = {{a, b}};
  p.closed = false;
  p.stroke = {colour, width, {}};
  return p;
}

// The map's frame in km: a local equirectangular plane around the areas' mean latitude.
struct Projection {
  double min_lon = 0, max_lat = 0, km_per_lon = 0;
  double width_km = 0, height_km = 0;
  Point Km(const LonLat& p) const {
    return {(p.lon - min_lon) * km_per_lon, (max_lat - p.lat) * kKmPerDegreeLat};
  }
};

Projection ProjectionOf(const std::vector<MapArea>& areas) {
  double min_lon = 1e9, max_lon = -1e9, min_lat = 1e9, max_lat = -1e9;
  for (const MapArea& a : areas)
    for (const LonLatRing& r : a.rings)
      for (const LonLat& p : r) {
        min_lon = std::min(min_lon, p.lon);
        max_lon = std::max(max_lon, p.lon);
        min_lat = std::min(min_lat, p.lat);
        max_lat = std::max(max_lat, p.lat);
      }
  Projection pr;
  if (min_lon > max_lon) return pr;
  const double mid_lat = (min_lat + max_lat) / 2 * M_PI / 180;
  pr.min_lon = min_lon;
  pr.max_lat = max_lat;
  pr.km_per_lon = kKmPerDegreeLat * std::cos(mid_lat);
  pr.width_km = (max_lon - min_lon) * pr.km_per_lon;
  pr.height_km = (max_lat - min_lat) * kKmPerDegreeLat;
  return pr;
}

void AddScaleBar(Drawing& d, double km_to_units, double width_km, Point at) {
  const double km = ScaleBarKm(width_km);
  const double len = km * km_to_units;
  d.shapes.push_back(Line(at, {at.x + len, at.y}, 0x222222, 0.8));
  for (double x : {at.x, at.x + len / 2, at.x + len})
    d.shapes.push_back(Line({x, at.y - 1.5}, {x, at.y}, 0x222222, 0.5));
  d.shapes.push_back(
      Text({at.x + len / 2, at.y - 2.5}, Number(km) + " km", 3, TextAnchor::kMiddle));
  d.shapes.push_back(Text({at.x, at.y + 3.5}, "0", 2.5, TextAnchor::kMiddle));
}

void AddMapLegend(Drawing& d, const MapLegend& legend, double x, double y) {
  d.shapes.push_back(Text({x, y}, legend.title, 3, TextAnchor::kStart));
  const char* ranges[] = {"0–20 %", "20–40 %", "40–60 %", "60–80 %", "80–100 %"};
  const double mids[] = {0.1, 0.3, 0.5, 0.7, 0.9};
  for (int i = 0; i < 5; ++i) {
    double row = y + 4 + i * 6;
    RectShape r;
    r.origin = {x, row};
    r.width = 8;
    r.height = 4.5;
    r.fill = MapClassColour(mids[i]);
    r.stroke = {0x555555, 0.3, {}};
    d.shapes.push_back(r);
    d.shapes.push_back(Text({x + 10, row + 3.5}, ranges[i], 3));
  }
  RectShape grey;
  grey.origin = {x, y + 34};
  grey.width = 8;
  grey.height = 4.5;
  grey.fill = 0xCCCCCC;
  grey.stroke = {0x555555, 0.3, {}};
  d.shapes.push_back(grey);
  d.shapes.push_back(Text({x + 10, y + 37.5}, legend.no_data, 3));
}

}  // namespace

Drawing BarChart(const std::vector<BarItem>& items) {
  Drawing d;
  d.width = kWidth;
  const double row = 8, label_w = 72, bar_max = kWidth - label_w - 14;
  d.height = std::max(1.0, items.size() * row + 2);
  double max = 0;
  for (const BarItem& i : items) max = std::max(max, i.value);
  for (size_t k = 0; k < items.size(); ++k) {
    const double y = 1 + k * row;
    d.shapes.push_back(Text({label_w - 2, y + 5}, items[k].label, 3.2, TextAnchor::kEnd));
    RectShape bar;
    bar.origin = {label_w, y + 1};
    bar.width = max > 0 ? std::max(0.5, items[k].value / max * bar_max) : 0.5;
    bar.height = row - 2.5;
    bar.fill = 0x3B7DB8;
    d.shapes.push_back(bar);
    d.shapes.push_back(Text({label_w + bar.width + 2, y + 5}, Number(items[k].value), 3.2));
  }
  return d;
}

Rgb MapClassColour(double share) {
  static constexpr Rgb kClasses[] = {0xFFFFFF, 0xC7E9C0, 0x74C476, 0x31A354, 0x006D2C};
  int c = 0;
  for (double b : kMapClassBounds) c += share >= b;
  return kClasses[c];
}

double ScaleBarKm(double width_km) {
  const double target = std::max(width_km / 4, 0.1);
  double best = 1, p = std::pow(10.0, std::floor(std::log10(target)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p <= target) best = m * p;
  return best;
}

Drawing WhiteSpotsMap(const std::vector<MapArea>& areas, const MapLegend& legend) {
  Drawing d;
  d.width = kWidth;
  const Projection pr = ProjectionOf(areas);
  const double map_w = 120, map_h = 120;
  const double scale =
      std::min(map_w / std::max(pr.width_km, 1e-6), map_h / std::max(pr.height_km, 1e-6));
  d.height = std::max(pr.height_km * scale + 14, 50.0);
  for (const MapArea& a : areas) {
    PathShape p;
    for (const LonLatRing& r : a.rings) {
      std::vector<Point> ring;
      ring.reserve(r.size());
      for (const LonLat& ll : r) {
        Point km = pr.Km(ll);
        ring.push_back({km.x * scale, km.y * scale + 2});
      }
      p.rings.push_back(std::move(ring));
    }
    p.fill = a.share ? MapClassColour(*a.share) : 0xCCCCCC;
    p.stroke = {0x444444, 0.25, {}};
    d.shapes.push_back(std::move(p));
  }
  AddScaleBar(d, scale, pr.width_km, {4, d.height - 5});
  AddMapLegend(d, legend, map_w + 6, 6);
  d.shapes.push_back(Text({map_w + 6, 52}, legend.north_note, 2.8));
  return d;
}

Drawing ColouredGrid(const std::vector<std::string>& header, const std::vector<GridRow>& rows,
                     const std::vector<LegendEntry>& legend) {
  Drawing d;
  d.width = kWidth;
  const double label_w = 46, head_h = 12, row_h = 9;
  const double cell_w = header.empty() ? 0 : (kWidth - label_w) / header.size();
  const size_t legend_rows = (legend.size() + 2) / 3;
  d.height = head_h + rows.size() * row_h + 4 + legend_rows * 6;
  auto rect = [&](double x, double y, double w, double h, Rgb fill) {
    RectShape r;
    r.origin = {x, y};
    r.width = w;
    r.height = h;
    r.fill = fill;
    r.stroke = {0x888888, 0.3, {}};
    d.shapes.push_back(r);
  };
  for (size_t c = 0; c < header.size(); ++c) {
    rect(label_w + c * cell_w, 0, cell_w, head_h, 0xDDE4EE);
    d.shapes.push_back(
        Text({label_w + (c + 0.5) * cell_w, 7.5}, header[c], 3, TextAnchor::kMiddle));
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    const double y = head_h + r * row_h;
    rect(0, y, label_w, row_h, 0xF4F6F9);
    d.shapes.push_back(Text({1.5, y + 5.8}, rows[r].label, 3));
    for (size_t c = 0; c < rows[r].cells.size() && c < header.size(); ++c) {
      rect(label_w + c * cell_w, y, cell_w, row_h,
           c < rows[r].fills.size() ? rows[r].fills[c] : kNoColour);
      d.shapes.push_back(
          Text({label_w + (c + 0.5) * cell_w, y + 5.8}, rows[r].cells[c], 3, TextAnchor::kMiddle));
    }
  }
  for (size_t i = 0; i < legend.size(); ++i) {
    const double x = (i % 3) * 56, y = head_h + rows.size() * row_h + 4 + (i / 3) * 6;
    RectShape r;
    r.origin = {x, y};
    r.width = 6;
    r.height = 4;
    r.fill = legend[i].colour;
    r.stroke = {0x888888, 0.3, {}};
    d.shapes.push_back(r);
    d.shapes.push_back(Text({x + 8, y + 3.4}, legend[i].label, 3));
  }
  return d;
}

Rgb SectorColour(size_t index) {
  static constexpr Rgb kPalette[] = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
                                     0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF};
  return kPalette[index % std::size(kPalette)];
}

Drawing NetworkDrawing(const std::vector<NetworkNode>& nodes,
                       const std::vector<std::pair<int, int>>& edges,
                       const std::vector<LegendEntry>& legend) {
  Drawing d;
  d.width = kWidth;
  const double area = 120, left = 6, top = 4;
  const size_t legend_rows = (legend.size() + 1) / 2;  // two columns: sector names are long
  d.height = top + area + 6 + legend_rows * 6;
  auto at = [&](const NodePosition& p) { return Point{left + p.x * area * 1.3, top + p.y * area}; };
  for (const auto& [a, b] : edges)
    d.shapes.push_back(Line(at(nodes[a].at), at(nodes[b].at), 0xAAAAAA, 0.3));
  const bool labelled = nodes.size() <= 30;
  const double radius = nodes.size() > 150 ? 0.9 : 1.6;
  for (const NetworkNode& n : nodes) {
    CircleShape c;
    c.centre = at(n.at);
    c.radius = radius;
    c.fill = n.colour;
    c.stroke = {0xFFFFFF, 0.2, {}};
    d.shapes.push_back(c);
    if (labelled && !n.label.empty())
      d.shapes.push_back(Text({c.centre.x + 2.2, c.centre.y + 1}, n.label, 2.4));
  }
  for (size_t i = 0; i < legend.size(); ++i) {
    double x = left + (i % 2) * 84, y = top + area + 6 + (i / 2) * 6;
    CircleShape c;
    c.centre = {x + 2, y};
    c.radius = 1.6;
    c.fill = legend[i].colour;
    d.shapes.push_back(c);
    d.shapes.push_back(Text({x + 5, y + 1.2}, legend[i].label, 3));
  }
  return d;
}

}  // namespace prosit
