// Confidential addresses (app/accounts/card_places.h, SeesPlace in app/accounts/permissions.h): who
// sees where a shelter is, and what everyone else sees of its locations.

#include "app/accounts/card_places.h"

#include <gtest/gtest.h>

#include "app/accounts/permissions.h"
#include "io/network_json.h"
#include "test_data.h"

namespace prosit {

namespace {

using testing::RealTerritory;

Caller Of(Role role, std::vector<std::string> territories) {
  Principal p;
  p.user.login = "u";
  p.user.role = role;
  p.user.territories = std::move(territories);
  return Caller::Of(p, RealTerritory());
}

// A shelter of actor 7 in Chrudim (ORP 5304).
nlohmann::json Shelter(bool confidential = true) {
  ServiceCard c;
  c.id = 3;
  c.actor_id = 7;
  c.name = "Azylový dům";
  c.locations.push_back({"571164", "Tajná 12", {49.9512345, 15.7954321}, true});
  c.confidential_address = confidential;
  return ServiceCardToJson(c);
}

bool Hidden(const nlohmann::json& card) {
  const nlohmann::json& l = card["locations"][0];
  return l["municipality_code"] == "" && l["street"] == "" && l["location"].is_null() &&
         l["orp_code"] == "5304";
}

}  // namespace

TEST(CardPlaces, OnlyThoseWhoMayEditOrReadInsideSeeAConfidentialAddress) {
  struct Case {
    const char* who;
    Caller caller;
    bool sees;
  } cases[] = {
      {"public", Caller::Public(), false},
      {"admin", Caller::System("test"), true},
      {"networker inside", Of(Role::kNetworker, {"5304"}), true},
      {"viewer inside", Of(Role::kViewer, {"5304"}), true},
      {"coordinator of the region", Of(Role::kRegionalCoordinator, {"CZ053"}), true},
      {"networker of the neighbour ORP", Of(Role::kNetworker, {"5302"}), false},
      {"coordinator of another region", Of(Role::kRegionalCoordinator, {"CZ020"}), false},
      {"editor of its actor", Of(Role::kActorEditor, {"7"}), true},
      {"editor of another actor", Of(Role::kActorEditor, {"8"}), false},
  };
  for (const Case& c : cases) {
    nlohmann::json card = Shelter();
    ShowPlacesTo(c.caller, RealTerritory(), card);
    EXPECT_EQ(Hidden(card), !c.sees) << c.who << ": " << card["locations"].dump();
    EXPECT_EQ(card.dump().find("Tajná") == std::string::npos, !c.sees) << c.who;
    EXPECT_EQ(card.dump().find("49.95") == std::string::npos, !c.sees) << c.who;
  }
}

TEST(CardPlaces, AnAddressThatIsNotConfidentialShowsToEveryone) {
  nlohmann::json card = Shelter(false);
  ShowPlacesTo(Caller::Public(), RealTerritory(), card);
  EXPECT_EQ(card, Shelter(false));
}

TEST(CardPlaces, HidingKeepsTheOrpOfEveryLocation) {
  nlohmann::json card = Shelter();
  card["locations"].push_back(
      {{"municipality_code", "529303"}, {"street", "Druhá 1"}, {"location", nullptr}});
  HidePlaces(card, RealTerritory());
  ASSERT_EQ(card["locations"].size(), 2u);
  EXPECT_EQ(card["locations"][0]["orp_code"], "5304");
  EXPECT_EQ(card["locations"][1]["orp_code"], "2101");
  EXPECT_EQ(card["locations"][1]["street"], "");
}

}  // namespace prosit
