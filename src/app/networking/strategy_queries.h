#pragma once
// Strategy queries: the networking strategy of an ORP as one document (themes → goals →
// steps), now or as it stood on a past date (replayed from the change log), and the
// steps whose deadline has passed.

#include <map>
#include <memory>
#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"
#include "store/store.h"

namespace prosit {

// The records of a strategy, by id.
struct StrategyRecords {
  std::map<int64_t, std::shared_ptr<const Theme>> themes;
  std::map<int64_t, std::shared_ptr<const Goal>> goals;
  std::map<int64_t, std::shared_ptr<const Step>> steps;
};

// {"orp", "at", "themes": [{…, "goals": [{…, "steps": [...]}]}], "overdue"}; themes and
// goals by date set, steps by deadline. `today` decides what is overdue. The names beside
// ids (record_names.h) are today's, as `caller` may read them in `snap` (none without).
std::string StrategyJson(const StrategyRecords& records, const std::string& orp,
                         const std::string& at, const std::string& today,
                         const Caller* caller = nullptr, const NetworkSnapshot* snap = nullptr);

// The records as they held at the end of `date` (YYYY-MM-DD), from the change log: of
// each record, the newest version whose valid_from (or, without one, its entry day) is
// on or before `date`.
Result<StrategyRecords> StrategyAsOf(Store& store, const std::string& date);

// {"from", "to", "changes": [{"kind", "id", "change": "added"|"removed"|"changed",
// "before", "after"}]}: how an ORP's strategy differs between two states, themes first.
std::string StrategyChangesJson(const StrategyRecords& before, const StrategyRecords& after,
                                const std::string& orp, const std::string& from,
                                const std::string& to);

// The strategy records of a snapshot (shared, not copied).
StrategyRecords CurrentStrategy(const NetworkSnapshot& snap);

// {"items": [{"step", "goal", "theme"}], "total", …}: steps past their deadline on
// `today` and not done or cancelled, of an ORP or a region (or everywhere), oldest first.
Result<std::string> ListOverdueSteps(const Caller& caller, const NetworkSnapshot& snap,
                                     const std::string& region, const std::string& orp,
                                     const std::string& today, size_t offset, size_t limit);

// The strategy of an ORP the caller may read, now or on a past date `at` (empty: today),
// as StrategyJson; 422 for a bad ORP or date.
Result<std::string> StrategyDocument(const Caller& caller, const NetworkSnapshot& snap,
                                     Store& store, const std::string& orp, const std::string& at,
                                     const std::string& today);
// How the strategy of an ORP changed from `from` to `to` (empty: today), as
// StrategyChangesJson; 422 for a bad ORP or dates.
Result<std::string> StrategyChangesDocument(const Caller& caller, const NetworkSnapshot& snap,
                                            Store& store, const std::string& orp,
                                            const std::string& from, std::string to,
                                            const std::string& today);

}  // namespace prosit
