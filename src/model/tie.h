#pragma once
// Tie: a declared cooperation tie between two actors — what kind, since when, how often,
// and optionally how each rates the other in the manner of the PARTNER tool (three value
// items and three trust items, each 1–4). Ties derived from meetings are computed, not
// stored (see app/networking/tie_queries.h).

#include <cstdint>
#include <optional>
#include <string>

#include "model/provenance.h"

namespace prosit {

struct PartnerRatings {
  // Value of the partner: power/influence, level of involvement, resource contribution.
  std::optional<int> power_influence, involvement, resource_contribution;
  // Trust: reliability, support of the mission, openness to discussion.
  std::optional<int> reliability, mission_support, openness;
};

struct Tie {
  int64_t id = 0;
  int64_t version = 0;
  int64_t actor_a = 0;
  int64_t actor_b = 0;
  std::string type;       // one of kTieTypes
  std::string since;      // ISO date
  std::string until;      // ISO date, or empty while it lasts
  std::string frequency;  // one of kTieFrequencies, or empty
  PartnerRatings ratings;
  std::string note;
  std::string valid_from;  // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

inline constexpr const char* kTieTypes[] = {"information_sharing", "referral",
                                            "joint_case_work",     "shared_platform",
                                            "formal_agreement",    "shared_resources"};
inline constexpr const char* kTieFrequencies[] = {"weekly", "monthly", "quarterly", "yearly",
                                                  "occasional"};

}  // namespace prosit
