#include "app/catalog/territory_queries.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/query_scope.h"
#include "io/territory_json.h"
#include "model/czech_text.h"

namespace prosit {

namespace {

constexpr size_t kMaxNameQueryBytes = 200;

// A municipality with the names of its ORP and region, which tell namesakes apart.
nlohmann::json WithNames(const Territory& t, const Municipality& m) {
  nlohmann::json item = MunicipalityJson(m);
  if (const Orp* o = t.FindOrp(m.orp_code)) item["orp_name"] = o->name;
  if (const Region* r = t.FindRegion(m.region_code)) item["region_name"] = r->name;
  return item;
}

}  // namespace

FieldErrors CheckPlaceQuery(const PlaceQuery& q, const Territory& t) {
  FieldErrors e;
  CheckTerritoryParams(e, t, q.region, q.orp);
  if (q.text.size() > kMaxNameQueryBytes)
    e["q"] = "is too long for a name: at most " + std::to_string(kMaxNameQueryBytes) + " bytes";
  return e;
}

std::vector<const Municipality*> MatchingMunicipalities(const Territory& t, const PlaceQuery& q) {
  std::string folded_query = FoldForSearch(q.text);
  auto words = SearchTokens(folded_query);
  struct Hit {
    const Municipality* m;
    bool starts;
  };
  std::vector<Hit> hits;
  for (const Municipality& m : t.municipalities()) {
    if (!q.region.empty() && m.region_code != q.region) continue;
    if (!q.orp.empty() && m.orp_code != q.orp) continue;
    if (words.empty()) {
      hits.push_back({&m, false});
      continue;
    }
    // Its code finds a municipality too: an application names the place of a stored code.
    if (m.code == q.text) {
      hits.push_back({&m, true});
      continue;
    }
    std::string name = FoldForSearch(m.name);
    if (MatchesAllWords(words, name)) hits.push_back({&m, name.starts_with(folded_query)});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.starts != b.starts) return a.starts;
    if (a.m->population != b.m->population) return a.m->population > b.m->population;
    return a.m->code < b.m->code;
  });
  std::vector<const Municipality*> out;
  out.reserve(hits.size());
  for (const Hit& h : hits) out.push_back(h.m);
  return out;
}

std::string FindMunicipalities(const Territory& t, const PlaceQuery& q) {
  std::vector<const Municipality*> hits = MatchingMunicipalities(t, q);
  std::vector<std::string> rendered;
  for (size_t i = q.offset; i < hits.size() && rendered.size() < q.limit; ++i)
    rendered.push_back(WithNames(t, *hits[i]).dump());
  return RenderPage({rendered.begin(), rendered.end()}, hits.size(), q.offset, q.limit);
}

std::string FindOrps(const Territory& t, const PlaceQuery& q) {
  auto words = SearchTokens(FoldForSearch(q.text));
  nlohmann::json items = nlohmann::json::array();
  for (const Orp& o : t.orps()) {
    if (!q.region.empty() && o.region_code != q.region) continue;
    if (!words.empty() && !MatchesAllWords(words, FoldForSearch(o.name))) continue;
    items.push_back(OrpJson(t, o));
  }
  return nlohmann::json{{"items", items}, {"total", items.size()}}.dump();
}

}  // namespace prosit
