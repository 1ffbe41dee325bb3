#pragma once
// TieQuality: what the ties are made of, beyond whether they exist. Multiplexity: how
// many distinct kinds of cooperation (tie types, and co-attendance at meetings for derived
// ties) a pair of actors shares. PARTNER scores (Varda et al., the PARTNER tool): a
// declared tie's value score is the mean of its rated value items (power/influence,
// involvement, resource contribution) and its trust score the mean of its rated trust
// items (reliability, mission support, openness), each on the 1–4 scale; the network's
// and an actor's score is the mean over the rated declared ties, also given as a
// percentage of the most possible (4). Unrated ties do not count; no rated tie: null.

#include <optional>
#include <string>
#include <vector>

#include "analysis/cooperation_graph.h"

namespace prosit {

struct PartnerScore {
  std::optional<double> mean;     // 1–4
  std::optional<double> percent;  // mean / 4 · 100
  int rated_ties = 0;
};

struct TieQuality {
  std::vector<std::pair<std::string, int>> by_type;  // pairs having each type, by type id
  int multiplex_ties = 0;                            // pairs with two types or more
  std::optional<double> mean_multiplexity;           // types per pair; needs a tie
  PartnerScore trust, value;
  std::vector<PartnerScore> actor_trust, actor_value;  // by node index
  std::vector<std::string> notes;
};

TieQuality ComputeTieQuality(const CooperationGraph& g);

}  // namespace prosit
