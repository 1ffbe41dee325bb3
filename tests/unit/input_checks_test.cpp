// What input readers refuse before any rule sees it: duplicate JSON keys, CSV files that are
// no UTF-8 text, impossible child counts; and what they read kindly: Czech Excel's CSV.

#include <gtest/gtest.h>

#include "io/csv_reader.h"
#include "io/json_reader.h"
#include "io/network_json.h"
#include "io/territory_csv.h"
#include "io/travel_matrix_csv.h"
#include "test_data.h"

namespace prosit {

TEST(JsonReader, AKeyTwiceIsMalformedNamingItsPath) {
  auto top = ActorFromJson(R"({"name": "A", "name": "B"})");
  EXPECT_EQ(top.status().code(), StatusCode::kMalformed);
  EXPECT_NE(top.status().message().find("\"name\""), std::string::npos);
  auto nested = ActorFromJson(R"({"seat": {"street": "a", "street": "b"}})");
  EXPECT_NE(nested.status().message().find("\"seat.street\""), std::string::npos);
  auto deep = ActorFromJson(R"({"contacts": [{"name": "a"}, {"web": "x", "web": "y"}]})");
  EXPECT_NE(deep.status().message().find("\"contacts[1].web\""), std::string::npos);
  // Many keys (sorted, not compared pairwise) and arrays of arrays.
  std::string many = "{";
  for (int i = 0; i < 40; ++i) many += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  auto check = [](const std::string& text) { return CheckJsonText(text); };
  EXPECT_TRUE(check(many + "\"k40\": 0}").ok());
  Status twice = check(many + "\"k7\": 0}");
  EXPECT_EQ(twice.code(), StatusCode::kMalformed);
  EXPECT_NE(twice.message().find("\"k7\""), std::string::npos);
  EXPECT_NE(check(R"({"a": [[{"b": 1}], [{"c": 1, "c": 2}]]})").message().find("\"a[1][0].c\""),
            std::string::npos);
  EXPECT_TRUE(check(R"({"a": {"b": 1}, "c": {"b": 1}, "b": [{"b": 1}, {"b": 2}]})").ok());
}

TEST(Csv, ReadsCzechExcelSemicolonsAndDecimalCommas) {
  auto t = ParseCsv("a;b\n\"x;y\";12,5\n", "t.csv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->separator, ';');
  EXPECT_EQ(t->rows[0][0], "x;y");
  EXPECT_EQ(ParseDecimal(t->rows[0][1], true), 12.5);
  EXPECT_EQ(ParseDecimal("12,5", false), std::nullopt);
  EXPECT_EQ(ParseDecimal("12.5", true), 12.5);
  EXPECT_EQ(ParseDecimal("1,2,3", true), std::nullopt);
  EXPECT_EQ(ParseCsv("a,b;c\n1,2\n", "t.csv")->separator, ',');  // a ',' decides
  auto matrix =
      ParseTravelMatrix("origin;destination;mode;minutes\n571661;571164;car;38,5\n", "m.csv");
  ASSERT_TRUE(matrix.ok()) << matrix.status().ToString();
  EXPECT_FLOAT_EQ(*matrix->rows[0].minutes, 38.5f);
}

TEST(Csv, NamesTheLineOfANulByteAControlOrBadUtf8) {
  const char with_nul[] = "a,b\n1,2\n\"3\nx\",4\n5\0,6\n";  // a quoted line break before it
  auto nul = ParseCsv(std::string(with_nul, sizeof with_nul - 1), "t.csv");
  EXPECT_EQ(nul.status().message(),
            "t.csv: NUL byte in line 5 (a binary or UTF-16 file, not UTF-8 text)");
  EXPECT_EQ(ParseCsv("a,b\r\n1,\x1a\r\n", "t.csv").status().message(),
            "t.csv: control character U+001A in line 2");
  EXPECT_EQ(ParseCsv("a,b\n1,2\n\xe8"
                     "esk\xe1,3\n",
                     "t.csv")
                .status()
                .message(),
            "t.csv: invalid UTF-8 in line 3 (save the file as UTF-8; Excel: CSV UTF-8)");
  EXPECT_NE(ParseCsv("\xff\xfe"
                     "a\0",
                     "t.csv")
                .status()
                .message()
                .find("UTF-16"),
            std::string::npos);
  EXPECT_TRUE(ParseCsv("\xEF\xBB\xBFk\xc5\x99,\tb\n1,2\n", "t.csv").ok());
}

TEST(Csv, QuotesAtMostSixtyCharacters) {
  EXPECT_EQ(QuoteField("abc"), "'abc'");
  std::string sixty(60, 'x'), czech;
  EXPECT_EQ(QuoteField(sixty), "'" + sixty + "'");
  EXPECT_EQ(QuoteField(sixty + "y"), "'" + sixty + "…'");
  for (int i = 0; i < 61; ++i) czech += "č";
  EXPECT_EQ(QuoteField(czech), "'" + czech.substr(0, 120) + "…'");  // never half a letter
}

TEST(Territory, ChildCountsMustBePossible) {
  Municipality m;
  m.population = 1421;
  EXPECT_EQ(ChildCountProblem(300, m), "");
  EXPECT_EQ(ChildCountProblem(1421, m), "");
  EXPECT_EQ(ChildCountProblem(1e9, m), "is more than the municipality's population (1421)");
  EXPECT_EQ(ChildCountProblem(-1, m), "is negative");
  EXPECT_EQ(ChildCountProblem(std::numeric_limits<double>::infinity(), m),
            "is not a finite number");
  EXPECT_EQ(ChildCountProblem(std::nan(""), m), "is not a finite number");
  m.population = 0;  // unknown
  EXPECT_EQ(ChildCountProblem(1e6, m), "");
  EXPECT_NE(ChildCountProblem(3e6, m), "");

  const Territory& t = testing::RealTerritory();
  for (const char* value : {"inf", "nan", "1e23", "-0.5", "abc"}) {
    auto r = ParseChildPopulation(
        std::string("municipality_code,children_0_17\n571164,4000\n571661,") + value + "\n", t,
        "/tmp/kids.csv");
    EXPECT_FALSE(r.ok()) << value;
    EXPECT_EQ(r.status().message().rfind("/tmp/kids.csv:3: children_0_17: ", 0), 0u)
        << r.status().message();
  }
}

}  // namespace prosit
