#pragma once
// The figures of the ORP analysis drawn as vector Drawings: a bar chart, the coverage
// matrix and the cooperation network (positions from the seeded layout, coloured by
// sector). The white-spots map is share_map.h's, shared with the regional summary.
// Pure: they draw what they are given.

#include <string>
#include <utility>
#include <vector>

#include "analysis/graph_layout.h"
#include "documents/document.h"

namespace prosit {

struct BarItem {
  std::string label;
  double value = 0;
};
// Horizontal bars, one per item, the value written at the end of each.
Drawing BarChart(const std::vector<BarItem>& items);

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
