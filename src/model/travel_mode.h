#pragma once
// TravelMode: how a child and family get to a service — by car or by public transport.
// The optimal model's norms give a limit for each; travel-time tables hold one per mode.

#include <cstdint>
#include <optional>
#include <string_view>

namespace prosit {

enum class TravelMode : uint8_t { kCar = 0, kPublicTransport = 1 };
inline constexpr int kTravelModes = 2;
inline constexpr TravelMode kAllTravelModes[] = {TravelMode::kCar, TravelMode::kPublicTransport};

// "car" and "pt", as the API and the imported matrices write them.
const char* ToString(TravelMode mode);
std::optional<TravelMode> ParseTravelMode(std::string_view text);

}  // namespace prosit
