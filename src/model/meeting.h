#pragma once
// Meeting (setkání, zápis): one meeting of the networker with actors of the network —
// when, where, of which category and format, who took part, what came out of it and
// what is to be done next. prosit records no data about children or families.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/provenance.h"

namespace prosit {

// A task agreed at a meeting.
struct FollowUp {
  std::string task;
  std::string owner;  // who is to do it (a person or an organisation, free text)
  std::string due;    // ISO date, or empty
  bool done = false;
};

struct Meeting {
  int64_t id = 0;
  int64_t version = 0;
  std::string date;                // ISO date YYYY-MM-DD
  std::string orp_code;            // the ORP whose network it belongs to
  std::string category;            // ReferenceData::meeting_categories id
  std::string format;              // one of kMeetingFormats
  std::vector<int64_t> actor_ids;  // participating actors
  int people = 0;                  // how many people took part
  std::vector<std::string> networkers;
  std::string topic;
  std::string notes;
  std::string outputs;
  std::vector<FollowUp> follow_ups;
  std::string valid_from;  // ISO date from which it held, if earlier than its entry
  bool is_demo = false;
  Provenance source = Provenance::kEntered;  // is_demo == IsDemo(source)
};

inline constexpr const char* kMeetingFormats[] = {"individual", "joint", "platform",
                                                  "working_group"};

}  // namespace prosit
