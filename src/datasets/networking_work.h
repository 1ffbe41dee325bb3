#pragma once
// The networking work of a generated network: the networker's meetings with the actors
// of an ORP month by month, the needs found at them and the declared cooperation ties.

#include <optional>
#include <string>
#include <vector>

#include "datasets/builder.h"

namespace prosit {

// One ORP's networking as the generator sees it.
struct WorkFrame {
  std::string orp_code;
  std::string start, end;               // ISO dates: meetings between them, inclusive
  std::vector<std::string> networkers;  // who records the meetings
  std::vector<size_t> actors;           // actors of the ORP, by index in the batch
  int per_month_lo = 3, per_month_hi = 8;
};

// What a need says; who voiced it comes from the meetings it is found at.
struct NeedSpec {
  std::string statement, need_area, network_need;
  std::vector<std::string> sectors;
  std::string priority, status;
};

// Meetings on working days from f.start to f.end, categories drawn by the seeds'
// "Síťování v číslech" totals, 1–4 participants of a matching sector. Returns their
// indexes, oldest first.
std::vector<size_t> AddMeetings(DatasetBuilder& b, const WorkFrame& f);

// A need found at one or two of `meetings` (indexes, oldest first), preferring the first
// `early` share of them and meetings with participants of the need's sectors; voiced by
// those participants; dated on the first of its meetings. Returns its index in the batch;
// nothing without meetings.
std::optional<size_t> AddNeed(DatasetBuilder& b, const WorkFrame& f,
                              const std::vector<size_t>& meetings, const NeedSpec& spec,
                              double early);

// A generic need of a generated ORP (statement, area or category, sectors, priority,
// status drawn at random).
NeedSpec RandomNeed(DatasetBuilder& b);

// `count` declared ties between distinct pairs of f.actors, dated from f.start to f.end.
void AddTies(DatasetBuilder& b, const WorkFrame& f, size_t count);

// A generic networker's name.
std::string RandomNetworker(DatasetBuilder& b);

}  // namespace prosit
