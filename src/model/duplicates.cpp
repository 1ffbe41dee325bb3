#include "model/duplicates.h"

#include <algorithm>

#include "model/czech_text.h"

namespace prosit {

namespace {

bool Names(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Either side's word is enough: the one who entered the second record said so.
bool KnowinglyDistinct(const Actor& a, const Actor& b) {
  return (b.id != 0 && Names(a.distinct_from, b.id)) || (a.id != 0 && Names(b.distinct_from, a.id));
}

bool Overlap(const Tie& a, const Tie& b) {
  bool a_before_b = !a.until.empty() && a.until < b.since;
  bool b_before_a = !b.until.empty() && b.until < a.since;
  return !a_before_b && !b_before_a;
}

}  // namespace

std::string ComparisonKey(const std::string& text) {
  std::string key;
  for (const std::string& word : SearchTokens(FoldForSearch(text))) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

std::optional<Duplicate> FindDuplicateActor(const Actor& actor,
                                            const std::vector<const Actor*>& others) {
  const std::string name = ComparisonKey(actor.name);
  const std::string street = ComparisonKey(actor.seat.street);
  for (const Actor* other : others) {
    if (other == nullptr || (actor.id != 0 && other->id == actor.id)) continue;
    if (KnowinglyDistinct(actor, *other)) continue;
    Duplicate d;
    if (!actor.ico.empty() && other->ico == actor.ico)
      d.fields["ico"] = "actor " + std::to_string(other->id) + " has this IČO";
    if (!street.empty() && other->seat.municipality_code == actor.seat.municipality_code &&
        ComparisonKey(other->seat.street) == street && ComparisonKey(other->name) == name) {
      d.fields["name"] = "actor " + std::to_string(other->id) + " has this name at this address";
      d.fields["seat.street"] = d.fields["name"];
    }
    if (d.fields.empty()) continue;
    d.actor = other;
    return d;
  }
  return std::nullopt;
}

std::optional<Duplicate> FindDuplicateTie(const Tie& tie, const std::vector<const Tie*>& others) {
  for (const Tie* other : others) {
    if (other == nullptr || (tie.id != 0 && other->id == tie.id)) continue;
    bool same_pair = (other->actor_a == tie.actor_a && other->actor_b == tie.actor_b) ||
                     (other->actor_a == tie.actor_b && other->actor_b == tie.actor_a);
    if (!same_pair || other->type != tie.type || !Overlap(tie, *other)) continue;
    Duplicate d;
    d.tie = other;
    std::string why = "tie " + std::to_string(other->id) + " joins these actors with this type";
    d.fields["actor_b"] = why;
    d.fields["type"] = why;
    return d;
  }
  return std::nullopt;
}

Status DuplicateStatus(const Duplicate& d, const std::string& what,
                       const std::string& tie_actor_a_name, const std::string& tie_actor_b_name) {
  if (d.actor)
    return Status::Duplicate(what + " repeats actor " + std::to_string(d.actor->id) + " '" +
                                 d.actor->name +
                                 "'; if it is a different one (a branch of one organisation), "
                                 "name that actor in distinct_from",
                             {"actor", d.actor->id, d.actor->name}, d.fields);
  std::string name = tie_actor_a_name + " – " + tie_actor_b_name + " (" + d.tie->type + ")";
  return Status::Duplicate(
      what + " repeats tie " + std::to_string(d.tie->id) + " " + name + "; change that tie instead",
      {"tie", d.tie->id, name}, d.fields);
}

}  // namespace prosit
