#include "app/networking/need_queries.h"

#include <algorithm>

#include "app/accounts/permissions.h"
#include "app/networking/record_names.h"
#include "app/query_scope.h"
#include "io/need_json.h"
#include "model/validation.h"

namespace prosit {

namespace {

bool Contains(const std::vector<int64_t>& ids, const std::optional<int64_t>& id) {
  return !id || std::find(ids.begin(), ids.end(), *id) != ids.end();
}

}  // namespace

FieldErrors CheckNeedQuery(const NeedQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  const Frame& f = *snap.frame;
  CheckTerritoryParams(e, f.territory, q.region, q.orp);
  if (!q.status.empty() && !OneOf(q.status, kNeedStatuses))
    e["status"] = "must be open, being_addressed, met or dropped";
  if (!q.priority.empty() && !OneOf(q.priority, kNeedPriorities))
    e["priority"] = "must be low, medium or high";
  if (!q.need_area.empty() && !f.reference.FindNeedArea(q.need_area))
    e["need_area"] = "unknown need area";
  if (!q.network_need.empty() && !f.reference.FindNetworkNeedCategory(q.network_need))
    e["network_need"] = "unknown network-need category";
  CheckDateParam(e, "from", q.from);
  CheckDateParam(e, "to", q.to);
  return e;
}

Result<std::string> ListNeeds(const Caller& caller, const NetworkSnapshot& snap,
                              const NeedQuery& q) {
  const Territory& t = snap.frame->territory;
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, q.region, q.orp, false));
  std::vector<const Need*> hits;
  for (const auto& [id, n] : snap.needs) {
    if (!OrpInScope(t, n->orp_code, q.region, q.orp, caller)) continue;
    if (!q.status.empty() && n->status != q.status) continue;
    if (!q.priority.empty() && n->priority != q.priority) continue;
    if (!q.need_area.empty() && n->need_area != q.need_area) continue;
    if (!q.network_need.empty() && n->network_need != q.network_need) continue;
    if (!q.from.empty() && n->date < q.from) continue;
    if (!q.to.empty() && n->date > q.to) continue;
    if (!Contains(n->voiced_by, q.actor_id) || !Contains(n->meeting_ids, q.meeting_id)) continue;
    hits.push_back(n.get());
  }
  std::sort(hits.begin(), hits.end(), [](const Need* a, const Need* b) {
    return a->date != b->date ? a->date > b->date : a->id > b->id;
  });
  std::vector<std::string> rendered;
  for (size_t i = q.offset; i < hits.size() && rendered.size() < q.limit; ++i)
    rendered.push_back(JsonWithNames(caller, snap, *hits[i]).dump());
  return RenderPage({rendered.begin(), rendered.end()}, hits.size(), q.offset, q.limit);
}

}  // namespace prosit
