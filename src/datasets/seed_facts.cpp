#include "datasets/seed_facts.h"

#include <nlohmann/json.hpp>

namespace prosit {

namespace {

using json = nlohmann::json;
constexpr const char* kFile = "seed-facts.json";

Status Bad(const std::string& path, const std::string& problem) {
  return Status::Invalid(std::string(kFile) + ": " + path + " " + problem, {{path, problem}});
}

const json* Field(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

Status GetString(const json& j, const char* key, const std::string& at, std::string& out,
                 bool required = true) {
  const json* v = Field(j, key);
  std::string path = at + "." + key;
  if (!v) return required ? Bad(path, "is required") : Status::Ok();
  if (!v->is_string()) return Bad(path, "must be a string");
  out = v->get<std::string>();
  return Status::Ok();
}

Status GetStrings(const json& j, const char* key, const std::string& at,
                  std::vector<std::string>& out) {
  const json* v = Field(j, key);
  std::string path = at + "." + key;
  if (!v) return Status::Ok();
  if (!v->is_array()) return Bad(path, "must be an array of strings");
  for (const json& s : *v) {
    if (!s.is_string()) return Bad(path, "must be an array of strings");
    out.push_back(s.get<std::string>());
  }
  return Status::Ok();
}

// The array `key` of `j` (required); `out` points at it.
Status GetArray(const json& j, const char* key, const std::string& at, const json*& out) {
  out = Field(j, key);
  if (!out || !out->is_array()) return Bad(at + "." + key, "must be an array");
  return Status::Ok();
}

Status ParseTerritory(const json& s, const std::string& at, TerritoryServed& out) {
  const json* t = Field(s, "territory");
  if (!t || !t->is_object()) return Bad(at + ".territory", "must be an object");
  std::string kind;
  PROSIT_RETURN_IF_ERROR(GetString(*t, "kind", at + ".territory", kind));
  auto parsed = ParseTerritoryKind(kind);
  if (!parsed) return Bad(at + ".territory.kind", "is not a territory kind: '" + kind + "'");
  out.kind = *parsed;
  return GetStrings(*t, "codes", at + ".territory", out.codes);
}

Status ParseAgesAndAccess(const json& s, const std::string& at, SeedService& out) {
  const json* ages = Field(s, "ages");
  if (ages) {
    if (!ages->is_array() || ages->size() != 2 || !(*ages)[0].is_number_integer() ||
        !(*ages)[1].is_number_integer())
      return Bad(at + ".ages", "must be [min, max] in whole years");
    out.age_min = (*ages)[0].get<int>();
    out.age_max = (*ages)[1].get<int>();
  }
  std::string access = "direct";
  PROSIT_RETURN_IF_ERROR(GetString(s, "access", at, access, false));
  auto parsed = ParseAccess(access);
  if (!parsed) return Bad(at + ".access", "must be direct, referral or both");
  out.access = *parsed;
  return Status::Ok();
}

Status ParseService(const json& s, const std::string& at, SeedService& out) {
  if (!s.is_object()) return Bad(at, "must be an object");
  PROSIT_RETURN_IF_ERROR(GetString(s, "type", at, out.type));
  PROSIT_RETURN_IF_ERROR(GetString(s, "name", at, out.name));
  PROSIT_RETURN_IF_ERROR(GetString(s, "does_cs", at, out.does, false));
  PROSIT_RETURN_IF_ERROR(GetString(s, "does_not_cs", at, out.does_not, false));
  PROSIT_RETURN_IF_ERROR(GetStrings(s, "forms", at, out.forms));
  PROSIT_RETURN_IF_ERROR(
      GetStrings(s, "delivery_municipality_codes", at, out.delivery_municipality_codes));
  PROSIT_RETURN_IF_ERROR(ParseTerritory(s, at, out.territory));
  if (const json* cap = Field(s, "capacity")) {
    if (!cap->is_number()) return Bad(at + ".capacity", "must be a number or null");
    out.capacity = cap->get<double>();
  }
  PROSIT_RETURN_IF_ERROR(GetString(s, "capacity_unit", at, out.capacity_unit, false));
  return ParseAgesAndAccess(s, at, out);
}

Status ParseActor(const json& a, const std::string& at, SeedActor& out) {
  if (!a.is_object()) return Bad(at, "must be an object");
  PROSIT_RETURN_IF_ERROR(GetString(a, "name", at, out.name));
  PROSIT_RETURN_IF_ERROR(GetString(a, "sector", at, out.sector));
  PROSIT_RETURN_IF_ERROR(GetString(a, "actor_type", at, out.actor_type));
  PROSIT_RETURN_IF_ERROR(GetString(a, "seat_municipality_code", at, out.seat_municipality_code));
  if (const json* f = Field(a, "from_seeds")) {
    if (!f->is_boolean()) return Bad(at + ".from_seeds", "must be true or false");
    out.from_seeds = f->get<bool>();
  }
  const json* services = nullptr;
  PROSIT_RETURN_IF_ERROR(GetArray(a, "services", at, services));
  for (size_t i = 0; i < services->size(); ++i) {
    out.services.emplace_back();
    PROSIT_RETURN_IF_ERROR(ParseService((*services)[i], at + ".services[" + std::to_string(i) + "]",
                                        out.services.back()));
  }
  return Status::Ok();
}

Status ParseOrp(const json& o, const std::string& at, SeedOrp& out) {
  if (!o.is_object()) return Bad(at, "must be an object");
  PROSIT_RETURN_IF_ERROR(GetString(o, "orp_code", at, out.orp_code));
  PROSIT_RETURN_IF_ERROR(GetString(o, "networking_started", at, out.networking_started, false));
  PROSIT_RETURN_IF_ERROR(GetString(o, "networker", at, out.networker, false));
  PROSIT_RETURN_IF_ERROR(GetStrings(o, "facts_cs", at, out.facts));
  const json* actors = nullptr;
  PROSIT_RETURN_IF_ERROR(GetArray(o, "actors", at, actors));
  for (size_t i = 0; i < actors->size(); ++i) {
    out.actors.emplace_back();
    PROSIT_RETURN_IF_ERROR(
        ParseActor((*actors)[i], at + ".actors[" + std::to_string(i) + "]", out.actors.back()));
  }
  return Status::Ok();
}

}  // namespace

Result<SeedFacts> ParseSeedFacts(const std::string& text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    return Status::Invalid(std::string(kFile) + ": not valid JSON: " + e.what(),
                           {{"(root)", "not valid JSON"}});
  }
  if (!root.is_object()) return Bad("(root)", "must be an object");
  SeedFacts facts;
  PROSIT_RETURN_IF_ERROR(GetString(root, "source", "(root)", facts.source, false));
  const json* orps = nullptr;
  PROSIT_RETURN_IF_ERROR(GetArray(root, "orps", "(root)", orps));
  for (size_t i = 0; i < orps->size(); ++i) {
    facts.orps.emplace_back();
    PROSIT_RETURN_IF_ERROR(
        ParseOrp((*orps)[i], "orps[" + std::to_string(i) + "]", facts.orps.back()));
  }
  return facts;
}

namespace {

Status CheckService(const SeedService& s, const std::string& at, const Territory& territory,
                    const ReferenceData& reference) {
  if (!reference.FindServiceType(s.type)) return Bad(at + ".type", "unknown service type");
  if (!s.capacity_unit.empty() && !reference.FindCapacityUnit(s.capacity_unit))
    return Bad(at + ".capacity_unit", "unknown capacity unit");
  for (const std::string& code : s.delivery_municipality_codes)
    if (!territory.FindMunicipality(code))
      return Bad(at + ".delivery_municipality_codes", "unknown municipality '" + code + "'");
  return Status::Ok();
}

}  // namespace

Status CheckSeedFacts(const SeedFacts& facts, const Territory& territory,
                      const ReferenceData& reference) {
  for (size_t i = 0; i < facts.orps.size(); ++i) {
    const SeedOrp& o = facts.orps[i];
    std::string at = "orps[" + std::to_string(i) + "]";
    if (!territory.FindOrp(o.orp_code)) return Bad(at + ".orp_code", "unknown ORP");
    for (size_t j = 0; j < o.actors.size(); ++j) {
      const SeedActor& a = o.actors[j];
      std::string aat = at + ".actors[" + std::to_string(j) + "]";
      if (!reference.FindSector(a.sector)) return Bad(aat + ".sector", "unknown sector");
      if (!reference.FindActorType(a.actor_type))
        return Bad(aat + ".actor_type", "unknown actor type");
      if (!territory.FindMunicipality(a.seat_municipality_code))
        return Bad(aat + ".seat_municipality_code", "unknown municipality");
      for (size_t k = 0; k < a.services.size(); ++k)
        PROSIT_RETURN_IF_ERROR(CheckService(
            a.services[k], aat + ".services[" + std::to_string(k) + "]", territory, reference));
    }
  }
  return Status::Ok();
}

}  // namespace prosit
