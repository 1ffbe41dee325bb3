#include "io/what_if_json.h"

#include "io/json_reader.h"

namespace prosit {

namespace {

void ReadTerritory(JsonReader& r, HypotheticalService& s) {
  auto v = r.Get("territory");
  if (!v) return;
  JsonReader tr(*v, r.errors(), r.Field("territory."));
  std::string kind;
  TerritoryServed t;
  tr.String("kind", kind);
  if (auto k = ParseTerritoryKind(kind))
    t.kind = *k;
  else
    r.errors()[r.Field("territory.kind")] = "must be municipalities, orp, region or country";
  tr.Strings("codes", t.codes);
  tr.RejectUnknown();
  s.territory = std::move(t);
}

HypotheticalService ReadService(JsonValue item, FieldErrors& errors, const std::string& prefix) {
  JsonReader r(item, errors, prefix);
  HypotheticalService s;
  if (!r.IsObject()) {
    errors[prefix.substr(0, prefix.size() - 1)] = "must be an object";
    return s;
  }
  r.String("service_type", s.service_type);
  r.String("municipality", s.municipality);
  r.OptionalNumber("capacity", s.capacity);
  r.Strings("forms", s.forms);
  ReadTerritory(r, s);
  r.RejectUnknown();
  return s;
}

}  // namespace

Result<WhatIfRequest> ReadWhatIfRequest(std::string_view text) {
  return WithParsedJson(text, [&](JsonValue root) -> Result<WhatIfRequest> {
    FieldErrors errors;
    JsonReader r(root, errors);
    if (!r.IsObject())
      return Status::Invalid("the body must be a JSON object", {{"body", "must be an object"}});
    WhatIfRequest q;
    if (auto add = r.Get("add")) {
      simdjson::dom::array items;
      if (add->get_array().get(items)) {
        errors["add"] = "must be an array";
      } else {
        size_t i = 0;
        for (JsonValue item : items)
          q.add.push_back(ReadService(item, errors, "add[" + std::to_string(i++) + "]."));
      }
    }
    r.Int64s("remove", q.remove);
    r.String("mode", q.mode);
    r.String("decay", q.decay);
    r.RejectUnknown();
    if (errors.empty() && q.add.empty() && q.remove.empty())
      errors["add"] = "name at least one service to add or a card to remove";
    if (q.add.size() + q.remove.size() > kMaxWhatIfChanges)
      errors["add"] = "at most " + std::to_string(kMaxWhatIfChanges) + " changes at once";
    if (!errors.empty()) return Status::Invalid("the what-if request is not valid", errors);
    return q;
  });
}

}  // namespace prosit
