#pragma once
// Monitoring: the seeds' table "Síťování v číslech" — meetings by category, service
// cards and meeting records (zápisy) as separate figures — for a period and a territory,
// with the needs by status, by the child's need area and by network-need category, and
// the trend by month. A region's table has a column per ORP, the country's one per
// region. Pure: counts over records handed in.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/meeting.h"
#include "model/need.h"
#include "model/reference_data.h"
#include "model/strategy.h"
#include "model/territory.h"

namespace prosit {

// Which records count: a period (ISO dates, inclusive; empty = open) and a territory
// (an ORP, a region, or the whole country when both are empty).
struct MonitoringScope {
  std::string from, to;
  std::string region, orp;
};

// A strategy step with the ORP of its theme (steps know only their goal).
struct StepOfOrp {
  const Step* step = nullptr;
  std::string orp_code;
};

// What became of the service cards of a territory in a period; counted by the caller,
// who has the change log and the search index.
struct CardActivity {
  int64_t now = 0;       // cards delivered in or serving the territory now (not dated)
  int64_t created = 0;   // created in the period (change log)
  int64_t updated = 0;   // changed in the period, each card once (change log)
  int64_t verified = 0;  // last verified in the period (last_verified)
};

// Whether a meeting has a record (zápis): a written account of what was said (notes)
// or agreed (outputs). The seeds count records apart from meetings (3,678 of 5,042):
// a meeting only noted in the calendar has none.
bool HasRecord(const Meeting& m);

struct MonitoringMonth {
  int meetings = 0;
  int needs = 0;  // found that month
  int steps = 0;  // due that month
};

struct MonitoringTable {
  std::vector<std::pair<std::string, int64_t>> meetings_by_category;  // every category, in order
  int64_t meetings = 0;                                               // meetings in scope
  int64_t meeting_records = 0;  // those with a record (HasRecord)
  int64_t people = 0;           // people who took part in them
  int64_t service_cards = 0;    // cards relevant to the territory now (not dated)
  CardActivity cards;           // the caller's count, passed through
  std::map<std::string, int64_t> needs_by_status;  // every status
  // Every need area of the child and every network-need category, in the reference
  // data's order; a need naming both counts in both.
  std::vector<std::pair<std::string, int64_t>> needs_by_need_area;
  std::vector<std::pair<std::string, int64_t>> needs_by_network_need;
  int64_t needs = 0;
  std::map<std::string, int64_t> steps_by_status;  // every status; steps due in the period
  int64_t steps_overdue = 0;  // due in the period, before `today`, not done or cancelled
  int64_t steps_done = 0;     // completed in the period (by completed_on), whenever due
  std::map<std::string, MonitoringMonth> by_month;  // "YYYY-MM" → counts
  // The meetings, needs and steps counted, by provenance (the caller adds the cards).
  ProvenanceCounts records;
};

// The ORP codes a scope covers, or empty for the whole country.
std::vector<std::string> ScopeOrps(const MonitoringScope& scope, const Territory& territory);

// The columns of a scope's table: an ORP has none but its total, a region one per ORP,
// the country one per region (in the territory's order).
std::vector<MonitoringScope> ColumnScopes(const MonitoringScope& scope, const Territory& territory);

// Counts the records in scope. `cards` is counted by the caller, who knows the search
// index and the change log; it is passed through.
MonitoringTable ComputeMonitoring(const std::vector<const Meeting*>& meetings,
                                  const std::vector<const Need*>& needs,
                                  const std::vector<StepOfOrp>& steps, const CardActivity& cards,
                                  const MonitoringScope& scope, const std::string& today,
                                  const Territory& territory, const ReferenceData& reference);

}  // namespace prosit
