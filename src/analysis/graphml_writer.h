#pragma once
// GraphML of the cooperation graph, written by libigraph (igraph_write_graph_graphml) with
// the node and edge attributes the caller gives: every attribute gets its <key>
// declaration, so Gephi, yEd or igraph read it back typed. Runs inside an IgraphSession,
// which also confines igraph's attribute handler (a process global) to the call.

#include <optional>
#include <string>
#include <vector>

#include "analysis/cooperation_graph.h"
#include "model/status.h"

namespace prosit {

// One attribute of every node (or every edge), in node (edge) order: text, a number
// (nullopt: undefined — igraph leaves it out, and readers take a missing value as NaN)
// or a yes/no.
struct GraphAttribute {
  enum class Kind { kText, kNumber, kBool };
  std::string name;
  Kind kind = Kind::kText;
  std::vector<std::string> text;
  std::vector<std::optional<double>> number;
  std::vector<bool> flag;

  static GraphAttribute Text(std::string name, std::vector<std::string> values);
  static GraphAttribute Number(std::string name, std::vector<std::optional<double>> values);
  static GraphAttribute Bool(std::string name, std::vector<bool> values);
};

// The graph as GraphML (undirected); node and edge ids are igraph's n0…, e0….
Result<std::string> WriteGraphml(const CooperationGraph& g,
                                 const std::vector<GraphAttribute>& node_attributes,
                                 const std::vector<GraphAttribute>& edge_attributes);

}  // namespace prosit
