#pragma once
// AnalysisBasisKeeper: keeps what the analyses read — the territory as indices, the travel
// times (computed once, in the background, from the configured provider) and the
// services laid out for the current snapshot — and hands it to the analysis queries.

#include <atomic>
#include <future>
#include <memory>
#include <mutex>

#include "analysis/service_layout.h"
#include "analysis/travel_time_provider.h"
#include "app/analysis/catchment_cache.h"
#include "app/snapshot/network_snapshot.h"

namespace prosit {

// Everything one analysis reads, consistent with one snapshot.
struct AnalysisBasis {
  std::shared_ptr<const NetworkSnapshot> snapshot;
  std::shared_ptr<const TerritoryIndex> territory;
  std::shared_ptr<const TravelTimes> times;
  std::shared_ptr<const ServiceLayout> layout;
  std::shared_ptr<CatchmentCache> catchments;  // shared by every basis
  // The territory and the model version the analysis judges by: the snapshot's, or one
  // like it with a past version's reference data (?model_version=).
  std::shared_ptr<const Frame> model;
  const Frame& frame() const { return model ? *model : *snapshot->frame; }
};

// Where the travel times stand, for the health check and the app's progress banner.
enum class TravelTimesState { kNotStarted, kComputing, kReady, kFailed };
const char* TravelTimesStateName(TravelTimesState state);  // "not_started", "computing", …

class AnalysisBasisKeeper {
 public:
  AnalysisBasisKeeper(std::shared_ptr<const Frame> frame,
                      std::shared_ptr<const TravelTimeProvider> provider,
                      TravelTimeRequest request = {});

  // Starts computing the travel times of the frame's territory on a thread of its own
  // (once; the server calls it when it is ready, so start-up does not wait). The first
  // analysis starts it if nobody has and waits for it.
  void Prepare();

  // The basis for `snapshot` (its service layout is built once per snapshot), or the
  // error of the travel-time provider.
  Result<std::shared_ptr<const AnalysisBasis>> Basis(
      std::shared_ptr<const NetworkSnapshot> snapshot);
  // The same judged by another model version: `model` is a frame like the snapshot's
  // with that version's reference data (ModelFrames); the last such basis is kept.
  Result<std::shared_ptr<const AnalysisBasis>> Basis(
      std::shared_ptr<const NetworkSnapshot> snapshot, std::shared_ptr<const Frame> model);
  const TravelTimeProvider& provider() const { return *provider_; }
  // Whether the travel times are still being computed (without waiting for them).
  TravelTimesState State() const { return *state_; }

 private:
  std::shared_ptr<const Frame> frame_;
  std::shared_ptr<const TravelTimeProvider> provider_;
  TravelTimeRequest request_;
  std::shared_ptr<const TerritoryIndex> territory_;
  std::once_flag started_;
  // Shared with the computing thread, which sets it when done.
  std::shared_ptr<std::atomic<TravelTimesState>> state_ =
      std::make_shared<std::atomic<TravelTimesState>>(TravelTimesState::kNotStarted);
  std::shared_future<Result<std::shared_ptr<const TravelTimes>>> times_;
  std::mutex mu_;  // guards last_, last_model_
  std::shared_ptr<const AnalysisBasis> last_;
  std::shared_ptr<const AnalysisBasis> last_model_;  // of a past model version
  std::shared_ptr<CatchmentCache> catchments_;       // made with the first basis
};

// The service layout of a snapshot (exposed for benchmarks and tests).
std::shared_ptr<const ServiceLayout> LayOutServices(const NetworkSnapshot& snapshot,
                                                    const TerritoryIndex& territory);
// The same with the service types of another model version's reference data.
std::shared_ptr<const ServiceLayout> LayOutServices(const NetworkSnapshot& snapshot,
                                                    const TerritoryIndex& territory,
                                                    const ReferenceData& reference);

}  // namespace prosit
