#include "app/networking/tie_queries.h"

#include <algorithm>
#include <map>

#include "app/accounts/permissions.h"
#include "app/networking/record_names.h"
#include "app/query_scope.h"
#include "io/json_writer.h"
#include "io/tie_json.h"
#include "model/validation.h"

namespace prosit {

FieldErrors CheckTieQuery(const TieQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckTerritoryParams(e, snap.frame->territory, q.region, q.orp);
  if (!q.type.empty() && !OneOf(q.type, kTieTypes)) e["type"] = "unknown tie type";
  CheckDateParam(e, "at", q.at);
  return e;
}

FieldErrors CheckDerivedTieQuery(const DerivedTieQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckTerritoryParams(e, snap.frame->territory, q.region, q.orp);
  CheckDateParam(e, "from", q.from);
  CheckDateParam(e, "to", q.to);
  return e;
}

Result<std::string> ListTies(const Caller& caller, const NetworkSnapshot& snap, const TieQuery& q) {
  const Territory& t = snap.frame->territory;
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, q.region, q.orp, false));
  auto seated_in_scope = [&](int64_t actor_id) {
    const ActorEntry* a = snap.FindActor(actor_id);
    const Municipality* m = a ? t.FindMunicipality(a->actor.seat.municipality_code) : nullptr;
    return m && OrpInScope(t, m->orp_code, q.region, q.orp, caller);
  };
  std::vector<std::string> rendered;
  size_t total = 0;
  for (const auto& [id, tie] : snap.ties) {
    if (!q.type.empty() && tie->type != q.type) continue;
    if (q.actor_id && tie->actor_a != *q.actor_id && tie->actor_b != *q.actor_id) continue;
    if (!q.at.empty() && (tie->since > q.at || (!tie->until.empty() && tie->until < q.at)))
      continue;
    if ((!q.region.empty() || !q.orp.empty() || !caller.everywhere()) &&
        !seated_in_scope(tie->actor_a) && !seated_in_scope(tie->actor_b))
      continue;
    if (total >= q.offset && rendered.size() < q.limit)
      rendered.push_back(JsonWithNames(caller, snap, *tie).dump());
    ++total;
  }
  return RenderPage({rendered.begin(), rendered.end()}, total, q.offset, q.limit);
}

Result<std::string> ListDerivedTies(const Caller& caller, const NetworkSnapshot& snap,
                                    const DerivedTieQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, q.region, q.orp, false));
  struct Shared {
    int meetings = 0;
    std::string last_date;
  };
  std::map<std::pair<int64_t, int64_t>, Shared> pairs;
  for (const auto& [id, m] : snap.meetings) {
    if (!OrpInScope(snap.frame->territory, m->orp_code, q.region, q.orp, caller)) continue;
    if ((!q.from.empty() && m->date < q.from) || (!q.to.empty() && m->date > q.to)) continue;
    std::vector<int64_t> actors = m->actor_ids;
    std::sort(actors.begin(), actors.end());
    for (size_t i = 0; i < actors.size(); ++i)
      for (size_t j = i + 1; j < actors.size(); ++j) {
        Shared& s = pairs[{actors[i], actors[j]}];
        ++s.meetings;
        s.last_date = std::max(s.last_date, m->date);
      }
  }
  std::vector<std::pair<std::pair<int64_t, int64_t>, Shared>> sorted(pairs.begin(), pairs.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second.meetings > b.second.meetings;
  });
  std::vector<std::string> rendered;
  for (size_t i = q.offset; i < sorted.size() && rendered.size() < q.limit; ++i) {
    JsonWriter w;
    w.BeginObject()
        .Field("actor_a", sorted[i].first.first)
        .Field("actor_b", sorted[i].first.second)
        .Field("meetings", sorted[i].second.meetings)
        .Field("last_date", sorted[i].second.last_date)
        .EndObject();
    rendered.push_back(std::move(w.str()));
  }
  return RenderPage({rendered.begin(), rendered.end()}, sorted.size(), q.offset, q.limit);
}

}  // namespace prosit
