#pragma once
// Need (zjištěná potřeba): a need of the network that the networker found — voiced by
// actors or sectors, about a need area of the child or about the network itself, with
// its priority and what has become of it.

#include <cstdint>
#include <string>
#include <vector>

#include "model/provenance.h"

namespace prosit {

struct Need {
  int64_t id = 0;
  int64_t version = 0;
  std::string statement;
  std::vector<int64_t> voiced_by;    // actors
  std::vector<std::string> sectors;  // sectors that voiced it
  std::string need_area;             // the child's need area, or
  std::string network_need;          // a network-need category; exactly one of the two
  std::string orp_code;
  std::string date;                  // ISO date when it was found
  std::string priority;              // one of kNeedPriorities
  std::string status;                // one of kNeedStatuses
  std::vector<int64_t> meeting_ids;  // the meetings where it came up
  std::vector<int64_t> theme_ids;    // the strategy's themes that take it up
  std::string valid_from;            // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

inline constexpr const char* kNeedPriorities[] = {"low", "medium", "high"};
inline constexpr const char* kNeedStatuses[] = {"open", "being_addressed", "met", "dropped"};

}  // namespace prosit
