#pragma once
// SectorMixing: how much cooperation crosses sectors. The E-I index of Krackhardt and
// Stern, (E − I) / (E + I), with E the ties between actors of different sectors and I
// the ties within one: −1 when every tie stays inside a sector, +1 when every tie
// crosses. Counted for the network, for each sector (the ties of its actors, a tie inside
// the sector counted once) and for each actor (its partners). The expected value is the
// E-I index of the complete graph on the same actors, what random mixing would give.
// Block densities: ties between two sectors over the pairs of actors they could form.
// Undefined values (no ties, a sector with one actor) are empty (JSON null).

#include <optional>
#include <string>
#include <vector>

#include "analysis/cooperation_graph.h"

namespace prosit {

struct EiCount {
  int external = 0, internal = 0;
  std::optional<double> ei;  // needs at least one tie
};

struct SectorEi {
  std::string sector;
  int actors = 0;
  EiCount count;
};

struct BlockDensity {
  std::string sector_a, sector_b;  // sector_a ≤ sector_b
  int ties = 0;
  int64_t pairs = 0;              // pairs of actors the two sectors can form
  std::optional<double> density;  // ties / pairs; needs a pair
};

struct SectorMixing {
  EiCount network;
  std::optional<double> expected_ei;  // needs two actors
  std::vector<SectorEi> sectors;      // the sectors present, by id
  std::vector<BlockDensity> blocks;   // every pair of present sectors, by ids
  std::vector<EiCount> per_actor;     // by node index
  std::vector<std::string> notes;
};

SectorMixing ComputeSectorMixing(const CooperationGraph& g);

}  // namespace prosit
