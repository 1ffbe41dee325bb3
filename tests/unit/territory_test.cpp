#include <gtest/gtest.h>

#include <cmath>

#include "io/csv_reader.h"
#include "io/territory_csv.h"
#include "test_data.h"

namespace prosit {

using testing::RealTerritory;

TEST(Territory, LoadsTheWholeCountry) {
  const Territory& t = RealTerritory();
  EXPECT_EQ(t.regions().size(), 14u);
  EXPECT_EQ(t.orps().size(), 206u);
  EXPECT_EQ(t.municipalities().size(), 6258u);
  int64_t population = 0;
  for (const auto& m : t.municipalities()) population += m.population;
  EXPECT_EQ(population, 10693939);  // SOURCES.md
  int orps = 0;
  for (const auto& o : t.orps()) orps += o.region_code == "CZ053";
  EXPECT_EQ(orps, 15);
  ASSERT_NE(t.FindOrp("5304"), nullptr);
  EXPECT_EQ(t.FindOrp("5304")->name, "Chrudim");
}

TEST(Territory, EstimatesChildrenFromTheOrpCensusShare) {
  const Territory& t = RealTerritory();
  const Orp* orp = t.FindOrp("5304");
  const Municipality* m = t.FindMunicipality(orp->seat_municipality_code);
  double expected = static_cast<double>(orp->census_children_0_14) / orp->census_population * 18.0 /
                    15.0 * m->population;
  EXPECT_NEAR(m->children_0_17, expected, 1e-9);
  double total = 0;
  for (const auto& mm : t.municipalities()) total += mm.children_0_17;
  // 0–17-year-olds are about a fifth of the population.
  EXPECT_GT(total / 10693939.0, 0.17);
  EXPECT_LT(total / 10693939.0, 0.22);
}

TEST(Territory, ChildPopulationImportIsAllOrNothing) {
  const Territory& t = RealTerritory();
  auto ok = ParseChildPopulation("municipality_code,children_0_17\n571164,4100\n", t);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->at("571164"), 4100);
  auto unknown = ParseChildPopulation("municipality_code,children_0_17\n571164,1\n999999,2\n", t);
  EXPECT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("children.csv:3"), std::string::npos);
  auto negative = ParseChildPopulation("municipality_code,children_0_17\n571164,-1\n", t);
  EXPECT_FALSE(negative.ok());
  auto text = ParseChildPopulation("municipality_code,children_0_17\n571164,many\n", t);
  EXPECT_FALSE(text.ok());
  auto missing = ParseChildPopulation("code,children\n571164,1\n", t);
  EXPECT_FALSE(missing.ok());
}

TEST(Csv, QuotesLinesAndErrors) {
  auto t = ParseCsv("a,b\n\"x, \"\"y\"\"\",2\r\n\"multi\nline\",3\n", "t.csv");
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][0], "x, \"y\"");
  EXPECT_EQ(t->rows[1][0], "multi\nline");
  EXPECT_EQ(t->row_lines[1], 3);
  auto bad = ParseCsv("a,b\n1,2,3\n", "t.csv");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.csv:2"), std::string::npos);
  EXPECT_FALSE(ParseCsv("a,b\n\"open,1\n", "t.csv").ok());
}

}  // namespace prosit
