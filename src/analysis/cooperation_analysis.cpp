#include "analysis/cooperation_analysis.h"

namespace prosit {

Result<CooperationAnalysis> AnalyseCooperation(const CooperationGraph& g, int threads) {
  auto network = ComputeNetworkMetrics(g, kCommunitySeed, threads);
  if (!network.ok()) return network.status();
  return CooperationAnalysis{std::move(*network), ComputeSectorMixing(g), ComputeBrokerage(g),
                             ComputeTieQuality(g)};
}

}  // namespace prosit
