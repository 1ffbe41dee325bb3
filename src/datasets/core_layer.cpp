#include <initializer_list>
#include <iterator>

#include "datasets/czech_names.h"
#include "datasets/layers.h"

namespace prosit {

namespace {

std::string OfficeName(const Municipality& seat) {
  return (seat.population > 40000 ? "Magistrát města " : "Městský úřad ") + seat.name;
}

// The i-th branch name: the plain name first, then with a street.
std::string Branch(const std::string& name, int i) {
  return i == 0 ? name : name + ", " + StreetName(static_cast<size_t>(i) * 7);
}

void AddAuthorities(DatasetBuilder& b, const OrpFrame& f) {
  const Municipality& seat = *f.seat;
  const std::string& orp = f.orp->code;
  size_t ospod =
      b.AddActor(OfficeName(seat) + " – odbor sociálních věcí (OSPOD)", "ospod_office", seat);
  for (const char* type : {"ospod_spod", "ospod_curator", "ospod_nrp", "lg_social_worker"})
    b.AddCard(ospod, type, &seat, ServedOrp(orp));
  size_t town = b.AddActor("Město " + seat.name, "municipality", seat);
  b.AddCard(town, "lg_kpss", &seat, ServedOrp(orp));
  if (b.Chance(0.5)) b.AddCard(town, "lg_crime_prevention", &seat, ServedMunicipality(seat.code));
  if (b.Chance(0.4)) b.AddCard(town, "housing_social", &seat, ServedMunicipality(seat.code));
  if (seat.population > 4000 && b.Chance(0.85)) {
    size_t mp = b.AddActor("Městská policie " + seat.name, "municipal_police", seat);
    b.AddCard(mp, "police_municipal", &seat, ServedMunicipality(seat.code));
  }
  size_t up =
      b.AddActor("Úřad práce ČR – kontaktní pracoviště " + seat.name, "labour_office", seat);
  b.AddCard(up, "up_state_support", &seat, ServedOrp(orp));
  b.AddCard(up, "up_material_need", &seat, ServedOrp(orp));
  if (b.Chance(0.6)) b.AddCard(up, "up_emergency_aid", &seat, ServedOrp(orp));
}

void AddPoliceAndJustice(DatasetBuilder& b, const OrpFrame& f) {
  const Municipality& seat = *f.seat;
  int seat_units = 1 + static_cast<int>(f.children / 25000);
  for (int i = 0; i < seat_units; ++i) {
    std::string name = "Policie ČR – Obvodní oddělení " + seat.name;
    if (seat_units > 1) name += " " + std::to_string(i + 1);
    b.AddCard(b.AddActor(name, "police", seat), "police_cr", &seat, ServedOrp(f.orp->code));
  }
  for (const Municipality* m : f.towns)
    if (m != f.seat && m->population > 6000)
      b.AddCard(b.AddActor("Policie ČR – Obvodní oddělení " + m->name, "police", *m), "police_cr",
                m, ServedMunicipality(m->code));
  if (!f.district_seat) return;
  size_t court = b.AddActor("Okresní soud " + seat.name, "court", seat);
  b.AddCard(court, "justice_guardianship_court", &seat, ServedOrp(f.orp->code));
  if (b.Chance(0.6)) b.AddCard(court, "justice_youth_court", &seat, ServedOrp(f.orp->code));
  size_t pms = b.AddActor("Probační a mediační služba – středisko " + seat.name, "probation", seat);
  b.AddCard(pms, "justice_pms", &seat, ServedOrp(f.orp->code));
}

// Adds each type of `types` with probability `p` to a new actor; returns how many.
int AddProvider(DatasetBuilder& b, const OrpFrame& f, const std::string& name,
                const std::string& actor_type, std::initializer_list<const char*> types, double p) {
  std::vector<const char*> chosen;
  for (const char* t : types)
    if (b.Chance(p)) chosen.push_back(t);
  if (chosen.empty()) return 0;
  size_t actor = b.AddActor(name, actor_type, *f.seat);
  for (const char* t : chosen) b.AddCard(actor, t, f.seat, ServedOrp(f.orp->code));
  return static_cast<int>(chosen.size());
}

void AddSocialServices(DatasetBuilder& b, const OrpFrame& f) {
  const std::string& town = f.seat->name;
  if (b.Chance(0.65))
    AddProvider(b, f, "Oblastní charita " + town, "church_org",
                {"ss65", "ss37_debt", "ngo_food_aid", "ss69"}, 0.5);
  if (b.Chance(0.7))
    AddProvider(b, f, "Centrum pro rodinu " + town + ", z. s.", "ngo",
                {"ngo_family_centre", "ss37_family", "nrp_support", "ngo_tutoring", "ngo_mediation",
                 "ngo_family_therapy"},
                0.45);
  AddProvider(b, f, "Sociálně aktivizační služby pro rodiny s dětmi – " + town, "social_provider",
              {"ss65"}, 0.75);
  AddProvider(b, f, "Nízkoprahový klub pro děti a mládež – " + town, "social_provider", {"ss62"},
              f.seat->population > 8000 ? 0.85 : 0.35);
  AddProvider(b, f, "Rodinná a manželská poradna – " + town, "social_provider", {"ss37_family"},
              0.35);
  AddProvider(b, f, "Centrum primární prevence " + town + ", z. ú.", "ngo",
              {"ngo_prevention_programme"}, 0.5);
  AddProvider(b, f, "Poradna pro občany " + town + ", z. ú.", "ngo", {"ss37_general", "ss70"},
              0.25);
  static const char* const kBranches[] = {"ss65", "ss62",        "ss37_debt",
                                          "ss69", "nrp_support", "ss37_family"};
  int extra = static_cast<int>(f.children / 15000);
  for (int i = 0; i < extra; ++i) {
    const char* type = kBranches[b.Below(std::size(kBranches))];
    const ServiceType* st = b.reference().FindServiceType(type);
    std::string name = (st ? st->label.cs : std::string(type)) + " – " + town + ", pobočka " +
                       StreetName(static_cast<size_t>(i));
    size_t actor = b.AddActor(name, "social_provider", *f.seat);
    b.AddCard(actor, type, f.seat, ServedOrp(f.orp->code));
  }
}

void AddHealthSpecialists(DatasetBuilder& b, const OrpFrame& f) {
  const Municipality& seat = *f.seat;
  int psychologists = b.Chance(0.6) + static_cast<int>(f.children / 20000);
  for (int i = 0; i < psychologists; ++i)
    b.AddCard(b.AddActor(Branch("Ambulance klinické psychologie pro děti – " + seat.name, i),
                         "health_provider", seat),
              "health_clinical_psychology", &seat, ServedOrp(f.orp->code));
  int psychiatrists = b.Chance(0.35) + static_cast<int>(f.children / 35000);
  for (int i = 0; i < psychiatrists; ++i)
    b.AddCard(b.AddActor(Branch("Ambulance dětské a dorostové psychiatrie – " + seat.name, i),
                         "health_provider", seat),
              "health_child_psychiatry", &seat, ServedOrp(f.orp->code));
  if (seat.population > 15000 && b.Chance(0.8))
    b.AddCard(b.AddActor("Nemocnice " + seat.name, "hospital", seat), "health_emergency", &seat,
              ServedOrp(f.orp->code));
  if (b.Chance(0.15))
    b.AddCard(b.AddActor("Adiktologická ambulance pro dospívající – " + seat.name,
                         "health_provider", seat),
              "health_addiction", &seat, ServedOrp(f.orp->code));
}

void AddEducationAndLeisure(DatasetBuilder& b, const OrpFrame& f, const std::string& region_gen) {
  const Municipality& seat = *f.seat;
  if (b.Chance(0.92))
    b.AddCard(
        b.AddActor("Pedagogicko-psychologická poradna " + region_gen + ", pracoviště " + seat.name,
                   "counselling_centre", seat),
        "edu_k10", &seat, ServedOrp(f.orp->code));
  static const char* const kSchools[] = {"Gymnázium ", "Střední odborná škola ",
                                         "Střední průmyslová škola ", "Obchodní akademie ",
                                         "Střední odborné učiliště "};
  int schools = seat.population > 5000 ? 1 + static_cast<int>(seat.population / 12000)
                                       : (seat.population > 2500 && b.Chance(0.4) ? 1 : 0);
  for (int i = 0; i < schools; ++i) {
    std::string name = Branch(kSchools[i % std::size(kSchools)] + seat.name,
                              i / static_cast<int>(std::size(kSchools)));
    size_t school = b.AddActor(name, "school", seat);
    b.AddCard(school, "edu_c00", &seat, ServedOrp(f.orp->code));
    if (b.Chance(0.4)) b.AddCard(school, "edu_prevention", &seat, ServedMunicipality(seat.code));
  }
  if (b.Chance(0.9))
    b.AddCard(b.AddActor("Dům dětí a mládeže " + seat.name, "leisure_org", seat), "leisure_ddm",
              &seat, ServedOrp(f.orp->code));
  b.AddCard(b.AddActor("Městská knihovna " + seat.name, "leisure_org", seat), "leisure_library",
            &seat, ServedMunicipality(seat.code));
}

}  // namespace

void AddOrpCore(DatasetBuilder& b, const OrpFrame& f) {
  const Region* region = b.territory().FindRegion(f.orp->region_code);
  AddAuthorities(b, f);
  AddPoliceAndJustice(b, f);
  AddSocialServices(b, f);
  AddHealthSpecialists(b, f);
  AddEducationAndLeisure(b, f, region ? RegionGenitive(region->name) : "kraje");
}

}  // namespace prosit
