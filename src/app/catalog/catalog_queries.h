#pragma once
// Catalog queries: read-only use cases answered from a NetworkSnapshot, returning the
// JSON the API serves. They touch no store and take no locks.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/service_query.h"
#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

struct ActorQuery {
  std::string region, orp, municipality;  // of the seat
  std::string sector, actor_type;
  std::string text;  // words each starting a word of the name (case and accents ignored)
  size_t offset = 0;
  size_t limit = 20;
};

// Checks the codes a query names against the territory and reference data.
FieldErrors CheckServiceQuery(const ServiceQuery& q, const NetworkSnapshot& snap);
FieldErrors CheckActorQuery(const ActorQuery& q, const NetworkSnapshot& snap);

// {"items": [card summaries], "total", "offset", "limit"}: the published cards and the
// internal ones the caller may see.
std::string SearchServiceCards(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q);
// The same search's cards themselves, every hit (the page is ignored), in its order, each
// one the caller may see: for exports that lay cards out from the snapshot, not from JSON.
std::vector<const CardEntry*> SearchedCards(const Caller& caller, const NetworkSnapshot& snap,
                                            ServiceQuery q);
// The same search narrowed to the cards never verified or last verified before `before`
// (YYYY-MM-DD), the records that need checking. The index pages by the other filters;
// this one walks their hits (an ORP's cards are a few hundred).
FieldErrors CheckVerifiedBefore(const std::string& before);
std::string SearchUnverifiedCards(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q,
                                  const std::string& before);
// {"items": [actors], "total", "offset", "limit"}, personal data as the caller may see it.
std::string ListActors(const Caller& caller, const NetworkSnapshot& snap, const ActorQuery& q);
// One actor or service card as the caller may see it; 404 for a card it may not see.
Result<std::string> ActorDocument(const Caller& caller, const NetworkSnapshot& snap, int64_t id);
Result<std::string> CardDocument(const Caller& caller, const NetworkSnapshot& snap, int64_t id);
// The methods the caller may use on that actor or card, for the Allow header of its GET:
// "GET", with "PUT, PATCH" when it may change the record and "DELETE" when it may delete
// it. An application asks the server this instead of repeating its rules.
std::string ActorMethods(const Caller& caller, const NetworkSnapshot& snap, int64_t id);
std::string CardMethods(const Caller& caller, const NetworkSnapshot& snap, int64_t id);

}  // namespace prosit
