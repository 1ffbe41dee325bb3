#include "io/territory_csv.h"

#include <cmath>
#include <set>

#include "io/csv_reader.h"

namespace prosit {

namespace {

// Looks up required columns once, then reads typed fields of a row with line context.
class RowReader {
 public:
  RowReader(const CsvTable& t, std::string source) : table_(t), source_(std::move(source)) {}

  Status Require(std::initializer_list<const char*> names) {
    for (const char* n : names) {
      int c = table_.Column(n);
      if (c < 0) return Status::Invalid(source_ + ": missing column '" + n + "'");
      columns_[n] = c;
    }
    return Status::Ok();
  }
  const std::string& Text(size_t row, const char* name) const {
    return table_.rows[row][columns_.at(name)];
  }
  // A finite number, with a decimal comma where the file separates fields by ';'.
  Status Number(size_t row, const char* name, double& out) const {
    const std::string& s = Text(row, name);
    auto value = ParseDecimal(s, table_.separator == ';');
    if (!value) {
      std::string hint = table_.separator == ',' && s.find(',') != std::string::npos
                             ? " (use a decimal point)"
                             : "";
      return Where(row, name, QuoteField(s) + " is not a number" + hint);
    }
    if (!std::isfinite(*value)) return Where(row, name, QuoteField(s) + " is not a finite number");
    out = *value;
    return Status::Ok();
  }
  Status Where(size_t row, const char* name, const std::string& what) const {
    return Status::Invalid(source_ + ":" + std::to_string(table_.row_lines[row]) + ": " + name +
                           ": " + what);
  }

 private:
  const CsvTable& table_;
  std::string source_;
  std::map<std::string, int> columns_;
};

Result<std::vector<Orp>> ParseOrps(const CsvTable& t, std::vector<Region>& regions) {
  RowReader r(t, "orp.csv");
  PROSIT_RETURN_IF_ERROR(
      r.Require({"orp_code", "orp_name", "region_code", "region_name", "population_2020",
                 "seat_municipality_code", "seat_lat", "seat_lon", "orp_ruian_code",
                 "population_census_2021", "population_0_14_census_2021"}));
  std::vector<Orp> orps;
  std::set<std::string> seen_regions;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    Orp o;
    double pop = 0, census = 0, kids = 0;
    o.code = r.Text(i, "orp_code");
    o.name = r.Text(i, "orp_name");
    o.region_code = r.Text(i, "region_code");
    o.ruian_code = r.Text(i, "orp_ruian_code");
    o.seat_municipality_code = r.Text(i, "seat_municipality_code");
    PROSIT_RETURN_IF_ERROR(r.Number(i, "population_2020", pop));
    PROSIT_RETURN_IF_ERROR(r.Number(i, "seat_lat", o.seat.lat));
    PROSIT_RETURN_IF_ERROR(r.Number(i, "seat_lon", o.seat.lon));
    PROSIT_RETURN_IF_ERROR(r.Number(i, "population_census_2021", census));
    PROSIT_RETURN_IF_ERROR(r.Number(i, "population_0_14_census_2021", kids));
    o.population = static_cast<int64_t>(pop);
    o.census_population = static_cast<int64_t>(census);
    o.census_children_0_14 = static_cast<int64_t>(kids);
    if (seen_regions.insert(o.region_code).second)
      regions.push_back({o.region_code, r.Text(i, "region_name")});
    orps.push_back(std::move(o));
  }
  return orps;
}

Result<std::vector<Municipality>> ParseMunicipalities(const CsvTable& t,
                                                      const std::vector<Orp>& orps) {
  RowReader r(t, "municipalities.csv");
  PROSIT_RETURN_IF_ERROR(
      r.Require({"municipality_code", "municipality_name", "orp_code", "district_code",
                 "region_code", "postcode", "lat", "lon", "population_2020"}));
  std::map<std::string, const Orp*> orp_by_code;
  for (const auto& o : orps) orp_by_code[o.code] = &o;
  std::vector<Municipality> out;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    Municipality m;
    double pop = 0;
    m.code = r.Text(i, "municipality_code");
    m.name = r.Text(i, "municipality_name");
    m.orp_code = r.Text(i, "orp_code");
    m.district_code = r.Text(i, "district_code");
    m.region_code = r.Text(i, "region_code");
    m.postcode = r.Text(i, "postcode");
    PROSIT_RETURN_IF_ERROR(r.Number(i, "lat", m.location.lat));
    PROSIT_RETURN_IF_ERROR(r.Number(i, "lon", m.location.lon));
    PROSIT_RETURN_IF_ERROR(r.Number(i, "population_2020", pop));
    m.population = static_cast<int64_t>(pop);
    auto orp = orp_by_code.find(m.orp_code);
    if (orp == orp_by_code.end())
      return r.Where(i, "orp_code", "unknown ORP " + QuoteField(m.orp_code));
    m.children_0_17 = EstimateChildren0to17(*orp->second, m.population);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

Result<Territory> ParseTerritory(const std::string& orp_csv,
                                 const std::string& municipalities_csv) {
  auto orp_table = ParseCsv(orp_csv, "orp.csv");
  if (!orp_table.ok()) return orp_table.status();
  auto mun_table = ParseCsv(municipalities_csv, "municipalities.csv");
  if (!mun_table.ok()) return mun_table.status();
  std::vector<Region> regions;
  auto orps = ParseOrps(*orp_table, regions);
  if (!orps.ok()) return orps.status();
  auto municipalities = ParseMunicipalities(*mun_table, *orps);
  if (!municipalities.ok()) return municipalities.status();
  return Territory(std::move(regions), std::move(*orps), std::move(*municipalities));
}

Result<Territory> LoadTerritoryFolder(const std::string& folder) {
  auto orp = ReadFile(folder + "/orp.csv");
  if (!orp.ok()) return orp.status();
  auto mun = ReadFile(folder + "/municipalities.csv");
  if (!mun.ok()) return mun.status();
  return ParseTerritory(*orp, *mun);
}

Result<std::map<std::string, double>> ParseChildPopulation(const std::string& csv,
                                                           const Territory& territory,
                                                           const std::string& source_name) {
  auto table = ParseCsv(csv, source_name);
  if (!table.ok()) return table.status();
  RowReader r(*table, source_name);
  PROSIT_RETURN_IF_ERROR(r.Require({"municipality_code", "children_0_17"}));
  std::map<std::string, double> out;
  for (size_t i = 0; i < table->rows.size(); ++i) {
    const std::string& code = r.Text(i, "municipality_code");
    const Municipality* m = territory.FindMunicipality(code);
    if (!m) return r.Where(i, "municipality_code", "unknown municipality " + QuoteField(code));
    double n = 0;
    PROSIT_RETURN_IF_ERROR(r.Number(i, "children_0_17", n));
    std::string problem = ChildCountProblem(n, *m);
    if (!problem.empty())
      return r.Where(i, "children_0_17", QuoteField(r.Text(i, "children_0_17")) + " " + problem);
    if (!out.emplace(code, n).second) return r.Where(i, "municipality_code", "appears twice");
  }
  return out;
}

}  // namespace prosit
