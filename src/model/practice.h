#pragma once
// Good practices and recommendations of an ORP's network analysis (the seeds present
// both, general and specific), each linked to the needs and themes behind it.

#include <cstdint>
#include <string>
#include <vector>

#include "model/provenance.h"

namespace prosit {

struct GoodPractice {
  int64_t id = 0;
  int64_t version = 0;
  std::string orp_code;
  std::string title;
  std::string description;
  std::vector<int64_t> need_ids;
  std::vector<int64_t> theme_ids;
  std::string valid_from;  // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

struct Recommendation {
  int64_t id = 0;
  int64_t version = 0;
  std::string orp_code;
  std::string scope;  // one of kRecommendationScopes
  std::string text;
  std::vector<int64_t> need_ids;
  std::vector<int64_t> theme_ids;
  std::string valid_from;  // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

// General recommendations hold for any network; specific ones for this ORP's.
inline constexpr const char* kRecommendationScopes[] = {"general", "specific"};

}  // namespace prosit
