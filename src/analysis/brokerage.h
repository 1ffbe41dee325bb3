#pragma once
// Brokerage: Gould and Fernandez's (1989) brokerage roles by sector. An actor b brokers
// between two of its partners a and c that have no tie to each other; the role depends
// on the sectors of a, b and c. Gould and Fernandez define five roles on directed ties
// a → b → c. Cooperation ties are undirected, so each open pair {a, c} is counted once
// per broker, and the two roles that differ only in direction merge:
//
//   coordinator                a, b, c all of one sector
//   itinerant (consultant)     a and c of one sector, b of another
//   representative/gatekeeper  one of a, c shares b's sector, the other does not
//                              (a representative seen from one side, a gatekeeper from
//                              the other)
//   liaison                    a, b and c of three different sectors
//
// On the same ties made symmetric in both directions, the directed counts are: twice
// ours for coordinator, itinerant and liaison, and ours for each of representative and
// gatekeeper. Raw counts; no normalisation against chance.

#include <string>
#include <vector>

#include "analysis/cooperation_graph.h"

namespace prosit {

struct BrokerageCounts {
  int64_t coordinator = 0, itinerant = 0, representative_gatekeeper = 0, liaison = 0;
  int64_t total() const { return coordinator + itinerant + representative_gatekeeper + liaison; }
  BrokerageCounts& operator+=(const BrokerageCounts& o);
};

struct Brokerage {
  BrokerageCounts network;
  std::vector<std::pair<std::string, BrokerageCounts>> by_sector;  // of the broker, by id
  std::vector<BrokerageCounts> per_actor;                          // by node index
};

Brokerage ComputeBrokerage(const CooperationGraph& g);

}  // namespace prosit
