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

Result<CooperationAnalysis> AnalyseCooperation(const CooperationGraph& g);

}  // namespace prosit
