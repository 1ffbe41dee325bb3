#pragma once
// CooperationGraph: the input of the cooperation network analysis — actors as nodes with
// their sector, and one undirected edge per pair of actors that cooperate, merging every
// declared tie of the pair (with its types and PARTNER ratings) and their co-attendance at
// meetings (derived ties). Built by CooperationGraphBuilder; pure data, no I/O.

#include <cstdint>
#include <string>
#include <vector>

#include "model/tie.h"

namespace prosit {

// The tie type given to a pair that met at meetings (a derived tie).
inline constexpr const char* kCoAttendance = "co_attendance";

struct CooperationNode {
  int64_t actor_id = 0;
  std::string sector;
};

struct CooperationEdge {
  int32_t a = 0, b = 0;                 // node indices, a < b
  std::vector<std::string> types;       // distinct tie types of the pair, sorted
  int declared_ties = 0;                // declared ties merged into this edge
  int shared_meetings = 0;              // meetings both attended (0 when not derived)
  std::vector<PartnerRatings> ratings;  // of the declared ties that carry any rating
};

struct CooperationGraph {
  std::vector<CooperationNode> nodes;  // in actor id order
  std::vector<CooperationEdge> edges;  // in (a, b) order
  // Ties the builder could not place, for the explanation.
  int ties_leaving = 0;  // an end is not a node (seated outside the territory)
  int self_ties = 0;     // both ends the same actor

  // The node index of an actor, or -1.
  int32_t IndexOf(int64_t actor_id) const;
  bool CrossSector(const CooperationEdge& e) const {
    return nodes[e.a].sector != nodes[e.b].sector;
  }
};

// Collects actors and ties in any order; Build() merges the ties of each pair.
class CooperationGraphBuilder {
 public:
  void AddActor(int64_t actor_id, std::string sector);
  // A declared tie; its ends must be added actors, or it is counted as leaving.
  void AddDeclaredTie(const Tie& tie);
  // Two actors that attended `meetings` meetings together.
  void AddCoAttendance(int64_t actor_a, int64_t actor_b, int meetings);
  CooperationGraph Build() &&;

 private:
  struct Pending {
    int64_t a, b;
    const char* type;  // nullptr for co-attendance
    std::string declared_type;
    int meetings = 0;
    PartnerRatings ratings;
    bool rated = false;
  };
  void Add(Pending p);

  std::vector<CooperationNode> nodes_;
  std::vector<Pending> ties_;
  int self_ties_ = 0;
};

}  // namespace prosit
