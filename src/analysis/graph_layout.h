#pragma once
// GraphLayout: positions for drawing a cooperation graph — Fruchterman–Reingold through
// igraph with a seeded generator, so that the same graph is drawn the same way in every
// document, scaled to the unit square. Pure.

#include <cstdint>
#include <vector>

#include "analysis/cooperation_graph.h"
#include "model/status.h"

namespace prosit {

inline constexpr uint64_t kLayoutSeed = 20181101;

struct NodePosition {
  double x = 0.5;  // 0..1, left to right
  double y = 0.5;  // 0..1, top to bottom
};

// One position per node of `g`, in node order; a single node sits in the middle.
Result<std::vector<NodePosition>> LayOutGraph(const CooperationGraph& g,
                                              uint64_t seed = kLayoutSeed);

}  // namespace prosit
