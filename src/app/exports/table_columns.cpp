#include "app/exports/table_columns.h"

namespace prosit {

namespace {

template <typename Items>
const Label* FindIn(const Items& items, const std::string& id) {
  for (const auto& item : items)
    if (item.id == id) return &item.label;
  return nullptr;
}

const nlohmann::json* At(const nlohmann::json& item, const std::string& key) {
  const nlohmann::json* j = &item;
  size_t start = 0;
  while (true) {
    size_t slash = key.find('/', start);
    std::string part = key.substr(start, slash == std::string::npos ? slash : slash - start);
    if (!j->is_object()) return nullptr;
    auto it = j->find(part);
    if (it == j->end()) return nullptr;
    j = &*it;
    if (slash == std::string::npos) return j;
    start = slash + 1;
  }
}

std::string Pick(const Label& l, Lang lang) { return lang == Lang::kCs ? l.cs : l.en; }

// One scalar as text, its label where the column has labels.
std::string TextOf(const nlohmann::json& v, const Column& col, const ReferenceData& ref,
                   Lang lang) {
  if (v.is_null()) return "";
  if (col.type == Column::Type::kNames && v.is_object()) return v.value("name", "");
  std::string s = v.is_string() ? v.get<std::string>() : v.dump();
  if (col.type == Column::Type::kEnum) {
    const std::string* l = LabelCatalog::BuiltIn().Enum(col.group, s, lang);
    return l ? *l : s;
  }
  if (col.type == Column::Type::kRef) {
    const Label* l = ReferenceLabel(ref, col.group, s);
    return l ? Pick(*l, lang) : s;
  }
  if (col.type == Column::Type::kLevel && v.is_number_integer()) {
    const SupportLevel* l = ref.FindLevel(v.get<int>());
    return l ? Pick(l->label, lang) : s;
  }
  return s;
}

}  // namespace

const Label* ReferenceLabel(const ReferenceData& ref, const std::string& group,
                            const std::string& id) {
  if (group == "service_types") return FindIn(ref.service_types, id);
  if (group == "need_areas") return FindIn(ref.need_areas, id);
  if (group == "sectors") return FindIn(ref.sectors, id);
  if (group == "actor_types") return FindIn(ref.actor_types, id);
  if (group == "capacity_units") return FindIn(ref.capacity_units, id);
  if (group == "meeting_categories") return FindIn(ref.meeting_categories, id);
  if (group == "network_need_categories") return FindIn(ref.network_need_categories, id);
  if (group == "need_or_network") {
    if (const Label* l = FindIn(ref.need_areas, id)) return l;
    return FindIn(ref.network_need_categories, id);
  }
  return nullptr;
}

std::string Header(const std::string& kind, const std::string& field, Lang lang) {
  const std::string* l = LabelCatalog::BuiltIn().Field(kind, field, lang);
  return l ? *l : field;
}

Cell CellOf(const nlohmann::json& item, const Column& col, const ReferenceData& ref, Lang lang) {
  const nlohmann::json* v = At(item, col.key);
  if (!v || v->is_null()) return Cell{};
  if (col.list || v->is_array()) {
    std::string joined;
    if (v->is_array())
      for (const auto& e : *v) {
        std::string t = TextOf(e, col, ref, lang);
        if (t.empty()) continue;
        if (!joined.empty()) joined += kListSeparator;
        joined += t;
      }
    return Cell::Text(joined);
  }
  switch (col.type) {
    case Column::Type::kNumber:
      return v->is_number() ? Cell::Number(v->get<double>())
                            : Cell::Text(TextOf(*v, col, ref, lang));
    case Column::Type::kDate:
      return Cell::Date(v->is_string() ? v->get<std::string>() : "");
    case Column::Type::kBool:
      return v->is_boolean() ? Cell::Bool(v->get<bool>()) : Cell{};
    case Column::Type::kUrl:
      return Cell::Url(v->is_string() ? v->get<std::string>() : "");
    default:
      return Cell::Text(TextOf(*v, col, ref, lang));
  }
}

Sheet SheetOf(std::string name, const nlohmann::json& items, const std::vector<Column>& columns,
              const ReferenceData& ref, Lang lang) {
  Sheet sheet;
  sheet.name = std::move(name);
  for (const Column& c : columns) sheet.headers.push_back(c.header);
  if (!items.is_array()) return sheet;
  sheet.rows.reserve(items.size());
  for (const auto& item : items) {
    std::vector<Cell> row;
    row.reserve(columns.size());
    for (const Column& c : columns) row.push_back(CellOf(item, c, ref, lang));
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace prosit
