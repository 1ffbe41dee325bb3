#pragma once
// IgraphSession: the one way into libigraph. Debian's igraph 0.10 is built without
// IGRAPH_THREAD_SAFE, so its error clean-up stack, error and warning handlers and default
// random number generator are process globals. A session holds a process-wide lock for
// its lifetime, turns errors into return codes (the default handler aborts), silences
// warnings and installs a generator seeded for this call, restoring all of it on exit:
// results depend on the inputs only, and concurrent requests cannot mix their state.
//
// IgraphGraph: the cooperation graph as an igraph_t (undirected, simple), freed on exit.

#include <igraph.h>

#include <cstdint>
#include <mutex>

#include "analysis/cooperation_graph.h"

namespace prosit {

class IgraphSession {
 public:
  explicit IgraphSession(uint64_t seed);
  ~IgraphSession();
  IgraphSession(const IgraphSession&) = delete;
  IgraphSession& operator=(const IgraphSession&) = delete;

 private:
  std::unique_lock<std::mutex> lock_;
  igraph_rng_t rng_;
  igraph_rng_t* previous_rng_ = nullptr;
  igraph_error_handler_t* previous_error_ = nullptr;
  igraph_warning_handler_t* previous_warning_ = nullptr;
};

// Build only inside a session.
class IgraphGraph {
 public:
  explicit IgraphGraph(const CooperationGraph& g);
  ~IgraphGraph();
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;
  bool ok() const { return ok_; }
  const igraph_t* get() const { return &graph_; }

 private:
  igraph_t graph_;
  bool ok_ = false;
};

// RAII for igraph's vectors, so an early return frees them.
struct IgraphIntVector {
  igraph_vector_int_t v;
  bool ok;
  IgraphIntVector() { ok = igraph_vector_int_init(&v, 0) == IGRAPH_SUCCESS; }
  ~IgraphIntVector() {
    if (ok) igraph_vector_int_destroy(&v);
  }
};
struct IgraphRealVector {
  igraph_vector_t v;
  bool ok;
  IgraphRealVector() { ok = igraph_vector_init(&v, 0) == IGRAPH_SUCCESS; }
  ~IgraphRealVector() {
    if (ok) igraph_vector_destroy(&v);
  }
};

}  // namespace prosit
