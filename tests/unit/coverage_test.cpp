// Coverage of the optimal model, what-if and candidate seats on a small hand-made
// territory whose every figure can be worked out by hand:
//
//   region R: ORP A = {a1, a2, a3}, ORP B = {b1}; ORP E has no municipalities.
//   children: a1 100, a2 50, a3 50, b1 200.
//   times (both modes, symmetric): a1–a2 10 min, a1–a3 40 min, a2–a3 30 min,
//   a3–b1 10 min, each place 2 min to itself; all else unreachable.
//   one model cell "safety:3" expecting types t1, t2; norm 20 min, ≥ 5 per 1,000 children.

#include "analysis/coverage.h"

#include <gtest/gtest.h>

#include "analysis/service_supply.h"
#include "analysis/what_if.h"

namespace prosit {
namespace {

Municipality Place(std::string code, std::string orp, double children) {
  Municipality m;
  m.code = std::move(code);
  m.name = m.code;
  m.orp_code = std::move(orp);
  m.region_code = "R";
  m.children_0_17 = children;
  return m;
}

Orp MakeOrp(std::string code) {
  Orp o;
  o.code = std::move(code);
  o.name = o.code;
  o.region_code = "R";
  return o;
}

class CoverageTest : public ::testing::Test {
 protected:
  CoverageTest()
      : territory_({{"R", "Region"}}, {MakeOrp("A"), MakeOrp("B"), MakeOrp("E")},
                   {Place("a1", "A", 100), Place("a2", "A", 50), Place("a3", "A", 50),
                    Place("b1", "B", 200)}),
        index_(territory_) {
    for (const char* id : {"t1", "t2", "t3"}) {
      ServiceType t;
      t.id = id;
      reference_.service_types.push_back(t);
    }
    ModelCell cell;
    cell.need_area = "safety";
    cell.level = 3;
    cell.service_types = {"t1", "t2"};
    cell.max_minutes_car = 20;
    cell.max_minutes_pt = 20;
    cell.min_capacity_per_1000_children = 5;
    reference_.model_cells.push_back(cell);
    reference_.Index();
    TravelTimesBuilder b(4);
    for (TravelMode mode : kAllTravelModes) {
      b.SetCutoff(mode, 60);
      auto both = [&](uint32_t x, uint32_t y, float m) {
        b.Add(mode, x, y, m);
        b.Add(mode, y, x, m);
      };
      for (uint32_t p = 0; p < 4; ++p) b.Add(mode, p, p, 2);
      both(0, 1, 10);
      both(0, 2, 40);
      both(1, 2, 30);
      both(2, 3, 10);
    }
    times_ = std::move(b).Build("by hand");
  }

  // A card of `type` delivered at `place`, serving the given territory.
  ServiceCard Card(int64_t id, std::string type, std::string place, TerritoryServed served,
                   std::optional<double> capacity = std::nullopt) {
    ServiceCard c;
    c.id = id;
    c.service_type = std::move(type);
    c.forms = {"ambulatory"};
    if (!place.empty()) {
      DeliveryLocation l;
      l.municipality_code = std::move(place);
      c.locations.push_back(l);
    }
    c.territory = std::move(served);
    c.capacity.amount = capacity;
    return c;
  }

  ServiceLayout Layout(const std::vector<ServiceCard>& cards) {
    cards_ = cards;
    std::vector<ServiceInput> inputs;
    for (const ServiceCard& c : cards_) inputs.push_back({&c, ""});
    return ServiceLayout(index_, reference_, inputs);
  }

  OrpCoverage Cover(const ServiceLayout& layout, const std::string& orp,
                    const ServiceChange* change = nullptr) {
    return ComputeOrpCoverage(layout, times_, *index_.FindOrp(orp), {}, change);
  }

  Territory territory_;
  TerritoryIndex index_;
  ReferenceData reference_;
  TravelTimes times_;
  std::vector<ServiceCard> cards_;
};

const TerritoryServed kOrpA{TerritoryKind::kOrp, {"A"}};
const TerritoryServed kOrpB{TerritoryKind::kOrp, {"B"}};
const TerritoryServed kRegionR{TerritoryKind::kRegion, {"R"}};

TEST_F(CoverageTest, NoServiceIsAWhiteSpot) {
  ServiceLayout layout = Layout({});
  OrpCoverage c = Cover(layout, "A");
  ASSERT_EQ(c.cells.size(), 1u);
  EXPECT_EQ(c.cells[0].status, CellStatus::kMissing);
  EXPECT_EQ(c.cells[0].types_missing, (std::vector<std::string>{"t1", "t2"}));
  EXPECT_TRUE(c.cells[0].capacity_by_unit.empty());
  EXPECT_DOUBLE_EQ(*c.cells[0].share_within_norm[1], 0.0);
  EXPECT_EQ(c.cells_by_status[static_cast<int>(CellStatus::kMissing)], 1);
}

TEST_F(CoverageTest, FarMunicipalityMakesTheCellTooFarAndSaysHowFar) {
  ServiceCard everywhere = Card(14, "t2", "", kOrpA, 10);
  everywhere.forms = {"outreach"};
  ServiceLayout layout = Layout({Card(1, "t1", "a1", kOrpA, 10), everywhere});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_EQ(cell.types_present, (std::vector<std::string>{"t1", "t2"}));
  // a1 (2 min) and a2 (10 min) are within 20 min of t1; a3 is 40 min away.
  EXPECT_DOUBLE_EQ(*cell.share_within_norm[1], 150.0 / 200.0);
  EXPECT_TRUE(cell.too_far);
  EXPECT_EQ(cell.status, CellStatus::kTooFar);
  EXPECT_FLOAT_EQ(*cell.places[2].minutes[1], 40);
  EXPECT_EQ(cell.places[2].nearest_card[1], 1);
  EXPECT_FALSE(cell.places[2].within_norm[1]);
  // Capacity 20 for 200 children: 100 per 1,000, above the norm of 5.
  EXPECT_DOUBLE_EQ(*cell.capacity_by_unit.at("none").per_1000_children, 100.0);
  EXPECT_FALSE(cell.capacity_short);
}

TEST_F(CoverageTest, PartialWhenSomeExpectedTypesAreMissing) {
  // t1 reaches every municipality of A, but the cell also expects t2: partial, not covered.
  ServiceCard t1 = Card(1, "t1", "", kOrpA, 10);
  t1.forms = {"outreach"};
  ServiceLayout layout = Layout({t1});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_EQ(cell.status, CellStatus::kPartial);
  EXPECT_EQ(cell.types_missing, (std::vector<std::string>{"t2"}));
  ASSERT_EQ(cell.types.size(), 2u);
  EXPECT_TRUE(cell.types[0].present);
  EXPECT_FALSE(cell.types[1].present);
  EXPECT_DOUBLE_EQ(*cell.types[0].share_within_norm[1], 1.0);
  EXPECT_STREQ(ToString(cell.status), "partial");
}

TEST_F(CoverageTest, EveryTypeMustBeWithinTheNormNotJustTheNearestOne) {
  // t1 at a1 reaches a1, a2; t2 at a3 reaches a3. Each municipality has some service
  // within 20 min, but none has both: every one is out of reach of a type.
  ServiceLayout layout = Layout({Card(1, "t1", "a1", kOrpA, 10), Card(2, "t2", "a3", kOrpA, 10)});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_EQ(cell.status, CellStatus::kTooFar);
  EXPECT_DOUBLE_EQ(*cell.share_within_norm[1], 0.0);
  EXPECT_DOUBLE_EQ(*cell.types[0].share_within_norm[1], 150.0 / 200.0);
  EXPECT_DOUBLE_EQ(*cell.types[1].share_within_norm[1], 50.0 / 200.0);
  // a1 is 2 min from t1 and 40 from t2: the farther type is what it reaches the cell by.
  EXPECT_FLOAT_EQ(*cell.places[0].minutes[1], 40);
  EXPECT_EQ(cell.places[0].nearest_card[1], 2);
}

TEST_F(CoverageTest, CapacityIsNeverSummedAcrossUnits) {
  // 0.6 places and 0.6 clients a year for 200 children: 3 per 1,000 each, short of the
  // norm of 5 — though their sum (6) would not be.
  ServiceCard places = Card(1, "t1", "", kOrpA, 0.6), clients = Card(2, "t2", "", kOrpA, 0.6);
  places.forms = clients.forms = {"outreach"};
  places.capacity.unit = "places";
  clients.capacity.unit = "clients_per_year";
  CellCoverage cell = Cover(Layout({places, clients}), "A").cells[0];
  ASSERT_EQ(cell.capacity_by_unit.size(), 2u);
  EXPECT_DOUBLE_EQ(*cell.capacity_by_unit.at("places").per_1000_children, 3.0);
  EXPECT_TRUE(cell.capacity_by_unit.at("clients_per_year").short_of_norm);
  EXPECT_TRUE(cell.capacity_short);
  EXPECT_EQ(cell.status, CellStatus::kCapacityShort);
}

TEST_F(CoverageTest, NormsMeasureTheJourneyAfterTheAccessTime) {
  // Times that include 15 min of access: a norm of 20 min allows 35 door to door.
  TravelTimesBuilder b(4);
  for (TravelMode mode : kAllTravelModes) {
    b.SetCutoff(mode, 90);
    b.SetAccessMinutes(mode, 15);
    for (uint32_t p = 0; p < 4; ++p) b.Add(mode, p, p, 15);
    b.Add(mode, 0, 1, 30), b.Add(mode, 1, 0, 30);
    b.Add(mode, 0, 2, 40), b.Add(mode, 2, 0, 40);
  }
  TravelTimes times = std::move(b).Build("with access");
  ServiceCard t2 = Card(2, "t2", "", kOrpA, 10);
  t2.forms = {"outreach"};
  ServiceLayout layout = Layout({Card(1, "t1", "a1", kOrpA, 10), t2});
  CellCoverage cell = ComputeOrpCoverage(layout, times, *index_.FindOrp("A"), {}).cells[0];
  EXPECT_TRUE(cell.places[1].within_norm[1]);   // 30 door to door: 15 of journey
  EXPECT_FALSE(cell.places[2].within_norm[1]);  // 40: 25 of journey
  EXPECT_FALSE(cell.norm_unmeetable[1]);
  EXPECT_FLOAT_EQ(NormMinutes(times, TravelMode::kPublicTransport, 20), 35);
}

TEST_F(CoverageTest, SaysWhenNoMunicipalityCanMeetTheNorm) {
  // Every leg takes at least 2 min: a norm of 1 min cannot be met anywhere.
  reference_.model_cells[0].max_minutes_pt = 1;
  ServiceLayout layout = Layout({Card(1, "t1", "a1", kOrpA, 10), Card(2, "t2", "a1", kOrpA, 10)});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_TRUE(cell.norm_unmeetable[static_cast<int>(TravelMode::kPublicTransport)]);
  EXPECT_FALSE(cell.norm_unmeetable[static_cast<int>(TravelMode::kCar)]);
  EXPECT_EQ(cell.status, CellStatus::kTooFar);
  EXPECT_TRUE(NormUnmeetable(times_, TravelMode::kCar, 1.5f));
  EXPECT_FALSE(NormUnmeetable(times_, TravelMode::kCar, 2));
}

TEST_F(CoverageTest, OutreachReachesItsTerritoryWithoutTravel) {
  ServiceCard outreach = Card(2, "t2", "", kOrpA, 10);
  outreach.forms = {"outreach"};
  ServiceLayout layout = Layout({outreach});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_EQ(cell.status, CellStatus::kPartial);  // t1 is missing
  for (const PlaceReach& r : cell.places) EXPECT_FLOAT_EQ(*r.minutes[1], 0);
}

TEST_F(CoverageTest, RegionalCapacityIsSharedByChildren) {
  // A region-wide service of capacity 2 at a1: A has 200 of the region's 400 children,
  // so it gets 1, i.e. 5 per 1,000 children: exactly the norm. Capacity 1.6 falls short.
  // t2 is there everywhere, in a unit of its own with plenty (it adds nothing to t1's).
  ServiceCard t2 = Card(4, "t2", "", kOrpA, 100);
  t2.forms = {"outreach"};
  t2.capacity.unit = "other";
  ServiceLayout enough = Layout({Card(3, "t1", "a1", kRegionR, 2.0), t2});
  CellCoverage cell = Cover(enough, "A").cells[0];
  EXPECT_DOUBLE_EQ(cell.capacity_by_unit.at("none").capacity, 1.0);
  EXPECT_DOUBLE_EQ(*cell.capacity_by_unit.at("none").per_1000_children, 5.0);
  EXPECT_FALSE(cell.capacity_short);
  ServiceLayout short_of = Layout({Card(3, "t1", "a1", kRegionR, 1.6), t2});
  cell = Cover(short_of, "A").cells[0];
  EXPECT_TRUE(cell.capacity_short);
  EXPECT_EQ(cell.status, CellStatus::kCapacityShort);
  // The regional service serves two ORPs: a shared strength.
  EXPECT_EQ(Cover(short_of, "A").shared_services.size(), 1u);
}

TEST_F(CoverageTest, CardsWithoutCapacityAreListedNotGuessed) {
  ServiceLayout layout = Layout({Card(4, "t1", "a2", kOrpA)});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_EQ(cell.cards_without_capacity, (std::vector<int64_t>{4}));
  EXPECT_TRUE(cell.capacity_by_unit.empty());
  EXPECT_TRUE(cell.capacity_short);  // the norm asks for capacity nobody states
}

TEST_F(CoverageTest, ServiceOfAnotherOrpIsNotPresentEvenWhenNear) {
  // b1 is 10 minutes from a3, but the service serves only ORP B.
  ServiceLayout layout = Layout({Card(5, "t1", "b1", kOrpB, 10)});
  EXPECT_EQ(Cover(layout, "A").cells[0].status, CellStatus::kMissing);
  EXPECT_EQ(Cover(layout, "B").cells[0].status, CellStatus::kPartial);  // t2 missing
}

TEST_F(CoverageTest, StrongWhenCoveredTwiceWithCapacityToSpare) {
  // Each type delivered at a2 and a3: every municipality within 10 min of both.
  ServiceCard t1 = Card(6, "t1", "a2", kOrpA, 10), t2 = Card(7, "t2", "a2", kOrpA, 10);
  DeliveryLocation a3;
  a3.municipality_code = "a3";
  t1.locations.push_back(a3);
  t2.locations.push_back(a3);
  ServiceLayout layout = Layout({t1, t2});
  CellCoverage cell = Cover(layout, "A").cells[0];
  EXPECT_EQ(cell.status, CellStatus::kCovered);
  EXPECT_TRUE(cell.strong);
}

TEST_F(CoverageTest, EmptyOrpHasNoSharesAndNoNaN) {
  ServiceLayout layout =
      Layout({Card(8, "t1", "a1", kRegionR, 10), Card(9, "t2", "a1", kRegionR, 1)});
  OrpCoverage c = Cover(layout, "E");
  EXPECT_EQ(c.children, 0);
  EXPECT_FALSE(c.cells[0].share_within_norm[0]);
  EXPECT_FALSE(c.cells[0].capacity_by_unit.at("none").per_1000_children);
  EXPECT_EQ(c.cells[0].status, CellStatus::kCovered);  // nobody there lacks anything
}

TEST_F(CoverageTest, UnknownTypeOrPlaceIsNotAnalysedButListed) {
  ServiceLayout layout = Layout({Card(9, "nope", "a1", kOrpA, 1), Card(10, "t1", "zz", kOrpA, 1)});
  EXPECT_EQ(layout.unplaced(), (std::vector<int64_t>{9, 10}));
  EXPECT_TRUE(layout.services().empty());
}

TEST_F(CoverageTest, WhatIfAddsAndRemovesWithoutTouchingTheLayout) {
  ServiceLayout layout = Layout({Card(11, "t1", "a1", kOrpA, 10)});
  ServiceCard extra = Card(0, "t2", "a3", kOrpA, 5);
  ServiceChange add;
  add.added.push_back(*layout.Locate({&extra, ""}));
  CellCoverage after = Cover(layout, "A", &add).cells[0];
  EXPECT_EQ(after.status, CellStatus::kTooFar);  // a1 is 40 min from t2, a3 from t1
  EXPECT_DOUBLE_EQ(*after.share_within_norm[1], 0.0);
  EXPECT_DOUBLE_EQ(*after.capacity_by_unit.at("none").per_1000_children, 75.0);
  EXPECT_EQ(Cover(layout, "A").cells[0].status, CellStatus::kPartial);  // unchanged

  ServiceChange remove;
  remove.removed.insert(11);
  EXPECT_EQ(Cover(layout, "A", &remove).cells[0].status, CellStatus::kMissing);
  // a3's service touches A (its own ORP) only: B is 10 min away but not served.
  EXPECT_EQ(AffectedOrps(layout, times_, add), (std::vector<uint32_t>{*index_.FindOrp("A")}));
  // A regional service is present in both ORPs of the region; a nationwide one touches
  // only the ORPs within reach of its place (a1 reaches a1–a3: ORP A).
  ServiceCard regional = Card(0, "t2", "a1", kRegionR, 5), national = regional;
  national.territory = {TerritoryKind::kCountry, {}};
  ServiceChange wide, nationwide;
  wide.added.push_back(*layout.Locate({&regional, ""}));
  nationwide.added.push_back(*layout.Locate({&national, ""}));
  EXPECT_EQ(AffectedOrps(layout, times_, wide),
            (std::vector<uint32_t>{*index_.FindOrp("A"), *index_.FindOrp("B")}));
  EXPECT_EQ(AffectedOrps(layout, times_, nationwide),
            (std::vector<uint32_t>{*index_.FindOrp("A")}));
}

TEST_F(CoverageTest, CandidatesRankByChildrenBroughtWithinTheNorm) {
  // t1 at a1 reaches a1 and a2 within 20 min; a3 (50 children) is beyond it, and only a
  // new t1 at a3 itself brings a3 within the norm (a2 is 30 min away).
  ServiceLayout layout = Layout({Card(12, "t1", "a1", kOrpA, 10)});
  uint32_t a = *index_.FindOrp("A");
  auto ranked = RankCandidates(layout, times_, std::span<const uint32_t>(&a, 1), 0,
                               TravelMode::kPublicTransport, 20, 10);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].place, *index_.FindPlace("a3"));
  EXPECT_DOUBLE_EQ(ranked[0].children_gained, 50);
  EXPECT_EQ(ranked[0].places_gained, 1u);
  // With nothing there yet, a1 brings a1 and a2 (150), a2 brings a1 and a2 (150), a3 50.
  ServiceLayout empty = Layout({});
  ranked = RankCandidates(empty, times_, std::span<const uint32_t>(&a, 1), 0,
                          TravelMode::kPublicTransport, 20, 10);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_DOUBLE_EQ(ranked[0].children_gained, 150);
  EXPECT_DOUBLE_EQ(ranked[2].children_gained, 50);
}

TEST_F(CoverageTest, SummaryCountsOrpsPerStatus) {
  ServiceLayout layout = Layout({Card(13, "t1", "b1", kOrpB, 10), Card(14, "t2", "b1", kOrpB, 10)});
  std::vector<OrpCoverage> all = {Cover(layout, "A"), Cover(layout, "B")};
  CoverageSummary s = SummarizeCoverage(all, reference_, TravelMode::kPublicTransport);
  EXPECT_EQ(s.cells[0].orps_by_status[static_cast<int>(CellStatus::kMissing)], 1);
  EXPECT_EQ(s.cells[0].orps_by_status[static_cast<int>(CellStatus::kCovered)], 1);
  EXPECT_DOUBLE_EQ(s.cells[0].children, 400);
  EXPECT_DOUBLE_EQ(s.cells[0].children_within_norm, 200);
}

TEST_F(CoverageTest, SupplySplitsCapacityOverPlacesAndKeepsOutreachApart) {
  ServiceCard two_places = Card(20, "t1", "a1", kOrpA, 10);
  DeliveryLocation second;
  second.municipality_code = "a3";
  two_places.locations.push_back(second);
  ServiceCard outreach = Card(21, "t1", "a1", kRegionR, 8);
  outreach.forms = {"ambulatory", "outreach"};
  ServiceCard pooled = Card(24, "t1", "", kRegionR, 2);
  pooled.forms = {"outreach"};
  // Outreach only, naming where it works: no office for clients to come to.
  ServiceCard field_work = Card(25, "t1", "a2", kRegionR, 1);
  field_work.forms = {"outreach"};
  ServiceLayout layout = Layout({two_places, outreach, Card(22, "t1", "a2", kOrpA),
                                 Card(23, "t3", "a2", kOrpA, 5), pooled, field_work});
  ServiceSupply supply = GatherSupply(layout, {0}, "none");
  ASSERT_EQ(supply.sites.size(), 2u);
  EXPECT_DOUBLE_EQ(supply.sites[0].capacity + supply.sites[1].capacity, 10);
  EXPECT_DOUBLE_EQ(supply.sites[0].capacity, 5);
  // Counted once: the card with an office and outreach reaches the region as outreach and
  // from its office (a1) too; the outreach-only one over the same region has no office,
  // so they do not pool.
  ASSERT_EQ(supply.outreach.size(), 2u);
  EXPECT_EQ(supply.outreach[0].places.size(), 4u);
  EXPECT_EQ(supply.outreach[0].office, index_.FindPlace("a1"));
  EXPECT_DOUBLE_EQ(supply.outreach[0].capacity, 8);
  EXPECT_EQ(supply.outreach_cards[0], (std::vector<int64_t>{21}));
  EXPECT_FALSE(supply.outreach[1].office);
  EXPECT_EQ(supply.outreach_cards[1], (std::vector<int64_t>{24, 25}));
  EXPECT_EQ(supply.without_capacity, (std::vector<int64_t>{22}));
  // Another unit's supply takes none of these capacities.
  EXPECT_TRUE(GatherSupply(layout, {0}, "places").sites.empty());
  EXPECT_EQ(SupplyUnits(layout, {0, 2}), (std::vector<std::string>{"none"}));

  ServiceChange change;
  change.removed.insert(20);
  ServiceCard extra = Card(0, "t1", "b1", kOrpB, 3);
  change.added.push_back(*layout.Locate({&extra, ""}));
  ServiceSupply changed = GatherSupply(layout, {0}, "none", &change);
  ASSERT_EQ(changed.sites.size(), 1u);
  EXPECT_EQ(changed.sites[0].place, *index_.FindPlace("b1"));
  EXPECT_EQ(changed.site_cards, (std::vector<int64_t>{0}));
}

}  // namespace
}  // namespace prosit
