#pragma once
// The planner's what-if request as JSON: services to add (type, municipality, capacity,
// forms, territory) and cards to remove; read with every shape error named by field.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/service_card.h"
#include "model/status.h"

namespace prosit {

struct HypotheticalService {
  std::string service_type;
  std::string municipality;  // where it would be delivered
  std::optional<double> capacity;
  std::vector<std::string> forms;            // default: ambulatory
  std::optional<TerritoryServed> territory;  // default: the municipality's ORP
};

struct WhatIfRequest {
  std::vector<HypotheticalService> add;
  std::vector<int64_t> remove;  // card ids
  std::string mode = "pt";
  std::string decay = "step";
};

inline constexpr size_t kMaxWhatIfChanges = 20;

// Shape only: types, codes and ids are checked against the network by the caller.
Result<WhatIfRequest> ReadWhatIfRequest(std::string_view text);

}  // namespace prosit
