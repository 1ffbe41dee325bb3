#include "analysis/graph_layout.h"

#include <algorithm>

#include "analysis/igraph_session.h"

namespace prosit {

namespace {

// igraph's matrix, freed on every return.
struct IgraphMatrix {
  igraph_matrix_t m;
  bool ok;
  IgraphMatrix() { ok = igraph_matrix_init(&m, 0, 0) == IGRAPH_SUCCESS; }
  ~IgraphMatrix() {
    if (ok) igraph_matrix_destroy(&m);
  }
};

// Scales the coordinates to the unit square, keeping their proportions.
std::vector<NodePosition> Normalized(const igraph_matrix_t& m, size_t n) {
  double min_x = MATRIX(m, 0, 0), max_x = min_x, min_y = MATRIX(m, 0, 1), max_y = min_y;
  for (size_t i = 0; i < n; ++i) {
    min_x = std::min(min_x, MATRIX(m, i, 0));
    max_x = std::max(max_x, MATRIX(m, i, 0));
    min_y = std::min(min_y, MATRIX(m, i, 1));
    max_y = std::max(max_y, MATRIX(m, i, 1));
  }
  double span = std::max({max_x - min_x, max_y - min_y, 1e-9});
  double off_x = (1 - (max_x - min_x) / span) / 2, off_y = (1 - (max_y - min_y) / span) / 2;
  std::vector<NodePosition> out(n);
  for (size_t i = 0; i < n; ++i)
    out[i] = {off_x + (MATRIX(m, i, 0) - min_x) / span, off_y + (MATRIX(m, i, 1) - min_y) / span};
  return out;
}

}  // namespace

Result<std::vector<NodePosition>> LayOutGraph(const CooperationGraph& g, uint64_t seed) {
  const size_t n = g.nodes.size();
  if (n <= 1) return std::vector<NodePosition>(n);
  IgraphSession session(seed);
  IgraphGraph graph(g);
  IgraphMatrix positions;
  if (!graph.ok() || !positions.ok ||
      igraph_layout_fruchterman_reingold(graph.get(), &positions.m, false, 500, n,
                                         IGRAPH_LAYOUT_AUTOGRID, nullptr, nullptr, nullptr, nullptr,
                                         nullptr))
    return Status::IoError("igraph failed to lay out the graph");
  return Normalized(positions.m, n);
}

}  // namespace prosit
