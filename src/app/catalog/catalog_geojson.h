#pragma once
// The service cards as GeoJSON (RFC 7946): one Point per delivery location of every card
// a catalog search with the same filters finds for the caller, with the card's public
// properties. A confidential address is never a point for a caller who may not see it.

#include <string>

#include "analysis/service_query.h"
#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"

namespace prosit {

// Every hit of `q` (its offset and limit are ignored: the whole map).
std::string ServiceCardsGeoJson(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q);

}  // namespace prosit
