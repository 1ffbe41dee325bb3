#pragma once
// Monitoring: the seeds' table "Síťování v číslech" — meetings by category, service
// cards and meeting records — for a period and a territory, with the needs by status
// and area and the trend by month. Pure: counts over records handed in.

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

struct MonitoringMonth {
  int meetings = 0;
  int needs = 0;  // found that month
  int steps = 0;  // due that month
};

struct MonitoringTable {
  std::vector<std::pair<std::string, int64_t>> meetings_by_category;  // every category, in order
  int64_t meetings = 0;       // meeting records (zápisy) in scope
  int64_t people = 0;         // people who took part in them
  int64_t service_cards = 0;  // cards relevant to the territory now (not dated)
  std::map<std::string, int64_t> needs_by_status;  // every status
  std::map<std::string, int64_t> needs_by_area;    // need areas and network-need categories
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

// Counts the records in scope. `service_cards` is counted by the caller, who knows the
// search index; it is passed through.
MonitoringTable ComputeMonitoring(const std::vector<const Meeting*>& meetings,
                                  const std::vector<const Need*>& needs,
                                  const std::vector<StepOfOrp>& steps, int64_t service_cards,
                                  const MonitoringScope& scope, const std::string& today,
                                  const Territory& territory, const ReferenceData& reference);

}  // namespace prosit
