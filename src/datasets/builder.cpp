#include "datasets/builder.h"

#include <algorithm>
#include <cstdio>

#include "datasets/czech_names.h"
#include "datasets/service_texts.h"
#include "model/ico.h"
#include "model/validation.h"

namespace prosit {

namespace {

bool NeedsPlace(const std::vector<std::string>& forms) {
  return std::any_of(forms.begin(), forms.end(),
                     [](const std::string& f) { return f == "ambulatory" || f == "residential"; });
}

bool IsSheltered(const std::string& type) { return type == "ss57" || type == "zdvop"; }

}  // namespace

TerritoryServed ServedOrp(const std::string& code) { return {TerritoryKind::kOrp, {code}}; }
TerritoryServed ServedMunicipality(const std::string& code) {
  return {TerritoryKind::kMunicipalities, {code}};
}
TerritoryServed ServedRegion(const std::string& code) { return {TerritoryKind::kRegion, {code}}; }
TerritoryServed ServedCountry() { return {TerritoryKind::kCountry, {}}; }

DatasetBuilder::DatasetBuilder(const Territory& territory, const ReferenceData& reference,
                               uint64_t seed)
    : territory_(territory), reference_(reference), rng_(seed) {}

size_t DatasetBuilder::Below(size_t n) { return n == 0 ? 0 : rng_() % n; }
double DatasetBuilder::Unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
bool DatasetBuilder::Chance(double p) { return Unit() < p; }
int DatasetBuilder::Between(int lo, int hi) {
  return hi <= lo ? lo : lo + static_cast<int>(Below(static_cast<size_t>(hi - lo + 1)));
}

size_t DatasetBuilder::AddActor(const std::string& name, const std::string& actor_type,
                                const Municipality& seat) {
  const ActorType* type = reference_.FindActorType(actor_type);
  return AddActor(name, type ? type->sector : "other", actor_type, seat);
}

size_t DatasetBuilder::AddActor(const std::string& name, const std::string& sector,
                                const std::string& actor_type, const Municipality& seat) {
  Actor a;
  a.ico = NewIco();
  a.name = name;
  a.sector = sector;
  a.actor_type = actor_type;
  a.seat.municipality_code = seat.code;
  a.seat.street =
      std::string(StreetName(Below(StreetNameCount()))) + " " + std::to_string(Between(1, 1500));
  a.seat.postcode = seat.postcode;
  a.seat.location = Near(seat.location);
  a.seat.has_location = true;
  std::string domain = Slug(name) + ".example.cz";
  a.web = "https://www." + domain;
  a.contacts.push_back({"Podatelna", "podatelna", Phone(), "podatelna@" + domain, "", true});
  a.is_demo = true;
  a.source = Provenance::kInvented;
  batch_.actors.push_back(std::move(a));
  return batch_.actors.size() - 1;
}

ServiceCard& DatasetBuilder::AddCard(size_t actor, const std::string& type_id,
                                     const Municipality* place, TerritoryServed territory) {
  const ServiceType* type = reference_.FindServiceType(type_id);
  const ServiceText& text = TextForType(type_id);
  ServiceCard c;
  c.service_type = type_id;
  c.name = text.name;
  if (type) {
    c.need_areas = type->need_areas;
    c.level = type->level;
    c.forms = type->forms;
    c.capacity.unit = type->capacity_unit;
  }
  if (text.capacity_hi > 0 && c.capacity.unit != "none")
    c.capacity.amount = Between(text.capacity_lo, text.capacity_hi);
  c.age_min = text.age_min;
  c.age_max = text.age_max;
  c.access = text.access;
  c.does = text.does;
  c.does_not = text.does_not;
  c.confidential_address = IsSheltered(type_id);
  if (place && NeedsPlace(c.forms))
    c.locations.push_back(PlaceIn(
        *place, c.confidential_address ? ConfidentialStreet() : batch_.actors[actor].seat.street));
  c.territory = std::move(territory);
  c.last_verified = VerifiedDate();
  // A shelter is in the public catalog; its address is what stays hidden.
  c.published = c.confidential_address || Chance(0.96);
  c.is_demo = true;
  c.source = Provenance::kInvented;
  batch_.cards.emplace_back(actor, std::move(c));
  return batch_.cards.back().second;
}

std::string DatasetBuilder::ConfidentialStreet() const {
  size_t n = batch_.cards.size();
  return std::string(StreetName((n * 7 + 3) % StreetNameCount())) + " " +
         std::to_string(1501 + n % 499);
}

DeliveryLocation DatasetBuilder::PlaceIn(const Municipality& m, const std::string& street) {
  return {m.code, street, Near(m.location), true};
}

RecordBatch DatasetBuilder::Take() {
  Complete();
  return std::move(batch_);
}

void DatasetBuilder::Complete() {
  for (auto& [actor, c] : batch_.cards) {
    if (c.target_group.empty())
      c.target_group = "Děti a mladí lidé od " + std::to_string(c.age_min) + " do " +
                       std::to_string(c.age_max) + " let a jejich rodiny";
    if (c.access_note.empty())
      c.access_note = c.access == Access::kDirect
                          ? "Přímo, bez doporučení: stačí zavolat, napsat nebo přijít."
                      : c.access == Access::kReferral
                          ? "Na doporučení (OSPOD, lékař, škola); postup vysvětlí kontakt služby."
                          : "Přímo i na doporučení; postup vysvětlí kontakt služby.";
    if (c.contacts.empty() && !batch_.actors[actor].contacts.empty()) {
      Contact k = batch_.actors[actor].contacts.front();
      k.name = "Kontakt služby";
      c.contacts.push_back(std::move(k));
    }
  }
  // The seeds say a step was done, not when: its deadline is the best date there is.
  for (BatchStep& s : batch_.steps)
    if (s.step.status == "done" && s.step.completed_on.empty())
      s.step.completed_on = s.step.deadline;
}

std::string DatasetBuilder::NewIco() {
  while (true) {
    char first7[8];
    std::snprintf(first7, sizeof first7, "%07llu",
                  static_cast<unsigned long long>(1000000 + Below(8999999)));
    int check = IcoCheckDigit(first7);
    if (check < 0) continue;
    std::string ico = std::string(first7) + static_cast<char>('0' + check);
    if (icos_.insert(ico).second) return ico;
  }
}

std::string DatasetBuilder::Phone() {
  char buf[24];
  std::snprintf(buf, sizeof buf, "+420 4%02d %03d %03d", static_cast<int>(Below(100)),
                static_cast<int>(Below(1000)), static_cast<int>(Below(1000)));
  return buf;
}

std::string DatasetBuilder::VerifiedDate() {
  // 2025-01-01 … 2026-10-31: a month, then a day valid in every month.
  int month = static_cast<int>(Below(22));
  char buf[12];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 2025 + month / 12, month % 12 + 1,
                Between(1, 28));
  return buf;
}

GeoPoint DatasetBuilder::Near(const GeoPoint& p) {
  GeoPoint q{p.lat + (Unit() - 0.5) * 0.006, p.lon + (Unit() - 0.5) * 0.009};
  return IsInCzechia(q) ? q : p;
}

}  // namespace prosit
