#pragma once
// The figures of the ORP analysis drawn as vector Drawings: a bar chart, the white-spots
// map of the ORP's municipalities (local equirectangular projection, legend, scale bar in
// km) and the cooperation network (positions from the seeded layout, coloured by sector).
// Pure: they draw what they are given.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/graph_layout.h"
#include "documents/document.h"
#include "io/municipality_shapes.h"

namespace prosit {

struct BarItem {
  std::string label;
  double value = 0;
};
// Horizontal bars, one per item, the value written at the end of each.
Drawing BarChart(const std::vector<BarItem>& items);

// A municipality on the map: its rings and the share (0..1) it is coloured by; no share
// (no children) is drawn grey.
struct MapArea {
  std::vector<LonLatRing> rings;
  std::optional<double> share;
};
struct MapLegend {
  std::string title;       // what the colours mean
  std::string no_data;     // the grey
  std::string north_note;  // e.g. "sever nahoře"
};
// The five classes of the legend, lowest first.
inline constexpr double kMapClassBounds[] = {0.2, 0.4, 0.6, 0.8};
Rgb MapClassColour(double share);
Drawing WhiteSpotsMap(const std::vector<MapArea>& areas, const MapLegend& legend);
// The length of the scale bar for a map `width_km` wide: 1, 2 or 5 × 10^k km, about a
// quarter of the width.
double ScaleBarKm(double width_km);

struct LegendEntry {
  std::string label;
  Rgb colour = 0;
};

// A table drawn with coloured cells (the coverage matrix): `header` over the columns,
// each row a label and its cells' texts and fills.
struct GridRow {
  std::string label;
  std::vector<std::string> cells;
  std::vector<Rgb> fills;
};
Drawing ColouredGrid(const std::vector<std::string>& header, const std::vector<GridRow>& rows,
                     const std::vector<LegendEntry>& legend);

struct NetworkNode {
  NodePosition at;
  Rgb colour = 0x777777;
  std::string label;  // drawn beside the node when the network is small
};
Drawing NetworkDrawing(const std::vector<NetworkNode>& nodes,
                       const std::vector<std::pair<int, int>>& edges,
                       const std::vector<LegendEntry>& legend);
// The colour of the sector at `index` of the reference data's list.
Rgb SectorColour(size_t index);

}  // namespace prosit
