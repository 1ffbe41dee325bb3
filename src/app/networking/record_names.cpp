#include "app/networking/record_names.h"

#include "app/accounts/permissions.h"

namespace prosit {

namespace {

using nlohmann::json;

// The name a person knows a record by, when the caller may read it; null otherwise.
json NameOf(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind, int64_t id) {
  if (VisibilityOf(caller, snap, kind, id) != Visibility::kReadable) return nullptr;
  switch (kind) {
    case EntityKind::kActor:
      if (const ActorEntry* a = snap.FindActor(id)) return a->actor.name;
      break;
    case EntityKind::kMeeting:
      if (const Meeting* m = RecordKind<Meeting>::Find(snap, id)) {
        std::string what = m->topic;
        if (what.empty())
          if (const Category* c = snap.frame->reference.FindMeetingCategory(m->category))
            what = c->label.cs;
        return m->date + (what.empty() ? "" : " – " + what);
      }
      break;
    case EntityKind::kNeed:
      if (const Need* n = RecordKind<Need>::Find(snap, id)) return n->statement;
      break;
    case EntityKind::kTheme:
      if (const Theme* t = RecordKind<Theme>::Find(snap, id)) return t->title;
      break;
    case EntityKind::kGoal:
      if (const Goal* g = RecordKind<Goal>::Find(snap, id)) return g->title;
      break;
    default:
      break;
  }
  return nullptr;
}

json Named(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind, int64_t id) {
  return {{"id", id}, {"name", NameOf(caller, snap, kind, id)}};
}

json NamedList(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind,
               const std::vector<int64_t>& ids) {
  json out = json::array();
  for (int64_t id : ids) out.push_back(Named(caller, snap, kind, id));
  return out;
}

}  // namespace

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Meeting& m, json& j) {
  j["participants"] = NamedList(caller, snap, EntityKind::kActor, m.actor_ids);
}

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Need& n, json& j) {
  j["voiced_by_actors"] = NamedList(caller, snap, EntityKind::kActor, n.voiced_by);
  j["meetings"] = NamedList(caller, snap, EntityKind::kMeeting, n.meeting_ids);
  j["themes"] = NamedList(caller, snap, EntityKind::kTheme, n.theme_ids);
}

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Tie& t, json& j) {
  j["actors"] = NamedList(caller, snap, EntityKind::kActor, {t.actor_a, t.actor_b});
}

void AddNames(const Caller&, const NetworkSnapshot&, const Theme&, json&) {}

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Goal& g, json& j) {
  j["theme"] = Named(caller, snap, EntityKind::kTheme, g.theme_id);
}

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Step& s, json& j) {
  j["goal"] = Named(caller, snap, EntityKind::kGoal, s.goal_id);
  j["responsible_actors"] = NamedList(caller, snap, EntityKind::kActor, s.actor_ids);
}

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const GoodPractice& p, json& j) {
  j["needs"] = NamedList(caller, snap, EntityKind::kNeed, p.need_ids);
  j["themes"] = NamedList(caller, snap, EntityKind::kTheme, p.theme_ids);
}

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Recommendation& r, json& j) {
  j["needs"] = NamedList(caller, snap, EntityKind::kNeed, r.need_ids);
  j["themes"] = NamedList(caller, snap, EntityKind::kTheme, r.theme_ids);
}

}  // namespace prosit
