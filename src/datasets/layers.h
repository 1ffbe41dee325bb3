#pragma once
// The layers of a generated network: per ORP the core (public authorities and
// specialised services) and the everyday services (schools, doctors, clubs…), per
// region the regional services, and a few remote services for the whole country.

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "datasets/builder.h"

namespace prosit {

// One ORP as the generator sees it.
struct OrpFrame {
  const Orp* orp = nullptr;
  const Municipality* seat = nullptr;
  std::vector<const Municipality*> towns;  // the ORP's municipalities, most populous first
  double children = 0;
  bool district_seat = false;  // hosts the district court and probation centre
};

// (municipality code, service type) pairs some record already covers.
using Covered = std::set<std::pair<std::string, std::string>>;

// The most populous municipality of every district, by code.
std::set<std::string> DistrictSeats(const Territory& territory);

// The frame of `orp`; `district_seats` from DistrictSeats.
OrpFrame MakeOrpFrame(const Territory& territory, const Orp& orp,
                      const std::set<std::string>& district_seats);

// OSPOD, municipality, labour office, police, courts, PPP, social services, health
// specialists, secondary schools, DDM, library; some types are left out at random
// (white spots), larger ORPs get more branches.
void AddOrpCore(DatasetBuilder& b, const OrpFrame& f);

// Exactly `budget` everyday cards (kindergartens, primary schools and their counselling,
// paediatricians, dentists, clubs, libraries…), first a basic coverage of the larger
// municipalities, then spread by child population. The basic pass skips `covered`.
void AddEveryday(DatasetBuilder& b, const OrpFrame& f, size_t budget, const Covered& covered);

// Regional services (ZDVOP, shelter, children's home, SVP, SPC, crisis help…) seated in
// `capital`, serving the region; types in `skip` are left out.
void AddRegional(DatasetBuilder& b, const Region& region, const Municipality& capital,
                 const std::set<std::string>& skip);

// A few remote services (crisis lines, online counselling) for the whole country.
void AddNational(DatasetBuilder& b, const Municipality& seat);

}  // namespace prosit
