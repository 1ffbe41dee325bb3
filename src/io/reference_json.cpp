#include "io/reference_json.h"

#include "io/csv_reader.h"
#include "io/json_reader.h"

namespace prosit {

const std::vector<std::string>& ReferenceDocumentNames() {
  static const std::vector<std::string> kNames = {
      "need_areas",         "support_levels",         "sectors",       "actor_types",
      "capacity_units",     "service_types",          "optimal_model", "model_situations",
      "meeting_categories", "network_need_categories"};
  return kNames;
}

Result<ReferenceDocuments> ReadReferenceFolder(const std::string& folder) {
  ReferenceDocuments docs;
  for (const auto& name : ReferenceDocumentNames()) {
    auto text = ReadFile(folder + "/" + name + ".json");
    if (!text.ok()) return text.status();
    docs[name] = std::move(*text);
  }
  return docs;
}

namespace {

void ReadLabel(JsonReader& r, const char* prefix, Label& label) {
  std::string cs = std::string(prefix) + "cs", en = std::string(prefix) + "en";
  r.String(cs.c_str(), label.cs);
  r.String(en.c_str(), label.en);
}

// Parses one document, an array of items (or an object holding one under `array_key`),
// each read by `read_one`; messages name "<doc>[i].field".
template <typename T, typename F>
Status ParseList(const ReferenceDocuments& docs, const std::string& name, std::vector<T>& out,
                 F read_one, const char* array_key = nullptr) {
  auto it = docs.find(name);
  if (it == docs.end()) return Status::Invalid("reference document '" + name + "' is missing");
  Status parsed = WithParsedJson(it->second, [&](JsonValue root) -> Status {
    JsonValue items = root;
    // An object holding the array under `array_key`; a missing key fails just below.
    if (array_key && root.is_object() && root.get_object().at_key(array_key).get(items))
      return Status::Invalid(name + ".json has no \"" + array_key + "\" array");
    simdjson::dom::array array;
    if (items.get_array().get(array)) return Status::Invalid(name + ".json must hold an array");
    FieldErrors errors;
    size_t i = 0;
    for (JsonValue item : array) {
      JsonReader r(item, errors, name + "[" + std::to_string(i++) + "].");
      T value;
      read_one(r, value);
      out.push_back(std::move(value));
    }
    if (!errors.empty()) return Status::Invalid("reference data has wrong fields", errors);
    return Status::Ok();
  });
  if (parsed.code() == StatusCode::kMalformed)
    return Status::Malformed(name + ".json: " + parsed.message());
  return parsed;
}

Status CrossCheck(const ReferenceData& ref) {
  FieldErrors e;
  for (size_t i = 0; i < ref.actor_types.size(); ++i)
    if (!ref.FindSector(ref.actor_types[i].sector))
      e["actor_types[" + std::to_string(i) + "].sector"] = "unknown sector";
  for (size_t i = 0; i < ref.service_types.size(); ++i) {
    const ServiceType& t = ref.service_types[i];
    std::string f = "service_types[" + std::to_string(i) + "].";
    if (!ref.FindSector(t.sector)) e[f + "sector"] = "unknown sector '" + t.sector + "'";
    if (!ref.FindLevel(t.level)) e[f + "level"] = "unknown level";
    if (!ref.FindCapacityUnit(t.capacity_unit)) e[f + "capacity_unit"] = "unknown unit";
    for (const auto& a : t.need_areas)
      if (!ref.FindNeedArea(a)) e[f + "need_areas"] = "unknown need area '" + a + "'";
  }
  for (size_t i = 0; i < ref.model_cells.size(); ++i) {
    const ModelCell& c = ref.model_cells[i];
    std::string f = "optimal_model[" + std::to_string(i) + "].";
    if (!ref.FindNeedArea(c.need_area)) e[f + "need_area"] = "unknown need area";
    if (!ref.FindLevel(c.level)) e[f + "level"] = "unknown level";
    for (const auto& t : c.service_types)
      if (!ref.FindServiceType(t)) e[f + "service_types"] = "unknown service type '" + t + "'";
  }
  for (size_t i = 0; i < ref.situations.size(); ++i)
    for (const auto& a : ref.situations[i].need_areas)
      if (!ref.FindNeedArea(a))
        e["model_situations[" + std::to_string(i) + "].need_areas"] = "unknown need area";
  if (!e.empty()) return Status::Invalid("reference data refers to unknown ids", e);
  return Status::Ok();
}

}  // namespace

Result<ReferenceData> ParseReferenceData(const ReferenceDocuments& docs) {
  ReferenceData ref;
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "need_areas", ref.need_areas, [](JsonReader& r, NeedArea& a) {
        r.String("id", a.id);
        ReadLabel(r, "", a.label);
        ReadLabel(r, "description_", a.description);
      }));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "support_levels", ref.support_levels, [](JsonReader& r, SupportLevel& l) {
        r.Int("level", l.level);
        r.String("id", l.id);
        ReadLabel(r, "", l.label);
        ReadLabel(r, "for_whom_", l.for_whom);
        r.Int("max_minutes_pt", l.max_minutes_pt);
        r.Int("max_minutes_car", l.max_minutes_car);
      }));
  PROSIT_RETURN_IF_ERROR(ParseList(docs, "sectors", ref.sectors, [](JsonReader& r, Sector& s) {
    r.String("id", s.id);
    ReadLabel(r, "", s.label);
  }));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "actor_types", ref.actor_types, [](JsonReader& r, ActorType& t) {
        r.String("id", t.id);
        ReadLabel(r, "", t.label);
        r.String("sector", t.sector);
      }));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "capacity_units", ref.capacity_units, [](JsonReader& r, CapacityUnit& u) {
        r.String("id", u.id);
        ReadLabel(r, "", u.label);
      }));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "service_types", ref.service_types, [](JsonReader& r, ServiceType& t) {
        r.String("id", t.id);
        ReadLabel(r, "", t.label);
        r.String("abbr", t.abbr);
        r.String("sector", t.sector);
        r.String("legal_basis", t.legal_basis);
        r.String("registry", t.registry);
        r.Strings("need_areas", t.need_areas);
        r.Int("level", t.level);
        r.Strings("forms", t.forms);
        r.String("capacity_unit", t.capacity_unit);
      }));
  PROSIT_RETURN_IF_ERROR(ParseList(
      docs, "optimal_model", ref.model_cells,
      [](JsonReader& r, ModelCell& c) {
        r.String("need_area", c.need_area);
        r.Int("level", c.level);
        r.Strings("service_types", c.service_types);
        r.Int("max_minutes_pt", c.max_minutes_pt);
        r.Int("max_minutes_car", c.max_minutes_car);
        r.OptionalNumber("min_capacity_per_1000_children", c.min_capacity_per_1000_children);
        ReadLabel(r, "explanation_", c.explanation);
      },
      "cells"));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "model_situations", ref.situations, [](JsonReader& r, ModelSituation& s) {
        r.String("id", s.id);
        ReadLabel(r, "", s.label);
        r.Strings("need_areas", s.need_areas);
        r.Ints("levels", s.levels);
        r.String("safety_first", s.safety_first);
        ReadLabel(r, "advice_", s.advice);
      }));
  auto read_category = [](JsonReader& r, Category& c) {
    r.String("id", c.id);
    ReadLabel(r, "", c.label);
  };
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "meeting_categories", ref.meeting_categories, read_category));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "network_need_categories", ref.network_need_categories, read_category));
  ref.Index();
  PROSIT_RETURN_IF_ERROR(CrossCheck(ref));
  return ref;
}

}  // namespace prosit
