// The cooperation network analysis on small graphs whose answers are known by hand.

#include <gtest/gtest.h>
#include <igraph.h>

#include <algorithm>
#include <random>

#include "analysis/brokerage.h"
#include "analysis/cooperation_graph.h"
#include "analysis/igraph_session.h"
#include "analysis/network_metrics.h"
#include "analysis/path_centrality.h"
#include "analysis/sector_mixing.h"
#include "analysis/tie_quality.h"

namespace prosit {
namespace {

// Actors 1..sectors.size() with the given sectors, and referral ties between them.
CooperationGraph Graph(const std::vector<std::string>& sectors,
                       const std::vector<std::pair<int, int>>& ties) {
  CooperationGraphBuilder b;
  for (size_t i = 0; i < sectors.size(); ++i) b.AddActor(static_cast<int64_t>(i + 1), sectors[i]);
  for (auto [x, y] : ties) {
    Tie t;
    t.actor_a = x;
    t.actor_b = y;
    t.type = "referral";
    b.AddDeclaredTie(t);
  }
  return std::move(b).Build();
}

NetworkMetrics Metrics(const CooperationGraph& g) {
  auto m = ComputeNetworkMetrics(g);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return *m;
}

TEST(CooperationGraph, MergesTiesOfAPairAndCountsWhatItCannotPlace) {
  CooperationGraphBuilder b;
  b.AddActor(20, "health");
  b.AddActor(10, "ospod");
  Tie t;
  t.actor_a = 20, t.actor_b = 10, t.type = "referral";
  t.ratings.reliability = 4;
  b.AddDeclaredTie(t);
  t.type = "information_sharing";
  t.ratings = {};
  b.AddDeclaredTie(t);
  b.AddCoAttendance(10, 20, 3);
  t.actor_b = 99;  // seated elsewhere
  b.AddDeclaredTie(t);
  t.actor_b = 20;  // itself
  b.AddDeclaredTie(t);
  CooperationGraph g = std::move(b).Build();
  ASSERT_EQ(g.nodes.size(), 2u);
  EXPECT_EQ(g.nodes[0].actor_id, 10);
  ASSERT_EQ(g.edges.size(), 1u);
  const auto& e = g.edges[0];
  EXPECT_EQ(e.a, 0);
  EXPECT_EQ(e.b, 1);
  EXPECT_EQ(e.types,
            (std::vector<std::string>{"co_attendance", "information_sharing", "referral"}));
  EXPECT_EQ(e.declared_ties, 2);
  EXPECT_EQ(e.shared_meetings, 3);
  EXPECT_EQ(e.ratings.size(), 1u);
  EXPECT_EQ(g.ties_leaving, 1);
  EXPECT_EQ(g.self_ties, 1);
  EXPECT_TRUE(g.CrossSector(e));
}

TEST(NetworkMetrics, StarIsFullyCentralized) {
  // Hub 1 with four leaves.
  auto g = Graph({"a", "a", "a", "a", "a"}, {{1, 2}, {1, 3}, {1, 4}, {1, 5}});
  NetworkMetrics m = Metrics(g);
  EXPECT_DOUBLE_EQ(*m.density, 0.4);
  EXPECT_EQ(m.per_actor[0].degree, 4);
  EXPECT_DOUBLE_EQ(*m.per_actor[0].degree_centrality, 1.0);
  EXPECT_DOUBLE_EQ(m.per_actor[0].betweenness_raw, 6.0);  // the 6 pairs of leaves
  EXPECT_DOUBLE_EQ(*m.per_actor[0].betweenness, 1.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[1].betweenness, 0.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[0].closeness, 1.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[1].closeness, 4.0 / 7.0);  // distances 1+2+2+2
  EXPECT_DOUBLE_EQ(*m.per_actor[1].harmonic, (1 + 0.5 * 3) / 4.0);
  EXPECT_DOUBLE_EQ(*m.degree_centralization, 1.0);
  EXPECT_DOUBLE_EQ(*m.betweenness_centralization, 1.0);
  EXPECT_NEAR(*m.closeness_centralization, 1.0, 1e-12);
  EXPECT_EQ(m.components, 1);
  EXPECT_EQ(m.max_coreness, 1);
}

TEST(NetworkMetrics, PathHasKnownBetweennessAndCloseness) {
  auto g = Graph({"a", "a", "a", "a"}, {{1, 2}, {2, 3}, {3, 4}});
  NetworkMetrics m = Metrics(g);
  EXPECT_DOUBLE_EQ(m.per_actor[1].betweenness_raw, 2.0);  // {1,3} and {1,4}
  EXPECT_DOUBLE_EQ(*m.per_actor[1].betweenness, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[0].closeness, 3.0 / 6.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[0].harmonic, (1 + 1 / 2.0 + 1 / 3.0) / 3.0);
}

TEST(NetworkMetrics, TwoComponentsAndAnIsolate) {
  // A triangle {1,2,3}, an edge {4,5}, an isolate 6.
  auto g = Graph({"a", "a", "a", "b", "b", "c"}, {{1, 2}, {2, 3}, {1, 3}, {4, 5}});
  NetworkMetrics m = Metrics(g);
  EXPECT_EQ(m.components, 3);
  EXPECT_EQ(m.component_sizes, (std::vector<int>{3, 2, 1}));
  EXPECT_EQ(m.isolates, 1);
  EXPECT_EQ(m.per_actor[0].component, 0);
  EXPECT_EQ(m.per_actor[3].component, 1);
  EXPECT_EQ(m.per_actor[5].component, 2);
  // Wasserman–Faust: from 4, one actor reachable at distance 1, of 5 others.
  EXPECT_DOUBLE_EQ(*m.per_actor[3].closeness, 1.0 * 1.0 / 5.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[0].closeness, 2.0 / 2.0 * 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[5].closeness, 0.0);
  EXPECT_DOUBLE_EQ(*m.per_actor[5].harmonic, 0.0);
  EXPECT_EQ(m.per_actor[0].coreness, 2);
  EXPECT_EQ(m.per_actor[3].coreness, 1);
  EXPECT_EQ(m.per_actor[5].coreness, 0);
  EXPECT_EQ(m.actors_by_coreness, (std::vector<int>{1, 2, 3}));
  // Leiden finds the two groups; modularity by hand: Σ_c (l_c/m − (d_c/2m)²).
  EXPECT_EQ(m.per_actor[0].community, m.per_actor[2].community);
  EXPECT_NE(m.per_actor[0].community, m.per_actor[3].community);
  EXPECT_NEAR(*m.modularity, (3 / 4.0 - 0.75 * 0.75) + (1 / 4.0 - 0.25 * 0.25), 1e-12);
  bool explained = false;
  for (const auto& n : m.notes) explained |= n.find("3 components") != std::string::npos;
  EXPECT_TRUE(explained);
}

TEST(NetworkMetrics, TinyAndEmptyGraphsAreDefinedAndExplained) {
  NetworkMetrics empty = Metrics(Graph({}, {}));
  EXPECT_EQ(empty.actors, 0);
  EXPECT_FALSE(empty.density);
  EXPECT_FALSE(empty.modularity);
  EXPECT_FALSE(empty.notes.empty());

  NetworkMetrics one = Metrics(Graph({"a"}, {}));
  EXPECT_FALSE(one.density);
  EXPECT_FALSE(one.per_actor[0].degree_centrality);
  EXPECT_FALSE(one.per_actor[0].closeness);

  NetworkMetrics two = Metrics(Graph({"a", "b"}, {{1, 2}}));
  EXPECT_DOUBLE_EQ(*two.density, 1.0);
  EXPECT_FALSE(two.per_actor[0].betweenness);
  EXPECT_FALSE(two.degree_centralization);

  NetworkMetrics lonely = Metrics(Graph({"a", "b", "c"}, {}));
  EXPECT_DOUBLE_EQ(*lonely.density, 0.0);
  EXPECT_FALSE(lonely.modularity);
  EXPECT_EQ(lonely.community_sizes, (std::vector<int>{1, 1, 1}));
  EXPECT_DOUBLE_EQ(*lonely.degree_centralization, 0.0);
}

TEST(NetworkMetrics, SameGraphSameCommunities) {
  std::mt19937_64 rng(5);
  std::vector<std::string> sectors(300, "a");
  std::vector<std::pair<int, int>> ties;
  for (int i = 0; i < 900; ++i)
    ties.push_back({1 + static_cast<int>(rng() % 300), 1 + static_cast<int>(rng() % 300)});
  auto g = Graph(sectors, ties);
  NetworkMetrics first = Metrics(g), second = Metrics(g);
  for (size_t v = 0; v < g.nodes.size(); ++v)
    ASSERT_EQ(first.per_actor[v].community, second.per_actor[v].community);
  EXPECT_EQ(*first.modularity, *second.modularity);
}

// The fused search agrees with igraph's own betweenness, closeness and harmonic closeness.
void ExpectPathCentralityAsIgraph(const CooperationGraph& g) {
  PathCentrality pc = ComputePathCentrality(g);
  IgraphSession session(1);
  IgraphGraph graph(g);
  ASSERT_TRUE(graph.ok());
  igraph_vector_t b, c, h;
  igraph_vector_init(&b, 0), igraph_vector_init(&c, 0), igraph_vector_init(&h, 0);
  igraph_vector_int_t reach;
  igraph_vector_int_init(&reach, 0);
  ASSERT_EQ(igraph_betweenness(graph.get(), &b, igraph_vss_all(), false, nullptr), 0);
  ASSERT_EQ(igraph_closeness(graph.get(), &c, &reach, nullptr, igraph_vss_all(), IGRAPH_ALL,
                             nullptr, true),
            0);
  ASSERT_EQ(
      igraph_harmonic_centrality(graph.get(), &h, igraph_vss_all(), IGRAPH_ALL, nullptr, true), 0);
  double n = static_cast<double>(g.nodes.size());
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    EXPECT_NEAR(pc.betweenness[v], VECTOR(b)[v], 1e-9) << v;
    // igraph normalises over the reachable actors only; ours scales by the share reached.
    double r = static_cast<double>(VECTOR(reach)[v]);  // excluding v
    double wf = r > 0 ? VECTOR(c)[v] * r / (n - 1) : 0.0;
    EXPECT_NEAR(pc.closeness[v], wf, 1e-12) << v;
    EXPECT_NEAR(pc.harmonic[v], VECTOR(h)[v], 1e-12) << v;
  }
  igraph_vector_destroy(&b), igraph_vector_destroy(&c), igraph_vector_destroy(&h);
  igraph_vector_int_destroy(&reach);
}

TEST(PathCentrality, AgreesWithIgraph) {
  std::mt19937_64 rng(11);
  std::vector<std::string> sectors(400, "a");
  std::vector<std::pair<int, int>> ties;
  for (int i = 0; i < 700; ++i)  // sparse: several components
    ties.push_back({1 + static_cast<int>(rng() % 400), 1 + static_cast<int>(rng() % 400)});
  ExpectPathCentralityAsIgraph(Graph(sectors, ties));
}

// The shapes that take the searches' other branches: a path longer than 255 steps (levels
// are stored modulo 255), a star, a dense random part that is searched bottom-up, and an
// isolate, in one graph.
TEST(PathCentrality, AgreesWithIgraphOnLongPathsStarsAndDenseParts) {
  std::mt19937_64 rng(5);
  std::vector<std::string> sectors(1000, "a");
  std::vector<std::pair<int, int>> ties;
  for (int v = 1; v < 600; ++v) ties.push_back({v, v + 1});   // path 1..600
  for (int v = 602; v <= 700; ++v) ties.push_back({601, v});  // star at 601
  ties.push_back({700, 300});                                 // joins star and path
  for (int i = 0; i < 3000; ++i)  // dense random part 701..999, 1000 isolated
    ties.push_back({701 + static_cast<int>(rng() % 299), 701 + static_cast<int>(rng() % 299)});
  ExpectPathCentralityAsIgraph(Graph(sectors, ties));
}

// The searches split over threads in blocks of sources: any number of threads gives the
// figures of one thread to the last bit, on a graph of several components (a dense one, a
// sparse one, a path and isolates) large enough to be split into blocks.
TEST(PathCentrality, ThreadsGiveTheFiguresOfOneThreadExactly) {
  std::mt19937_64 rng(17);
  std::vector<std::string> sectors(1600, "a");
  std::vector<std::pair<int, int>> ties;
  for (int i = 0; i < 6000; ++i)  // dense part 1..600
    ties.push_back({1 + static_cast<int>(rng() % 600), 1 + static_cast<int>(rng() % 600)});
  for (int i = 0; i < 900; ++i)  // sparse part 601..1300, itself in several components
    ties.push_back({601 + static_cast<int>(rng() % 700), 601 + static_cast<int>(rng() % 700)});
  for (int v = 1301; v < 1590; ++v) ties.push_back({v, v + 1});  // path; 1591.. isolated
  CooperationGraph g = Graph(sectors, ties);
  ASSERT_GE(g.nodes.size(), 4u * kSourcesPerBlock);
  PathCentrality one = ComputePathCentrality(g, 1);
  for (int threads : {2, 3, 8}) {
    PathCentrality many = ComputePathCentrality(g, threads);
    EXPECT_EQ(many.betweenness, one.betweenness) << threads;
    EXPECT_EQ(many.closeness, one.closeness) << threads;
    EXPECT_EQ(many.harmonic, one.harmonic) << threads;
  }
  auto m1 = ComputeNetworkMetrics(g, kCommunitySeed, 1),
       m2 = ComputeNetworkMetrics(g, kCommunitySeed, 2);
  ASSERT_TRUE(m1.ok() && m2.ok());
  EXPECT_GT(m1->components, 3);
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    EXPECT_EQ(m1->per_actor[v].betweenness_raw, m2->per_actor[v].betweenness_raw) << v;
    EXPECT_EQ(m1->per_actor[v].closeness, m2->per_actor[v].closeness) << v;
    EXPECT_EQ(m1->per_actor[v].community, m2->per_actor[v].community) << v;
  }
  EXPECT_EQ(m1->betweenness_centralization, m2->betweenness_centralization);
  ExpectPathCentralityAsIgraph(g);  // and the figures are right
}

// Brandes' algorithm as written in the paper, one plain breadth-first search per source:
// a reference independent of igraph for the tests below, which any faster algorithm (the
// direction-optimising searches, or several sources per search) must reproduce.
PathCentrality PlainBrandes(const CooperationGraph& g) {
  const int n = static_cast<int>(g.nodes.size());
  std::vector<std::vector<int>> adj(n);
  for (const auto& e : g.edges) adj[e.a].push_back(e.b), adj[e.b].push_back(e.a);
  PathCentrality pc;
  pc.betweenness.assign(n, 0.0), pc.closeness.assign(n, 0.0), pc.harmonic.assign(n, 0.0);
  for (int s = 0; s < n && n >= 2; ++s) {
    std::vector<int> dist(n, -1), order;
    std::vector<double> sigma(n, 0.0), delta(n, 0.0);
    dist[s] = 0, sigma[s] = 1, order.push_back(s);
    for (size_t head = 0; head < order.size(); ++head) {
      int v = order[head];
      for (int w : adj[v]) {
        if (dist[w] < 0) dist[w] = dist[v] + 1, order.push_back(w);
        if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (size_t k = order.size(); k-- > 1;) {
      int w = order[k];
      for (int v : adj[w])
        if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
      pc.betweenness[w] += delta[w] / 2;
    }
    double reached = static_cast<double>(order.size()), sum = 0;
    for (int v : order) sum += dist[v], pc.harmonic[s] += v == s ? 0.0 : 1.0 / dist[v];
    if (sum > 0) pc.closeness[s] = (reached - 1) / sum * (reached - 1) / (n - 1);
    pc.harmonic[s] /= n - 1;
  }
  return pc;
}

void ExpectPathCentralityAsPlainBrandes(const CooperationGraph& g) {
  PathCentrality fast = ComputePathCentrality(g, 1), plain = PlainBrandes(g);
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    EXPECT_NEAR(fast.betweenness[v], plain.betweenness[v],
                1e-12 * std::max(1.0, plain.betweenness[v]))
        << v;
    EXPECT_DOUBLE_EQ(fast.closeness[v], plain.closeness[v]) << v;
    EXPECT_NEAR(fast.harmonic[v], plain.harmonic[v], 1e-13) << v;
  }
}

// Components of every size from 1 to 40, each a random tree with a few more ties: the
// searches stay within a component (a component is one range of the renumbered actors),
// and groups of sources that end with a component, or hold one source alone, take nothing
// from the next.
TEST(PathCentrality, GivesTheFiguresOfPlainBrandesOnManyComponents) {
  std::mt19937_64 rng(23);
  std::vector<std::pair<int, int>> ties;
  int next = 1;
  for (int size = 1; size <= 40; ++size) {
    for (int v = next + 1; v < next + size; ++v)  // a random tree, then a few more ties
      ties.push_back({v, next + static_cast<int>(rng() % (v - next))});
    for (int i = 0; i < size / 3; ++i)
      ties.push_back(
          {next + static_cast<int>(rng() % size), next + static_cast<int>(rng() % size)});
    next += size;
  }
  ExpectPathCentralityAsPlainBrandes(Graph(std::vector<std::string>(next - 1, "a"), ties));
}

// Leaves and trees hanging off a cycle, a star whose leaves are stars, a clique (every
// actor at distance one) and a grid, whose path counts grow to C(38, 19) ≈ 3.5e10.
TEST(PathCentrality, GivesTheFiguresOfPlainBrandesOnLeavesCliquesAndGrids) {
  std::vector<std::pair<int, int>> ties;
  for (int v = 1; v <= 30; ++v) ties.push_back({v, v % 30 + 1});              // cycle 1..30
  for (int v = 31; v <= 90; ++v) ties.push_back({v, v - 30});                 // two-step leaves
  for (int v = 92; v <= 101; ++v) ties.push_back({91, v});                    // star at 91
  for (int v = 102; v <= 161; ++v) ties.push_back({92 + (v - 102) % 10, v});  // its leaves' leaves
  for (int x = 162; x <= 181; ++x)                                            // clique 162..181
    for (int y = x + 1; y <= 181; ++y) ties.push_back({x, y});
  const int side = 20, corner = 182;  // grid 20 × 20
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      int v = corner + r * side + c;
      if (c + 1 < side) ties.push_back({v, v + 1});
      if (r + 1 < side) ties.push_back({v, v + side});
    }
  ties.push_back({1, 91});  // cycle and stars are one component
  const int actors = corner + side * side - 1;
  ExpectPathCentralityAsPlainBrandes(Graph(std::vector<std::string>(actors, "a"), ties));
}

// A dense random graph (searched bottom-up) with a path and isolates, large enough to be
// split into blocks of sources, on one thread and on two.
TEST(PathCentrality, GivesTheFiguresOfPlainBrandesOnADenseGraphInBlocks) {
  std::mt19937_64 rng(29);
  std::vector<std::pair<int, int>> ties;
  for (int i = 0; i < 9000; ++i)  // 1..900, about 20 ties each
    ties.push_back({1 + static_cast<int>(rng() % 900), 1 + static_cast<int>(rng() % 900)});
  for (int v = 901; v < 1200; ++v) ties.push_back({v, v + 1});  // path; 1201..1203 isolated
  CooperationGraph g = Graph(std::vector<std::string>(1203, "a"), ties);
  ASSERT_GT(g.nodes.size(), 4u * kSourcesPerBlock);
  ExpectPathCentralityAsPlainBrandes(g);
  PathCentrality one = ComputePathCentrality(g, 1), two = ComputePathCentrality(g, 2);
  EXPECT_EQ(one.betweenness, two.betweenness);
}

TEST(SectorMixing, EiIndexAndBlockDensitiesByHand) {
  // Sectors: 1,2 ospod; 3,4 school; 5 health. Ties: 1-2 (in), 1-3, 2-4, 3-5 (cross), 3-4 (in).
  auto g = Graph({"ospod", "ospod", "school", "school", "health"},
                 {{1, 2}, {1, 3}, {2, 4}, {3, 5}, {3, 4}});
  SectorMixing mix = ComputeSectorMixing(g);
  EXPECT_EQ(mix.network.external, 3);
  EXPECT_EQ(mix.network.internal, 2);
  EXPECT_DOUBLE_EQ(*mix.network.ei, 0.2);
  // Pairs: 10 in all, within-sector 1 + 1 = 2 → (8 − 2) / 10.
  EXPECT_DOUBLE_EQ(*mix.expected_ei, 0.6);
  ASSERT_EQ(mix.sectors.size(), 3u);
  EXPECT_EQ(mix.sectors[0].sector, "health");  // one cross tie
  EXPECT_DOUBLE_EQ(*mix.sectors[0].count.ei, 1.0);
  EXPECT_EQ(mix.sectors[1].sector, "ospod");  // 1 in, 2 out
  EXPECT_DOUBLE_EQ(*mix.sectors[1].count.ei, 1.0 / 3.0);
  EXPECT_EQ(mix.sectors[2].count.external, 3);  // school: 1-3, 2-4, 3-5 out; 3-4 in
  EXPECT_EQ(mix.sectors[2].count.internal, 1);
  // Actor 3 (school): partners 1 (ospod), 5 (health), 4 (school) → (2 − 1) / 3.
  EXPECT_DOUBLE_EQ(*mix.per_actor[2].ei, 1.0 / 3.0);
  // Blocks: health-health has no pair; ospod-school 2 ties of 4 pairs.
  for (const auto& b : mix.blocks) {
    if (b.sector_a == "health" && b.sector_b == "health") {
      EXPECT_FALSE(b.density);
    }
    if (b.sector_a == "ospod" && b.sector_b == "school") {
      EXPECT_EQ(b.ties, 2);
      EXPECT_EQ(b.pairs, 4);
      EXPECT_DOUBLE_EQ(*b.density, 0.5);
    }
  }
  SectorMixing none = ComputeSectorMixing(Graph({"a", "b"}, {}));
  EXPECT_FALSE(none.network.ei);
  EXPECT_FALSE(none.per_actor[0].ei);
  EXPECT_FALSE(none.notes.empty());
}

TEST(Brokerage, RolesByHand) {
  // Broker 1 (ospod) with partners 2 (ospod), 3 (ospod), 4 (school), 5 (school), 6 (health);
  // 2-3 are tied to each other, so that pair is not brokered.
  auto g = Graph({"ospod", "ospod", "ospod", "school", "school", "health"},
                 {{1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {2, 3}});
  Brokerage br = ComputeBrokerage(g);
  const BrokerageCounts& c = br.per_actor[0];
  EXPECT_EQ(c.coordinator, 0);                // {2,3} is closed
  EXPECT_EQ(c.itinerant, 1);                  // {4,5}
  EXPECT_EQ(c.representative_gatekeeper, 6);  // {2,3} × {4,5,6}
  EXPECT_EQ(c.liaison, 2);                    // {4,6}, {5,6}
  EXPECT_EQ(br.per_actor[1].total(), 0);      // 2's partners 1 and 3 are tied
  EXPECT_EQ(br.network.total(), 9);
  ASSERT_EQ(br.by_sector.size(), 3u);
  EXPECT_EQ(br.by_sector[1].first, "ospod");
  EXPECT_EQ(br.by_sector[1].second.total(), 9);

  // A path a-b-a of sectors: b is itinerant; a-a-a: coordinator.
  EXPECT_EQ(ComputeBrokerage(Graph({"x", "y", "x"}, {{1, 2}, {2, 3}})).per_actor[1].itinerant, 1);
  EXPECT_EQ(ComputeBrokerage(Graph({"x", "x", "x"}, {{1, 2}, {2, 3}})).per_actor[1].coordinator, 1);
}

TEST(TieQuality, MultiplexityAndPartnerScores) {
  CooperationGraphBuilder b;
  b.AddActor(1, "a");
  b.AddActor(2, "b");
  b.AddActor(3, "c");
  Tie t;
  t.actor_a = 1, t.actor_b = 2, t.type = "referral";
  t.ratings.reliability = 4, t.ratings.openness = 2;  // trust 3
  t.ratings.involvement = 1;                          // value 1
  b.AddDeclaredTie(t);
  t.type = "joint_case_work";
  t.ratings = {};
  t.ratings.mission_support = 4;  // trust 4
  b.AddDeclaredTie(t);
  b.AddCoAttendance(2, 3, 1);
  TieQuality q = ComputeTieQuality(std::move(b).Build());
  EXPECT_EQ(q.multiplex_ties, 1);
  EXPECT_DOUBLE_EQ(*q.mean_multiplexity, 1.5);
  EXPECT_EQ(q.trust.rated_ties, 2);
  EXPECT_DOUBLE_EQ(*q.trust.mean, 3.5);
  EXPECT_DOUBLE_EQ(*q.trust.percent, 87.5);
  EXPECT_DOUBLE_EQ(*q.value.mean, 1.0);
  EXPECT_DOUBLE_EQ(*q.actor_trust[0].mean, 3.5);
  EXPECT_FALSE(q.actor_trust[2].mean);
}

}  // namespace
}  // namespace prosit
