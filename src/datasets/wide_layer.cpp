#include <algorithm>
#include <map>

#include "datasets/czech_names.h"
#include "datasets/layers.h"

namespace prosit {

namespace {

// One regional service: its type, the actor's name and type, how likely it exists.
struct RegionalService {
  const char* type;
  std::string actor_name;
  const char* actor_type;
  double chance;
};

std::vector<RegionalService> RegionalServices(const std::string& gen, const std::string& cap) {
  return {
      {"ospod_nrp", "Krajský úřad " + gen + " – odbor sociálních věcí", "region_office", 1.0},
      {"zdvop", "Zařízení pro děti vyžadující okamžitou pomoc – " + cap, "zdvop_facility", 1.0},
      {"ss57", "Azylový dům pro rodiny s dětmi – " + cap, "social_provider", 1.0},
      {"edu_dd", "Dětský domov " + cap, "school_facility", 1.0},
      {"edu_j21", "Středisko výchovné péče " + cap, "school_facility", 0.9},
      {"edu_k20", "Speciálně pedagogické centrum " + gen, "counselling_centre", 1.0},
      {"ss60a", "Intervenční centrum " + gen, "social_provider", 1.0},
      {"ss60", "Krizové centrum " + cap, "social_provider", 0.8},
      {"ss54", "Raná péče " + gen, "social_provider", 0.9},
      {"health_psych_inpatient", "Nemocnice " + cap + " – dětské psychiatrické oddělení",
       "hospital", 0.7},
      {"health_crisis_bed", "Psychiatrická ambulance a krizová lůžka – " + cap, "hospital", 0.5},
      {"health_mh_centre", "Centrum duševního zdraví pro děti a dospívající – " + cap,
       "health_provider", 0.5},
      {"edu_du", "Diagnostický ústav " + cap, "school_facility", 0.6},
      {"edu_dds", "Dětský domov se školou " + cap, "school_facility", 0.3},
      {"ss58", "Dům na půl cesty – " + cap, "social_provider", 0.5},
      {"housing_crisis", "Krizové bydlení – " + cap, "housing_provider", 0.5},
      {"police_prevention",
       "Krajské ředitelství policie " + gen + " – preventivní informační skupina", "police", 1.0},
  };
}

}  // namespace

std::set<std::string> DistrictSeats(const Territory& territory) {
  std::map<std::string, const Municipality*> largest;
  for (const Municipality& m : territory.municipalities()) {
    const Municipality*& best = largest[m.district_code];
    if (!best || m.population > best->population) best = &m;
  }
  std::set<std::string> seats;
  for (const auto& [district, m] : largest) seats.insert(m->code);
  return seats;
}

OrpFrame MakeOrpFrame(const Territory& territory, const Orp& orp,
                      const std::set<std::string>& district_seats) {
  OrpFrame f;
  f.orp = &orp;
  for (size_t i : territory.MunicipalitiesOfOrp(orp.code)) {
    const Municipality& m = territory.municipalities()[i];
    f.towns.push_back(&m);
    f.children += m.children_0_17;
  }
  std::stable_sort(
      f.towns.begin(), f.towns.end(),
      [](const Municipality* a, const Municipality* b) { return a->population > b->population; });
  f.seat = territory.FindMunicipality(orp.seat_municipality_code);
  if (!f.seat && !f.towns.empty()) f.seat = f.towns.front();
  f.district_seat = f.seat && district_seats.count(f.seat->code) > 0;
  return f;
}

void AddRegional(DatasetBuilder& b, const Region& region, const Municipality& capital,
                 const std::set<std::string>& skip) {
  for (const RegionalService& s : RegionalServices(RegionGenitive(region.name), capital.name)) {
    if (skip.count(s.type) || !b.Chance(s.chance)) continue;
    size_t actor = b.AddActor(s.actor_name, s.actor_type, capital);
    b.AddCard(actor, s.type, &capital, ServedRegion(region.code));
  }
}

void AddNational(DatasetBuilder& b, const Municipality& seat) {
  struct Line {
    const char* type;
    const char* name;
    const char* card;
  };
  static const Line kLines[] = {
      {"ss55", "Dětská krizová linka, z. ú.", "Nonstop linka pro děti a dospívající"},
      {"ss55", "Rodičovská linka, z. ú.", "Telefonická a online pomoc rodičům"},
      {"ss55", "Linka pomoci obětem domácího násilí, z. s.", "Nonstop linka pro oběti násilí"},
      {"ss37_general", "Online poradna pro dospívající, z. ú.", "Online poradna pro dospívající"},
      {"ngo_tutoring", "Online doučování dětem, z. s.", "Online doučování dobrovolníky"},
  };
  for (const Line& l : kLines) {
    size_t actor = b.AddActor(l.name, "ngo", seat);
    ServiceCard& c = b.AddCard(actor, l.type, nullptr, ServedCountry());
    c.name = l.card;
    c.forms = {"remote"};
    c.age_max = std::max(c.age_max, 18);
  }
}

}  // namespace prosit
