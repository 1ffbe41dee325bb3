#include "analysis/brokerage.h"

#include <map>

namespace prosit {

BrokerageCounts& BrokerageCounts::operator+=(const BrokerageCounts& o) {
  coordinator += o.coordinator;
  itinerant += o.itinerant;
  representative_gatekeeper += o.representative_gatekeeper;
  liaison += o.liaison;
  return *this;
}

namespace {

int64_t PairsOf(int64_t k) { return k * (k - 1) / 2; }

}  // namespace

Brokerage ComputeBrokerage(const CooperationGraph& g) {
  const size_t n = g.nodes.size();
  // Sectors as small integers.
  std::map<std::string, int> index;
  for (const auto& node : g.nodes) index.emplace(node.sector, 0);
  int next = 0;
  for (auto& [id, i] : index) i = next++;
  std::vector<int> sector(n);
  for (size_t v = 0; v < n; ++v) sector[v] = index[g.nodes[v].sector];

  std::vector<std::vector<int32_t>> partners(n);
  for (const auto& e : g.edges) partners[e.a].push_back(e.b), partners[e.b].push_back(e.a);

  Brokerage br;
  br.per_actor.resize(n);
  // For broker b: every pair of partners by their sectors, counted from how many
  // partners each sector has, less the pairs that are themselves tied (found by marking
  // b's partners and walking each partner's own partners).
  std::vector<int32_t> mark(n, -1);
  std::vector<int64_t> per_sector(index.size(), 0);
  for (size_t b = 0; b < n; ++b) {
    const auto& nb = partners[b];
    if (nb.size() < 2) continue;
    const int own = sector[b];
    for (int32_t a : nb) ++per_sector[sector[a]], mark[a] = static_cast<int32_t>(b);
    int64_t same = per_sector[own], other = static_cast<int64_t>(nb.size()) - same;
    int64_t coordinator = PairsOf(same), representative = same * other, other_same = 0;
    for (int32_t a : nb)
      if (sector[a] != own && per_sector[sector[a]] > 0) {
        other_same += PairsOf(per_sector[sector[a]]);
        per_sector[sector[a]] = -per_sector[sector[a]];  // count each sector once
      }
    BrokerageCounts c{coordinator, other_same, representative, PairsOf(other) - other_same};
    // Closed pairs are not brokered.
    for (int32_t a : nb)
      for (int32_t x : partners[a])
        if (x > a && mark[x] == static_cast<int32_t>(b)) {
          int sa = sector[a], sx = sector[x];
          if (sa == own && sx == own)
            --c.coordinator;
          else if (sa == own || sx == own)
            --c.representative_gatekeeper;
          else if (sa == sx)
            --c.itinerant;
          else
            --c.liaison;
        }
    for (int32_t a : nb) per_sector[sector[a]] = 0;
    br.per_actor[b] = c;
    br.network += c;
  }
  std::vector<BrokerageCounts> sums(index.size());
  for (size_t v = 0; v < n; ++v) sums[sector[v]] += br.per_actor[v];
  for (const auto& [id, i] : index) br.by_sector.emplace_back(id, sums[i]);
  return br;
}

}  // namespace prosit
