#include "app/seed_networking.h"

#include <nlohmann/json.hpp>

#include "model/need.h"
#include "model/validation.h"

namespace prosit {

namespace {

using json = nlohmann::json;
constexpr const char* kFile = "seed-networking.json";

Status Bad(const std::string& path, const std::string& problem) {
  return Status::Invalid(std::string(kFile) + ": " + path + " " + problem, {{path, problem}});
}

Status GetString(const json& j, const char* key, const std::string& at, std::string& out) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return Bad(at + "." + key, "must be a string");
  out = it->get<std::string>();
  return Status::Ok();
}

Status ParseNeed(const json& j, const std::string& at, SeedNeed& n) {
  if (!j.is_object()) return Bad(at, "must be an object");
  PROSIT_RETURN_IF_ERROR(GetString(j, "statement", at, n.statement));
  PROSIT_RETURN_IF_ERROR(GetString(j, "need_area", at, n.need_area));
  PROSIT_RETURN_IF_ERROR(GetString(j, "network_need", at, n.network_need));
  PROSIT_RETURN_IF_ERROR(GetString(j, "priority", at, n.priority));
  PROSIT_RETURN_IF_ERROR(GetString(j, "status", at, n.status));
  auto sectors = j.find("sectors");
  if (sectors == j.end() || !sectors->is_array())
    return Bad(at + ".sectors", "must be an array of strings");
  for (const json& s : *sectors) {
    if (!s.is_string()) return Bad(at + ".sectors", "must be an array of strings");
    n.sectors.push_back(s.get<std::string>());
  }
  return Status::Ok();
}

}  // namespace

Result<SeedNetworking> ParseSeedNetworking(const std::string& json_text) {
  json doc = json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Bad("(document)", "is not a JSON object");
  SeedNetworking out;
  if (auto it = doc.find("source"); it != doc.end() && it->is_string()) out.source = *it;
  auto orps = doc.find("orps");
  if (orps == doc.end() || !orps->is_array()) return Bad("orps", "must be an array");
  for (size_t i = 0; i < orps->size(); ++i) {
    const json& o = (*orps)[i];
    std::string at = "orps[" + std::to_string(i) + "]";
    if (!o.is_object()) return Bad(at, "must be an object");
    SeedNetworkingOrp orp;
    PROSIT_RETURN_IF_ERROR(GetString(o, "orp_code", at, orp.orp_code));
    auto needs = o.find("needs");
    if (needs == o.end() || !needs->is_array()) return Bad(at + ".needs", "must be an array");
    for (size_t k = 0; k < needs->size(); ++k) {
      SeedNeed n;
      PROSIT_RETURN_IF_ERROR(ParseNeed((*needs)[k], at + ".needs[" + std::to_string(k) + "]", n));
      orp.needs.push_back(std::move(n));
    }
    out.orps.push_back(std::move(orp));
  }
  return out;
}

Status CheckSeedNetworking(const SeedNetworking& s, const Territory& territory,
                           const ReferenceData& reference) {
  for (size_t i = 0; i < s.orps.size(); ++i) {
    const SeedNetworkingOrp& o = s.orps[i];
    std::string at = "orps[" + std::to_string(i) + "]";
    if (!territory.FindOrp(o.orp_code)) return Bad(at + ".orp_code", "is not an ORP code");
    for (size_t k = 0; k < o.needs.size(); ++k) {
      const SeedNeed& n = o.needs[k];
      std::string nat = at + ".needs[" + std::to_string(k) + "]";
      if (n.need_area.empty() == n.network_need.empty())
        return Bad(nat + ".need_area", "name exactly one of need_area and network_need");
      if (!n.need_area.empty() && !reference.FindNeedArea(n.need_area))
        return Bad(nat + ".need_area", "is not a need area: '" + n.need_area + "'");
      if (!n.network_need.empty() && !reference.FindNetworkNeedCategory(n.network_need))
        return Bad(nat + ".network_need",
                   "is not a network-need category: '" + n.network_need + "'");
      if (n.sectors.empty()) return Bad(nat + ".sectors", "must name who voiced the need");
      for (const std::string& sector : n.sectors)
        if (!reference.FindSector(sector))
          return Bad(nat + ".sectors", "unknown sector '" + sector + "'");
      if (!OneOf(n.priority, kNeedPriorities))
        return Bad(nat + ".priority", "must be low, medium or high");
      if (!OneOf(n.status, kNeedStatuses))
        return Bad(nat + ".status", "must be open, being_addressed, met or dropped");
    }
  }
  return Status::Ok();
}

}  // namespace prosit
