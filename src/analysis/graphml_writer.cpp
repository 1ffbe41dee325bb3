#include "analysis/graphml_writer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "analysis/igraph_session.h"

namespace prosit {

GraphAttribute GraphAttribute::Text(std::string name, std::vector<std::string> values) {
  GraphAttribute a{std::move(name), Kind::kText, std::move(values), {}, {}};
  return a;
}

GraphAttribute GraphAttribute::Number(std::string name, std::vector<std::optional<double>> values) {
  GraphAttribute a{std::move(name), Kind::kNumber, {}, std::move(values), {}};
  return a;
}

GraphAttribute GraphAttribute::Bool(std::string name, std::vector<bool> values) {
  GraphAttribute a{std::move(name), Kind::kBool, {}, {}, std::move(values)};
  return a;
}

namespace {

// The C attribute handler for the lifetime of the object, then the previous one again.
class AttributeTable {
 public:
  AttributeTable() : previous_(igraph_set_attribute_table(&igraph_cattribute_table)) {}
  ~AttributeTable() { igraph_set_attribute_table(previous_); }

 private:
  igraph_attribute_table_t* previous_;
};

size_t CountOf(const GraphAttribute& a) {
  switch (a.kind) {
    case GraphAttribute::Kind::kText:
      return a.text.size();
    case GraphAttribute::Kind::kNumber:
      return a.number.size();
    case GraphAttribute::Kind::kBool:
      return a.flag.size();
  }
  return 0;
}

// Sets one attribute on every vertex (vertex = true) or edge.
igraph_error_t Set(igraph_t* graph, const GraphAttribute& a, bool vertex) {
  const char* name = a.name.c_str();
  for (size_t i = 0; i < CountOf(a); ++i) {
    auto id = static_cast<igraph_integer_t>(i);
    igraph_error_t rc = IGRAPH_SUCCESS;
    switch (a.kind) {
      case GraphAttribute::Kind::kText:
        rc = vertex ? igraph_cattribute_VAS_set(graph, name, id, a.text[i].c_str())
                    : igraph_cattribute_EAS_set(graph, name, id, a.text[i].c_str());
        break;
      case GraphAttribute::Kind::kNumber: {
        double v = a.number[i] ? *a.number[i] : NAN;
        rc = vertex ? igraph_cattribute_VAN_set(graph, name, id, v)
                    : igraph_cattribute_EAN_set(graph, name, id, v);
        break;
      }
      case GraphAttribute::Kind::kBool:
        rc = vertex ? igraph_cattribute_VAB_set(graph, name, id, a.flag[i])
                    : igraph_cattribute_EAB_set(graph, name, id, a.flag[i]);
        break;
    }
    if (rc != IGRAPH_SUCCESS) return rc;
  }
  return IGRAPH_SUCCESS;
}

Result<std::string> Write(const igraph_t* graph) {
  char* buffer = nullptr;
  size_t size = 0;
  FILE* out = open_memstream(&buffer, &size);
  if (!out) return Status::IoError("GraphML: no memory stream");
  igraph_error_t rc = igraph_write_graph_graphml(graph, out, /*prefixattr=*/true);
  std::fclose(out);
  std::string text(buffer ? buffer : "", size);
  std::free(buffer);
  if (rc != IGRAPH_SUCCESS) return Status::IoError("igraph could not write GraphML");
  return text;
}

}  // namespace

Result<std::string> WriteGraphml(const CooperationGraph& g,
                                 const std::vector<GraphAttribute>& node_attributes,
                                 const std::vector<GraphAttribute>& edge_attributes) {
  for (const auto& a : node_attributes)
    if (CountOf(a) != g.nodes.size())
      return Status::IoError("GraphML: node attribute " + a.name + " has a wrong count");
  for (const auto& a : edge_attributes)
    if (CountOf(a) != g.edges.size())
      return Status::IoError("GraphML: edge attribute " + a.name + " has a wrong count");
  IgraphSession session(0);
  AttributeTable table;  // inside the session: the handler is a process global
  IgraphGraph graph(g);  // created with the handler, so it carries attributes
  if (!graph.ok()) return Status::IoError("igraph could not build the graph");
  igraph_t* mutable_graph = const_cast<igraph_t*>(graph.get());
  for (const auto& a : node_attributes)
    if (Set(mutable_graph, a, true) != IGRAPH_SUCCESS)
      return Status::IoError("igraph could not set " + a.name);
  for (const auto& a : edge_attributes)
    if (Set(mutable_graph, a, false) != IGRAPH_SUCCESS)
      return Status::IoError("igraph could not set " + a.name);
  return Write(graph.get());
}

}  // namespace prosit
