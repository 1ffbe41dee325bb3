#include "app/public/car_minutes.h"

namespace prosit {

CarMinutes::CarMinutes(const Territory& territory, std::shared_ptr<const TravelTimes> times)
    : territory_(territory), times_(std::move(times)) {}

CarMinutes CarMinutes::For(AnalysisBasisKeeper& analysis,
                           std::shared_ptr<const NetworkSnapshot> snapshot) {
  const Territory& territory = snapshot->frame->territory;
  if (analysis.State() != TravelTimesState::kReady) {
    analysis.Prepare();  // so that the next answer has them
    return CarMinutes(territory, nullptr);
  }
  auto basis = analysis.Basis(snapshot);
  return CarMinutes(territory, basis.ok() ? (*basis)->times : nullptr);
}

CarMinutes::Figure CarMinutes::Between(const Municipality& from, const Municipality& to) const {
  if (times_) {
    // The table's places are the territory's municipalities, in its order.
    const Municipality* first = territory_.municipalities().data();
    auto minutes = times_->Minutes(TravelMode::kCar, static_cast<uint32_t>(&from - first),
                                   static_cast<uint32_t>(&to - first));
    if (minutes) return {*minutes, false};
  }
  double km = GreatCircleKm(from.location, to.location);
  return {static_cast<float>(estimate_.Minutes(TravelMode::kCar, km)), true};
}

std::string CarMinutes::Source() const { return times_ ? times_->source() : estimate_.Describe(); }

}  // namespace prosit
