#include "routing/osrm_travel.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "io/osrm_table.h"
#include "routing/http_client.h"

namespace prosit {

namespace {

// Municipalities ordered by ORP, so that a chunk of origins lies close together and
// shares most of its candidate destinations.
std::vector<uint32_t> NeighbourOrder(const std::vector<Municipality>& places) {
  std::vector<uint32_t> order(places.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return places[a].orp_code < places[b].orp_code; });
  return order;
}

// Destinations within reach_km of any of the origins, as the crow flies.
std::vector<uint32_t> WithinReach(const std::vector<Municipality>& places,
                                  std::span<const uint32_t> origins, double reach_km) {
  std::vector<uint32_t> out;
  for (uint32_t j = 0; j < places.size(); ++j)
    for (uint32_t i : origins)
      if (GreatCircleKm(places[i].location, places[j].location) <= reach_km) {
        out.push_back(j);
        break;
      }
  return out;
}

std::vector<GeoPoint> Points(const std::vector<Municipality>& places,
                             std::span<const uint32_t> which) {
  std::vector<GeoPoint> out;
  out.reserve(which.size());
  for (uint32_t i : which) out.push_back(places[i].location);
  return out;
}

// One table request; the durations or a Status naming the URL.
Result<OsrmDurations> AskTable(HttpClient& http, const std::string& url, size_t sources,
                               size_t destinations) {
  auto response = http.Get(url);
  if (!response.ok()) return response.status();
  if (response->status != 200) {
    auto osrm = OsrmErrorMessage(response->body);
    return Status::IoError("GET " + ShortUrl(url) + ": HTTP " + std::to_string(response->status) +
                           (osrm ? ": OSRM " + *osrm : ""));
  }
  auto table = ParseOsrmTable(response->body, sources, destinations);
  if (!table.ok()) return Status::IoError("GET " + ShortUrl(url) + ": " + table.status().message());
  return table;
}

}  // namespace

OsrmTravel::OsrmTravel(OsrmOptions options)
    : options_(std::move(options)), fallback_(options_.fallback) {}

std::string OsrmTravel::Describe() const {
  std::string text = "OSRM " + options_.base_url + ":";
  for (TravelMode mode : kAllTravelModes) {
    text += mode == TravelMode::kCar ? " car " : "; public transport ";
    text += Profile(mode).empty() ? "from the " + fallback_.Describe()
                                  : "by profile '" + Profile(mode) + "'";
  }
  return text;
}

Result<TravelTimes> OsrmTravel::Compute(const Territory& territory,
                                        const TravelTimeRequest& request) const {
  if (options_.base_url.empty()) return Status::Invalid("OSRM: no server address");
  if (options_.max_table_size < 2 || !(options_.max_kmh > 0))
    return Status::Invalid("OSRM: max_table_size must be at least 2 and max_kmh above 0");
  const auto& places = territory.municipalities();
  TravelTimesBuilder b(places.size());
  b.SetCutoff(TravelMode::kCar, request.cutoff_car);
  b.SetCutoff(TravelMode::kPublicTransport, request.cutoff_pt);
  const std::vector<uint32_t> order = NeighbourOrder(places);
  const size_t chunk = static_cast<size_t>(options_.max_table_size) / 2;
  HttpClient http(options_.timeout_seconds);
  std::optional<TravelTimes> estimate;  // only when a mode has no profile
  for (TravelMode mode : kAllTravelModes) {
    if (Profile(mode).empty()) {
      if (!estimate) {
        auto e = fallback_.Compute(territory, request);
        if (!e.ok()) return e.status();
        estimate = std::move(*e);
      }
      for (uint32_t i = 0; i < places.size(); ++i)
        for (const TravelLeg& leg : estimate->From(mode, i)) b.Add(mode, i, leg.place, leg.minutes);
      continue;
    }
    const double reach_km = b.cutoff(mode) / 60.0 * options_.max_kmh;
    for (size_t s0 = 0; s0 < order.size(); s0 += chunk) {
      std::span<const uint32_t> origins(order.data() + s0, std::min(chunk, order.size() - s0));
      std::vector<uint32_t> candidates = WithinReach(places, origins, reach_km);
      auto from = Points(places, origins);
      for (size_t d0 = 0; d0 < candidates.size(); d0 += chunk) {
        std::span<const uint32_t> dests(candidates.data() + d0,
                                        std::min(chunk, candidates.size() - d0));
        auto to = Points(places, dests);
        std::string url = options_.base_url + OsrmTablePath(Profile(mode), from, to);
        auto table = AskTable(http, url, from.size(), to.size());
        if (!table.ok()) return table.status();
        for (size_t s = 0; s < origins.size(); ++s)
          for (size_t d = 0; d < dests.size(); ++d)
            if (const auto& seconds = table->at(s, d))  // null: no route, unreachable
              b.Add(mode, origins[s], dests[d], static_cast<float>(*seconds / 60.0));
      }
    }
  }
  return std::move(b).Build(Describe());
}

}  // namespace prosit
