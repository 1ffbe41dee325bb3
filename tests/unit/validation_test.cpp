#include "model/validation.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace prosit {

namespace {

ValidationContext Ctx() {
  return {testing::RealReference(), testing::RealTerritory(), "2026-11-24"};
}

Actor GoodActor() {
  Actor a;
  a.name = "Město Chrudim – OSPOD";
  a.ico = "00270211";
  a.sector = "ospod";
  a.actor_type = "ospod_office";
  a.seat.municipality_code = "571164";
  return a;
}

ServiceCard GoodCard() {
  ServiceCard c;
  c.actor_id = 1;
  c.name = "Sociálně aktivizační služby pro rodiny s dětmi";
  c.service_type = "ss65";
  c.need_areas = {"relationships", "safety"};
  c.level = 3;
  c.forms = {"ambulatory", "outreach"};
  c.locations = {{"571164", "Novoměstská 4", {}, false}};
  c.territory = {TerritoryKind::kOrp, {"5304"}};
  c.capacity = {30.0, "families"};
  c.last_verified = "2026-10-01";
  c.does = "Pomáhá rodinám zvládat péči o děti.";
  c.target_group = "Rodiny s dětmi do 18 let";
  c.access_note = "Stačí zavolat.";
  c.contacts = {{"", "", "+420 469 000 000", "", "", true}};
  return c;
}

}  // namespace

TEST(Validation, AcceptsGoodRecords) {
  EXPECT_TRUE(ValidateActor(GoodActor(), Ctx()).empty());
  EXPECT_TRUE(ValidateServiceCard(GoodCard(), Ctx()).empty());
}

TEST(Validation, ActorRulesNameTheField) {
  Actor a = GoodActor();
  a.ico = "00270212";
  a.name = "  ";
  a.sector = "space";
  a.seat.municipality_code = "000000";
  a.contacts = {Contact{"", "", "", "", "", false}, Contact{"Podatelna", "", "", "x", "", true}};
  auto e = ValidateActor(a, Ctx());
  EXPECT_TRUE(e.count("ico"));
  EXPECT_TRUE(e.count("name"));
  EXPECT_TRUE(e.count("sector"));
  EXPECT_TRUE(e.count("seat.municipality_code"));
  EXPECT_TRUE(e.count("contacts[0]"));
  EXPECT_TRUE(e.count("contacts[1].email"));
  a = GoodActor();
  a.ico = "";  // bodies without an IČO are allowed
  a.seat.has_location = true;
  a.seat.location = {40.0, 14.0};
  e = ValidateActor(a, Ctx());
  EXPECT_FALSE(e.count("ico"));
  EXPECT_TRUE(e.count("seat.location"));
}

TEST(Validation, ServiceCardRulesNameTheField) {
  ServiceCard c = GoodCard();
  c.service_type = "ss999";
  c.need_areas = {"relationships", "happiness"};
  c.level = 7;
  c.age_min = 10;
  c.age_max = 5;
  c.forms = {"teleport"};
  c.territory = {TerritoryKind::kOrp, {"9999"}};
  c.capacity = {-1.0, "litres"};
  c.last_verified = "2027-01-01";
  c.waiting_days = -3;
  auto e = ValidateServiceCard(c, Ctx());
  for (const char* f :
       {"service_type", "need_areas", "level", "age_max", "forms", "territory.codes",
        "capacity.amount", "capacity.unit", "last_verified", "waiting_days"})
    EXPECT_TRUE(e.count(f)) << f;
}

TEST(Validation, LocationsAndTerritory) {
  ServiceCard c = GoodCard();
  c.locations.clear();
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).count("locations"));
  c.forms = {"outreach"};
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).empty());
  c.territory = {TerritoryKind::kCountry, {}};
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).empty());
  c.territory = {TerritoryKind::kRegion, {"CZ053"}};
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).empty());
  c.territory = {TerritoryKind::kMunicipalities, {}};
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).count("territory.codes"));
  c.need_areas = {"safety", "safety"};
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).count("need_areas"));
}

TEST(Validation, Dates) {
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-13-01"));
  EXPECT_FALSE(IsIsoDate("24. 11. 2026"));
  EXPECT_FALSE(IsIsoDate("2026-11-2x"));
}

TEST(Validation, APublishedCardNeedsWhatTheTemplateAsks) {
  ServiceCard c = GoodCard();
  c.does = " ";
  c.target_group.clear();
  c.access_note.clear();
  c.contacts.clear();
  FieldErrors e = ValidateServiceCard(c, Ctx());
  EXPECT_EQ(e.size(), 4u);
  for (const char* field : {"does", "target_group", "access_note", "contacts"})
    EXPECT_TRUE(e.count(field)) << field;
  c.published = false;  // a draft may lack them
  EXPECT_TRUE(ValidateServiceCard(c, Ctx()).empty());
}

TEST(Validation, ActorTypeAgreesWithSector) {
  Actor a = GoodActor();
  a.sector = "health";
  FieldErrors e = ValidateActor(a, Ctx());
  EXPECT_TRUE(e.count("actor_type"));
  EXPECT_TRUE(e.count("sector"));
}

}  // namespace prosit
