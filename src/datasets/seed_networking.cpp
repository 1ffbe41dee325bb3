#include "datasets/seed_networking.h"

#include <nlohmann/json.hpp>

#include "model/need.h"
#include "model/practice.h"
#include "model/strategy.h"
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

// An optional array of indexes (absent: none).
Status GetIndexes(const json& j, const char* key, const std::string& at, std::vector<size_t>& out) {
  auto it = j.find(key);
  if (it == j.end()) return Status::Ok();
  if (!it->is_array()) return Bad(at + "." + key, "must be an array of indexes");
  for (const json& i : *it) {
    if (!i.is_number_unsigned()) return Bad(at + "." + key, "must be an array of indexes");
    out.push_back(i.get<size_t>());
  }
  return Status::Ok();
}

// An optional array of objects (absent: none), each parsed by `parse`.
template <typename T, typename Parse>
Status GetList(const json& j, const char* key, const std::string& at, std::vector<T>& out,
               Parse parse) {
  auto it = j.find(key);
  if (it == j.end()) return Status::Ok();
  if (!it->is_array()) return Bad(at + "." + key, "must be an array");
  for (size_t k = 0; k < it->size(); ++k) {
    const json& e = (*it)[k];
    std::string eat = at + "." + key + "[" + std::to_string(k) + "]";
    if (!e.is_object()) return Bad(eat, "must be an object");
    T value;
    PROSIT_RETURN_IF_ERROR(parse(e, eat, value));
    out.push_back(std::move(value));
  }
  return Status::Ok();
}

Status ParseStep(const json& j, const std::string& at, SeedStep& s) {
  PROSIT_RETURN_IF_ERROR(GetString(j, "title", at, s.title));
  PROSIT_RETURN_IF_ERROR(GetString(j, "deadline", at, s.deadline));
  PROSIT_RETURN_IF_ERROR(GetString(j, "status", at, s.status));
  return GetString(j, "outcome", at, s.outcome);
}

Status ParseGoal(const json& j, const std::string& at, SeedGoal& g) {
  PROSIT_RETURN_IF_ERROR(GetString(j, "title", at, g.title));
  PROSIT_RETURN_IF_ERROR(GetString(j, "description", at, g.description));
  PROSIT_RETURN_IF_ERROR(GetString(j, "since", at, g.since));
  return GetList(j, "steps", at, g.steps, ParseStep);
}

Status ParseTheme(const json& j, const std::string& at, SeedTheme& t) {
  PROSIT_RETURN_IF_ERROR(GetString(j, "title", at, t.title));
  PROSIT_RETURN_IF_ERROR(GetString(j, "why", at, t.why));
  PROSIT_RETURN_IF_ERROR(GetString(j, "since", at, t.since));
  return GetList(j, "goals", at, t.goals, ParseGoal);
}

Status ParsePractice(const json& j, const std::string& at, SeedPractice& p) {
  PROSIT_RETURN_IF_ERROR(GetString(j, "title", at, p.title));
  PROSIT_RETURN_IF_ERROR(GetString(j, "description", at, p.description));
  PROSIT_RETURN_IF_ERROR(GetIndexes(j, "needs", at, p.needs));
  return GetIndexes(j, "themes", at, p.themes);
}

Status ParseRecommendation(const json& j, const std::string& at, SeedRecommendation& r) {
  PROSIT_RETURN_IF_ERROR(GetString(j, "scope", at, r.scope));
  PROSIT_RETURN_IF_ERROR(GetString(j, "text", at, r.text));
  PROSIT_RETURN_IF_ERROR(GetIndexes(j, "needs", at, r.needs));
  return GetIndexes(j, "themes", at, r.themes);
}

Status CheckIndexes(const std::vector<size_t>& indexes, size_t count, const std::string& at) {
  for (size_t i : indexes)
    if (i >= count) return Bad(at, "refers to no record of the ORP: " + std::to_string(i));
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
  return GetIndexes(j, "themes", at, n.themes);
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
    PROSIT_RETURN_IF_ERROR(GetList(o, "themes", at, orp.themes, ParseTheme));
    PROSIT_RETURN_IF_ERROR(GetList(o, "good_practices", at, orp.good_practices, ParsePractice));
    PROSIT_RETURN_IF_ERROR(
        GetList(o, "recommendations", at, orp.recommendations, ParseRecommendation));
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
      PROSIT_RETURN_IF_ERROR(CheckIndexes(n.themes, o.themes.size(), nat + ".themes"));
    }
    for (size_t k = 0; k < o.themes.size(); ++k) {
      const SeedTheme& t = o.themes[k];
      std::string tat = at + ".themes[" + std::to_string(k) + "]";
      if (!IsIsoDate(t.since)) return Bad(tat + ".since", "is not a date YYYY-MM-DD");
      for (size_t g = 0; g < t.goals.size(); ++g) {
        const SeedGoal& goal = t.goals[g];
        std::string gat = tat + ".goals[" + std::to_string(g) + "]";
        if (!IsIsoDate(goal.since) || goal.since < t.since)
          return Bad(gat + ".since", "must be a date YYYY-MM-DD not before its theme's");
        for (size_t i = 0; i < goal.steps.size(); ++i) {
          const SeedStep& step = goal.steps[i];
          std::string sat = gat + ".steps[" + std::to_string(i) + "]";
          if (!IsIsoDate(step.deadline) || step.deadline < goal.since)
            return Bad(sat + ".deadline", "must be a date YYYY-MM-DD not before its goal's since");
          if (!OneOf(step.status, kStepStatuses))
            return Bad(sat + ".status", "must be planned, in_progress, done or cancelled");
        }
      }
    }
    for (size_t k = 0; k < o.good_practices.size(); ++k) {
      const SeedPractice& p = o.good_practices[k];
      std::string pat = at + ".good_practices[" + std::to_string(k) + "]";
      PROSIT_RETURN_IF_ERROR(CheckIndexes(p.needs, o.needs.size(), pat + ".needs"));
      PROSIT_RETURN_IF_ERROR(CheckIndexes(p.themes, o.themes.size(), pat + ".themes"));
    }
    for (size_t k = 0; k < o.recommendations.size(); ++k) {
      const SeedRecommendation& r = o.recommendations[k];
      std::string rat = at + ".recommendations[" + std::to_string(k) + "]";
      if (!OneOf(r.scope, kRecommendationScopes))
        return Bad(rat + ".scope", "must be general or specific");
      PROSIT_RETURN_IF_ERROR(CheckIndexes(r.needs, o.needs.size(), rat + ".needs"));
      PROSIT_RETURN_IF_ERROR(CheckIndexes(r.themes, o.themes.size(), rat + ".themes"));
    }
  }
  return Status::Ok();
}

}  // namespace prosit
