#include "model/travel_mode.h"

namespace prosit {

const char* ToString(TravelMode mode) { return mode == TravelMode::kCar ? "car" : "pt"; }

std::optional<TravelMode> ParseTravelMode(std::string_view text) {
  if (text == "car") return TravelMode::kCar;
  if (text == "pt") return TravelMode::kPublicTransport;
  return std::nullopt;
}

}  // namespace prosit
