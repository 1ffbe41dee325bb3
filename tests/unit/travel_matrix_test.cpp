#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "app/analysis/travel_time_report.h"
#include "app/analysis/travel_time_source.h"
#include "io/travel_matrix_csv.h"
#include "routing/matrix_travel.h"
#include "test_data.h"

namespace prosit {

using testing::RealTerritory;

namespace {

// Chrudim, Krouna and Hlinsko (Pardubický kraj).
constexpr const char* kChrudim = "571164";
constexpr const char* kKrouna = "571661";
constexpr const char* kHlinsko = "571393";

// Pardubický kraj: big enough for real distances, small enough to compute fast.
const Territory& Pardubicky() {
  static const Territory t = [] {
    std::vector<std::string> codes;
    for (const Municipality& m : RealTerritory().municipalities())
      if (m.region_code == "CZ053") codes.push_back(m.code);
    return SubTerritory(RealTerritory(), codes);
  }();
  return t;
}

uint32_t Index(const Territory& t, const char* code) {
  return static_cast<uint32_t>(t.FindMunicipality(code) - t.municipalities().data());
}

bool Mentions(const Status& s, const std::string& text) {
  return s.message().find(text) != std::string::npos;
}

// A file under the temp folder, removed at the end.
class TempFile {
 public:
  explicit TempFile(const std::string& text) {
    static int counter = 0;
    path_ =
        (std::filesystem::temp_directory_path() /
         ("prosit-matrix-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".csv"))
            .string();
    std::ofstream(path_) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

TEST(TravelMatrixCsv, ParsesRowsUnreachableMarksAndDuplicates) {
  auto m = ParseTravelMatrix(
      "origin,destination,mode,minutes,distance_km\n"
      "571661,571164,car,39,38.8\n"
      "571661,571164,pt,62.5,\n"
      "571393,571164,car,,\n"
      "571393,571164,pt,NA,\n"
      "571164,571393,pt,null,\n"
      "571661,571164,car,41,\n"    // repeated: the shortest (39) stays
      "571393,571164,car, 31 ,\n"  // a reachable row beats an unreachable one
      "\r\n",
      "m.csv");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->source, "m.csv");
  EXPECT_EQ(m->duplicates, 2u);
  EXPECT_EQ(m->Reachable(TravelMode::kCar), 2u);
  EXPECT_EQ(m->Unreachable(TravelMode::kCar), 0u);
  EXPECT_EQ(m->Reachable(TravelMode::kPublicTransport), 1u);
  EXPECT_EQ(m->Unreachable(TravelMode::kPublicTransport), 2u);
  ASSERT_EQ(m->rows.size(), 5u);
  // Sorted by mode, origin, destination.
  const TravelMatrixRow& first = m->rows[0];
  EXPECT_EQ(first.origin, 571393u);
  EXPECT_EQ(first.mode, TravelMode::kCar);
  EXPECT_EQ(first.minutes, 31.0f);
  EXPECT_EQ(first.line, 8);
  EXPECT_EQ(m->rows[1].minutes, 39.0f);
  EXPECT_EQ(m->rows[1].line, 2);
}

TEST(TravelMatrixCsv, RejectsEveryBadRowNamingLineAndField) {
  auto m = ParseTravelMatrix(
      "origin,destination,mode,minutes\n"
      "571661,571164,car,39\n"
      "57166,571164,car,39\n"        // 3: short code
      "571661,abcdef,car,39\n"       // 4: not digits
      "571661,571164,bus,39\n"       // 5: mode
      "571661,571164,car,-3\n"       // 6: negative
      "571661,571164,car,NaN\n"      // 7: NaN text
      "571661,571164,pt,inf\n"       // 8: infinite
      "571661,571164,pt,\"12,5\"\n"  // 9: decimal comma
      "571661,571164,pt,soon\n",     // 10
      "bad.csv");
  ASSERT_FALSE(m.ok());
  const Status& s = m.status();
  EXPECT_EQ(s.code(), StatusCode::kInvalid);
  EXPECT_TRUE(Mentions(s, "8 problem(s), nothing imported")) << s.message();
  EXPECT_TRUE(Mentions(s, "bad.csv:3: origin: '57166' is not a municipality code"));
  EXPECT_TRUE(Mentions(s, "bad.csv:4: destination: 'abcdef'"));
  EXPECT_TRUE(Mentions(s, "bad.csv:5: mode: 'bus' is not car or pt"));
  EXPECT_TRUE(Mentions(s, "bad.csv:6: minutes: '-3' is negative"));
  EXPECT_TRUE(Mentions(s, "bad.csv:7: minutes: 'NaN' is not a number"));
  EXPECT_TRUE(Mentions(s, "bad.csv:8: minutes: 'inf'"));
  EXPECT_TRUE(
      Mentions(s, "bad.csv:9: minutes: '12,5' is not a number of minutes (use a decimal point)"));
  EXPECT_TRUE(Mentions(s, "bad.csv:10: minutes"));
  EXPECT_FALSE(Mentions(s, "bad.csv:2:"));
}

TEST(TravelMatrixCsv, RejectsBadStructure) {
  auto header = ParseTravelMatrix("from,to,mode,minutes\n571661,571164,car,39\n", "h.csv");
  ASSERT_FALSE(header.ok());
  EXPECT_TRUE(Mentions(header.status(), "h.csv:1: the header lacks 'origin' 'destination'"))
      << header.status().message();
  auto missing = ParseTravelMatrix("origin,destination,mode,minutes\n571661,571164,car\n", "f.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(Mentions(missing.status(), "f.csv:2: expected 4 fields, found 3"));
  auto empty = ParseTravelMatrix("origin,destination,mode,minutes\n", "e.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_TRUE(Mentions(empty.status(), "no pairs"));
  EXPECT_FALSE(ParseTravelMatrix("", "z.csv").ok());
  auto quote =
      ParseTravelMatrix("origin,destination,mode,minutes\n\"571661,571164,car,1\n", "q.csv");
  EXPECT_FALSE(quote.ok());
}

TEST(TravelMatrixCsv, ListsAtMostTwentyProblems) {
  std::string text = "origin,destination,mode,minutes\n";
  for (int i = 0; i < 30; ++i) text += "571661,571164,walk,1\n";
  auto m = ParseTravelMatrix(text, "many.csv");
  ASSERT_FALSE(m.ok());
  EXPECT_TRUE(Mentions(m.status(), "30 problem(s)"));
  EXPECT_TRUE(Mentions(m.status(), "many.csv:21: mode"));
  EXPECT_FALSE(Mentions(m.status(), "many.csv:22: mode"));
  EXPECT_TRUE(Mentions(m.status(), "and 10 more"));
}

TEST(TravelMatrixCsv, ResolveRejectsUnknownCodesNamingTheLine) {
  auto m = ParseTravelMatrix(
      "origin,destination,mode,minutes\n571661,571164,car,39\n999999,571164,car,10\n"
      "571661,500000,pt,\n",
      "u.csv");
  ASSERT_TRUE(m.ok());
  auto r = ResolveTravelMatrix(*m, RealTerritory());
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Mentions(r.status(), "2 problem(s)")) << r.status().message();
  EXPECT_TRUE(Mentions(r.status(), "u.csv:3: origin: unknown municipality '999999'"));
  EXPECT_TRUE(Mentions(r.status(), "u.csv:4: destination: unknown municipality '500000'"));
}

TEST(TravelMatrixCsv, WritesWhatItReads) {
  std::vector<TravelMatrixRow> rows = {{571661, 571164, TravelMode::kCar, 39.25f, 0},
                                       {571661, 571164, TravelMode::kPublicTransport, {}, 0}};
  std::string text = WriteTravelMatrix(rows);
  EXPECT_EQ(text, "origin,destination,mode,minutes\n571661,571164,car,39.2\n571661,571164,pt,\n");
  auto back = ParseTravelMatrix(text, "w.csv");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Reachable(TravelMode::kCar), 1u);
  EXPECT_EQ(back->Unreachable(TravelMode::kPublicTransport), 1u);
}

TEST(MatrixTravel, PairsSelfPairsAndUnreachable) {
  const Territory& t = Pardubicky();
  ASSERT_EQ(t.municipalities().size(), 451u);
  auto m = ParseTravelMatrix(
      "origin,destination,mode,minutes\n"
      "571661,571164,car,39\n"
      "571164,571661,car,40\n"
      "571661,571661,car,0\n"   // a listed self-pair is kept as given
      "571393,571393,car,NA\n"  // and a self-pair marked unreachable stays so
      "571393,571164,car,NA\n"
      "571661,571164,car,200\n",  // repeated and longer: ignored
      "m.csv");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  MatrixTravel provider(std::move(*m), {});
  auto times = provider.Compute(t, {90, 90});
  ASSERT_TRUE(times.ok()) << times.status().ToString();
  uint32_t chrudim = Index(t, kChrudim), krouna = Index(t, kKrouna), hlinsko = Index(t, kHlinsko);
  EXPECT_EQ(times->Minutes(TravelMode::kCar, krouna, chrudim), 39.0f);
  EXPECT_EQ(times->Minutes(TravelMode::kCar, chrudim, krouna), 40.0f);
  EXPECT_EQ(times->Minutes(TravelMode::kCar, krouna, krouna), 0.0f);
  EXPECT_EQ(times->Minutes(TravelMode::kCar, hlinsko, hlinsko), std::nullopt);
  EXPECT_EQ(times->Minutes(TravelMode::kCar, hlinsko, chrudim), std::nullopt);
  EXPECT_EQ(times->Minutes(TravelMode::kCar, chrudim, hlinsko), std::nullopt);  // not listed
  // A self-pair not in the file: the built-in access time.
  EXPECT_EQ(times->Minutes(TravelMode::kCar, chrudim, chrudim), 3.0f);
  // No pt rows at all: public transport comes from the built-in estimate.
  auto pt = times->Minutes(TravelMode::kPublicTransport, krouna, chrudim);
  ASSERT_TRUE(pt.has_value());
  EXPECT_NEAR(*pt,
              GreatCircleTravel().Minutes(TravelMode::kPublicTransport,
                                          GreatCircleKm(t.municipalities()[krouna].location,
                                                        t.municipalities()[chrudim].location)),
              1e-3);
  // Every leg is a finite number.
  for (TravelMode mode : kAllTravelModes)
    for (uint32_t i = 0; i < t.municipalities().size(); ++i)
      for (const TravelLeg& leg : times->From(mode, i)) ASSERT_TRUE(std::isfinite(leg.minutes));

  const std::string d = provider.Describe();
  EXPECT_NE(d.find("imported matrix m.csv: 3 pairs (car), 2 marked unreachable"), std::string::npos)
      << d;
  EXPECT_NE(d.find("public transport not in the file, from the built-in estimate"),
            std::string::npos);
  EXPECT_NE(d.find("pairs not listed are unreachable"), std::string::npos);
  EXPECT_EQ(times->source(), d);

  EXPECT_EQ(provider.Explain(TravelMode::kCar, kKrouna, kChrudim), "39.0 min, m.csv:2");
  EXPECT_EQ(provider.Explain(TravelMode::kCar, kHlinsko, kChrudim),
            "marked unreachable at m.csv:6");
  EXPECT_EQ(provider.Explain(TravelMode::kCar, kChrudim, kHlinsko), "not in m.csv: unreachable");
  EXPECT_EQ(provider.Explain(TravelMode::kCar, kChrudim, kChrudim),
            "not in m.csv: the built-in access time");
  EXPECT_EQ(provider.Explain(TravelMode::kPublicTransport, kChrudim, kHlinsko),
            "public transport not in m.csv: built-in estimate");
}

TEST(MatrixTravel, UnknownCodeFailsComputeWithNoTable) {
  auto m = ParseTravelMatrix("origin,destination,mode,minutes\n571661,500000,car,39\n", "x.csv");
  ASSERT_TRUE(m.ok());
  MatrixTravel provider(std::move(*m), {});
  auto times = provider.Compute(Pardubicky(), {});
  ASSERT_FALSE(times.ok());
  EXPECT_TRUE(Mentions(times.status(), "x.csv:2: destination: unknown municipality '500000'"));
}

TEST(TravelTimeSource, ParsesTheSpec) {
  auto builtin = MakeTravelTimeProvider("builtin", 1.4);
  ASSERT_TRUE(builtin.ok());
  EXPECT_NE((*builtin)->Describe().find("x 1.40"), std::string::npos) << (*builtin)->Describe();
  EXPECT_FALSE(MakeTravelTimeProvider("builtin", 0.9).ok());
  EXPECT_FALSE(MakeTravelTimeProvider("builtin", NAN).ok());
  EXPECT_FALSE(MakeTravelTimeProvider("google", 1.3).ok());
  EXPECT_FALSE(MakeTravelTimeProvider("matrix:", 1.3).ok());
  EXPECT_FALSE(MakeTravelTimeProvider("osrm:localhost:5000", 1.3).ok());
  auto osrm = MakeTravelTimeProvider("osrm:http://127.0.0.1:5000/", 1.3);
  ASSERT_TRUE(osrm.ok());
  EXPECT_NE((*osrm)->Describe().find("OSRM http://127.0.0.1:5000: car by profile 'driving'; "
                                     "public transport from the built-in estimate"),
            std::string::npos)
      << (*osrm)->Describe();

  auto absent = MakeTravelTimeProvider("matrix:/nonexistent/m.csv", 1.3);
  ASSERT_FALSE(absent.ok());
  EXPECT_TRUE(Mentions(absent.status(), "/nonexistent/m.csv"));
  TempFile bad("origin,destination,mode,minutes\n571661,571164,car,-1\n");
  auto rejected = MakeTravelTimeProvider("matrix:" + bad.path(), 1.3);
  ASSERT_FALSE(rejected.ok());
  EXPECT_TRUE(Mentions(rejected.status(), bad.path() + ":2: minutes"));
  TempFile good("origin,destination,mode,minutes\n571661,571164,car,39\n");
  auto matrix = MakeTravelTimeProvider("matrix:" + good.path(), 1.3);
  ASSERT_TRUE(matrix.ok()) << matrix.status().ToString();
  EXPECT_NE((*matrix)->Describe().find("1 pairs (car)"), std::string::npos);
}

TEST(TravelTimeReport, PairOrpAndRoundTrip) {
  const Territory& t = RealTerritory();
  GreatCircleTravel builtin;
  auto text = TravelBetween(builtin, t, kKrouna, kChrudim, std::nullopt);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_NE(text->find("Krouna (571661) -> Chrudim (571164)"), std::string::npos) << *text;
  EXPECT_NE(text->find("car: 36."), std::string::npos) << *text;
  EXPECT_FALSE(TravelBetween(builtin, t, kKrouna, "000000", std::nullopt).ok());

  // The ORP matrix of Hlinsko, written and imported again, gives the same times.
  auto rows = TravelMatrixOfOrp(builtin, t, "5302", std::nullopt);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  size_t n = t.MunicipalitiesOfOrp("5302").size();
  EXPECT_EQ(rows->size(), 2 * n * n);
  auto again = ParseTravelMatrix(WriteTravelMatrix(*rows), "orp.csv");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->duplicates, 0u);
  MatrixTravel imported(std::move(*again), {});
  auto back = TravelBetween(imported, t, kKrouna, kHlinsko, TravelMode::kCar);
  auto direct = TravelBetween(builtin, t, kKrouna, kHlinsko, TravelMode::kCar);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  EXPECT_EQ(back->substr(0, back->find("source")), direct->substr(0, direct->find("source")));
  EXPECT_FALSE(TravelMatrixOfOrp(builtin, t, "0000", std::nullopt).ok());
}

}  // namespace prosit
