#pragma once
// The ONE rule choosing the service cards of a model situation for a person living in a
// municipality; the navigator's answer (API, page) and its printed leaflet all take
// their cards from here.
//
// A card fits when it is published (the public catalog's read: an anonymous caller's
// search, so nothing internal can slip in) and of a service type the situation names
// (ModelSituation::responsible_service_types ∪ service_types), and it either serves the
// municipality (delivered there, or its territory covers it) or is delivered somewhere
// in the municipality's region. The actor RESPONSIBLE (e.g. OSPOD when a child is being
// hurt) is the one whose card of a responsible type serves the municipality; only where
// none does, the nearest of that type in the region stands in. Each list is nearest
// first by car: a service that comes to people or is given by phone or online (outreach
// or remote, serving the municipality) counts as no drive, a card with no public place (a
// confidential address) comes after those with one, and ties go by name in Czech order.

#include <optional>
#include <vector>

#include "app/public/car_minutes.h"
#include "app/snapshot/network_snapshot.h"

namespace prosit {

struct SituationCard {
  const CardEntry* entry = nullptr;
  bool serves_here = false;   // delivered in the municipality or its territory covers it
  bool comes_to_you = false;  // an outreach service serving the municipality
  bool remote = false;        // by phone or online, serving the municipality: no drive
  // The drive to its nearest public delivery place; none for a confidential address
  // (its distance would tell where it is) or a card without a place.
  std::optional<CarMinutes::Figure> travel;
};

struct SituationCards {
  std::vector<SituationCard> responsible;  // nearest first, at most the limit asked
  std::vector<SituationCard> helping;      // nearest first, at most the limit asked
  size_t responsible_total = 0;            // how many fit before the limit
  size_t helping_total = 0;                // how many fit before the limit
};

// How many of each list an answer shows; the rest is counted (SituationCards::*_total)
// and left to the catalog search of the municipality.
struct SituationCardLimits {
  size_t responsible = 0;
  size_t helping = 0;
};

// Every service type the situation names, the responsible ones first, each once.
std::vector<std::string> SituationServiceTypes(const ModelSituation& situation);

SituationCards ChooseSituationCards(const NetworkSnapshot& snap, const ModelSituation& situation,
                                    const Municipality& municipality, const CarMinutes& travel,
                                    SituationCardLimits limits);

}  // namespace prosit
