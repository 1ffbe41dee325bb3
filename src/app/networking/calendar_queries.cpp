#include "app/networking/calendar_queries.h"

#include "app/accounts/permissions.h"
#include "io/icalendar.h"

namespace prosit {

namespace {

// The time of the record's newest change-log row, or "" when the store has none.
std::string LastModified(Store* store, EntityKind kind, int64_t id) {
  if (!store) return "";
  ChangeFilter f;
  f.kind = kind;
  f.entity_id = id;
  f.limit = 1;
  f.max_bytes = 1;  // only the time is wanted
  auto page = store->FindChanges(f);
  if (!page.ok() || page->entries.empty()) return "";
  return page->entries.front().at;
}

std::string ActorNames(const NetworkSnapshot& snap, const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) {
    const ActorEntry* a = snap.FindActor(id);
    if (!a) continue;
    out += (out.empty() ? "" : ", ") + a->actor.name;
  }
  return out;
}

CalendarEvent MeetingEvent(const NetworkSnapshot& snap, Store* store, const Meeting& m,
                           const std::string& orp_name) {
  const Category* category = snap.frame->reference.FindMeetingCategory(m.category);
  std::string what = category ? category->label.cs : m.category;
  CalendarEvent e;
  e.uid = "meeting-" + std::to_string(m.id) + "@prosit";
  e.date = m.date;
  e.summary = m.topic.empty() ? what : what + ": " + m.topic;
  e.description = "Účastníci: " + ActorNames(snap, m.actor_ids);
  if (m.people > 0) e.description += "\nPočet osob: " + std::to_string(m.people);
  if (!m.outputs.empty()) e.description += "\nVýstupy: " + m.outputs;
  e.location = "ORP " + orp_name;
  e.categories = {"setkání"};
  e.sequence = m.version > 0 ? m.version - 1 : 0;  // a new record is sequence 0
  e.last_modified = LastModified(store, EntityKind::kMeeting, m.id);
  return e;
}

CalendarEvent StepEvent(const NetworkSnapshot& snap, Store* store, const Step& s, const Goal& goal,
                        const Theme& theme) {
  CalendarEvent e;
  e.uid = "step-" + std::to_string(s.id) + "@prosit";
  e.date = s.deadline;
  e.summary = "Termín kroku: " + s.title;
  e.description = "Téma: " + theme.title + "\nCíl: " + goal.title + "\nStav: " + s.status;
  if (!s.actor_ids.empty()) e.description += "\nOdpovídají: " + ActorNames(snap, s.actor_ids);
  e.categories = {"strategie"};
  e.sequence = s.version > 0 ? s.version - 1 : 0;
  e.last_modified = LastModified(store, EntityKind::kStep, s.id);
  return e;
}

}  // namespace

Result<std::string> OrpCalendar(const Caller& caller, const NetworkSnapshot& snap, Store* store,
                                const std::string& orp, const std::string& now) {
  const Territory& t = snap.frame->territory;
  const Orp* o = t.FindOrp(orp);
  if (!o) return Status::NotFound("no ORP with code " + orp);
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, "", orp, true));
  Calendar cal;
  cal.name = "prosit: ORP " + o->name;
  cal.stamp = now;
  for (const auto& [id, m] : snap.meetings)
    if (m->orp_code == orp) cal.events.push_back(MeetingEvent(snap, store, *m, o->name));
  for (const auto& [id, s] : snap.steps) {
    auto goal = snap.goals.find(s->goal_id);
    if (goal == snap.goals.end()) continue;
    auto theme = snap.themes.find(goal->second->theme_id);
    if (theme == snap.themes.end() || theme->second->orp_code != orp) continue;
    cal.events.push_back(StepEvent(snap, store, *s, *goal->second, *theme->second));
  }
  return WriteCalendar(cal);
}

}  // namespace prosit
