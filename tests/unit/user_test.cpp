#include "model/user.h"

#include <gtest/gtest.h>

#include "io/user_json.h"
#include "test_data.h"

namespace prosit {

namespace {

User Networker() {
  User u;
  u.login = "jana.novakova";
  u.display_name = "Jana Nováková";
  u.role = Role::kNetworker;
  u.territories = {"5302"};
  return u;
}

}  // namespace

TEST(User, AValidNetworkerPasses) {
  EXPECT_TRUE(ValidateUser(Networker(), testing::RealTerritory()).empty());
}

TEST(User, EachBrokenRuleNamesItsField) {
  User u = Networker();
  u.login = "Jana Nováková";
  u.display_name = "";
  u.email = "not-an-address";
  u.territories = {"5302", "9999", "5302"};
  FieldErrors e = ValidateUser(u, testing::RealTerritory());
  EXPECT_TRUE(e.count("login"));
  EXPECT_TRUE(e.count("display_name"));
  EXPECT_TRUE(e.count("email"));
  EXPECT_EQ(e["territories[1]"], "no ORP 9999");
  EXPECT_EQ(e["territories[2]"], "listed twice");
  EXPECT_FALSE(e.count("territories[0]"));
}

TEST(User, TerritoriesFollowTheRole) {
  const Territory& t = testing::RealTerritory();
  User u = Networker();
  u.role = Role::kRegionalCoordinator;
  EXPECT_TRUE(ValidateUser(u, t).count("territories[0]"));  // an ORP is not a region
  u.territories = {"CZ053"};
  EXPECT_TRUE(ValidateUser(u, t).empty());
  u.role = Role::kAdmin;
  EXPECT_TRUE(ValidateUser(u, t).count("territories[0]"));  // an admin has none
  u.territories.clear();
  EXPECT_TRUE(ValidateUser(u, t).empty());
  u.role = Role::kViewer;
  EXPECT_TRUE(ValidateUser(u, t).count("territories"));  // a viewer needs some
  u.role = Role::kActorEditor;
  u.territories = {"12", "x"};
  FieldErrors e = ValidateUser(u, t);
  EXPECT_FALSE(e.count("territories[0]"));
  EXPECT_TRUE(e.count("territories[1]"));
  EXPECT_EQ(ActorIdsOf(u), std::vector<int64_t>{12});
}

TEST(User, RolesRoundTripThroughTheirNames) {
  for (Role r : {Role::kAdmin, Role::kRegionalCoordinator, Role::kNetworker, Role::kActorEditor,
                 Role::kViewer})
    EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("root"));
}

TEST(User, JsonRoundTripsAndRejectsUnknownFields) {
  User u = Networker();
  u.email = "jana@example.cz";
  auto back = UserFromJson(UserToJson(u).dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->login, u.login);
  EXPECT_EQ(back->email, u.email);
  EXPECT_EQ(back->role, Role::kNetworker);
  EXPECT_EQ(back->territories, u.territories);
  auto bad = UserFromJson(R"({"login":"a","role":"root","password_hash":"x"})");
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(bad.status().fields().count("role"));
  EXPECT_TRUE(bad.status().fields().count("password_hash"));
  EXPECT_EQ(UserToJson(u).dump().find("\"password"), std::string::npos);
}

}  // namespace prosit
