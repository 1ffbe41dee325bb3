#pragma once
// The public leaflet of an ORP: for each model situation ("Dítě přestalo chodit do
// školy", …) in plain words what to do and whom to contact — the published service
// cards of the ORP that fit the situation's need areas and levels, OSPOD and the
// emergency services first where the child's safety is at stake — with their public
// contacts, and a QR code to the ORP's public page. It is built from the catalog's
// PUBLIC reads (what an anonymous caller is answered), so no internal card, non-public
// contact or confidential address can reach it.

#include <nlohmann/json.hpp>
#include <string>

#include "app/snapshot/network_snapshot.h"
#include "documents/document.h"
#include "model/status.h"

namespace prosit {

struct LeafletOptions {
  // The base of the public pages' URLs, without a trailing slash ("https://prosit.example").
  std::string public_base_url;
  // Cards listed per situation; fewer make the leaflet shorter (it must fit two pages).
  size_t cards_per_situation = 3;
};

// The public page of an ORP and of one of its situations (issue 15 builds them):
// <base>/verejne/orp/<code> and <base>/verejne/orp/<code>#situace-<situation id>.
std::string PublicOrpUrl(const std::string& base, const std::string& orp_code);
std::string PublicSituationUrl(const std::string& base, const std::string& orp_code,
                               const std::string& situation_id);

// "tel. …, e-mail …; municipality" of a card as the public reads it (its JSON from the
// public catalog): one contact and the place, never a street — what fits on paper. A
// confidential address comes without its place.
std::string ContactLine(const nlohmann::json& card, const Territory& t);

// The leaflet of ORP `orp_code`; public, no caller needed.
Result<Document> OrpLeafletDocument(const NetworkSnapshot& snap, const std::string& orp_code,
                                    const LeafletOptions& options);

}  // namespace prosit
