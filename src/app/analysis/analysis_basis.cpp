#include "app/analysis/analysis_basis.h"

#include "app/background_priority.h"

namespace prosit {

AnalysisBasisKeeper::AnalysisBasisKeeper(std::shared_ptr<const Frame> frame,
                                         std::shared_ptr<const TravelTimeProvider> provider,
                                         TravelTimeRequest request)
    : frame_(std::move(frame)),
      provider_(std::move(provider)),
      request_(request),
      territory_(std::make_shared<TerritoryIndex>(frame_->territory)) {}

const char* TravelTimesStateName(TravelTimesState state) {
  switch (state) {
    case TravelTimesState::kNotStarted:
      return "not_started";
    case TravelTimesState::kComputing:
      return "computing";
    case TravelTimesState::kReady:
      return "ready";
    case TravelTimesState::kFailed:
      return "failed";
  }
  return "not_started";
}

void AnalysisBasisKeeper::Prepare() {
  std::call_once(started_, [this] {
    *state_ = TravelTimesState::kComputing;
    times_ = std::async(std::launch::async,
                        [frame = frame_, provider = provider_, request = request_,
                         state = state_]() -> Result<std::shared_ptr<const TravelTimes>> {
                          RunBelowRequests();
                          auto times = provider->Compute(frame->territory, request);
                          if (!times.ok()) {
                            *state = TravelTimesState::kFailed;
                            return times.status();
                          }
                          auto shared = std::make_shared<const TravelTimes>(std::move(*times));
                          *state = TravelTimesState::kReady;
                          return shared;
                        })
                 .share();
  });
}

std::shared_ptr<const ServiceLayout> LayOutServices(const NetworkSnapshot& snapshot,
                                                    const TerritoryIndex& territory) {
  return LayOutServices(snapshot, territory, snapshot.frame->reference);
}

std::shared_ptr<const ServiceLayout> LayOutServices(const NetworkSnapshot& snapshot,
                                                    const TerritoryIndex& territory,
                                                    const ReferenceData& reference) {
  std::vector<ServiceInput> inputs;
  inputs.reserve(snapshot.cards.size());
  for (const auto& [id, entry] : snapshot.cards) {
    const ActorEntry* actor = snapshot.FindActor(entry->card.actor_id);
    inputs.push_back({&entry->card, actor ? actor->actor.seat.municipality_code : ""});
  }
  return std::make_shared<const ServiceLayout>(territory, reference, inputs);
}

Result<std::shared_ptr<const AnalysisBasis>> AnalysisBasisKeeper::Basis(
    std::shared_ptr<const NetworkSnapshot> snapshot) {
  Prepare();
  const auto& times = times_.get();
  if (!times.ok()) return times.status();
  std::lock_guard lock(mu_);
  if (last_ && last_->snapshot->seq == snapshot->seq && last_->snapshot->frame == snapshot->frame)
    return last_;
  if (!catchments_) {
    std::span<const double> children = territory_->children();
    catchments_ = std::make_shared<CatchmentCache>(
        std::vector<double>(children.begin(), children.end()), *times);
  }
  auto basis = std::make_shared<AnalysisBasis>();
  basis->snapshot = std::move(snapshot);
  basis->territory = territory_;
  basis->times = *times;
  basis->catchments = catchments_;
  basis->layout = LayOutServices(*basis->snapshot, *territory_);
  last_ = basis;
  return std::shared_ptr<const AnalysisBasis>(basis);
}

Result<std::shared_ptr<const AnalysisBasis>> AnalysisBasisKeeper::Basis(
    std::shared_ptr<const NetworkSnapshot> snapshot, std::shared_ptr<const Frame> model) {
  if (!model || model == snapshot->frame) return Basis(std::move(snapshot));
  auto current = Basis(snapshot);  // the travel times and the catchment cache
  if (!current.ok()) return current.status();
  std::lock_guard lock(mu_);
  if (last_model_ && last_model_->snapshot->seq == snapshot->seq &&
      last_model_->snapshot->frame == snapshot->frame && last_model_->model == model)
    return last_model_;
  auto basis = std::make_shared<AnalysisBasis>(**current);
  basis->model = model;
  basis->layout = LayOutServices(*snapshot, *territory_, model->reference);
  last_model_ = basis;
  return std::shared_ptr<const AnalysisBasis>(basis);
}

}  // namespace prosit
