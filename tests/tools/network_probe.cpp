// network_probe: reads a graph as JSON and prints prosit's analysis of it as JSON, for
// tests/reference/check_network.py to compare with NetworkX and python-igraph.
//
//   network_probe GRAPH.json
//
// GRAPH.json: {"nodes": [{"id": 1, "sector": "ospod"}, …],
//              "edges": [{"a": 1, "b": 2, "type": "referral", "meetings": 0,
//                         "ratings": {"reliability": 4, …}}, …]}
// An edge with "type": "co_attendance" is a derived tie of `meetings` meetings.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis/cooperation_analysis.h"

using namespace prosit;
using nlohmann::json;

namespace {

json Opt(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

json Counts(const BrokerageCounts& c) {
  return {{"coordinator", c.coordinator},
          {"itinerant", c.itinerant},
          {"representative_gatekeeper", c.representative_gatekeeper},
          {"liaison", c.liaison}};
}

CooperationGraph ReadGraph(const json& doc) {
  CooperationGraphBuilder b;
  for (const auto& n : doc["nodes"]) b.AddActor(n["id"].get<int64_t>(), n["sector"]);
  for (const auto& e : doc["edges"]) {
    int64_t a = e["a"], bb = e["b"];
    std::string type = e.value("type", "referral");
    if (type == kCoAttendance) {
      b.AddCoAttendance(a, bb, e.value("meetings", 1));
      continue;
    }
    Tie t;
    t.actor_a = a, t.actor_b = bb, t.type = type;
    if (e.contains("ratings"))
      for (auto& [k, v] : e["ratings"].items()) {
        PartnerRatings& r = t.ratings;
        std::optional<int>* item = k == "power_influence"         ? &r.power_influence
                                   : k == "involvement"           ? &r.involvement
                                   : k == "resource_contribution" ? &r.resource_contribution
                                   : k == "reliability"           ? &r.reliability
                                   : k == "mission_support"       ? &r.mission_support
                                                                  : &r.openness;
        *item = v.get<int>();
      }
    b.AddDeclaredTie(t);
  }
  return std::move(b).Build();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) return std::fprintf(stderr, "usage: network_probe GRAPH.json\n"), 2;
  std::ifstream in(argv[1]);
  CooperationGraph g = ReadGraph(json::parse(in));
  auto result = AnalyseCooperation(g);
  if (!result.ok()) return std::fprintf(stderr, "%s\n", result.status().ToString().c_str()), 1;
  const CooperationAnalysis& r = *result;
  const NetworkMetrics& m = r.network;
  json nodes = json::object();
  for (size_t v = 0; v < g.nodes.size(); ++v) {
    const ActorMetrics& a = m.per_actor[v];
    nodes[std::to_string(g.nodes[v].actor_id)] = {{"degree", a.degree},
                                                  {"degree_centrality", Opt(a.degree_centrality)},
                                                  {"betweenness", Opt(a.betweenness)},
                                                  {"betweenness_raw", a.betweenness_raw},
                                                  {"closeness", Opt(a.closeness)},
                                                  {"harmonic", Opt(a.harmonic)},
                                                  {"coreness", a.coreness},
                                                  {"component", a.component},
                                                  {"community", a.community},
                                                  {"ei", Opt(r.mixing.per_actor[v].ei)},
                                                  {"brokerage", Counts(r.brokerage.per_actor[v])},
                                                  {"trust", Opt(r.quality.actor_trust[v].mean)},
                                                  {"value", Opt(r.quality.actor_value[v].mean)}};
  }
  json sectors = json::object(), blocks = json::array(), brokerage = json::object();
  for (const auto& s : r.mixing.sectors) sectors[s.sector] = Opt(s.count.ei);
  for (const auto& b : r.mixing.blocks)
    blocks.push_back({{"a", b.sector_a}, {"b", b.sector_b}, {"density", Opt(b.density)}});
  for (const auto& [s, c] : r.brokerage.by_sector) brokerage[s] = Counts(c);
  json out = {{"actors", m.actors},
              {"ties", m.ties},
              {"density", Opt(m.density)},
              {"components", m.components},
              {"component_sizes", m.component_sizes},
              {"isolates", m.isolates},
              {"degree_centralization", Opt(m.degree_centralization)},
              {"betweenness_centralization", Opt(m.betweenness_centralization)},
              {"closeness_centralization", Opt(m.closeness_centralization)},
              {"modularity", Opt(m.modularity)},
              {"communities", m.community_sizes.size()},
              {"ei", Opt(r.mixing.network.ei)},
              {"expected_ei", Opt(r.mixing.expected_ei)},
              {"sector_ei", sectors},
              {"blocks", blocks},
              {"brokerage", Counts(r.brokerage.network)},
              {"brokerage_by_sector", brokerage},
              {"multiplex_ties", r.quality.multiplex_ties},
              {"mean_multiplexity", Opt(r.quality.mean_multiplexity)},
              {"trust", Opt(r.quality.trust.mean)},
              {"value", Opt(r.quality.value.mean)},
              {"notes", m.notes},
              {"nodes", nodes}};
  std::cout << out.dump() << "\n";
  return 0;
}
