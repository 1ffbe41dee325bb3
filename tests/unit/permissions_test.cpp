// The rules of app/accounts/permissions.h on the real territory: who a Caller is, where a record
// lies, and who may read and write it.

#include "app/accounts/permissions.h"

#include <gtest/gtest.h>

#include "app/accounts/audit_trail.h"
#include "app/accounts/personal_data.h"
#include "test_data.h"

namespace prosit {

namespace {

using testing::RealTerritory;

Principal As(Role role, std::vector<std::string> territories, std::string scope = "write") {
  Principal p;
  p.user.login = "u";
  p.user.role = role;
  p.user.territories = std::move(territories);
  p.scope = std::move(scope);
  return p;
}

Caller Of(Role role, std::vector<std::string> territories, std::string scope = "write") {
  return Caller::Of(As(role, std::move(territories), std::move(scope)), RealTerritory());
}

StatusCode CodeOf(const Status& s) { return s.code(); }

const RecordPlace kChrudim{{"5304"}, 0};
const RecordPlace kBenesov{{"2101"}, 0};

}  // namespace

TEST(Caller, ACoordinatorCoversEveryOrpOfItsRegionAndNoOther) {
  Caller c = Of(Role::kRegionalCoordinator, {"CZ053"});
  size_t in_region = 0;
  for (const Orp& o : RealTerritory().orps()) {
    EXPECT_EQ(c.Covers(o.code), o.region_code == "CZ053") << o.code;
    in_region += o.region_code == "CZ053";
  }
  EXPECT_EQ(c.orps().size(), in_region);
  EXPECT_FALSE(c.everywhere());
  EXPECT_TRUE(c.may_write());
}

TEST(Caller, ViewersAndReadTokensWriteNothing) {
  EXPECT_FALSE(Of(Role::kViewer, {"5304"}).may_write());
  EXPECT_FALSE(Of(Role::kNetworker, {"5304"}, "read").may_write());
  EXPECT_TRUE(Of(Role::kNetworker, {"5304"}).may_write());
  EXPECT_EQ(CodeOf(MayWriteWork(Of(Role::kViewer, {"5304"}), kChrudim)), StatusCode::kForbidden);
  EXPECT_EQ(CodeOf(MayWriteAny(Caller::Public())), StatusCode::kUnauthenticated);
}

TEST(Permissions, WorkIsReadAndWrittenInsideTheTerritoryOnly) {
  Caller networker = Of(Role::kNetworker, {"5304"});
  EXPECT_TRUE(MayReadWork(networker, kChrudim).ok());
  EXPECT_EQ(CodeOf(MayReadWork(networker, kBenesov)), StatusCode::kForbidden);
  EXPECT_TRUE(MayWriteWork(networker, kChrudim).ok());
  EXPECT_EQ(CodeOf(MayWriteWork(networker, kBenesov)), StatusCode::kForbidden);
  // A tie lies where either actor is seated.
  EXPECT_TRUE(MayWriteWork(networker, RecordPlace{{"2101", "5304"}, 0}).ok());
  // A record that lies nowhere (its theme is gone) is nobody's but the admin's.
  EXPECT_EQ(CodeOf(MayWriteWork(networker, RecordPlace{})), StatusCode::kForbidden);
  EXPECT_TRUE(MayWriteWork(Of(Role::kAdmin, {}), RecordPlace{}).ok());
  EXPECT_EQ(CodeOf(MayReadWork(Caller::Public(), kChrudim)), StatusCode::kUnauthenticated);
  EXPECT_EQ(CodeOf(MayReadWork(Of(Role::kActorEditor, {"7"}), kChrudim)), StatusCode::kForbidden);
}

TEST(Permissions, AScopeMustLieWhollyInside) {
  const Territory& t = RealTerritory();
  Caller networker = Of(Role::kNetworker, {"5304"});
  EXPECT_TRUE(MayReadScope(networker, t, "", "5304", true).ok());
  EXPECT_FALSE(MayReadScope(networker, t, "CZ053", "", true).ok());  // only part of it
  EXPECT_TRUE(MayReadScope(networker, t, "", "", false).ok());       // a list: narrowed
  EXPECT_FALSE(MayReadScope(networker, t, "", "", true).ok());       // the whole country
  Caller coordinator = Of(Role::kRegionalCoordinator, {"CZ053"});
  EXPECT_TRUE(MayReadScope(coordinator, t, "CZ053", "", true).ok());
  EXPECT_FALSE(MayReadScope(coordinator, t, "CZ020", "", true).ok());
  EXPECT_TRUE(MayReadScope(Of(Role::kAdmin, {}), t, "", "", true).ok());
}

TEST(Permissions, ActorEditorsChangeTheirOwnActorAndItsCardsOnly) {
  Caller editor = Of(Role::kActorEditor, {"7"});
  RecordPlace own{{"2101"}, 7}, other{{"5304"}, 8};
  EXPECT_TRUE(MayWriteActor(editor, own, WriteOp::kUpdate).ok());
  EXPECT_FALSE(MayWriteActor(editor, own, WriteOp::kCreate).ok());
  EXPECT_FALSE(MayWriteActor(editor, own, WriteOp::kDelete).ok());
  EXPECT_FALSE(MayWriteActor(editor, other, WriteOp::kUpdate).ok());
  EXPECT_TRUE(MayWriteCard(editor, own).ok());
  EXPECT_FALSE(MayWriteCard(editor, other).ok());
}

TEST(Permissions, InternalCardsShowToThoseWhoseTerritoryTheyServe) {
  ServiceCard card;
  card.actor_id = 7;
  card.published = false;
  std::vector<std::string> served = {"5304", "5302"};
  EXPECT_FALSE(SeesCard(Caller::Public(), card, served));
  EXPECT_TRUE(SeesCard(Of(Role::kViewer, {"5302"}), card, served));
  EXPECT_FALSE(SeesCard(Of(Role::kViewer, {"2101"}), card, served));
  EXPECT_TRUE(SeesCard(Of(Role::kActorEditor, {"7"}), card, served));
  EXPECT_FALSE(SeesCard(Of(Role::kActorEditor, {"8"}), card, served));
  card.published = true;
  EXPECT_TRUE(SeesCard(Caller::Public(), card, served));
}

TEST(AuditTrail, DiffNamesEveryChangedLeaf) {
  auto diff = DiffDocuments(R"({"name":"A","contacts":[{"phone":"1"}],"version":1})",
                            R"({"name":"A","contacts":[{"phone":"2"},{"phone":"3"}],"version":2})");
  ASSERT_EQ(diff.size(), 3u);
  EXPECT_EQ(diff[0].field, "contacts[0].phone");
  EXPECT_EQ(*diff[0].before, "\"1\"");
  EXPECT_EQ(*diff[0].after, "\"2\"");
  EXPECT_EQ(diff[1].field, "contacts[1].phone");
  EXPECT_FALSE(diff[1].before.has_value());
  EXPECT_EQ(diff[2].field, "version");
  // A deletion lists every field as gone.
  auto gone = DiffDocuments(R"({"a":1,"b":[]})", std::nullopt);
  ASSERT_EQ(gone.size(), 2u);
  EXPECT_FALSE(gone[1].after.has_value());
}

TEST(PersonalData, AContactMatchesIgnoringCaseAccentsAndPhoneSpacing) {
  Contact c{"Jana Nováková",
            "sociální pracovnice",
            "+420 469 657 111",
            "Jana.Novakova@chrudim.cz",
            "",
            false};
  EXPECT_TRUE(ContactMatches(c, {"jana novakova", "", ""}));
  EXPECT_TRUE(ContactMatches(c, {"", "jana.novakova@chrudim.cz", ""}));
  EXPECT_TRUE(ContactMatches(c, {"", "", "469657111"}));
  EXPECT_TRUE(ContactMatches(c, {"Jana Nováková", "", "469 657 111"}));
  EXPECT_FALSE(ContactMatches(c, {"Jana Nováková", "", "469 657 112"}));  // each field must match
  EXPECT_FALSE(ContactMatches(c, {"Jan Novák", "", ""}));
  EXPECT_FALSE(CheckPersonQuery({"", "", ""}).empty());
  EXPECT_FALSE(CheckPersonQuery({"", "", "12"}).empty());
}

}  // namespace prosit
