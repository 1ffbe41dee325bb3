#pragma once
// Names beside ids: a record of networking work as a person reads it carries, beside the
// ids of the records it refers to, their names ("actor_ids": [3] and "responsible_actors":
// [{"id": 3, "name": "OSPOD Chrudim"}]), read from the snapshot, so that no reader needs a
// lookup per id. A record the caller could not read otherwise keeps its id and gets a
// null name: the names reveal nothing the permissions hide.

#include <nlohmann/json.hpp>

#include "app/accounts/caller.h"
#include "app/records/record_kinds.h"

namespace prosit {

void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Meeting& m,
              nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Need& n, nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Tie& t, nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Theme& t, nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Goal& g, nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Step& s, nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const GoodPractice& p,
              nlohmann::json& j);
void AddNames(const Caller& caller, const NetworkSnapshot& snap, const Recommendation& r,
              nlohmann::json& j);
// A participation's networkers and an ORP's texts name people and places themselves: no ids
// of other records to name.
inline void AddNames(const Caller&, const NetworkSnapshot&, const Participation&, nlohmann::json&) {
}
inline void AddNames(const Caller&, const NetworkSnapshot&, const OrpText&, nlohmann::json&) {}
inline void AddNames(const Caller&, const NetworkSnapshot&, const AnalysisText&, nlohmann::json&) {}

// The record's JSON form (its registry entry's ToJson) with the names beside its ids.
template <typename T>
nlohmann::json JsonWithNames(const Caller& caller, const NetworkSnapshot& snap, const T& record) {
  nlohmann::json j = RecordKind<T>::ToJson(record);
  AddNames(caller, snap, record, j);
  return j;
}

}  // namespace prosit
