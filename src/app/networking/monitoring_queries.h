#pragma once
// The monitoring table of a period and territory, as JSON for the API and as CSV for
// the networkers' spreadsheets, from the snapshot.

#include <string>

#include "analysis/monitoring.h"
#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "io/label_catalog.h"
#include "model/status.h"
#include "store/store.h"

namespace prosit {

FieldErrors CheckMonitoringScope(const MonitoringScope& scope, const NetworkSnapshot& snap);
// The cards' change-log rows of the scope's period: (card id, "create"|"update"|"delete").
using CardChanges = std::vector<std::pair<int64_t, std::string>>;
Result<CardChanges> CardChangesOf(Store& store, const MonitoringScope& scope);
// `today` decides which steps are overdue; `changes` are CardChangesOf(scope).
MonitoringTable Monitoring(const NetworkSnapshot& snap, const MonitoringScope& scope,
                           const std::string& today, const CardChanges& changes);
// The table of a scope wholly inside the caller's territory, with its columns (one per
// ORP of a region, one per region of the country) and their total.
Result<std::string> MonitoringJson(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                   const MonitoringScope& scope, const std::string& today);
// Semicolon-separated UTF-8 with a byte-order mark, as Czech Excel opens it:
// section;key;section_label;label;count, the ids first (for scripts and re-imports), then
// the labels and the header in `lang` (io/label_catalog.h).
Result<std::string> MonitoringCsv(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                  const MonitoringScope& scope, const std::string& today,
                                  Lang lang);

}  // namespace prosit
