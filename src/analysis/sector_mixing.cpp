#include "analysis/sector_mixing.h"

#include <map>

namespace prosit {

namespace {

void Finish(EiCount& c) {
  int all = c.external + c.internal;
  if (all > 0) c.ei = static_cast<double>(c.external - c.internal) / all;
}

}  // namespace

SectorMixing ComputeSectorMixing(const CooperationGraph& g) {
  SectorMixing mix;
  // Sector ids in order, and each node's position among them.
  std::map<std::string, int> index;
  for (const auto& node : g.nodes) index.emplace(node.sector, 0);
  int s = 0;
  for (auto& [id, i] : index) {
    i = s++;
    mix.sectors.push_back({id, 0, {}});
  }
  std::vector<int> sector_of(g.nodes.size());
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    sector_of[v] = index[g.nodes[v].sector];
    ++mix.sectors[sector_of[v]].actors;
  }
  const int k = static_cast<int>(mix.sectors.size());
  std::vector<int> block_ties(static_cast<size_t>(k) * k, 0);

  mix.per_actor.resize(g.nodes.size());
  for (const auto& e : g.edges) {
    int sa = sector_of[e.a], sb = sector_of[e.b];
    bool cross = sa != sb;
    auto count = [cross](EiCount& c) { ++(cross ? c.external : c.internal); };
    count(mix.network);
    count(mix.per_actor[e.a]);
    count(mix.per_actor[e.b]);
    count(mix.sectors[sa].count);
    if (cross) count(mix.sectors[sb].count);
    ++block_ties[std::min(sa, sb) * k + std::max(sa, sb)];
  }
  Finish(mix.network);
  for (auto& c : mix.per_actor) Finish(c);
  for (auto& sec : mix.sectors) Finish(sec.count);

  int64_t n = static_cast<int64_t>(g.nodes.size()), within = 0;
  for (const auto& sec : mix.sectors) within += int64_t{sec.actors} * (sec.actors - 1) / 2;
  int64_t all_pairs = n * (n - 1) / 2;
  if (all_pairs > 0)
    mix.expected_ei = static_cast<double>(all_pairs - 2 * within) / static_cast<double>(all_pairs);

  for (int a = 0; a < k; ++a)
    for (int b = a; b < k; ++b) {
      BlockDensity block{
          mix.sectors[a].sector, mix.sectors[b].sector, block_ties[a * k + b], 0, {}};
      int64_t na = mix.sectors[a].actors, nb = mix.sectors[b].actors;
      block.pairs = a == b ? na * (na - 1) / 2 : na * nb;
      if (block.pairs > 0) block.density = static_cast<double>(block.ties) / block.pairs;
      mix.blocks.push_back(std::move(block));
    }

  if (!mix.network.ei)
    mix.notes.push_back("no ties: the E-I index is undefined for the network and its sectors");
  else if (k == 1)
    mix.notes.push_back("all actors are of one sector: every tie is internal (E-I = -1)");
  for (const auto& sec : mix.sectors) {
    if (mix.network.ei && !sec.count.ei)
      mix.notes.push_back("sector " + sec.sector + " has no ties: its E-I index is undefined");
    if (sec.actors == 1)
      mix.notes.push_back("sector " + sec.sector +
                          " has one actor: its density within the sector is undefined");
  }
  return mix;
}

}  // namespace prosit
