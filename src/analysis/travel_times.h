#pragma once
// TravelTimes: how many minutes it takes to get from one municipality to another, by car
// and by public transport. Sparse: for every origin only the destinations within a cutoff
// are kept, nearest first, so the national table stays small and the analyses can stop
// reading at a norm's limit. Places are indices into Territory::municipalities().

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/travel_mode.h"  // TravelMode lives in the model: the norms use it too

namespace prosit {

// One reachable destination (or origin, in the reverse table) and the minutes to it.
struct TravelLeg {
  uint32_t place = 0;
  float minutes = 0;
};

class TravelTimes {
 public:
  TravelTimes() = default;

  size_t places() const { return places_; }
  // Destinations farther than this are not listed (treated as unreachable).
  float cutoff(TravelMode mode) const { return table(mode).cutoff; }
  // The fixed minutes every leg of a mode includes before the journey itself (walking to
  // the stop and waiting; parking): 0 when the source gives door-to-door times as they
  // are. Norms and step zones measure the journey, so they add it.
  float access_minutes(TravelMode mode) const { return table(mode).access; }
  // The shortest leg of a mode (a place to itself, usually); infinity when there is none.
  float shortest(TravelMode mode) const { return table(mode).shortest; }
  // Where the times come from, for the explanation of every figure.
  const std::string& source() const { return source_; }

  // Destinations reachable from `origin`, nearest first.
  std::span<const TravelLeg> From(TravelMode mode, uint32_t origin) const;
  // Origins from which `destination` is reachable, nearest first.
  std::span<const TravelLeg> To(TravelMode mode, uint32_t destination) const;
  // Minutes from one place to another, or nullopt when not reachable within the cutoff.
  // Reads the origin's legs: for lookups, not for inner loops.
  std::optional<float> Minutes(TravelMode mode, uint32_t from, uint32_t to) const;
  size_t legs(TravelMode mode) const { return table(mode).forward.legs.size(); }
  size_t MemoryBytes() const;

 private:
  friend class TravelTimesBuilder;
  // Compressed rows: legs of row r are legs[offsets[r] .. offsets[r+1]).
  struct Rows {
    std::vector<uint32_t> offsets;
    std::vector<TravelLeg> legs;
  };
  struct Table {
    float cutoff = 0;
    float access = 0;
    float shortest = 0;
    Rows forward, reverse;
  };
  const Table& table(TravelMode mode) const { return tables_[static_cast<int>(mode)]; }

  size_t places_ = 0;
  std::string source_;
  Table tables_[kTravelModes];
};

// Collects legs in any order and builds the table. A pair given twice keeps the shorter
// time; legs beyond the cutoff are dropped.
class TravelTimesBuilder {
 public:
  explicit TravelTimesBuilder(size_t places);
  void SetCutoff(TravelMode mode, float minutes) { cutoff_[static_cast<int>(mode)] = minutes; }
  void SetAccessMinutes(TravelMode mode, float minutes) {
    access_[static_cast<int>(mode)] = minutes;
  }
  float cutoff(TravelMode mode) const { return cutoff_[static_cast<int>(mode)]; }
  size_t places() const { return places_; }
  void Add(TravelMode mode, uint32_t from, uint32_t to, float minutes);
  TravelTimes Build(std::string source) &&;

  struct Pending {  // a leg not yet in its row
    uint32_t from, to;
    float minutes;
  };

 private:
  size_t places_;
  float cutoff_[kTravelModes] = {0, 0};
  float access_[kTravelModes] = {0, 0};
  std::vector<Pending> pending_[kTravelModes];
};

}  // namespace prosit
