#pragma once
// Columns of an export: how one member of a list item's JSON becomes a cell, and its
// header in the caller's language (field labels from io/labels/catalog.json, enumerations
// and reference values by their labels). One table model for XLSX and CSV.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/label_catalog.h"
#include "io/spreadsheet.h"
#include "model/reference_data.h"

namespace prosit {

struct Column {
  enum class Type {
    kText,
    kNumber,
    kDate,
    kBool,
    kUrl,
    kEnum,   // `group` of the label catalog
    kRef,    // `group` of the reference data (ReferenceLabel)
    kLevel,  // a support level
    kNames,  // [{"id", "name"}] -> "name | name"
  };
  Column(std::string key, std::string header, Type type = Type::kText, std::string group = "",
         bool list = false)
      : key(std::move(key)),
        header(std::move(header)),
        type(type),
        group(std::move(group)),
        list(list) {}

  std::string key;     // a member, or a path "capacity/amount"
  std::string header;  // the label already in the caller's language
  Type type = Type::kText;
  std::string group;
  bool list = false;  // an array of values, joined by " | "
};

inline constexpr const char* kListSeparator = " | ";

// The label of reference value `id` of `group` ("service_types", "need_areas", "sectors",
// "actor_types", "capacity_units", "meeting_categories", "network_need_categories"), or
// nullptr.
const Label* ReferenceLabel(const ReferenceData& ref, const std::string& group,
                            const std::string& id);
// The header of `field` of record kind `kind` in `lang` (the field's name if unlabelled).
std::string Header(const std::string& kind, const std::string& field, Lang lang);

// The cell of `col` for `item`.
Cell CellOf(const nlohmann::json& item, const Column& col, const ReferenceData& ref, Lang lang);
// A sheet of `items` in `columns`.
Sheet SheetOf(std::string name, const nlohmann::json& items, const std::vector<Column>& columns,
              const ReferenceData& ref, Lang lang);

}  // namespace prosit
