// The situation navigator (app/public): where a person lives from what they type, the one
// rule choosing a situation's cards for a municipality — checked against a brute force over
// every card of the demo network, with an unpublished, a confidential and an outreach card
// planted beside a real one — its order, the emergency numbers first, and "kdo co dělá".

#include "app/public/situation_navigator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/great_circle_travel.h"
#include "app/snapshot/snapshot_keeper.h"
#include "demo_store.h"

namespace prosit {
namespace {

using testing::RealReference;
using testing::RealReferenceDocuments;
using testing::RealTerritory;

constexpr const char* kChrudim = "571164";
constexpr const char* kSkutec = "572241";
constexpr const char* kHermanuvMestec = "571385";
// Responsible offices planted in Chrudim, more than any list of the navigator shows.
constexpr size_t kPlantedOffices = 12;

// ---- where a person lives -----------------------------------------------------------------

TEST(FindHome, NamesTypedWithoutDiacriticsFindTheirMunicipality) {
  const Territory& t = RealTerritory();
  for (auto [typed, code] : {std::pair{"skutec", kSkutec}, std::pair{"Skuteč", kSkutec},
                             std::pair{"hermanuv mestec", kHermanuvMestec},
                             std::pair{"  Heřmanův   Městec ", kHermanuvMestec},
                             std::pair{"CHRUDIM", kChrudim}, std::pair{"571164", kChrudim}}) {
    HomeMatch m = FindHome(t, typed);
    ASSERT_NE(m.municipality, nullptr) << typed;
    EXPECT_EQ(m.municipality->code, code) << typed;
    EXPECT_TRUE(m.candidates.empty()) << typed;
  }
}

TEST(FindHome, AnAmbiguousNameGivesCandidatesToChooseFrom) {
  const Territory& t = RealTerritory();
  // Two municipalities are called Hlinsko: the person chooses, the larger first.
  HomeMatch two = FindHome(t, "hlinsko");
  EXPECT_EQ(two.municipality, nullptr);
  ASSERT_EQ(two.candidates.size(), 2u);
  EXPECT_EQ(two.total, 2u);
  EXPECT_EQ(two.candidates[0]->code, "571393");  // ORP Hlinsko's seat, 9,642 people
  EXPECT_EQ(two.candidates[1]->code, "569267");
  // No name is "chrud": Chrudim and Chrudichromy start so.
  HomeMatch start = FindHome(t, "chrud");
  EXPECT_EQ(start.municipality, nullptr);
  std::set<std::string> codes;
  for (const Municipality* m : start.candidates) codes.insert(m->code);
  EXPECT_TRUE(codes.count(kChrudim));
  EXPECT_TRUE(codes.count("581534"));
  // A common start is cut to the list a person can read, and says how many there were.
  HomeMatch many = FindHome(t, "nova");
  EXPECT_EQ(many.candidates.size(), kMaxCandidates);
  EXPECT_GT(many.total, kMaxCandidates);
}

TEST(FindHome, NothingFitsNothing) {
  const Territory& t = RealTerritory();
  for (const char* typed : {"", "   ", "xyzzy", "999999", "57116"}) {
    HomeMatch m = FindHome(t, typed);
    EXPECT_EQ(m.municipality, nullptr) << typed;
    EXPECT_TRUE(m.candidates.empty()) << typed;
  }
}

// ---- emergency contacts as reference data -------------------------------------------------

TEST(EmergencyContacts, ShipWithTheReferenceDataInBothLanguages) {
  const ReferenceData& ref = RealReference();
  std::set<std::string> numbers;
  for (const EmergencyContact& c : ref.emergency_contacts) {
    numbers.insert(c.number);
    EXPECT_FALSE(c.label.cs.empty() || c.label.en.empty() || c.when.cs.empty() || c.when.en.empty())
        << c.id;
  }
  for (const char* n : {"112", "155", "158", "150", "116 111", "116 000", "116 123"})
    EXPECT_TRUE(numbers.count(n)) << n;
  EXPECT_EQ(ref.emergency_contacts.front().number, "112");
}

TEST(EmergencyContacts, ABadContactIsNamedAndAnOldModelWithoutThemStillLoads) {
  ReferenceDocuments docs = RealReferenceDocuments();
  docs["emergency_contacts"] =
      R"([{"id": "x", "number": "11a", "kind": "other", "cs": "", "en": "X", "when_cs": "",
           "when_en": "", "nonstop": false}])";
  auto bad = ParseReferenceData(docs);
  ASSERT_FALSE(bad.ok());
  for (const char* field : {"emergency_contacts[0].number", "emergency_contacts[0].kind",
                            "emergency_contacts[0].cs", "emergency_contacts[0].hours_cs"})
    EXPECT_EQ(bad.status().fields().count(field), 1u) << field << " " << bad.status().ToString();
  docs.erase("emergency_contacts");  // a version published before they existed
  auto old = ParseReferenceData(docs);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_TRUE(old->emergency_contacts.empty());
}

// ---- the rule, over the demo network ----------------------------------------------------

const ModelSituation& Situation(const std::string& id) {
  const ModelSituation* s = FindSituation(RealReference(), id);
  if (!s) throw std::runtime_error("no situation " + id);
  return *s;
}

bool Has(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// The demo network of Pardubický kraj with three copies of one published card delivered
// in Chrudim that helps when a child is being hurt: one internal, one at a confidential
// address and one that comes to people's homes.
class Navigator : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TempDatabase();
    store_ = testing::OpenDemoStore(db_->path(), [](RecordBatch& batch) {
               const ModelSituation& abuse = Situation("child_abuse");
               const std::pair<size_t, ServiceCard>* model = nullptr;
               for (const auto& entry : batch.cards) {
                 const ServiceCard& c = entry.second;
                 bool in_chrudim =
                     std::any_of(c.locations.begin(), c.locations.end(),
                                 [](const auto& l) { return l.municipality_code == kChrudim; });
                 if (c.published && !c.confidential_address && in_chrudim &&
                     Has(abuse.service_types, c.service_type)) {
                   model = &entry;
                   break;
                 }
               }
               ASSERT_NE(model, nullptr) << "the demo has no helping card delivered in Chrudim";
               auto plant = [&](const std::string& name, auto change) {
                 ServiceCard c = model->second;
                 c.name = name;
                 change(c);
                 batch.cards.push_back({model->first, c});
               };
               plant("Zasazená interní", [](ServiceCard& c) { c.published = false; });
               plant("Zasazená důvěrná", [](ServiceCard& c) {
                 c.confidential_address = true;
                 // A shelter: people come to it, and nobody may know where.
                 c.forms = {"residential"};
               });
               plant("Zasazená terénní", [](ServiceCard& c) { c.forms = {"outreach"}; });
               // More responsible offices serving Chrudim than an answer lists, each of
               // another actor (as Prague's districts and every school's counselling team).
               ServiceCard office = model->second;
               office.service_type = abuse.responsible_service_types.front();
               office.forms = {"ambulatory"};
               office.confidential_address = false;
               for (size_t i = 0; i < kPlantedOffices; ++i) {
                 ServiceCard c = office;
                 c.name = "Zasazené pracoviště " + std::to_string(i);
                 batch.cards.push_back({(model->first + 1 + i) % batch.actors.size(), c});
               }
             }).release();
    ASSERT_NE(store_, nullptr);
    keeper_ = new SnapshotKeeper(*store_);
    ASSERT_TRUE(keeper_->Load().ok());
    analysis_ =
        new AnalysisBasisKeeper(keeper_->Current()->frame, std::make_shared<GreatCircleTravel>());
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete keeper_;
    delete store_;
    delete db_;
  }
  static const NetworkSnapshot& Snap() { return *keeper_->Current(); }
  static const Municipality& Place(const std::string& code) {
    return *Snap().frame->territory.FindMunicipality(code);
  }
  static const CardEntry* Named(const std::string& name) {
    for (const auto& [id, e] : Snap().cards)
      if (e->card.name == name) return e.get();
    return nullptr;
  }

  static testing::TempDatabase* db_;
  static Store* store_;
  static SnapshotKeeper* keeper_;
  static AnalysisBasisKeeper* analysis_;
};
testing::TempDatabase* Navigator::db_ = nullptr;
Store* Navigator::store_ = nullptr;
SnapshotKeeper* Navigator::keeper_ = nullptr;
AnalysisBasisKeeper* Navigator::analysis_ = nullptr;

// Written out again from the cards themselves, independently of the search index: whether
// a card serves the municipality (delivered there at a public address, or its territory
// covers it) and whether it is delivered in the municipality's region.
bool ServesBruteForce(const ServiceCard& c, const Municipality& m) {
  for (const auto& l : c.locations)
    if (!c.confidential_address && l.municipality_code == m.code) return true;
  const auto& t = c.territory;
  switch (t.kind) {
    case TerritoryKind::kCountry:
      return true;
    case TerritoryKind::kMunicipalities:
      return Has(t.codes, m.code);
    case TerritoryKind::kOrp:
      return Has(t.codes, m.orp_code);
    case TerritoryKind::kRegion:
      return Has(t.codes, m.region_code);
  }
  return false;
}

bool InRegionBruteForce(const ServiceCard& c, const Territory& t, const Municipality& m) {
  for (const auto& l : c.locations)
    if (const Municipality* at = t.FindMunicipality(l.municipality_code))
      if (at->region_code == m.region_code) return true;
  return false;
}

float Distance(const SituationCard& c) {
  if (c.comes_to_you || c.remote) return 0;
  return c.travel ? c.travel->minutes : std::numeric_limits<float>::infinity();
}

TEST_F(Navigator, ChoosesExactlyThePublishedCardsOfTheSituationsTypesNearby) {
  CarMinutes travel(Snap().frame->territory, nullptr);
  for (const char* code : {kChrudim, kSkutec, kHermanuvMestec})
    for (const ModelSituation& s : RealReference().situations) {
      const Municipality& home = Place(code);
      SituationCards got = ChooseSituationCards(Snap(), s, home, travel, {1000, 1000});
      std::set<int64_t> helping, expected;
      for (const SituationCard& c : got.helping) helping.insert(c.entry->card.id);
      for (const auto& [id, e] : Snap().cards) {
        const ServiceCard& c = e->card;
        if (!c.published || !Has(s.service_types, c.service_type) ||
            Has(s.responsible_service_types, c.service_type))
          continue;
        if (ServesBruteForce(c, home) || InRegionBruteForce(c, Snap().frame->territory, home))
          expected.insert(id);
      }
      EXPECT_EQ(helping, expected) << s.id << " in " << home.name;
      EXPECT_EQ(got.helping_total, expected.size());
      EXPECT_EQ(got.responsible_total, got.responsible.size());
      // The responsible serve the municipality, unless none of their type does.
      for (const SituationCard& c : got.responsible) {
        EXPECT_TRUE(c.entry->card.published);
        EXPECT_TRUE(Has(s.responsible_service_types, c.entry->card.service_type));
        if (!c.serves_here) {
          for (const auto& [id, e] : Snap().cards)
            EXPECT_FALSE(e->card.published && e->card.service_type == c.entry->card.service_type &&
                         ServesBruteForce(e->card, home))
                << "card " << id << " serves " << home.name << " but " << c.entry->card.id
                << " stands in for it";
        }
      }
      // Nearest first, in both lists.
      for (const auto* list : {&got.responsible, &got.helping})
        EXPECT_TRUE(std::is_sorted(list->begin(), list->end(),
                                   [](const SituationCard& a, const SituationCard& b) {
                                     return Distance(a) < Distance(b);
                                   }))
            << s.id;
    }
}

TEST_F(Navigator, NeverTheInternalCardAndNoDistanceToAConfidentialAddress) {
  const ModelSituation& abuse = Situation("child_abuse");
  CarMinutes travel(Snap().frame->territory, nullptr);
  SituationCards got = ChooseSituationCards(Snap(), abuse, Place(kChrudim), travel, {1000, 1000});
  const CardEntry *internal = Named("Zasazená interní"), *confidential = Named("Zasazená důvěrná"),
                  *outreach = Named("Zasazená terénní");
  ASSERT_TRUE(internal && confidential && outreach);
  auto find = [&](const CardEntry* e) -> const SituationCard* {
    for (const SituationCard& c : got.helping)
      if (c.entry == e) return &c;
    return nullptr;
  };
  EXPECT_EQ(find(internal), nullptr);
  // A shelter's distance would tell where it is: it has none and comes after every
  // service with a public place.
  const SituationCard* hidden = find(confidential);
  ASSERT_NE(hidden, nullptr);
  EXPECT_FALSE(hidden->travel.has_value());
  for (const SituationCard* c = hidden; c != got.helping.data() + got.helping.size(); ++c)
    EXPECT_FALSE(c->travel.has_value()) << c->entry->card.name << " after a card without a place";
  // A service coming to people's homes is nearest of all.
  const SituationCard* comes = find(outreach);
  ASSERT_NE(comes, nullptr);
  EXPECT_TRUE(comes->comes_to_you);
  EXPECT_EQ(Distance(got.helping.front()), 0.0f);
}

TEST_F(Navigator, TheLimitKeepsTheNearestAndCountsTheRest) {
  const ModelSituation& abuse = Situation("child_abuse");
  CarMinutes travel(Snap().frame->territory, nullptr);
  SituationCards all = ChooseSituationCards(Snap(), abuse, Place(kSkutec), travel, {1000, 1000});
  ASSERT_GT(all.helping.size(), 2u);
  SituationCards two = ChooseSituationCards(Snap(), abuse, Place(kSkutec), travel, {1000, 2});
  ASSERT_EQ(two.helping.size(), 2u);
  EXPECT_EQ(two.helping_total, all.helping.size());
  EXPECT_EQ(two.helping[0].entry, all.helping[0].entry);
  EXPECT_EQ(two.helping[1].entry, all.helping[1].entry);
}

TEST_F(Navigator, TheAnswerListsTheNearestFewResponsibleAndCountsTheRest) {
  const ModelSituation& abuse = Situation("child_abuse");
  CarMinutes travel(Snap().frame->territory, nullptr);
  SituationCards all = ChooseSituationCards(Snap(), abuse, Place(kChrudim), travel, {1000, 1000});
  size_t planted = 0;
  for (const SituationCard& c : all.responsible)
    planted += c.entry->card.name.starts_with("Zasazené pracoviště");
  ASSERT_EQ(planted, kPlantedOffices);
  ASSERT_GT(all.responsible.size(), kAnswerLimits.responsible);
  // The page, the API and the leaflet take the answer of Navigate: the nearest few, and
  // how many there are in all.
  NavigatorAnswer answer = Navigate(Snap(), abuse, Place(kChrudim), travel);
  ASSERT_EQ(answer.cards.responsible.size(), kAnswerLimits.responsible);
  EXPECT_EQ(answer.cards.responsible_total, all.responsible.size());
  for (size_t i = 0; i < kAnswerLimits.responsible; ++i)
    EXPECT_EQ(answer.cards.responsible[i].entry, all.responsible[i].entry) << i;
  EXPECT_LE(answer.cards.helping.size(), kAnswerLimits.helping);
  EXPECT_EQ(answer.cards.helping_total, all.helping.size());
  auto j = nlohmann::json::parse(NavigatorAnswerJson(Snap(), answer));
  EXPECT_EQ(j["responsible"].size(), kAnswerLimits.responsible);
  EXPECT_EQ(j["responsible_total"], all.responsible.size());
  EXPECT_EQ(j["helping_total"], all.helping.size());
  EXPECT_EQ(j["limits"]["responsible"], kAnswerLimits.responsible);
  EXPECT_EQ(j["limits"]["helping"], kAnswerLimits.helping);
}

TEST_F(Navigator, EmergencyNumbersComeFirstOnlyWhereSafetyIsAtStake) {
  CarMinutes travel(Snap().frame->territory, nullptr);
  NavigatorAnswer abuse = Navigate(Snap(), Situation("child_abuse"), Place(kChrudim), travel);
  EXPECT_EQ(abuse.emergency, EmergencyEmphasis::kFirst);
  ASSERT_FALSE(abuse.emergency_contacts.empty());
  EXPECT_EQ(abuse.emergency_contacts.front()->number, "112");
  NavigatorAnswer teacher = Navigate(Snap(), Situation("teacher_concern"), Place(kChrudim), travel);
  EXPECT_EQ(teacher.emergency, EmergencyEmphasis::kShown);
  EXPECT_FALSE(teacher.emergency_contacts.empty());
  NavigatorAnswer school = Navigate(Snap(), Situation("school_refusal"), Place(kChrudim), travel);
  EXPECT_EQ(school.emergency, EmergencyEmphasis::kNone);
  EXPECT_TRUE(school.emergency_contacts.empty());
  // In the JSON the emergency box is the answer's first part after what it answers, and
  // OSPOD of Chrudim is the responsible actor.
  auto j = nlohmann::json::parse(NavigatorAnswerJson(Snap(), abuse));
  EXPECT_EQ(j["emergency"]["emphasis"], "first");
  EXPECT_EQ(j["emergency"]["contacts"][0]["tel"], "tel:112");
  bool ospod = false;
  for (const auto& r : j["responsible"])
    ospod |= r["card"]["service_type"] == "ospod_spod" && r["serves_here"] == true;
  EXPECT_TRUE(ospod) << j["responsible"].dump();
  EXPECT_EQ(j["travel"]["estimated"], true);
}

TEST_F(Navigator, TravelTimesComeFromTheAnalysisBasisWhenReady) {
  auto basis = analysis_->Basis(keeper_->Current());  // waits for the table
  ASSERT_TRUE(basis.ok());
  CarMinutes table = CarMinutes::For(*analysis_, keeper_->Current());
  EXPECT_FALSE(table.estimated_only());
  CarMinutes::Figure f = table.Between(Place(kSkutec), Place(kChrudim));
  EXPECT_FALSE(f.estimated);
  // The table is the same estimate here, so the figures agree.
  CarMinutes estimate(Snap().frame->territory, nullptr);
  EXPECT_NEAR(f.minutes, estimate.Between(Place(kSkutec), Place(kChrudim)).minutes, 0.5);
  EXPECT_TRUE(estimate.Between(Place(kSkutec), Place(kChrudim)).estimated);
  EXPECT_GT(f.minutes, 10);  // some 19 km apart
  EXPECT_LT(f.minutes, 40);
}

TEST_F(Navigator, WhoDoesWhatNamesTheResponsibleFirstForEverySituation) {
  auto answer = FindWhoDoesWhat(Snap(), "5304");
  ASSERT_TRUE(answer.ok());
  ASSERT_EQ(answer->rows.size(), RealReference().situations.size());
  for (const WhoDoesWhat::Row& row : answer->rows) {
    for (auto [role, types] :
         {std::pair{&row.responsible, &row.situation->responsible_service_types},
          std::pair{&row.helping, &row.situation->service_types}}) {
      EXPECT_LE(role->actors.size(), kWhoDoesWhatActors);
      size_t cards = 0;
      for (const WhoDoesWhat::ActorCards& a : role->actors) {
        EXPECT_LE(a.cards.size(), kWhoDoesWhatCardsPerActor);
        EXPECT_GE(a.cards_total, a.cards.size());
        cards += a.cards_total;
        for (const CardEntry* e : a.cards) {
          EXPECT_TRUE(e->card.published);
          EXPECT_EQ(e->card.actor_id, a.actor->actor.id);
          EXPECT_TRUE(Has(*types, e->card.service_type));
        }
      }
      // The actors with the most cards first.
      EXPECT_TRUE(std::is_sorted(
          role->actors.begin(), role->actors.end(),
          [](const auto& a, const auto& b) { return a.cards_total > b.cards_total; }));
      EXPECT_LE(cards, role->cards_total);
      if (role->actors.size() == role->actors_total) EXPECT_EQ(cards, role->cards_total);
    }
  }
  // The planted offices' actors are more than the page shows: the rest is counted.
  for (const WhoDoesWhat::Row& row : answer->rows) {
    if (row.situation->id != "child_abuse") continue;
    std::set<int64_t> actors;
    size_t cards = 0;
    for (const auto& [id, e] : Snap().cards)
      if (e->card.published &&
          Has(row.situation->responsible_service_types, e->card.service_type) &&
          e->card.name.starts_with("Zasazené pracoviště")) {
        actors.insert(e->card.actor_id);
        ++cards;
      }
    ASSERT_EQ(cards, kPlantedOffices);
    EXPECT_GT(row.responsible.actors_total, kWhoDoesWhatActors);
    EXPECT_GE(row.responsible.actors_total, actors.size());
    EXPECT_GE(row.responsible.cards_total, kPlantedOffices);
    EXPECT_EQ(row.responsible.actors.size(), kWhoDoesWhatActors);
  }
  auto j = nlohmann::json::parse(WhoDoesWhatJson(Snap(), *answer));
  EXPECT_EQ(j["orp"]["name"], "Chrudim");
  EXPECT_EQ(j["limits"]["actors"], kWhoDoesWhatActors);
  for (const auto& row : j["situations"])
    EXPECT_EQ(row["responsible"]["actors"].size(),
              std::min(row["responsible"]["actors_total"].get<size_t>(), kWhoDoesWhatActors));
  EXPECT_FALSE(FindWhoDoesWhat(Snap(), "0000").ok());
  std::string text = j.dump();
  EXPECT_EQ(text.find("Zasazená interní"), std::string::npos);
}

}  // namespace
}  // namespace prosit
