#pragma once
// CooperationAnalysis: the full analysis of one cooperation graph — structure
// (NetworkMetrics), mixing of sectors, brokerage roles and what the ties are made of.
// Pure: the same graph gives the same analysis.

#include "analysis/brokerage.h"
#include "analysis/cooperation_graph.h"
#include "analysis/network_metrics.h"
#include "analysis/sector_mixing.h"
#include "analysis/tie_quality.h"

namespace prosit {

struct CooperationAnalysis {
  NetworkMetrics network;
  SectorMixing mixing;
  Brokerage brokerage;
  TieQuality quality;
};

// `threads` caps the threads of the shortest-path searches (0: the machine's cores, at most
// 8); the figures do not depend on it.
Result<CooperationAnalysis> AnalyseCooperation(const CooperationGraph& g, int threads = 0);

}  // namespace prosit
