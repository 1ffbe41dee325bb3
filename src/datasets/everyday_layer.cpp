#include <algorithm>
#include <iterator>
#include <map>

#include "datasets/czech_names.h"
#include "datasets/layers.h"

namespace prosit {

namespace {

// Builds the everyday layer of one ORP, one card at a time, within a budget.
class Everyday {
 public:
  Everyday(DatasetBuilder& b, const OrpFrame& f, size_t budget) : b_(b), f_(f), left_(budget) {}

  void BasicPass(const Covered& covered);
  void SpreadPass();

 private:
  bool Add(const Municipality& m, const std::string& type);
  std::string Numbered(const Municipality& m, const std::string& base);
  size_t NewActor(const Municipality& m, const std::string& type);
  const Municipality& PickTown();
  bool Full(const Municipality& m, const std::string& type);

  DatasetBuilder& b_;
  const OrpFrame& f_;
  size_t left_;
  std::map<std::string, std::vector<size_t>> schools_;  // municipality → its primary schools
  std::map<std::string, int> names_;                    // "code|base" → how many so far
  std::map<std::string, int> counts_;                   // "code|type" → how many so far
  std::vector<double> cumulative_;                      // weights of f_.towns
};

std::string Everyday::Numbered(const Municipality& m, const std::string& base) {
  int n = names_[m.code + "|" + base]++;
  if (n == 0) return base;
  size_t streets = StreetNameCount();
  std::string name = base + ", " + StreetName(static_cast<size_t>(n - 1) % streets);
  if (static_cast<size_t>(n) > streets) name += " " + std::to_string((n - 1) / streets + 1);
  return name;
}

size_t Everyday::NewActor(const Municipality& m, const std::string& type) {
  const std::string& t = m.name;
  if (type == "edu_a00") return b_.AddActor(Numbered(m, "Mateřská škola " + t), "school", m);
  if (type == "edu_b00") return b_.AddActor(Numbered(m, "Základní škola " + t), "school", m);
  if (type == "edu_c00") return b_.AddActor(Numbered(m, "Střední škola " + t), "school", m);
  if (type == "health_pediatrician" || type == "health_dentist") {
    bool female = b_.Chance(0.7);
    std::string doctor = GenericDoctorName(b_.Below(7), b_.Below(10), female);
    std::string role = type == "health_dentist" ? (female ? "Zubní lékařka " : "Zubní lékař ")
                                                : (female ? "Dětská lékařka " : "Dětský lékař ");
    return b_.AddActor(Numbered(m, role + doctor + ", " + t), "health_provider", m);
  }
  if (type == "leisure_library")
    return b_.AddActor(
        Numbered(m, (m.population > 3000 ? "Městská knihovna " : "Místní knihovna ") + t),
        "leisure_org", m);
  if (type == "leisure_ddm")
    return b_.AddActor(Numbered(m, "Středisko volného času " + t), "leisure_org", m);
  if (type == "ngo_family_centre")
    return b_.AddActor(Numbered(m, "Rodinné centrum " + t + ", z. s."), "ngo", m);
  if (type == "ngo_tutoring")
    return b_.AddActor(Numbered(m, "Doučovací klub " + t + ", z. s."), "ngo", m);
  return b_.AddActor(Numbered(m, ClubName(b_.Below(8), t)), "leisure_org", m);
}

// Adds one card of `type` in `m` (school counselling joins an existing primary school).
bool Everyday::Add(const Municipality& m, const std::string& type) {
  if (left_ == 0) return false;
  --left_;
  bool at_school = type == "edu_spp" || type == "edu_prevention";
  auto& schools = schools_[m.code];
  if (at_school && !schools.empty()) {
    b_.AddCard(schools[b_.Below(schools.size())], type, &m, ServedMunicipality(m.code));
    return true;
  }
  std::string actual = at_school ? "edu_b00" : type;
  ++counts_[m.code + "|" + actual];
  size_t actor = NewActor(m, actual);
  if (actual == "edu_b00") schools.push_back(actor);
  bool local = actual.starts_with("edu_") || actual.starts_with("leisure_");
  b_.AddCard(actor, actual, &m, local ? ServedMunicipality(m.code) : ServedOrp(f_.orp->code));
  return true;
}

void Everyday::BasicPass(const Covered& covered) {
  auto add = [&](const Municipality& m, const char* type) {
    if (!covered.count({m.code, type})) Add(m, type);
  };
  for (const Municipality* m : f_.towns) {
    if (left_ == 0) return;
    int64_t threshold = 300 + static_cast<int64_t>(b_.Below(200));
    if (m->population >= threshold) add(*m, "edu_a00");
    if (m->population >= threshold + 150) add(*m, "edu_b00");
    if (m->population >= 1500) add(*m, "health_pediatrician");
    if (m->population >= 2500) add(*m, "health_dentist");
    if (m != f_.seat && m->population >= 1000) add(*m, "leisure_library");
  }
}

// True when `m` already has as many services of `type` as its size plausibly holds.
bool Everyday::Full(const Municipality& m, const std::string& type) {
  if (type == "edu_spp" || type == "edu_prevention") return false;
  auto it = counts_.find(m.code + "|" + type);
  return it != counts_.end() && it->second >= 1 + static_cast<int>(m.children_0_17 / 300);
}

const Municipality& Everyday::PickTown() {
  if (cumulative_.empty()) {
    double sum = 0;
    for (const Municipality* m : f_.towns)
      cumulative_.push_back(sum += m->children_0_17 * (m->population < 300 ? 0.15 : 1.0) + 1e-9);
  }
  double x = b_.Unit() * cumulative_.back();
  size_t i = std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin();
  return *f_.towns[std::min(i, f_.towns.size() - 1)];
}

// Everyday types and their relative weights in the spread pass.
struct Mix {
  const char* type;
  int weight;
};
const Mix kMix[] = {{"edu_a00", 18},
                    {"edu_b00", 14},
                    {"edu_spp", 8},
                    {"edu_prevention", 6},
                    {"health_pediatrician", 10},
                    {"health_dentist", 9},
                    {"leisure_club", 27},
                    {"ngo_tutoring", 3},
                    {"ngo_family_centre", 3},
                    {"edu_c00", 3},
                    {"leisure_library", 3},
                    {"leisure_ddm", 1}};

void Everyday::SpreadPass() {
  int total = 0;
  for (const Mix& x : kMix) total += x.weight;
  while (left_ > 0) {
    const Municipality* m = &PickTown();
    int r = static_cast<int>(b_.Below(static_cast<size_t>(total)));
    size_t k = 0;
    while (r >= kMix[k].weight) r -= kMix[k++].weight;
    std::string type = kMix[k].type;
    bool town_only = type == "edu_c00" || type == "leisure_ddm" || type == "ngo_family_centre";
    if (town_only && m->population < 3000) m = f_.seat;
    if (Full(*m, type)) m = f_.seat;  // the seat absorbs what small places cannot hold
    Add(*m, type);
  }
}

}  // namespace

void AddEveryday(DatasetBuilder& b, const OrpFrame& f, size_t budget, const Covered& covered) {
  if (f.towns.empty()) return;
  Everyday e(b, f, budget);
  e.BasicPass(covered);
  e.SpreadPass();
}

}  // namespace prosit
