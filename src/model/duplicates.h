#pragma once
// Duplicates: the records a new or changed one would repeat — an actor with the IČO of
// another, an actor of the same name at the same address, a second tie of the same type
// between the same two actors while the first lasts. Pure: the caller hands in the
// records to compare with (the snapshot's, or the batch's earlier ones).
//
// Two actors may truly share an IČO (branches of one organisation) or a name and an
// address: either names the other in `distinct_from`, which is kept with the record, so
// later edits of either pass too.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/actor.h"
#include "model/status.h"
#include "model/tie.h"

namespace prosit {

// A stored record that the checked one repeats, and which of its fields match.
struct Duplicate {
  const Actor* actor = nullptr;  // the actor repeated, or
  const Tie* tie = nullptr;      // the tie repeated
  FieldErrors fields;            // the matching fields, each with why
};

// Name or street as compared: folded (case, diacritics, punctuation) and with runs of
// spaces made one; "Masarykova  12" and "masarykova 12" give the same key.
std::string ComparisonKey(const std::string& text);

// The first of `others` (other than `actor` itself by id) that `actor` repeats: the same
// IČO, or the same name at the same address (municipality and street; an actor without a
// street has no address to compare). Actors naming each other in distinct_from pass.
std::optional<Duplicate> FindDuplicateActor(const Actor& actor,
                                            const std::vector<const Actor*>& others);

// The first of `others` (other than `tie` itself by id) that joins the same two actors,
// in either order (ties are undirected), with the same type, at a time when `tie` lasts
// too: a tie that ended before the other began is its history, not a duplicate.
std::optional<Duplicate> FindDuplicateTie(const Tie& tie, const std::vector<const Tie*>& others);

// The 409 for a duplicate found by the functions above; `what` names the checked record
// ("the actor"), `name_of_actor` gives actor names for a tie's description.
Status DuplicateStatus(const Duplicate& d, const std::string& what,
                       const std::string& tie_actor_a_name, const std::string& tie_actor_b_name);

}  // namespace prosit
