#include "app/networking/meeting_queries.h"

#include <algorithm>

#include "app/accounts/permissions.h"
#include "app/networking/record_names.h"
#include "app/query_scope.h"
#include "io/meeting_json.h"
#include "model/validation.h"

namespace prosit {

FieldErrors CheckMeetingQuery(const MeetingQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  const Frame& f = *snap.frame;
  CheckTerritoryParams(e, f.territory, q.region, q.orp);
  if (!q.category.empty() && !f.reference.FindMeetingCategory(q.category))
    e["category"] = "unknown meeting category";
  if (!q.format.empty() && !OneOf(q.format, kMeetingFormats))
    e["format"] = "must be individual, joint, platform or working_group";
  CheckDateParam(e, "from", q.from);
  CheckDateParam(e, "to", q.to);
  return e;
}

Result<std::string> ListMeetings(const Caller& caller, const NetworkSnapshot& snap,
                                 const MeetingQuery& q) {
  const Territory& t = snap.frame->territory;
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, q.region, q.orp, false));
  std::vector<const Meeting*> hits;
  for (const auto& [id, m] : snap.meetings) {
    if (!OrpInScope(t, m->orp_code, q.region, q.orp, caller)) continue;
    if (!q.category.empty() && m->category != q.category) continue;
    if (!q.format.empty() && m->format != q.format) continue;
    if (!q.from.empty() && m->date < q.from) continue;
    if (!q.to.empty() && m->date > q.to) continue;
    if (q.actor_id &&
        std::find(m->actor_ids.begin(), m->actor_ids.end(), *q.actor_id) == m->actor_ids.end())
      continue;
    hits.push_back(m.get());
  }
  std::sort(hits.begin(), hits.end(), [](const Meeting* a, const Meeting* b) {
    return a->date != b->date ? a->date > b->date : a->id > b->id;
  });
  std::vector<std::string> rendered;
  for (size_t i = q.offset; i < hits.size() && rendered.size() < q.limit; ++i)
    rendered.push_back(JsonWithNames(caller, snap, *hits[i]).dump());
  return RenderPage({rendered.begin(), rendered.end()}, hits.size(), q.offset, q.limit);
}

}  // namespace prosit
