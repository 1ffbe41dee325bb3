#pragma once
// The local networking strategy of an ORP (strategie síťování): themes the networker and
// the actors chose, each with goals, each goal with steps that have a deadline, the
// actors responsible, a status and an outcome. A living document: every change is kept
// in the change log, so the strategy of any past date can be shown.

#include <cstdint>
#include <string>
#include <vector>

#include "model/provenance.h"

namespace prosit {

struct Theme {
  int64_t id = 0;
  int64_t version = 0;
  std::string orp_code;
  std::string title;
  std::string why;         // why this theme: the needs and facts behind it
  std::string since;       // ISO date when it was chosen
  std::string status;      // one of kThemeStatuses
  std::string valid_from;  // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

struct Goal {
  int64_t id = 0;
  int64_t version = 0;
  int64_t theme_id = 0;
  std::string title;
  std::string description;
  std::string since;       // ISO date when it was set; its steps cannot be due earlier
  std::string status;      // one of kGoalStatuses
  std::string valid_from;  // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

struct Step {
  int64_t id = 0;
  int64_t version = 0;
  int64_t goal_id = 0;
  std::string title;
  std::string deadline;            // ISO date
  std::vector<int64_t> actor_ids;  // the actors responsible
  std::string status;              // one of kStepStatuses
  std::string outcome;
  std::string completed_on;  // ISO date when it was done; only for a done step
  std::string valid_from;    // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

inline constexpr const char* kThemeStatuses[] = {"active", "closed"};
inline constexpr const char* kGoalStatuses[] = {"open", "achieved", "dropped"};
inline constexpr const char* kStepStatuses[] = {"planned", "in_progress", "done", "cancelled"};

// Whether a step still waits to be done on `today` though its deadline has passed.
inline bool IsOverdue(const Step& s, const std::string& today) {
  return s.deadline < today && (s.status == "planned" || s.status == "in_progress");
}

}  // namespace prosit
