#include "app/network_batch.h"

#include "app/network_commands.h"
#include "io/network_json.h"
#include "model/validation.h"

namespace prosit {

namespace {

void Prefix(FieldErrors& into, const std::string& prefix, const FieldErrors& errors) {
  for (const auto& [field, msg] : errors) into[prefix + field] = msg;
}

}  // namespace

Result<size_t> ImportNetworkBatch(Store& store, NetworkBatch batch, const Territory& territory,
                                  const ReferenceData& reference, const Author& author) {
  ValidationContext ctx{reference, territory, author.at.substr(0, 10)};
  FieldErrors errors;
  for (size_t i = 0; i < batch.actors.size() && errors.size() < 50; ++i)
    Prefix(errors, "actors[" + std::to_string(i) + "].", ValidateActor(batch.actors[i], ctx));
  for (size_t i = 0; i < batch.cards.size() && errors.size() < 50; ++i) {
    auto& [actor_index, card] = batch.cards[i];
    std::string prefix = "cards[" + std::to_string(i) + "].";
    if (actor_index >= batch.actors.size()) {
      errors[prefix + "actor"] = "refers to no actor of the batch";
      continue;
    }
    ApplyServiceTypeDefaults(card, reference);
    card.actor_id = 1;  // a placeholder until the actor has its id
    Prefix(errors, prefix, ValidateServiceCard(card, ctx));
  }
  if (!errors.empty()) return Status::Invalid("the batch has invalid records", errors);

  Status s = store.Transact(author, [&](StoreTransaction& tx) -> Status {
    std::vector<int64_t> actor_ids;
    for (Actor& a : batch.actors) {
      DocumentPut put{EntityKind::kActor,
                      0,
                      0,
                      0,
                      [&](int64_t id, int64_t version) {
                        a.id = id;
                        a.version = version;
                        return ActorToJson(a).dump();
                      },
                      {}};
      auto doc = tx.Put(put);
      if (!doc.ok()) return doc.status();
      actor_ids.push_back(doc->id);
    }
    for (auto& [actor_index, card] : batch.cards) {
      card.actor_id = actor_ids[actor_index];
      DocumentPut put{EntityKind::kServiceCard,
                      0,
                      0,
                      card.actor_id,
                      [&](int64_t id, int64_t version) {
                        card.id = id;
                        card.version = version;
                        return ServiceCardToJson(card).dump();
                      },
                      {}};
      auto doc = tx.Put(put);
      if (!doc.ok()) return doc.status();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return batch.actors.size() + batch.cards.size();
}

}  // namespace prosit
