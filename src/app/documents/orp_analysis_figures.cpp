#include "app/documents/orp_analysis_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace prosit {

namespace {

constexpr double kWidth = 170;  // drawing units; the renderer fits them to the text width

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
