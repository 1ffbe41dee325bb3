#include "analysis/igraph_session.h"

namespace prosit {

namespace {

std::mutex& IgraphMutex() {
  static std::mutex m;  // guards the library's globals, not prosit state
  return m;
}

void IgnoreWarning(const char*, const char*, int) {}

}  // namespace

IgraphSession::IgraphSession(uint64_t seed) : lock_(IgraphMutex()) {
  previous_error_ = igraph_set_error_handler(igraph_error_handler_ignore);
  previous_warning_ = igraph_set_warning_handler(IgnoreWarning);
  igraph_rng_init(&rng_, &igraph_rngtype_mt19937);
  igraph_rng_seed(&rng_, seed);
  previous_rng_ = igraph_rng_default();
  igraph_rng_set_default(&rng_);
}

IgraphSession::~IgraphSession() {
  igraph_rng_set_default(previous_rng_);
  igraph_rng_destroy(&rng_);
  igraph_set_warning_handler(previous_warning_);
  igraph_set_error_handler(previous_error_);
}

IgraphGraph::IgraphGraph(const CooperationGraph& g) {
  igraph_vector_int_t edges;
  if (igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(2 * g.edges.size())) !=
      IGRAPH_SUCCESS)
    return;
  for (size_t i = 0; i < g.edges.size(); ++i) {
    VECTOR(edges)[2 * i] = g.edges[i].a;
    VECTOR(edges)[2 * i + 1] = g.edges[i].b;
  }
  ok_ = igraph_create(&graph_, &edges, static_cast<igraph_integer_t>(g.nodes.size()),
                      IGRAPH_UNDIRECTED) == IGRAPH_SUCCESS;
  igraph_vector_int_destroy(&edges);
}

IgraphGraph::~IgraphGraph() {
  if (ok_) igraph_destroy(&graph_);
}

}  // namespace prosit
