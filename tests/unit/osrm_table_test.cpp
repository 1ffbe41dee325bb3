#include "io/osrm_table.h"

#include <gtest/gtest.h>

#include "routing/osrm_travel.h"
#include "test_data.h"

namespace prosit {

TEST(OsrmTable, BuildsTheDocumentedPath) {
  std::vector<GeoPoint> from = {{49.772498, 16.026846}}, to = {{49.949824, 15.795158}, {49.7, 16}};
  EXPECT_EQ(OsrmTablePath("driving", from, to),
            "/table/v1/driving/16.026846,49.772498;15.795158,49.949824;16.000000,49.700000"
            "?sources=0&destinations=1;2&annotations=duration");
}

TEST(OsrmTable, ParsesDurationsAndNulls) {
  auto t = ParseOsrmTable(
      R"({"code":"Ok","durations":[[0,2340.5,null],[2400,0,61]],"sources":[],"destinations":[]})",
      2, 3);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->at(0, 1), 2340.5);
  EXPECT_EQ(t->at(0, 2), std::nullopt);
  EXPECT_EQ(t->at(1, 2), 61);
}

TEST(OsrmTable, ErrorsCarryOsrmsMessage) {
  auto refused = ParseOsrmTable(
      R"({"code":"InvalidQuery","message":"Query string malformed close to position 28"})", 1, 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(
      refused.status().message().find("InvalidQuery: Query string malformed close to position 28"),
      std::string::npos);
  EXPECT_EQ(OsrmErrorMessage(R"({"code":"TooBig","message":"Too many table coordinates"})"),
            "TooBig: Too many table coordinates");
  EXPECT_EQ(OsrmErrorMessage("<html>502 Bad Gateway</html>"), std::nullopt);
  for (const char* body :
       {"<html>", "[]", R"({"code":"Ok"})", R"({"code":"Ok","durations":[[1]]})",
        R"({"code":"Ok","durations":[[1,2],[3]]})", R"({"code":"Ok","durations":[[1,-2],[3,4]]})",
        R"({"code":"Ok","durations":[[1,"2"],[3,4]]})"}) {
    auto t = ParseOsrmTable(body, 2, 2);
    EXPECT_FALSE(t.ok()) << body;
  }
}

TEST(OsrmTravel, ServerDownIsAClearErrorAndNothingElse) {
  OsrmOptions o;
  o.base_url = "http://127.0.0.1:9";  // discard port: nothing listens there
  o.timeout_seconds = 5;
  Territory small = [] {
    const Territory& t = testing::RealTerritory();
    std::vector<Municipality> m = {*t.FindMunicipality("571661"), *t.FindMunicipality("571164")};
    return Territory(t.regions(), t.orps(), m);
  }();
  auto times = OsrmTravel(o).Compute(small, {});
  ASSERT_FALSE(times.ok());
  EXPECT_EQ(times.status().code(), StatusCode::kIoError);
  EXPECT_NE(times.status().message().find("GET http://127.0.0.1:9/table/v1/driving/"),
            std::string::npos)
      << times.status().message();
}

}  // namespace prosit
