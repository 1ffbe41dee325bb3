#include "analysis/cooperation_analysis.h"

namespace prosit {

Result<CooperationAnalysis> AnalyseCooperation(const CooperationGraph& g) {
  auto network = ComputeNetworkMetrics(g);
  if (!network.ok()) return network.status();
  return CooperationAnalysis{std::move(*network), ComputeSectorMixing(g), ComputeBrokerage(g),
                             ComputeTieQuality(g)};
}

}  // namespace prosit
