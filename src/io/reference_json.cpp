#include "io/reference_json.h"

#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>

#include "io/csv_reader.h"
#include "io/json_reader.h"

namespace prosit {

const std::vector<std::string>& ReferenceDocumentNames() {
  static const std::vector<std::string> kNames = {
      "need_areas",         "support_levels",          "sectors",           "actor_types",
      "capacity_units",     "service_types",           "optimal_model",     "model_situations",
      "meeting_categories", "network_need_categories", "emergency_contacts"};
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
  // The reader keeps the keys it was asked for until RejectUnknown: they must outlive it.
  static const std::map<std::string, std::pair<std::string, std::string>> kKeys = [] {
    std::map<std::string, std::pair<std::string, std::string>> keys;
    for (std::string p :
         {"", "description_", "for_whom_", "explanation_", "advice_", "when_", "hours_"})
      keys[p] = {p + "cs", p + "en"};
    return keys;
  }();
  const auto& [cs, en] = kKeys.at(prefix);
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
      r.RejectUnknown();  // a misspelt norm would otherwise be silently left at its default
      out.push_back(std::move(value));
    }
    if (!errors.empty()) return Status::Invalid("reference data has wrong fields", errors);
    return Status::Ok();
  });
  if (parsed.code() == StatusCode::kMalformed)
    return Status::Malformed(name + ".json: " + parsed.message());
  return parsed;
}

// Adds `message` to the problems of `field`, after any it already has.
void Add(FieldErrors& e, const std::string& field, const std::string& message) {
  std::string& m = e[field];
  m += (m.empty() ? "" : "; ") + message;
}

// Keeps the problems of one document: its fields', or the document's own (malformed JSON,
// not an array) under its name.
void Collect(FieldErrors& all, const std::string& name, const Status& s) {
  if (s.ok()) return;
  if (s.fields().empty()) {
    Add(all, name, s.message());
    return;
  }
  for (const auto& [field, message] : s.fields()) Add(all, field, message);
}

// The documents being read and the problems found so far: ParseList on it keeps reading
// past a bad document.
struct Reading {
  const ReferenceDocuments& docs;
  FieldErrors errors;
};

template <typename T, typename F>
Status ParseList(Reading& reading, const std::string& name, std::vector<T>& out, F read_one,
                 const char* array_key = nullptr) {
  Collect(reading.errors, name, ParseList(reading.docs, name, out, read_one, array_key));
  return Status::Ok();
}

// Every id of a list given twice.
template <typename T>
void CheckUniqueIds(const std::vector<T>& items, const std::string& name, FieldErrors& e) {
  std::map<std::string, size_t> first;
  for (size_t i = 0; i < items.size(); ++i) {
    auto [it, fresh] = first.emplace(items[i].id, i);
    if (!fresh)
      Add(e, name + "[" + std::to_string(i) + "].id",
          "'" + items[i].id + "' is also " + name + "[" + std::to_string(it->second) + "]");
  }
}

// A situation's list of service types by its field name.
const std::vector<std::string>& SituationList(const ModelSituation& s, std::string_view list) {
  return list == "service_types" ? s.service_types : s.responsible_service_types;
}

// Every id one document names must exist in the document that defines it; ids, levels
// and cells are each given once.
void CrossCheck(const ReferenceData& ref, FieldErrors& e) {
  CheckUniqueIds(ref.need_areas, "need_areas", e);
  CheckUniqueIds(ref.sectors, "sectors", e);
  CheckUniqueIds(ref.actor_types, "actor_types", e);
  CheckUniqueIds(ref.capacity_units, "capacity_units", e);
  CheckUniqueIds(ref.service_types, "service_types", e);
  CheckUniqueIds(ref.situations, "model_situations", e);
  CheckUniqueIds(ref.meeting_categories, "meeting_categories", e);
  CheckUniqueIds(ref.network_need_categories, "network_need_categories", e);
  std::map<int, size_t> levels;
  for (size_t i = 0; i < ref.support_levels.size(); ++i)
    if (!levels.emplace(ref.support_levels[i].level, i).second)
      Add(e, "support_levels[" + std::to_string(i) + "].level", "given twice");
  for (size_t i = 0; i < ref.actor_types.size(); ++i)
    if (!ref.FindSector(ref.actor_types[i].sector))
      Add(e, "actor_types[" + std::to_string(i) + "].sector",
          "unknown sector '" + ref.actor_types[i].sector + "'");
  for (size_t i = 0; i < ref.service_types.size(); ++i) {
    const ServiceType& t = ref.service_types[i];
    std::string f = "service_types[" + std::to_string(i) + "].";
    if (!ref.FindSector(t.sector)) Add(e, f + "sector", "unknown sector '" + t.sector + "'");
    if (!ref.FindLevel(t.level)) Add(e, f + "level", "unknown level " + std::to_string(t.level));
    if (!ref.FindCapacityUnit(t.capacity_unit))
      Add(e, f + "capacity_unit", "unknown unit '" + t.capacity_unit + "'");
    for (const auto& a : t.need_areas)
      if (!ref.FindNeedArea(a)) Add(e, f + "need_areas", "unknown need area '" + a + "'");
  }
  std::map<std::pair<std::string, int>, size_t> cells;
  for (size_t i = 0; i < ref.model_cells.size(); ++i) {
    const ModelCell& c = ref.model_cells[i];
    std::string f = "optimal_model[" + std::to_string(i) + "].";
    if (!ref.FindNeedArea(c.need_area))
      Add(e, f + "need_area", "unknown need area '" + c.need_area + "'");
    if (!ref.FindLevel(c.level)) Add(e, f + "level", "unknown level " + std::to_string(c.level));
    auto [it, fresh] = cells.emplace(std::make_pair(c.need_area, c.level), i);
    if (!fresh)
      Add(e, f + "level",
          "the cell " + c.need_area + " × " + std::to_string(c.level) + " is also optimal_model[" +
              std::to_string(it->second) + "]");
    if (c.service_types.empty()) Add(e, f + "service_types", "names no service type");
    for (const auto& t : c.service_types)
      if (!ref.FindServiceType(t)) Add(e, f + "service_types", "unknown service type '" + t + "'");
    if (c.max_minutes_pt <= 0) Add(e, f + "max_minutes_pt", "must be more than 0");
    if (c.max_minutes_car <= 0) Add(e, f + "max_minutes_car", "must be more than 0");
    if (c.min_capacity_per_1000_children && *c.min_capacity_per_1000_children < 0)
      Add(e, f + "min_capacity_per_1000_children", "must not be negative");
  }
  for (size_t i = 0; i < ref.situations.size(); ++i) {
    const ModelSituation& s = ref.situations[i];
    std::string f = "model_situations[" + std::to_string(i) + "].";
    for (const auto& a : s.need_areas)
      if (!ref.FindNeedArea(a)) Add(e, f + "need_areas", "unknown need area '" + a + "'");
    for (int l : s.levels)
      if (!ref.FindLevel(l)) Add(e, f + "levels", "unknown level " + std::to_string(l));
    if (s.safety_first != "yes" && s.safety_first != "no" && s.safety_first != "depends")
      Add(e, f + "safety_first", "must be yes, no or depends");
    for (const char* list : {"service_types", "responsible_service_types"})
      for (const auto& t : SituationList(s, list))
        if (!ref.FindServiceType(t)) Add(e, f + list, s.id + ": unknown service type '" + t + "'");
    for (const auto& a : s.audience)
      if (std::find_if(std::begin(kSituationAudiences), std::end(kSituationAudiences),
                       [&](const char* known) { return a == known; }) ==
          std::end(kSituationAudiences))
        Add(e, f + "audience",
            s.id + ": unknown audience '" + a + "' (parents, children or teachers)");
  }
  CheckUniqueIds(ref.emergency_contacts, "emergency_contacts", e);
  for (size_t i = 0; i < ref.emergency_contacts.size(); ++i) {
    const EmergencyContact& c = ref.emergency_contacts[i];
    std::string f = "emergency_contacts[" + std::to_string(i) + "].";
    // People dial it from the page (a tel: link) and read it aloud from paper.
    if (c.number.empty() || c.number.find_first_not_of("0123456789 ") != std::string::npos)
      Add(e, f + "number", "must be digits, grouped by spaces");
    if (c.kind != "emergency" && c.kind != "helpline")
      Add(e, f + "kind", "must be emergency or helpline");
    if (c.label.cs.empty() || c.label.en.empty())
      Add(e, f + "cs", "needs a Czech and an English label");
    if (!c.nonstop && (c.hours.cs.empty() || c.hours.en.empty()))
      Add(e, f + "hours_cs", "a line that is not nonstop needs its hours in Czech and English");
  }
}

}  // namespace

Result<ReferenceData> ParseReferenceData(const ReferenceDocuments& documents) {
  ReferenceData ref;
  Reading docs{documents, {}};  // every problem of every document, so one answer names all
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
        r.Strings("service_types", s.service_types);
        r.Strings("responsible_service_types", s.responsible_service_types);
        r.Strings("audience", s.audience);
      }));
  auto read_category = [](JsonReader& r, Category& c) {
    r.String("id", c.id);
    ReadLabel(r, "", c.label);
  };
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "meeting_categories", ref.meeting_categories, read_category));
  PROSIT_RETURN_IF_ERROR(
      ParseList(docs, "network_need_categories", ref.network_need_categories, read_category));
  // A model published before the emergency contacts were reference data has none; the
  // next `prosit init` (or publication) adds them.
  if (documents.count("emergency_contacts"))
    PROSIT_RETURN_IF_ERROR(ParseList(docs, "emergency_contacts", ref.emergency_contacts,
                                     [](JsonReader& r, EmergencyContact& c) {
                                       r.String("id", c.id);
                                       r.String("number", c.number);
                                       r.String("kind", c.kind);
                                       ReadLabel(r, "", c.label);
                                       ReadLabel(r, "when_", c.when);
                                       ReadLabel(r, "hours_", c.hours);
                                       r.Bool("free", c.free);
                                       r.Bool("nonstop", c.nonstop);
                                     }));
  FieldErrors& e = docs.errors;
  for (const auto& [name, text] : documents)
    if (std::find(ReferenceDocumentNames().begin(), ReferenceDocumentNames().end(), name) ==
        ReferenceDocumentNames().end())
      Add(e, name, "not a reference document");
  ref.Index();
  CrossCheck(ref, e);
  if (!e.empty()) return Status::Invalid("the reference data has problems", e);
  return ref;
}

namespace {

// The problems of one situation under the rules of PublicationProblems.
void CheckSituationForPublication(const ReferenceData& ref, const ModelSituation& s,
                                  const std::string& f, FieldErrors& e) {
  auto name = [&](const std::string& message) { return s.id + ": " + message; };
  if (s.label.cs.empty()) Add(e, f + "cs", name("the Czech wording is empty"));
  if (s.label.en.empty()) Add(e, f + "en", name("the English wording is empty"));
  if (s.advice.cs.empty()) Add(e, f + "advice_cs", name("the Czech advice is empty"));
  if (s.advice.en.empty()) Add(e, f + "advice_en", name("the English advice is empty"));
  if (s.need_areas.empty()) Add(e, f + "need_areas", name("names no need area"));
  if (s.levels.empty()) Add(e, f + "levels", name("names no level"));
  if (s.service_types.empty()) Add(e, f + "service_types", name("names no service that can help"));
  if (s.audience.empty())
    Add(e, f + "audience",
        name("names no audience: say for whom it is written (parents, children, teachers)"));
  std::map<std::string, std::string> seen;  // a service type → the list that named it first
  for (const char* list : {"responsible_service_types", "service_types"}) {
    for (const auto& id : SituationList(s, list)) {
      auto [it, fresh] = seen.emplace(id, list);
      if (!fresh) {
        Add(e, f + list,
            name("'" + id + "' " +
                 (it->second == list ? std::string("is given twice")
                                     : "is both responsible and helping: keep it in one list")));
        continue;
      }
      // The navigator finds services through these types, and the model through the need
      // areas: a type that meets none of the situation's areas means one of them is wrong.
      const ServiceType* t = ref.FindServiceType(id);
      if (t && std::none_of(t->need_areas.begin(), t->need_areas.end(), [&](const auto& a) {
            return std::find(s.need_areas.begin(), s.need_areas.end(), a) != s.need_areas.end();
          }))
        Add(e, f + list,
            name("'" + id +
                 "' meets none of the situation's need areas; add its area to "
                 "need_areas or drop it"));
    }
  }
  std::set<std::string> audiences;
  for (const auto& a : s.audience)
    if (!audiences.insert(a).second) Add(e, f + "audience", name("'" + a + "' is given twice"));
}

}  // namespace

FieldErrors PublicationProblems(const ReferenceData& ref) {
  FieldErrors e;
  for (size_t i = 0; i < ref.situations.size(); ++i)
    CheckSituationForPublication(ref, ref.situations[i],
                                 "model_situations[" + std::to_string(i) + "].", e);
  return e;
}

}  // namespace prosit
