// The writers of the open formats: GeoJSON (closed rings, lon/lat order, null geometry),
// the TopoJSON arcs decoded into polygons, GraphML through igraph (keys declared, values
// typed, NaN for undefined) and iCalendar through libical (all-day events, escaping,
// folding, a bad date refused).

#include <gtest/gtest.h>
#include <igraph.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "analysis/graphml_writer.h"
#include "io/geojson.h"
#include "io/icalendar.h"
#include "io/municipality_shapes.h"

namespace prosit {

bool operator==(const LonLat& a, const LonLat& b) { return a.lon == b.lon && a.lat == b.lat; }

namespace {

using nlohmann::json;

TEST(GeoJson, WritesPointsPolygonsAndClosesRings) {
  GeoFeature point;
  point.id = "a";
  point.has_point = true;
  point.point = {15.7931, 49.9532};
  point.properties = json{{"name", "Poradna \"U mostu\""}}.dump();
  GeoFeature square;
  square.id = 7;
  square.polygons = {{{{15, 49}, {16, 49}, {16, 50}, {15, 50}}}};  // left open
  GeoFeature two;
  two.polygons = {{{{15, 49}, {16, 49}, {16, 50}, {15, 49}}}, {{{17, 49}, {18, 49}, {17, 50}}}};
  GeoFeature none;
  json doc = json::parse(WriteFeatureCollection({point, square, two, none}, {{"cards", 4}}));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  EXPECT_EQ(doc["cards"], 4);
  const json& f = doc["features"];
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0]["id"], "a");
  EXPECT_EQ(f[0]["geometry"]["type"], "Point");
  EXPECT_DOUBLE_EQ(f[0]["geometry"]["coordinates"][0].get<double>(), 15.7931);  // lon first
  EXPECT_DOUBLE_EQ(f[0]["geometry"]["coordinates"][1].get<double>(), 49.9532);
  EXPECT_EQ(f[0]["properties"]["name"], "Poradna \"U mostu\"");
  EXPECT_EQ(f[1]["id"], 7);
  EXPECT_EQ(f[1]["geometry"]["type"], "Polygon");
  const json& ring = f[1]["geometry"]["coordinates"][0];
  ASSERT_EQ(ring.size(), 5u);
  EXPECT_EQ(ring.front(), ring.back());
  EXPECT_EQ(f[2]["geometry"]["type"], "MultiPolygon");
  EXPECT_EQ(f[2]["geometry"]["coordinates"][0][0].size(), 4u);  // already closed: kept
  EXPECT_EQ(f[2]["geometry"]["coordinates"][1][0].size(), 4u);
  EXPECT_FALSE(f[3].contains("id"));
  EXPECT_TRUE(f[3]["geometry"].is_null());
}

TEST(MunicipalityShapes, DecodesQuantizedArcsIntoClosedRings) {
  // Two unit squares sharing the edge x = 1 (arc 0); the second uses it reversed (~0).
  std::string topo = R"({"type":"Topology",
    "transform":{"scale":[1,0.5],"translate":[15,49]},
    "arcs":[[[1,0],[0,2]], [[1,2],[-1,0],[0,-2],[1,0]], [[1,0],[1,0],[0,2],[-1,0]]],
    "objects":{"m":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","id":"100001","arcs":[[0,1]]},
      {"type":"MultiPolygon","id":100002,"arcs":[[[2,-1]]]}]}}})";
  auto shapes = MunicipalityShapes::Parse(topo);
  ASSERT_TRUE(shapes.ok()) << shapes.status().ToString();
  auto left = (*shapes)->Polygons("100001");
  ASSERT_EQ(left.size(), 1u);
  ASSERT_EQ(left[0].size(), 1u);
  EXPECT_EQ(left[0][0], (LonLatRing{{16, 49}, {16, 50}, {15, 50}, {15, 49}, {16, 49}}));
  auto right = (*shapes)->Polygons("100002");  // a numeric id is its code too
  ASSERT_EQ(right.size(), 1u);
  EXPECT_EQ(right[0][0], (LonLatRing{{16, 49}, {17, 49}, {17, 50}, {16, 50}, {16, 49}}));
  EXPECT_TRUE((*shapes)->Polygons("999999").empty());
}

TEST(MunicipalityShapes, RefusesATransformWithoutScale) {
  std::string topo = R"({"type":"Topology","transform":{"translate":[15,49]},"arcs":[[[0,0]]],
    "objects":{"m":{"type":"GeometryCollection","geometries":[]}}})";
  EXPECT_FALSE(MunicipalityShapes::Parse(topo).ok());
}

CooperationGraph Triangle() {
  CooperationGraphBuilder b;
  b.AddActor(1, "social");
  b.AddActor(2, "school");
  b.AddActor(3, "health");
  Tie t;
  t.actor_a = 1, t.actor_b = 2, t.type = "referral";
  t.ratings.reliability = 4, t.ratings.openness = 2;
  b.AddDeclaredTie(t);
  b.AddCoAttendance(2, 3, 3);
  return std::move(b).Build();
}

TEST(Graphml, DeclaresEveryKeyAndWritesTypedValues) {
  CooperationGraph g = Triangle();
  ASSERT_EQ(g.nodes.size(), 3u);
  ASSERT_EQ(g.edges.size(), 2u);
  auto xml = WriteGraphml(
      g,
      {GraphAttribute::Text("name", {"OSPOD Chrudim", "ZŠ <Komenského> & spol.", "Praktik"}),
       GraphAttribute::Number("betweenness", {0.0, 1.0, std::nullopt})},
      {GraphAttribute::Text("types", {"referral", "co_attendance"}),
       GraphAttribute::Bool("declared", {true, false}), GraphAttribute::Number("weight", {1, 3})});
  ASSERT_TRUE(xml.ok()) << xml.status().ToString();
  const std::string& s = *xml;
  EXPECT_NE(s.find("<graphml"), std::string::npos);
  EXPECT_NE(s.find(R"(<key id="v_name" for="node" attr.name="name" attr.type="string")"),
            std::string::npos);
  EXPECT_NE(s.find(R"(attr.name="betweenness" attr.type="double")"), std::string::npos);
  EXPECT_NE(s.find(R"(attr.name="declared" attr.type="boolean")"), std::string::npos);
  EXPECT_NE(s.find(R"(<graph id="G" edgedefault="undirected">)"), std::string::npos);
  EXPECT_NE(s.find("ZŠ &lt;Komenského&gt; &amp; spol."), std::string::npos);  // escaped
  // An undefined number is left out: n2 has no betweenness (read back as NaN).
  size_t count = 0;
  for (size_t at = 0; (at = s.find(R"(<data key="v_betweenness">)", at)) != std::string::npos; ++at)
    ++count;
  EXPECT_EQ(count, 2u);
  EXPECT_NE(s.find(R"(<edge source="n1" target="n2">)"), std::string::npos);
}

TEST(Graphml, RefusesAnAttributeOfTheWrongLength) {
  CooperationGraph g = Triangle();
  EXPECT_FALSE(WriteGraphml(g, {GraphAttribute::Text("name", {"only one"})}, {}).ok());
  EXPECT_FALSE(WriteGraphml(g, {}, {GraphAttribute::Bool("declared", {true})}).ok());
}

TEST(Graphml, LeavesNoAttributeHandlerBehind) {
  // The handler is restored, so a later graph (the analysis) carries no attributes.
  CooperationGraph g = Triangle();
  ASSERT_TRUE(WriteGraphml(g, {}, {}).ok());
  EXPECT_EQ(igraph_set_attribute_table(nullptr), nullptr);
}

// Unfolds RFC 5545 lines.
std::string Unfold(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 2 < s.size() && s[i + 1] == '\n' && s[i + 2] == ' ') {
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

TEST(ICalendar, WritesAllDayEventsWithStableIdentity) {
  Calendar cal;
  cal.name = "prosit: ORP Chrudim";
  cal.stamp = "2026-12-03T10:11:12Z";
  CalendarEvent e;
  e.uid = "meeting-12@prosit";
  e.date = "2026-12-31";
  e.summary = "Platforma; síťování, Chrudim";
  e.description =
      "Účastníci: OSPOD Chrudim, Základní škola a mateřská škola Chrudim, "
      "Pedagogicko-psychologická poradna Pardubického kraje\nPočet osob: 12";
  e.location = "ORP Chrudim";
  e.sequence = 2;
  e.last_modified = "2026-11-30T08:00:00.123Z";
  cal.events.push_back(e);
  auto text = WriteCalendar(cal);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  const std::string& s = *text;
  EXPECT_EQ(s.rfind("BEGIN:VCALENDAR\r\n", 0), 0u);
  for (size_t start = 0, end; (end = s.find("\r\n", start)) != std::string::npos; start = end + 2)
    EXPECT_LE(end - start, 75u) << s.substr(start, end - start);
  std::string u = Unfold(s);
  EXPECT_NE(u.find("VERSION:2.0"), std::string::npos);
  EXPECT_NE(u.find("X-WR-CALNAME:prosit: ORP Chrudim"), std::string::npos);
  EXPECT_NE(u.find("UID:meeting-12@prosit"), std::string::npos);
  EXPECT_NE(u.find("DTSTART;VALUE=DATE:20261231"), std::string::npos);
  EXPECT_NE(u.find("DTEND;VALUE=DATE:20270101"), std::string::npos);  // the day after
  EXPECT_NE(u.find("DTSTAMP:20261203T101112Z"), std::string::npos);
  EXPECT_NE(u.find("SEQUENCE:2"), std::string::npos);
  EXPECT_NE(u.find("LAST-MODIFIED:20261130T080000Z"), std::string::npos);
  EXPECT_NE(u.find("SUMMARY:Platforma\\; síťování\\, Chrudim"), std::string::npos);
  EXPECT_NE(u.find("\\nPočet osob: 12"), std::string::npos);
  EXPECT_NE(u.find("END:VCALENDAR"), std::string::npos);
}

TEST(ICalendar, RefusesADateThatIsNone) {
  Calendar cal;
  cal.stamp = "2026-12-03T10:11:12Z";
  CalendarEvent e;
  e.uid = "step-1@prosit";
  e.date = "2026-02-30";
  e.summary = "x";
  cal.events.push_back(e);
  EXPECT_FALSE(WriteCalendar(cal).ok());
  cal.events.clear();
  cal.stamp = "yesterday";
  EXPECT_FALSE(WriteCalendar(cal).ok());
}

}  // namespace
}  // namespace prosit
