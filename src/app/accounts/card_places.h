#pragma once
// Confidential addresses (e.g. a shelter): what of a service card's delivery locations a
// caller sees. Those who may not see the address (app/accounts/permissions.h, SeesPlace) get each
// location's ORP alone — no municipality, street or point — in every answer that shows
// a card, whether as it is now or as the audit trail shows it was.

#include <nlohmann/json.hpp>

#include "app/accounts/caller.h"
#include "model/territory.h"

namespace prosit {

// Replaces each delivery location of a card document by its ORP:
// {"municipality_code": "", "orp_code": "5309", "street": "", "location": null}.
void HidePlaces(nlohmann::json& card, const Territory& territory);

// Hides the places of a card document unless it is not confidential or the caller may
// see them; the place (ORPs of the locations, actor) is read from the document itself,
// so a past version is judged by where it was then.
void ShowPlacesTo(const Caller& caller, const Territory& territory, nlohmann::json& card);

}  // namespace prosit
