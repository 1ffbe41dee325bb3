#include "app/analysis/cooperation_queries.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "analysis/cooperation_analysis.h"
#include "analysis/graphml_writer.h"
#include "app/accounts/permissions.h"
#include "app/analysis/meanings.h"
#include "app/query_scope.h"
#include "io/network_json.h"
#include "model/validation.h"

namespace prosit {

using nlohmann::json;

namespace {

// Which ties make the graph: declared ones in force on `at`, derived ones from meetings
// of the territory dated from–to.
struct GraphScope {
  std::string region, orp, ties;
  std::string at, from, to;
};

// A tie with one end seated outside the territory: kept beside the network (flagged as
// crossing its border, with the other actor's ORP), not in its measures.
struct BorderTie {
  int64_t inside = 0, outside = 0;
  std::set<std::string> types;
  int shared_meetings = 0;
};

struct ScopedGraph {
  CooperationGraph graph;
  std::map<std::pair<int64_t, int64_t>, BorderTie> border;  // by (inside, outside)
  std::unordered_map<int64_t, std::string> orp_of;          // the actors', by id
  int ties_across_orps = 0;  // edges whose two ends sit in different ORPs of the territory
  int meetings = 0;          // meetings the derived ties come from
  // The actors, declared ties (both ends in the graph) and meetings it is made of.
  ProvenanceCounts records;
};

bool InForce(const Tie& t, const std::string& day) {
  return t.since <= day && (t.until.empty() || t.until >= day);
}

// The border tie of a pair with exactly one end inside (and the other a known actor), or
// null.
BorderTie* Border(ScopedGraph& g, const std::unordered_set<int64_t>& inside, int64_t a, int64_t b) {
  bool in_a = inside.count(a), in_b = inside.count(b);
  if (in_a == in_b) return nullptr;
  if (in_b) std::swap(a, b);
  BorderTie& t = g.border[{a, b}];
  t.inside = a, t.outside = b;
  return &t;
}

ScopedGraph BuildGraph(const Caller& caller, const NetworkSnapshot& snap, const GraphScope& s) {
  const Territory& t = snap.frame->territory;
  CooperationGraphBuilder b;
  std::unordered_set<int64_t> inside;
  ScopedGraph out;
  for (const auto& [id, entry] : snap.actors) {
    const Municipality* m = t.FindMunicipality(entry->actor.seat.municipality_code);
    if (m && OrpInScope(t, m->orp_code, s.region, s.orp, caller)) {
      b.AddActor(id, entry->actor.sector);
      inside.insert(id);
      out.orp_of[id] = m->orp_code;
      out.records.Add(entry->actor.source);
    }
  }
  // A declared tie with neither actor in the territory is not this network's at all (it
  // is not even "leaving" it); one with both or one is.
  std::vector<const Tie*> declared;
  if (s.ties != "derived")
    for (const auto& [id, tie] : snap.ties)
      if (InForce(*tie, s.at) && (inside.count(tie->actor_a) || inside.count(tie->actor_b))) {
        b.AddDeclaredTie(*tie);
        declared.push_back(tie.get());
        if (BorderTie* bt = Border(out, inside, tie->actor_a, tie->actor_b))
          bt->types.insert(tie->type);
      }
  if (s.ties != "declared") {
    std::map<std::pair<int64_t, int64_t>, int> shared;
    for (const auto& [id, m] : snap.meetings) {
      if (!OrpInScope(t, m->orp_code, s.region, s.orp, caller)) continue;
      if ((!s.from.empty() && m->date < s.from) || (!s.to.empty() && m->date > s.to)) continue;
      ++out.meetings;
      out.records.Add(m->source);
      std::vector<int64_t> actors = m->actor_ids;
      std::sort(actors.begin(), actors.end());
      actors.erase(std::unique(actors.begin(), actors.end()), actors.end());
      for (size_t i = 0; i < actors.size(); ++i)
        for (size_t j = i + 1; j < actors.size(); ++j) ++shared[{actors[i], actors[j]}];
    }
    for (const auto& [pair, count] : shared) {
      b.AddCoAttendance(pair.first, pair.second, count);
      if (BorderTie* bt = Border(out, inside, pair.first, pair.second)) {
        bt->types.insert(kCoAttendance);
        bt->shared_meetings += count;
      }
    }
  }
  // Ties that only touch the territory, or pairs that met but are seated elsewhere, are
  // counted only for the explanation.
  out.graph = std::move(b).Build();
  for (const CooperationEdge& e : out.graph.edges)
    out.ties_across_orps +=
        out.orp_of[out.graph.nodes[e.a].actor_id] != out.orp_of[out.graph.nodes[e.b].actor_id];
  for (const Tie* tie : declared)
    if (out.graph.IndexOf(tie->actor_a) >= 0 && out.graph.IndexOf(tie->actor_b) >= 0)
      out.records.Add(tie->source);
  return out;
}

json Opt(const std::optional<double>& x) { return x ? json(*x) : json(nullptr); }

json Counts(const BrokerageCounts& c) {
  return {{"coordinator", c.coordinator},
          {"itinerant", c.itinerant},
          {"representative_gatekeeper", c.representative_gatekeeper},
          {"liaison", c.liaison},
          {"total", c.total()}};
}

json Score(const PartnerScore& s) {
  return {{"mean", Opt(s.mean)}, {"percent", Opt(s.percent)}, {"rated_ties", s.rated_ties}};
}

json ScopeJson(const GraphScope& s) {
  json j = {{"ties", s.ties}};
  j[s.orp.empty() ? "region" : "orp"] = s.orp.empty() ? s.region : s.orp;
  if (s.ties != "derived") j["at"] = s.at;
  if (s.ties != "declared") {
    j["from"] = s.from.empty() ? json(nullptr) : json(s.from);
    j["to"] = s.to.empty() ? json(nullptr) : json(s.to);
  }
  return j;
}

// Actor names and the order asked for.
std::vector<size_t> SortedActors(const NetworkSnapshot& snap, const CooperationGraph& g,
                                 const CooperationAnalysis& a, const std::string& sort) {
  std::vector<size_t> order(g.nodes.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](size_t v) -> double {
    const ActorMetrics& m = a.network.per_actor[v];
    if (sort == "degree") return m.degree;
    if (sort == "harmonic") return m.harmonic.value_or(0);
    if (sort == "closeness") return m.closeness.value_or(0);
    if (sort == "brokerage") return static_cast<double>(a.brokerage.per_actor[v].total());
    return m.betweenness_raw;
  };
  if (sort == "name") {
    auto sort_key = [&](size_t v) {
      const ActorEntry* e = snap.FindActor(g.nodes[v].actor_id);
      return e ? e->sort_key : std::string();
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return sort_key(x) < sort_key(y); });
  } else {
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return key(x) > key(y); });
  }
  return order;
}

json ActorJson(const NetworkSnapshot& snap, const CooperationGraph& g, const CooperationAnalysis& a,
               size_t v) {
  const ActorMetrics& m = a.network.per_actor[v];
  const ActorEntry* e = snap.FindActor(g.nodes[v].actor_id);
  return {{"id", g.nodes[v].actor_id},
          {"name", e ? e->actor.name : std::string()},
          {"sector", g.nodes[v].sector},
          {"degree", m.degree},
          {"degree_centrality", Opt(m.degree_centrality)},
          {"betweenness", Opt(m.betweenness)},
          {"betweenness_raw", m.betweenness_raw},
          {"closeness", Opt(m.closeness)},
          {"harmonic_closeness", Opt(m.harmonic)},
          {"coreness", m.coreness},
          {"component", m.component},
          {"community", m.community},
          {"ei", Opt(a.mixing.per_actor[v].ei)},
          {"external_ties", a.mixing.per_actor[v].external},
          {"internal_ties", a.mixing.per_actor[v].internal},
          {"brokerage", Counts(a.brokerage.per_actor[v])},
          {"trust", Opt(a.quality.actor_trust[v].mean)},
          {"value", Opt(a.quality.actor_value[v].mean)}};
}

std::vector<std::string> GraphNotes(const ScopedGraph& sg, const GraphScope& s) {
  std::vector<std::string> notes;
  if (sg.graph.ties_leaving > 0)
    notes.push_back(std::to_string(sg.graph.ties_leaving) +
                    " ties or co-attending pairs involve an actor seated outside the territory: "
                    "they are listed in border_ties (crosses_border, with the other ORP), not "
                    "counted in this network's measures");
  if (s.ties != "declared" && sg.meetings == 0)
    notes.push_back("no meetings of the territory in the period: there are no derived ties");
  if (s.ties == "both")
    notes.push_back(
        "declared and derived ties are merged: a pair is tied if it has either; "
        "co-attendance counts as one more tie type for multiplexity");
  notes.push_back("all structural measures treat ties as undirected and unweighted");
  return notes;
}

json MixingJson(const SectorMixing& mix) {
  json sectors = json::array(), blocks = json::array();
  for (const auto& s : mix.sectors)
    sectors.push_back({{"sector", s.sector},
                       {"actors", s.actors},
                       {"external_ties", s.count.external},
                       {"internal_ties", s.count.internal},
                       {"ei", Opt(s.count.ei)}});
  for (const auto& b : mix.blocks)
    blocks.push_back({{"sector_a", b.sector_a},
                      {"sector_b", b.sector_b},
                      {"ties", b.ties},
                      {"pairs", b.pairs},
                      {"density", Opt(b.density)}});
  return {{"ei", Opt(mix.network.ei)},
          {"expected_ei", Opt(mix.expected_ei)},
          {"external_ties", mix.network.external},
          {"internal_ties", mix.network.internal},
          {"sectors", sectors},
          {"block_density", blocks}};
}

json BorderTiesJson(const NetworkSnapshot& snap, const ScopedGraph& sg) {
  const Territory& t = snap.frame->territory;
  auto actor = [&](int64_t id, const char* prefix, json& j) {
    const ActorEntry* e = snap.FindActor(id);
    const Municipality* m = e ? t.FindMunicipality(e->actor.seat.municipality_code) : nullptr;
    std::string p(prefix);
    j[p + "actor"] = id;
    j[p + "name"] = e ? e->actor.name : std::string();
    j[p + "orp"] = m ? json(m->orp_code) : json(nullptr);
  };
  json out = json::array();
  for (const auto& [pair, b] : sg.border) {
    json j = json::object();
    actor(b.inside, "", j);
    actor(b.outside, "other_", j);
    j["types"] = b.types;
    j["shared_meetings"] = b.shared_meetings;
    j["crosses_border"] = true;
    out.push_back(j);
  }
  return out;
}

json AnalysisJson(const NetworkSnapshot& snap, const ScopedGraph& sg, const GraphScope& scope,
                  const CooperationAnalysis& a, const CooperationQuery& q) {
  const NetworkMetrics& m = a.network;
  json cores = json::array();
  for (size_t k = 0; k < m.actors_by_coreness.size(); ++k)
    if (m.actors_by_coreness[k] > 0)
      cores.push_back({{"k", k}, {"actors", m.actors_by_coreness[k]}});
  json by_sector = json::array();
  for (const auto& [sector, c] : a.brokerage.by_sector) {
    json j = Counts(c);
    j["sector"] = sector;
    by_sector.push_back(j);
  }
  json types = json::array();
  for (const auto& [type, count] : a.quality.by_type)
    types.push_back({{"type", type}, {"ties", count}});
  std::vector<std::string> notes = GraphNotes(sg, scope);
  for (const auto* part : {&m.notes, &a.mixing.notes, &a.quality.notes})
    notes.insert(notes.end(), part->begin(), part->end());

  json actors = json::array();
  std::vector<size_t> order = SortedActors(snap, sg.graph, a, q.sort);
  for (size_t i = q.offset; i < order.size() && actors.size() < q.limit; ++i)
    actors.push_back(ActorJson(snap, sg.graph, a, order[i]));

  return {{"scope", ScopeJson(scope)},
          {"actors", m.actors},
          {"ties", m.ties},
          {"meetings", sg.meetings},
          {"density", Opt(m.density)},
          {"components", {{"count", m.components}, {"sizes", m.component_sizes}}},
          {"isolates", m.isolates},
          {"centralization",
           {{"degree", Opt(m.degree_centralization)},
            {"betweenness", Opt(m.betweenness_centralization)},
            {"closeness", Opt(m.closeness_centralization)}}},
          {"communities",
           {{"algorithm", "leiden"},
            {"seed", m.community_seed},
            {"count", m.community_sizes.size()},
            {"sizes", m.community_sizes},
            {"modularity", Opt(m.modularity)}}},
          {"cores", {{"max", m.max_coreness}, {"by_k", cores}}},
          {"sector_mixing", MixingJson(a.mixing)},
          {"brokerage", {{"network", Counts(a.brokerage.network)}, {"by_sector", by_sector}}},
          {"tie_types",
           {{"by_type", types},
            {"multiplex_ties", a.quality.multiplex_ties},
            {"mean_multiplexity", Opt(a.quality.mean_multiplexity)}}},
          {"partner", {{"trust", Score(a.quality.trust)}, {"value", Score(a.quality.value)}}},
          {"ties_across_orp_borders", sg.ties_across_orps},
          {"border_ties", BorderTiesJson(snap, sg)},
          {"notes", notes},
          {"meanings", MeaningsJson(NetworkMeaningKeys())},
          {"method", {{"records", ProvenanceCountsToJson(sg.records)}}},
          {"items", actors},
          {"total", order.size()},
          {"offset", q.offset},
          {"limit", q.limit},
          {"sort", q.sort}};
}

void CheckScope(FieldErrors& e, const NetworkSnapshot& snap, const std::string& region,
                const std::string& orp, const std::string& ties) {
  CheckOneTerritory(e, snap.frame->territory, region, orp, /*required=*/true);
  if (!OneOf(ties, kTieSources)) e["ties"] = "must be declared, derived or both";
}

// The summary of a graph at one date, for the changes.
json Summary(const CooperationGraph& g) {
  SectorMixing mix = ComputeSectorMixing(g);
  size_t n = g.nodes.size();
  std::optional<double> density;
  if (n >= 2) density = static_cast<double>(g.edges.size()) / (n * (n - 1) / 2.0);
  return {{"actors", n},
          {"ties", g.edges.size()},
          {"cross_sector_ties", mix.network.external},
          {"density", Opt(density)},
          {"ei", Opt(mix.network.ei)}};
}

}  // namespace

FieldErrors CheckCooperationQuery(const CooperationQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckScope(e, snap, q.region, q.orp, q.ties);
  CheckDateParam(e, "at", q.at);
  CheckDateParam(e, "from", q.from);
  CheckDateParam(e, "to", q.to);
  if (IsIsoDate(q.from) && IsIsoDate(q.to) && q.to < q.from) e["to"] = "lies before from";
  if (!OneOf(q.sort, kActorSorts))
    e["sort"] = "must be betweenness, degree, harmonic, closeness, brokerage or name";
  return e;
}

FieldErrors CheckCooperationChanges(const CooperationChangesQuery& q, const NetworkSnapshot& snap) {
  FieldErrors e;
  CheckScope(e, snap, q.region, q.orp, q.ties);
  if (!IsIsoDate(q.from)) e["from"] = "is not a date YYYY-MM-DD";
  CheckDateParam(e, "to", q.to);
  if (IsIsoDate(q.from) && IsIsoDate(q.to) && q.to < q.from) e["to"] = "lies before from";
  return e;
}

Result<std::string> CooperationNetworkJson(const Caller& caller, const NetworkSnapshot& snap,
                                           CooperationQuery q, const std::string& today) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, q.region, q.orp, true));
  GraphScope scope{q.region, q.orp, q.ties, q.at.empty() ? today : q.at, q.from, q.to};
  ScopedGraph sg = BuildGraph(caller, snap, scope);
  auto analysis = AnalyseCooperation(sg.graph);
  if (!analysis.ok()) return analysis.status();
  return AnalysisJson(snap, sg, scope, *analysis, q).dump();
}

Result<CooperationGraph> CooperationGraphOf(const Caller& caller, const NetworkSnapshot& snap,
                                            CooperationQuery q, const std::string& today) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, q.region, q.orp, true));
  GraphScope scope{q.region, q.orp, q.ties, q.at.empty() ? today : q.at, q.from, q.to};
  return std::move(BuildGraph(caller, snap, scope).graph);
}

namespace {

// The mean of the rated items of the ratings, or nullopt when none is rated.
std::optional<double> MeanRating(const std::vector<PartnerRatings>& ratings, bool value) {
  double sum = 0;
  int count = 0;
  for (const PartnerRatings& r : ratings) {
    auto items = value ? std::array{r.power_influence, r.involvement, r.resource_contribution}
                       : std::array{r.reliability, r.mission_support, r.openness};
    for (const auto& item : items)
      if (item) sum += *item, ++count;
  }
  if (count == 0) return std::nullopt;
  return sum / count;
}

std::vector<GraphAttribute> NodeAttributes(const NetworkSnapshot& snap, const ScopedGraph& sg,
                                           const CooperationAnalysis& a) {
  const CooperationGraph& g = sg.graph;
  size_t n = g.nodes.size();
  std::vector<std::string> name(n), sector(n), type(n), orp(n);
  std::vector<std::optional<double>> id(n), degree(n), betweenness(n), closeness(n), harmonic(n),
      coreness(n), community(n), component(n), trust(n), value(n);
  for (size_t v = 0; v < n; ++v) {
    const ActorEntry* e = snap.FindActor(g.nodes[v].actor_id);
    const ActorMetrics& m = a.network.per_actor[v];
    id[v] = static_cast<double>(g.nodes[v].actor_id);
    name[v] = e ? e->actor.name : std::string();
    sector[v] = g.nodes[v].sector;
    type[v] = e ? e->actor.actor_type : std::string();
    auto it = sg.orp_of.find(g.nodes[v].actor_id);
    orp[v] = it == sg.orp_of.end() ? std::string() : it->second;
    degree[v] = m.degree, betweenness[v] = m.betweenness, closeness[v] = m.closeness;
    harmonic[v] = m.harmonic, coreness[v] = m.coreness, community[v] = m.community;
    component[v] = m.component;
    trust[v] = a.quality.actor_trust[v].mean, value[v] = a.quality.actor_value[v].mean;
  }
  using A = GraphAttribute;
  return {A::Text("name", name),
          A::Number("actor_id", id),
          A::Text("sector", sector),
          A::Text("actor_type", type),
          A::Text("orp", orp),
          A::Number("degree", degree),
          A::Number("betweenness", betweenness),
          A::Number("closeness", closeness),
          A::Number("harmonic_closeness", harmonic),
          A::Number("coreness", coreness),
          A::Number("community", community),
          A::Number("component", component),
          A::Number("trust", trust),
          A::Number("value", value)};
}

std::vector<GraphAttribute> EdgeAttributes(const CooperationGraph& g) {
  size_t n = g.edges.size();
  std::vector<std::string> types(n);
  std::vector<bool> declared(n), derived(n);
  std::vector<std::optional<double>> weight(n), declared_ties(n), meetings(n), value(n), trust(n);
  for (size_t i = 0; i < n; ++i) {
    const CooperationEdge& e = g.edges[i];
    for (const std::string& t : e.types) types[i] += (types[i].empty() ? "" : ";") + t;
    declared[i] = e.declared_ties > 0;
    derived[i] = e.shared_meetings > 0;
    // How many declared ties and shared meetings hold the pair together.
    weight[i] = e.declared_ties + e.shared_meetings;
    declared_ties[i] = e.declared_ties;
    meetings[i] = e.shared_meetings;
    value[i] = MeanRating(e.ratings, true);
    trust[i] = MeanRating(e.ratings, false);
  }
  using A = GraphAttribute;
  return {A::Text("types", types),
          A::Bool("declared", declared),
          A::Bool("co_attendance", derived),
          A::Number("weight", weight),
          A::Number("declared_ties", declared_ties),
          A::Number("shared_meetings", meetings),
          A::Number("value", value),
          A::Number("trust", trust)};
}

}  // namespace

Result<std::string> CooperationGraphml(const Caller& caller, const NetworkSnapshot& snap,
                                       CooperationQuery q, const std::string& today) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, q.region, q.orp, true));
  GraphScope scope{q.region, q.orp, q.ties, q.at.empty() ? today : q.at, q.from, q.to};
  ScopedGraph sg = BuildGraph(caller, snap, scope);
  auto analysis = AnalyseCooperation(sg.graph);
  if (!analysis.ok()) return analysis.status();
  return WriteGraphml(sg.graph, NodeAttributes(snap, sg, *analysis), EdgeAttributes(sg.graph));
}

Result<std::string> CooperationChangesJson(const Caller& caller, const NetworkSnapshot& snap,
                                           CooperationChangesQuery q, const std::string& today) {
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, q.region, q.orp, true));
  if (q.to.empty()) q.to = today;
  // The network as it stood on each date: declared ties in force that day, derived ties
  // from every meeting of the territory up to it.
  auto at = [&](const std::string& day) {
    return BuildGraph(caller, snap, {q.region, q.orp, q.ties, day, "", day});
  };
  ScopedGraph before = at(q.from), after = at(q.to);
  auto pairs_of = [](const CooperationGraph& g) {
    std::map<std::pair<int64_t, int64_t>, const CooperationEdge*> out;
    for (const auto& e : g.edges) out[{g.nodes[e.a].actor_id, g.nodes[e.b].actor_id}] = &e;
    return out;
  };
  auto old_pairs = pairs_of(before.graph), new_pairs = pairs_of(after.graph);
  auto describe = [&](const CooperationGraph& g, const CooperationEdge& e) {
    auto name = [&](int32_t v) {
      const ActorEntry* a = snap.FindActor(g.nodes[v].actor_id);
      return a ? a->actor.name : std::string();
    };
    return json{{"actor_a", g.nodes[e.a].actor_id},
                {"name_a", name(e.a)},
                {"sector_a", g.nodes[e.a].sector},
                {"actor_b", g.nodes[e.b].actor_id},
                {"name_b", name(e.b)},
                {"sector_b", g.nodes[e.b].sector},
                {"types", e.types},
                {"cross_sector", g.CrossSector(e)}};
  };
  json added = json::array(), ended = json::array();
  int added_cross = 0, ended_cross = 0;
  for (const auto& [pair, e] : new_pairs)
    if (!old_pairs.count(pair)) {
      added.push_back(describe(after.graph, *e));
      added_cross += after.graph.CrossSector(*e);
    }
  for (const auto& [pair, e] : old_pairs)
    if (!new_pairs.count(pair)) {
      ended.push_back(describe(before.graph, *e));
      ended_cross += before.graph.CrossSector(*e);
    }
  json scope = {{"ties", q.ties}, {"from", q.from}, {"to", q.to}};
  scope[q.orp.empty() ? "region" : "orp"] = q.orp.empty() ? q.region : q.orp;
  json notes = json::array();
  notes.push_back(
      "actors are those seated in the territory now; a pair is tied on a date if "
      "a declared tie is in force that day or (derived) the two met at a meeting "
      "of the territory on or before it");
  if (q.ties != "declared")
    notes.push_back("derived ties do not end: a pair that once met stays tied");
  return json{{"scope", scope},
              {"before", Summary(before.graph)},
              {"after", Summary(after.graph)},
              {"new_ties", added.size()},
              {"new_cross_sector_ties", added_cross},
              {"ended_ties", ended.size()},
              {"ended_cross_sector_ties", ended_cross},
              {"added", added},
              {"ended", ended},
              {"notes", notes},
              {"method",
               {{"records", ProvenanceCountsToJson(after.records)},
                {"records_at_from", ProvenanceCountsToJson(before.records)}}}}
      .dump();
}

}  // namespace prosit
