#include "app/records/record_batch.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/records/record_kinds.h"
#include "model/duplicates.h"

namespace prosit {

namespace {

constexpr size_t kMaxErrors = 50;

void Prefix(FieldErrors& into, const std::string& prefix, const FieldErrors& errors) {
  for (const auto& [field, msg] : errors) into[prefix + field] = msg;
}

// Placeholder ids for batch indexes (index + 1) so that validation sees duplicates and
// self-ties; out-of-range indexes are reported as "field[k]".
std::vector<int64_t> Placeholders(const std::vector<size_t>& indexes, size_t count,
                                  const std::string& field, const char* what, FieldErrors& errors) {
  std::vector<int64_t> ids;
  for (size_t k = 0; k < indexes.size(); ++k) {
    if (indexes[k] >= count)
      errors[field + "[" + std::to_string(k) + "]"] =
          std::string("refers to no ") + what + " of the batch";
    ids.push_back(static_cast<int64_t>(indexes[k]) + 1);
  }
  return ids;
}

std::vector<int64_t> Ids(const std::vector<size_t>& indexes, const std::vector<int64_t>& ids) {
  std::vector<int64_t> out;
  out.reserve(indexes.size());
  for (size_t i : indexes) out.push_back(ids[i]);
  return out;
}

// A batch goes into an empty network, so its records are compared with each other: each
// actor and tie with the ones before it (ties by their placeholder actor ids), by keys, as
// a generated country has tens of thousands of actors.
void CheckDuplicates(const RecordBatch& batch, FieldErrors& errors) {
  std::map<std::string, size_t> by_ico, by_name_and_address;
  for (size_t i = 0; i < batch.actors.size() && errors.size() < kMaxErrors; ++i) {
    const Actor& a = batch.actors[i];
    std::string prefix = "actors[" + std::to_string(i) + "].";
    auto repeats = [&](size_t earlier) {
      return "repeats actors[" + std::to_string(earlier) + "] '" + batch.actors[earlier].name + "'";
    };
    if (!a.ico.empty()) {
      auto [it, fresh] = by_ico.try_emplace(a.ico, i);
      if (!fresh) errors[prefix + "ico"] = repeats(it->second);
    }
    std::string street = ComparisonKey(a.seat.street);
    if (street.empty()) continue;  // no address to compare
    std::string key = a.seat.municipality_code + "|" + street + "|" + ComparisonKey(a.name);
    auto [it, fresh] = by_name_and_address.try_emplace(key, i);
    if (!fresh) errors[prefix + "name"] = repeats(it->second);
  }
  std::map<std::tuple<size_t, size_t, std::string>, std::vector<size_t>> by_pair;
  for (size_t i = 0; i < batch.ties.size() && errors.size() < kMaxErrors; ++i) {
    const BatchTie& t = batch.ties[i];
    auto& same =
        by_pair[{std::min(t.actor_a, t.actor_b), std::max(t.actor_a, t.actor_b), t.tie.type}];
    std::vector<const Tie*> earlier;
    for (size_t k : same) earlier.push_back(&batch.ties[k].tie);
    if (auto d = FindDuplicateTie(t.tie, earlier)) {
      size_t k = same[static_cast<size_t>(std::find(earlier.begin(), earlier.end(), d->tie) -
                                          earlier.begin())];
      errors["ties[" + std::to_string(i) + "].type"] =
          "repeats ties[" + std::to_string(k) + "]: the same two actors, the same type";
    }
    same.push_back(i);
  }
}

FieldErrors Validate(RecordBatch& batch, const ValidationContext& ctx,
                     const ReferenceData& reference) {
  FieldErrors errors;
  const size_t actors = batch.actors.size(), meetings = batch.meetings.size();
  const size_t themes = batch.themes.size(), goals = batch.goals.size(), needs = batch.needs.size();
  for (size_t i = 0; i < actors && errors.size() < kMaxErrors; ++i)
    Prefix(errors, "actors[" + std::to_string(i) + "].", ValidateActor(batch.actors[i], ctx));
  for (size_t i = 0; i < batch.cards.size() && errors.size() < kMaxErrors; ++i) {
    auto& [actor_index, card] = batch.cards[i];
    std::string prefix = "cards[" + std::to_string(i) + "].";
    if (actor_index >= actors) {
      errors[prefix + "actor"] = "refers to no actor of the batch";
      continue;
    }
    ApplyServiceTypeDefaults(card, reference);
    card.actor_id = 1;  // a placeholder until the actor has its id
    Prefix(errors, prefix, ValidateServiceCard(card, ctx));
  }
  for (size_t i = 0; i < meetings && errors.size() < kMaxErrors; ++i) {
    BatchMeeting& m = batch.meetings[i];
    std::string prefix = "meetings[" + std::to_string(i) + "].";
    m.meeting.actor_ids = Placeholders(m.actors, actors, prefix + "actor_ids", "actor", errors);
    Prefix(errors, prefix, ValidateMeeting(m.meeting, ctx));
  }
  for (size_t i = 0; i < batch.needs.size() && errors.size() < kMaxErrors; ++i) {
    BatchNeed& n = batch.needs[i];
    std::string prefix = "needs[" + std::to_string(i) + "].";
    n.need.voiced_by = Placeholders(n.voiced_by, actors, prefix + "voiced_by", "actor", errors);
    n.need.meeting_ids =
        Placeholders(n.meetings, meetings, prefix + "meeting_ids", "meeting", errors);
    n.need.theme_ids = Placeholders(n.themes, themes, prefix + "theme_ids", "theme", errors);
    Prefix(errors, prefix, ValidateNeed(n.need, ctx));
  }
  for (size_t i = 0; i < themes && errors.size() < kMaxErrors; ++i)
    Prefix(errors, "themes[" + std::to_string(i) + "].", ValidateTheme(batch.themes[i], ctx));
  for (size_t i = 0; i < goals && errors.size() < kMaxErrors; ++i) {
    BatchGoal& g = batch.goals[i];
    std::string prefix = "goals[" + std::to_string(i) + "].";
    if (g.theme >= themes) errors[prefix + "theme_id"] = "refers to no theme of the batch";
    g.goal.theme_id = static_cast<int64_t>(g.theme) + 1;
    Prefix(errors, prefix, ValidateGoal(g.goal, ctx));
  }
  for (size_t i = 0; i < batch.steps.size() && errors.size() < kMaxErrors; ++i) {
    BatchStep& s = batch.steps[i];
    std::string prefix = "steps[" + std::to_string(i) + "].";
    s.step.goal_id = static_cast<int64_t>(s.goal) + 1;
    s.step.actor_ids = Placeholders(s.actors, actors, prefix + "actor_ids", "actor", errors);
    Prefix(errors, prefix, ValidateStep(s.step, ctx));
    if (s.goal >= goals)
      errors[prefix + "goal_id"] = "refers to no goal of the batch";
    else
      Prefix(errors, prefix, ValidateStepInGoal(s.step, batch.goals[s.goal].goal));
  }
  for (size_t i = 0; i < batch.good_practices.size() && errors.size() < kMaxErrors; ++i) {
    BatchGoodPractice& p = batch.good_practices[i];
    std::string prefix = "good_practices[" + std::to_string(i) + "].";
    p.practice.need_ids = Placeholders(p.needs, needs, prefix + "need_ids", "need", errors);
    p.practice.theme_ids = Placeholders(p.themes, themes, prefix + "theme_ids", "theme", errors);
    Prefix(errors, prefix, ValidateGoodPractice(p.practice, ctx));
  }
  for (size_t i = 0; i < batch.recommendations.size() && errors.size() < kMaxErrors; ++i) {
    BatchRecommendation& r = batch.recommendations[i];
    std::string prefix = "recommendations[" + std::to_string(i) + "].";
    r.recommendation.need_ids = Placeholders(r.needs, needs, prefix + "need_ids", "need", errors);
    r.recommendation.theme_ids =
        Placeholders(r.themes, themes, prefix + "theme_ids", "theme", errors);
    Prefix(errors, prefix, ValidateRecommendation(r.recommendation, ctx));
  }
  for (size_t i = 0; i < batch.ties.size() && errors.size() < kMaxErrors; ++i) {
    BatchTie& t = batch.ties[i];
    std::string prefix = "ties[" + std::to_string(i) + "].";
    if (t.actor_a >= actors) errors[prefix + "actor_a"] = "refers to no actor of the batch";
    if (t.actor_b >= actors) errors[prefix + "actor_b"] = "refers to no actor of the batch";
    t.tie.actor_a = static_cast<int64_t>(t.actor_a) + 1;
    t.tie.actor_b = static_cast<int64_t>(t.actor_b) + 1;
    Prefix(errors, prefix, ValidateTie(t.tie, ctx));
  }
  for (size_t i = 0; i < batch.participations.size() && errors.size() < kMaxErrors; ++i)
    Prefix(errors, "participations[" + std::to_string(i) + "].",
           ValidateParticipation(batch.participations[i], ctx));
  for (size_t i = 0; i < batch.orp_texts.size() && errors.size() < kMaxErrors; ++i)
    Prefix(errors, "orp_texts[" + std::to_string(i) + "].",
           ValidateOrpText(batch.orp_texts[i], ctx));
  for (size_t i = 0; i < batch.cards_of_stored_actors.size() && errors.size() < kMaxErrors; ++i) {
    ServiceCard& card = batch.cards_of_stored_actors[i];
    ApplyServiceTypeDefaults(card, reference);
    Prefix(errors, "cards_of_stored_actors[" + std::to_string(i) + "].",
           ValidateServiceCard(card, ctx));
  }
  CheckDuplicates(batch, errors);
  return errors;
}

// Writes one record, with the references and parent its kind's entry names: a new one,
// or (`id`) the replacement of version `expected_version` of a stored one.
template <typename T>
Result<int64_t> Write(StoreTransaction& tx, T& value, int64_t id = 0,
                      int64_t expected_version = 0) {
  using Kind = RecordKind<T>;
  DocumentPut put{Kind::kKind,
                  id,
                  expected_version,
                  Kind::Parent(value),
                  [&](int64_t id, int64_t version) {
                    value.id = id;
                    value.version = version;
                    return Kind::ToJson(value).dump();
                  },
                  Kind::References(value)};
  auto doc = tx.Put(put);
  if (!doc.ok()) return doc.status();
  return doc->id;
}

}  // namespace

Result<size_t> ImportNetworkBatch(Store& store, RecordBatch batch, const Territory& territory,
                                  const ReferenceData& reference, const Author& author) {
  ValidationContext ctx{reference, territory, author.at.substr(0, 10)};
  FieldErrors errors = Validate(batch, ctx, reference);
  if (!errors.empty()) return Status::Invalid("the batch has invalid records", errors);

  Status s = store.Transact(author, [&](StoreTransaction& tx) -> Status {
    std::vector<int64_t> actor_ids, meeting_ids, theme_ids, need_ids, goal_ids;
    actor_ids.reserve(batch.actors.size());
    meeting_ids.reserve(batch.meetings.size());
    theme_ids.reserve(batch.themes.size());
    need_ids.reserve(batch.needs.size());
    goal_ids.reserve(batch.goals.size());
    for (Actor& a : batch.actors) {
      auto id = Write(tx, a);
      if (!id.ok()) return id.status();
      actor_ids.push_back(*id);
    }
    for (auto& [actor_index, card] : batch.cards) {
      card.actor_id = actor_ids[actor_index];
      auto id = Write(tx, card);
      if (!id.ok()) return id.status();
    }
    for (Theme& t : batch.themes) {
      auto id = Write(tx, t);
      if (!id.ok()) return id.status();
      theme_ids.push_back(*id);
    }
    for (BatchMeeting& m : batch.meetings) {
      m.meeting.actor_ids = Ids(m.actors, actor_ids);
      auto id = Write(tx, m.meeting);
      if (!id.ok()) return id.status();
      meeting_ids.push_back(*id);
    }
    for (BatchNeed& n : batch.needs) {
      n.need.voiced_by = Ids(n.voiced_by, actor_ids);
      n.need.meeting_ids = Ids(n.meetings, meeting_ids);
      n.need.theme_ids = Ids(n.themes, theme_ids);
      auto id = Write(tx, n.need);
      if (!id.ok()) return id.status();
      need_ids.push_back(*id);
    }
    for (BatchGoal& g : batch.goals) {
      g.goal.theme_id = theme_ids[g.theme];
      auto id = Write(tx, g.goal);
      if (!id.ok()) return id.status();
      goal_ids.push_back(*id);
    }
    for (BatchStep& s : batch.steps) {
      s.step.goal_id = goal_ids[s.goal];
      s.step.actor_ids = Ids(s.actors, actor_ids);
      auto id = Write(tx, s.step);
      if (!id.ok()) return id.status();
    }
    for (BatchGoodPractice& p : batch.good_practices) {
      p.practice.need_ids = Ids(p.needs, need_ids);
      p.practice.theme_ids = Ids(p.themes, theme_ids);
      auto id = Write(tx, p.practice);
      if (!id.ok()) return id.status();
    }
    for (BatchRecommendation& r : batch.recommendations) {
      r.recommendation.need_ids = Ids(r.needs, need_ids);
      r.recommendation.theme_ids = Ids(r.themes, theme_ids);
      auto id = Write(tx, r.recommendation);
      if (!id.ok()) return id.status();
    }
    for (BatchTie& t : batch.ties) {
      t.tie.actor_a = actor_ids[t.actor_a];
      t.tie.actor_b = actor_ids[t.actor_b];
      auto id = Write(tx, t.tie);
      if (!id.ok()) return id.status();
    }
    for (Participation& p : batch.participations) {
      auto id = Write(tx, p);
      if (!id.ok()) return id.status();
    }
    for (OrpText& t : batch.orp_texts) {
      auto id = Write(tx, t);
      if (!id.ok()) return id.status();
    }
    for (ServiceCard& card : batch.cards_of_stored_actors) {
      auto id = Write(tx, card, card.id, card.version);
      if (!id.ok()) return id.status();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return batch.size();
}

}  // namespace prosit
