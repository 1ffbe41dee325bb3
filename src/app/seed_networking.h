#pragma once
// SeedNetworking: data/demo/seed-networking.json — the needs, themes, goals, good
// practices and recommendations of the seven ORPs of Pardubický kraj as the seeds (004)
// present them. The demo reads the needs; the rest is loaded by the strategy.

#include <string>
#include <vector>

#include "model/reference_data.h"
#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// One need as the seeds state it.
struct SeedNeed {
  std::string statement;
  std::string need_area;     // the child's need area, or
  std::string network_need;  // a network-need category; exactly one of the two
  std::vector<std::string> sectors;
  std::string priority;
  std::string status;
};

struct SeedNetworkingOrp {
  std::string orp_code;
  std::vector<SeedNeed> needs;
};

struct SeedNetworking {
  std::string source;
  std::vector<SeedNetworkingOrp> orps;
};

// Parses the file's text; errors are Status::Invalid naming the file and the field.
Result<SeedNetworking> ParseSeedNetworking(const std::string& json_text);

// Checks ORP codes, need areas, network-need categories, sectors and enumerations.
Status CheckSeedNetworking(const SeedNetworking& s, const Territory& territory,
                           const ReferenceData& reference);

}  // namespace prosit
