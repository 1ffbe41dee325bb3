// In-process catalog search on a real database: loads the snapshot as `prosit serve`
// does, then runs typical filtered text searches and reports latency percentiles. Each
// query runs side by side without any permission check (the search as it was before
// permissions) and as callers the server resolves — an admin, a networker of one ORP,
// a regional coordinator and the public — each timed with building its Caller from the
// user, so the cost of the permission check is a ratio measured in the same run.
//
//   prosit_search_bench --database var/national.db [--rounds 20]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/caller.h"
#include "app/catalog/catalog_queries.h"
#include "app/query_scope.h"
#include "app/snapshot/snapshot_keeper.h"
#include "bench_stats.h"

using namespace prosit;
using bench::Median;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

namespace {

// Typical questions of the catalog: a word or two, usually within a region or an ORP.
std::vector<ServiceQuery> TypicalQueries(const NetworkSnapshot& snap) {
  std::vector<ServiceQuery> out;
  const char* words[] = {"psycholog",   "poradna", "skola",   "sas rodiny",   "krizova pomoc",
                         "azylovy dum", "dluhy",   "pediatr", "nizkoprahove", "terenni program"};
  const auto& orps = snap.frame->territory.orps();
  const auto& regions = snap.frame->territory.regions();
  for (size_t i = 0; i < 200; ++i) {
    ServiceQuery q;
    q.text = words[i % std::size(words)];
    if (i % 2 == 0)
      q.region = regions[i % regions.size()].code;
    else
      q.orp = orps[(i * 37) % orps.size()].code;
    if (i % 5 == 0) q.age = 10;
    out.push_back(q);
  }
  return out;
}

// The search as it was before permissions: no Caller, every card visible.
std::string SearchWithoutPermissions(const NetworkSnapshot& snap, const ServiceQuery& q) {
  ServiceIndex::Hits hits = snap.index->Search(q, snap.overlay);
  std::vector<std::string_view> items;
  items.reserve(hits.page.size());
  for (const SearchableCard* card : hits.page)
    items.push_back(snap.FindCard(card->id)->summary_json);
  return RenderPage(items, hits.total, q.offset, q.limit);
}

Principal PrincipalOf(Role role, std::vector<std::string> territories) {
  Principal p;
  p.user.login = "bench";
  p.user.role = role;
  p.user.territories = std::move(territories);
  return p;
}

struct Variant {
  const char* name = "";
  std::optional<Principal> principal = std::nullopt;  // none: the public
  bool checked = true;                                // false: the search without permissions
  std::vector<double> micros = {};
  size_t bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string database = "var/national.db";
  int rounds = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--database")) database = argv[i + 1];
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::stoi(argv[i + 1]);
  }
  auto store = OpenStore(database);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  SnapshotKeeper keeper(**store);
  auto t0 = Clock::now();
  Status s = keeper.Load();
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  double load_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  auto snap = keeper.Current();
  auto queries = TypicalQueries(*snap);
  const Territory& territory = snap->frame->territory;
  std::vector<Variant> variants;
  variants.push_back({"no permission check", PrincipalOf(Role::kAdmin, {}), false});
  variants.push_back({"admin", PrincipalOf(Role::kAdmin, {})});
  variants.push_back({"networker of 5304", PrincipalOf(Role::kNetworker, {"5304"})});
  variants.push_back({"coordinator of CZ053", PrincipalOf(Role::kRegionalCoordinator, {"CZ053"})});
  variants.push_back({"public", std::nullopt});
  size_t hits = 0;
  // Whole rounds of every query per variant, the variants taking turns round by round
  // (first in turn changes each round), so caches and the machine's noise fall on all.
  for (int r = 0; r < rounds; ++r)
    for (size_t k = 0; k < variants.size(); ++k)
      for (size_t i = 0; i < queries.size(); ++i) {
        Variant& v = variants[(r + k) % variants.size()];
        auto a = Clock::now();
        std::string json;
        if (!v.checked) {
          json = SearchWithoutPermissions(*snap, queries[i]);
        } else {
          Caller caller = v.principal ? Caller::Of(*v.principal, territory) : Caller::Public();
          json = SearchServiceCards(caller, *snap, queries[i]);
        }
        v.micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - a).count());
        v.bytes += json.size();
        hits += json.size() > 60;
      }
  std::printf("cards %zu, snapshot load %.0f ms\n", snap->cards.size(), load_ms);
  double base = 0;
  for (const Variant& v : variants) {
    double total = 0;
    for (double m : v.micros) total += m;
    if (!v.checked) base = total;
    std::printf(
        "search (search + JSON page) as %-20s: %zu queries, p50 %.1f us, p99 %.1f us, "
        "max %.1f us, mean %.2f us (%.3f of unchecked), mean response %zu bytes\n",
        v.name, v.micros.size(), Percentile(v.micros, 0.5), Percentile(v.micros, 0.99),
        *std::max_element(v.micros.begin(), v.micros.end()), total / v.micros.size(), total / base,
        v.bytes / v.micros.size());
  }
  std::printf("non-empty answers %zu\n", hits);
  // What resolving who asks costs by itself, once the user is known.
  for (const Variant& v : variants) {
    if (!v.checked || !v.principal) continue;
    constexpr int kTimes = 100'000;
    size_t sink = 0;
    auto a = Clock::now();
    for (int i = 0; i < kTimes; ++i) sink += Caller::Of(*v.principal, territory).orps().size();
    double ns = std::chrono::duration<double, std::nano>(Clock::now() - a).count() / kTimes;
    std::printf("Caller of %-20s: %.0f ns (%zu)\n", v.name, ns, sink / kTimes);
  }
  return 0;
}
