#pragma once
// SeedNetworking: data/demo/seed-networking.json — the needs, themes, goals, steps, good
// practices and recommendations of the seven ORPs of Pardubický kraj as the seeds (004)
// present them; dates and links between the records are the demo's reading. Records of
// an ORP refer to each other by index in that ORP's lists.

#include <cstddef>
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
  std::vector<size_t> themes;  // the ORP's themes that take it up, by index
};

struct SeedStep {
  std::string title, deadline, status, outcome;
};

struct SeedGoal {
  std::string title, description, since;
  std::vector<SeedStep> steps;
};

struct SeedTheme {
  std::string title, why, since;
  std::vector<SeedGoal> goals;
};

// A good practice (title, description) or a recommendation (scope, text), with the
// needs and themes of its ORP behind it, by index.
struct SeedPractice {
  std::string title, description;
  std::vector<size_t> needs, themes;
};
struct SeedRecommendation {
  std::string scope, text;
  std::vector<size_t> needs, themes;
};

struct SeedNetworkingOrp {
  std::string orp_code;
  std::vector<SeedNeed> needs;
  std::vector<SeedTheme> themes;
  std::vector<SeedPractice> good_practices;
  std::vector<SeedRecommendation> recommendations;
};

struct SeedNetworking {
  std::string source;
  std::vector<SeedNetworkingOrp> orps;
};

// Parses the file's text; errors are Status::Invalid naming the file and the field.
Result<SeedNetworking> ParseSeedNetworking(const std::string& json_text);

// Checks ORP codes, need areas, network-need categories, sectors, enumerations, dates
// (a goal not set before its theme, no step due before its goal) and indexes.
Status CheckSeedNetworking(const SeedNetworking& s, const Territory& territory,
                           const ReferenceData& reference);

}  // namespace prosit
