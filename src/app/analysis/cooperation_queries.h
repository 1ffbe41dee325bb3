#pragma once
// Cooperation queries: the cooperation network of an ORP or a region — its actors (seated
// there) and their ties, declared (in force on a day), derived from meetings of the
// territory (in a period) or both — analysed in full and rendered as JSON with an
// explanation of anything undefined; and what changed between two dates.

#include <string>

#include "analysis/cooperation_graph.h"
#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

inline constexpr const char* kTieSources[] = {"declared", "derived", "both"};
inline constexpr const char* kActorSorts[] = {"betweenness", "degree",    "harmonic",
                                              "closeness",   "brokerage", "name"};

struct CooperationQuery {
  std::string region, orp;  // exactly one
  std::string ties = "both";
  std::string at;                    // declared ties in force that day; empty: today
  std::string from, to;              // derived ties: meetings of that period (inclusive, open ends)
  std::string sort = "betweenness";  // order of the actors, highest first (name: A–Z)
  size_t offset = 0;
  size_t limit = 500;
};

struct CooperationChangesQuery {
  std::string region, orp;
  std::string ties = "both";
  std::string from;  // required
  std::string to;    // empty: today
};

FieldErrors CheckCooperationQuery(const CooperationQuery& q, const NetworkSnapshot& snap);
FieldErrors CheckCooperationChanges(const CooperationChangesQuery& q, const NetworkSnapshot& snap);
// `today` stands in for empty dates.
Result<std::string> CooperationNetworkJson(const Caller& caller, const NetworkSnapshot& snap,
                                           CooperationQuery q, const std::string& today);
// The graph the network answer analyses (its actors in id order, their merged ties), for
// drawing it; read as the scope's internal records are.
Result<CooperationGraph> CooperationGraphOf(const Caller& caller, const NetworkSnapshot& snap,
                                            CooperationQuery q, const std::string& today);
// The same network as GraphML (igraph writes it): nodes with name, sector, actor type,
// ORP and the centralities; edges with their tie types, whether declared and derived,
// a weight and the mean PARTNER value and trust ratings. `sort`, offset and limit do
// not apply: every actor is a node.
Result<std::string> CooperationGraphml(const Caller& caller, const NetworkSnapshot& snap,
                                       CooperationQuery q, const std::string& today);
// Ties present at `to` but not at `from` (and the reverse), with which of the new ones
// cross sectors. Declared: in force on the day; derived: met at a meeting on or before it.
Result<std::string> CooperationChangesJson(const Caller& caller, const NetworkSnapshot& snap,
                                           CooperationChangesQuery q, const std::string& today);

}  // namespace prosit
