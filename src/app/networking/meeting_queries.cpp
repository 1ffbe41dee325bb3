#include "app/networking/meeting_queries.h"

#include <algorithm>

#include "analysis/monitoring.h"
#include "app/accounts/permissions.h"
#include "app/networking/record_names.h"
#include "app/query_scope.h"
#include "io/meeting_json.h"
#include "model/czech_text.h"
#include "model/validation.h"

namespace prosit {

namespace {

constexpr size_t kMaxTextBytes = 400;

// The words a text search looks in: the topic and the record (notes, outputs).
std::string SearchableText(const Meeting& m) {
  return FoldForSearch(m.topic + " " + m.notes + " " + m.outputs);
}

}  // namespace

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
  if (q.text.size() > kMaxTextBytes)
    e["q"] = "is too long: at most " + std::to_string(kMaxTextBytes) + " bytes";
  return e;
}

Result<std::string> ListMeetings(const Caller& caller, const NetworkSnapshot& snap,
                                 const MeetingQuery& q) {
  const Territory& t = snap.frame->territory;
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, q.region, q.orp, false));
  std::vector<const Meeting*> hits;
  const auto words = SearchTokens(FoldForSearch(q.text));
  for (const auto& [id, m] : snap.meetings) {
    if (!OrpInScope(t, m->orp_code, q.region, q.orp, caller)) continue;
    if (!q.category.empty() && m->category != q.category) continue;
    if (!q.format.empty() && m->format != q.format) continue;
    if (!q.from.empty() && m->date < q.from) continue;
    if (!q.to.empty() && m->date > q.to) continue;
    if (q.actor_id &&
        std::find(m->actor_ids.begin(), m->actor_ids.end(), *q.actor_id) == m->actor_ids.end())
      continue;
    if (q.has_record && HasRecord(*m) != *q.has_record) continue;
    // Folded last: the cheap filters above leave few meetings to fold.
    if (!words.empty() && !MatchesAllWords(words, SearchableText(*m))) continue;
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
