#include "datasets/generator.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>

#include "datasets/builder.h"
#include "datasets/layers.h"
#include "datasets/networking_work.h"
#include "datasets/seed_facts.h"
#include "datasets/seed_networking.h"

namespace prosit {

namespace {

constexpr size_t kMaxServices = 2'000'000;
constexpr double kDemoChildrenPerEverydayCard = 200;
constexpr const char* kDemoRegion = "CZ053";
constexpr const char* kCapital = "554782";          // Praha: seat of the nationwide services
constexpr const char* kDemoWorkEnd = "2019-06-30";  // the seeds' project ends
constexpr const char* kNationalWorkStart = "2017-01-01";
constexpr const char* kNationalWorkEnd = "2019-12-31";
constexpr size_t kMeetingsPerNeed = 5;
// Placing a need scans its ORP's meetings: a cap keeps huge generated datasets quick.
constexpr size_t kMaxNeedsPerOrp = 100;
constexpr int kNationalWorkMonths = 36;
constexpr double kTiesPerActor = 0.2;

// The actors of every ORP by the seat's municipality, by index in the batch.
std::map<std::string, std::vector<size_t>> ActorsByOrp(const DatasetBuilder& b) {
  std::map<std::string, std::vector<size_t>> by_orp;
  for (size_t i = 0; i < b.actor_count(); ++i)
    if (const Municipality* m = b.territory().FindMunicipality(b.actor(i).seat.municipality_code))
      by_orp[m->orp_code].push_back(i);
  return by_orp;
}

std::vector<std::string> SplitNames(const std::string& names) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= names.size()) {
    size_t comma = names.find(',', from);
    std::string name =
        names.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    if (!name.empty()) out.push_back(name);
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return out;
}

Result<std::vector<OrpFrame>> ChosenFrames(const Territory& t,
                                           const std::vector<std::string>& codes) {
  std::set<std::string> districts = DistrictSeats(t);
  std::set<std::string> wanted(codes.begin(), codes.end());
  for (const std::string& code : codes)
    if (!t.FindOrp(code))
      return Status::Invalid("unknown ORP code '" + code + "'", {{"orp_codes", code}});
  std::vector<OrpFrame> frames;
  for (const Orp& orp : t.orps())
    if (wanted.empty() || wanted.count(orp.code)) {
      OrpFrame f = MakeOrpFrame(t, orp, districts);
      if (f.seat) frames.push_back(std::move(f));
    }
  if (frames.empty()) return Status::Invalid("no ORP to generate", {{"orp_codes", "none"}});
  return frames;
}

// The most populous seat among the frames of `region`, or null.
const Municipality* RegionCapital(const std::vector<OrpFrame>& frames, const std::string& region) {
  const Municipality* best = nullptr;
  for (const OrpFrame& f : frames)
    if (f.orp->region_code == region && (!best || f.seat->population > best->population))
      best = f.seat;
  return best;
}

const Municipality& NationalSeat(const Territory& t, const std::vector<OrpFrame>& frames) {
  if (const Municipality* praha = t.FindMunicipality(kCapital)) return *praha;
  return *std::max_element(frames.begin(), frames.end(), [](const auto& a, const auto& b) {
            return a.seat->population < b.seat->population;
          })->seat;
}

void AddRegions(DatasetBuilder& b, const std::vector<OrpFrame>& frames,
                const std::set<std::string>& skip) {
  for (const Region& region : b.territory().regions())
    if (const Municipality* capital = RegionCapital(frames, region.code))
      AddRegional(b, region, *capital, skip);
}

// Splits `total` over the frames by child population (largest remainder, ties by order).
std::vector<size_t> Apportion(size_t total, const std::vector<OrpFrame>& frames) {
  double children = 0;
  for (const OrpFrame& f : frames) children += f.children;
  std::vector<size_t> shares(frames.size());
  std::vector<std::pair<double, size_t>> remainders;
  size_t given = 0;
  for (size_t i = 0; i < frames.size(); ++i) {
    double exact = children > 0 ? static_cast<double>(total) * frames[i].children / children
                                : static_cast<double>(total) / static_cast<double>(frames.size());
    shares[i] = static_cast<size_t>(exact);
    given += shares[i];
    remainders.push_back({exact - static_cast<double>(shares[i]), i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; given < total && k < remainders.size(); ++k, ++given)
    ++shares[remainders[k].second];
  return shares;
}

// A service the seeds list; `from_seeds` when the seeds name its actor (else the demo
// added the actor, and its services are invented too).
ServiceCard& AddSeedService(DatasetBuilder& b, size_t actor, const SeedService& s,
                            bool from_seeds) {
  const Territory& t = b.territory();
  ServiceCard& c = b.AddCard(actor, s.type, nullptr, s.territory);
  if (from_seeds) c.source = Provenance::kSeeds;
  c.name = s.name;
  if (!s.does.empty()) c.does = s.does;
  if (!s.does_not.empty()) c.does_not = s.does_not;
  if (!s.forms.empty()) c.forms = s.forms;
  c.locations.clear();
  std::string street = c.confidential_address ? b.ConfidentialStreet() : b.actor(actor).seat.street;
  for (const std::string& code : s.delivery_municipality_codes)
    c.locations.push_back(b.PlaceIn(*t.FindMunicipality(code), street));
  c.capacity.amount = s.capacity;
  if (!s.capacity_unit.empty()) c.capacity.unit = s.capacity_unit;
  c.age_min = s.age_min;
  c.age_max = s.age_max;
  c.access = s.access;
  return c;
}

// Adds the seeds' actors (one per name and seat) and services (one per name and type);
// returns the (municipality, type) pairs they deliver in; `by_orp` gets the actors each
// seed ORP names.
Covered AddSeedActors(DatasetBuilder& b, const SeedFacts& facts,
                      std::map<std::string, std::vector<size_t>>& by_orp) {
  std::map<std::pair<std::string, std::string>, size_t> actors;
  std::set<std::tuple<size_t, std::string, std::string>> cards;
  Covered covered;
  for (const SeedOrp& o : facts.orps)
    for (const SeedActor& a : o.actors) {
      auto [it, fresh] = actors.try_emplace({a.name, a.seat_municipality_code}, 0);
      if (fresh)
        it->second = b.AddActor(a.name, a.sector, a.actor_type,
                                *b.territory().FindMunicipality(a.seat_municipality_code));
      // One ORP's list may name an actor the seeds name in another's.
      if (a.from_seeds) b.actor(it->second).source = Provenance::kSeeds;
      std::vector<size_t>& named = by_orp[o.orp_code];
      if (std::find(named.begin(), named.end(), it->second) == named.end())
        named.push_back(it->second);
      for (const SeedService& s : a.services) {
        if (!cards.insert({it->second, s.name, s.type}).second) continue;
        AddSeedService(b, it->second, s, a.from_seeds);
        for (const std::string& code : s.delivery_municipality_codes)
          covered.insert({code, s.type});
      }
    }
  return covered;
}

// The sector a step's title points at, or "" (the seeds name no one responsible).
std::string StepSector(const std::string& title) {
  static const std::pair<const char*, const char*> kHints[] = {
      {"OSPOD", "ospod"},          {"škol", "education"},         {"ZŠ", "education"},
      {"MŠ", "education"},         {"pedagog", "education"},      {"SAS", "social"},
      {"služ", "social"},          {"soud", "police_justice"},    {"opatrovnick", "police_justice"},
      {"pediatr", "health"},       {"psych", "health"},           {"bydlen", "local_government"},
      {"MAS", "local_government"}, {"komis", "local_government"}, {"samospráv", "local_government"},
      {"MÚ", "local_government"},  {"obci", "local_government"}};
  for (const auto& [hint, sector] : kHints)
    if (title.find(hint) != std::string::npos) return sector;
  return "";
}

// One or two of `actors` responsible for a step: one of the sector its title points at
// when there is such an actor, maybe another one.
std::vector<size_t> Responsible(DatasetBuilder& b, const std::vector<size_t>& actors,
                                const std::string& title) {
  std::vector<size_t> fitting;
  std::string sector = StepSector(title);
  for (size_t a : actors)
    if (b.actor(a).sector == sector) fitting.push_back(a);
  const std::vector<size_t>& pool = fitting.empty() ? actors : fitting;
  std::vector<size_t> out;
  if (pool.empty()) return out;
  out.push_back(pool[b.Below(pool.size())]);
  if (actors.size() > 1 && b.Chance(0.5)) {
    size_t other = actors[b.Below(actors.size())];
    if (other != out.front()) out.push_back(other);
  }
  return out;
}

// The strategy of a seed ORP: its themes (and the needs they take up, `needs` being the
// batch indexes of o.needs), goals and steps (`actors` responsible), good practices and
// recommendations.
void AddStrategy(DatasetBuilder& b, const SeedNetworkingOrp& o,
                 const std::vector<std::optional<size_t>>& needs,
                 const std::vector<size_t>& actors) {
  std::vector<size_t> themes;
  for (const SeedTheme& st : o.themes) {
    Theme t;
    t.orp_code = o.orp_code;
    t.title = st.title;
    t.why = st.why;
    t.since = st.since;
    t.status = "active";
    t.is_demo = true;
    t.source = Provenance::kSeeds;
    size_t theme = b.AddTheme(std::move(t));
    themes.push_back(theme);
    for (const SeedGoal& sg : st.goals) {
      BatchGoal g;
      g.theme = theme;
      g.goal.title = sg.title;
      g.goal.description = sg.description;
      g.goal.since = sg.since;
      bool achieved =
          !sg.steps.empty() && std::all_of(sg.steps.begin(), sg.steps.end(),
                                           [](const SeedStep& s) { return s.status == "done"; });
      g.goal.status = achieved ? "achieved" : "open";
      g.goal.is_demo = true;
      g.goal.source = Provenance::kSeeds;
      size_t goal = b.AddGoal(std::move(g));
      for (const SeedStep& ss : sg.steps) {
        BatchStep s;
        s.goal = goal;
        s.step.title = ss.title;
        s.step.deadline = ss.deadline;
        s.step.status = ss.status;
        s.step.outcome = ss.outcome;
        s.step.is_demo = true;
        s.step.source = Provenance::kSeeds;
        s.actors = Responsible(b, actors, ss.title);
        b.AddStep(std::move(s));
      }
    }
  }
  auto need_indexes = [&](const std::vector<size_t>& seed) {
    std::vector<size_t> out;
    for (size_t k : seed)
      if (needs[k]) out.push_back(*needs[k]);
    return out;
  };
  auto theme_indexes = [&](const std::vector<size_t>& seed) {
    std::vector<size_t> out;
    for (size_t k : seed) out.push_back(themes[k]);
    return out;
  };
  for (size_t k = 0; k < o.needs.size(); ++k)
    if (needs[k]) b.need(*needs[k]).themes = theme_indexes(o.needs[k].themes);
  for (const SeedPractice& sp : o.good_practices) {
    BatchGoodPractice p;
    p.practice.orp_code = o.orp_code;
    p.practice.title = sp.title;
    p.practice.description = sp.description;
    p.practice.is_demo = true;
    p.practice.source = Provenance::kSeeds;
    p.needs = need_indexes(sp.needs);
    p.themes = theme_indexes(sp.themes);
    b.AddGoodPractice(std::move(p));
  }
  for (const SeedRecommendation& sr : o.recommendations) {
    BatchRecommendation r;
    r.recommendation.orp_code = o.orp_code;
    r.recommendation.scope = sr.scope;
    r.recommendation.text = sr.text;
    r.recommendation.is_demo = true;
    r.recommendation.source = Provenance::kSeeds;
    r.needs = need_indexes(sr.needs);
    r.themes = theme_indexes(sr.themes);
    b.AddRecommendation(std::move(r));
  }
}

// The participation register of the seed ORPs: since when each networks and its
// networkers, as the seeds' facts name them (the seeds give no contacts for the demo);
// and the characteristics of each ORP's profile, the seeds' facts one per line.
void AddParticipations(DatasetBuilder& b, const SeedFacts& facts) {
  for (const SeedOrp& o : facts.orps) {
    if (!o.facts.empty()) {
      OrpText t;
      t.orp_code = o.orp_code;
      for (const std::string& fact : o.facts)
        t.characteristics += (t.characteristics.empty() ? "• " : "\n• ") + fact;
      t.is_demo = true;
      t.source = Provenance::kSeeds;
      b.AddOrpText(std::move(t));
    }
    if (o.networking_started.empty()) continue;
    Participation p;
    p.orp_code = o.orp_code;
    p.since = o.networking_started;
    for (const std::string& name : SplitNames(o.networker))
      p.networkers.push_back({name, "", "", 0});
    p.is_demo = true;
    p.source = Provenance::kSeeds;
    b.AddParticipation(std::move(p));
  }
}

}  // namespace

Result<RecordBatch> GenerateNetwork(const Territory& territory, const ReferenceData& reference,
                                    const GeneratorOptions& options) {
  if (options.services == 0 || options.services > kMaxServices)
    return Status::Invalid("services must be between 1 and " + std::to_string(kMaxServices),
                           {{"services", std::to_string(options.services)}});
  auto frames = ChosenFrames(territory, options.orp_codes);
  if (!frames.ok()) return frames.status();
  DatasetBuilder b(territory, reference, options.seed);
  AddNational(b, NationalSeat(territory, *frames));
  AddRegions(b, *frames, {});
  for (const OrpFrame& f : *frames) AddOrpCore(b, f);
  size_t rest = options.services > b.card_count() ? options.services - b.card_count() : 0;
  std::vector<size_t> budgets = Apportion(rest, *frames);
  for (size_t i = 0; i < frames->size(); ++i) AddEveryday(b, (*frames)[i], budgets[i], {});

  std::map<std::string, std::vector<size_t>> by_orp = ActorsByOrp(b);
  // Meetings a month in each ORP: 2–6, or around the share of the asked-for total.
  int per_month = 4;
  if (options.meetings > 0)
    per_month = static_cast<int>(std::max<size_t>(
        1, options.meetings / (frames->size() * static_cast<size_t>(kNationalWorkMonths))));
  for (const OrpFrame& f : *frames) {
    WorkFrame w{f.orp->code,         kNationalWorkStart, kNationalWorkEnd, {RandomNetworker(b)},
                by_orp[f.orp->code], per_month / 2,      per_month * 3 / 2};
    std::vector<size_t> meetings = AddMeetings(b, w);
    for (size_t k = 0; k < std::min(meetings.size() / kMeetingsPerNeed, kMaxNeedsPerOrp); ++k)
      AddNeed(b, w, meetings, RandomNeed(b), 1.0);
    AddTies(b, w, static_cast<size_t>(static_cast<double>(w.actors.size()) * kTiesPerActor + 0.5));
  }
  return b.Take();
}

Result<RecordBatch> BuildDemoNetwork(const Territory& territory, const ReferenceData& reference,
                                     const std::string& seed_facts_json,
                                     const std::string& seed_networking_json, uint64_t seed) {
  auto facts = ParseSeedFacts(seed_facts_json);
  if (!facts.ok()) return facts.status();
  PROSIT_RETURN_IF_ERROR(CheckSeedFacts(*facts, territory, reference));
  auto networking = ParseSeedNetworking(seed_networking_json);
  if (!networking.ok()) return networking.status();
  PROSIT_RETURN_IF_ERROR(CheckSeedNetworking(*networking, territory, reference));
  std::vector<std::string> codes;
  for (const Orp& orp : territory.orps())
    if (orp.region_code == kDemoRegion) codes.push_back(orp.code);
  if (codes.empty()) return Status::Invalid("the territory has no ORP in region CZ053");
  auto frames = ChosenFrames(territory, codes);
  if (!frames.ok()) return frames.status();

  DatasetBuilder b(territory, reference, seed);
  std::map<std::string, std::vector<size_t>> named;
  Covered covered = AddSeedActors(b, *facts, named);
  std::set<std::string> seeded, seed_types;
  for (const SeedOrp& o : facts->orps) {
    seeded.insert(o.orp_code);
    for (const SeedActor& a : o.actors)
      for (const SeedService& s : a.services)
        if (s.territory.kind == TerritoryKind::kRegion) seed_types.insert(s.type);
  }
  AddNational(b, NationalSeat(territory, *frames));
  AddRegions(b, *frames, seed_types);
  for (const OrpFrame& f : *frames) {
    if (!seeded.count(f.orp->code)) AddOrpCore(b, f);
    AddEveryday(b, f, static_cast<size_t>(f.children / kDemoChildrenPerEverydayCard), covered);
  }

  // The networking work of the seven ORPs: the actors they name and those seated there.
  std::map<std::string, std::vector<size_t>> by_orp = ActorsByOrp(b);
  // The batch index of every need of networking->orps[i], by i.
  std::map<size_t, std::vector<std::optional<size_t>>> need_indexes;
  for (const SeedOrp& o : facts->orps) {
    std::vector<size_t> actors = named[o.orp_code];
    for (size_t a : by_orp[o.orp_code])
      if (std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
    WorkFrame w{o.orp_code, o.networking_started, kDemoWorkEnd, SplitNames(o.networker), actors, 3,
                8};
    std::vector<size_t> meetings = AddMeetings(b, w);
    for (size_t i = 0; i < networking->orps.size(); ++i)
      if (networking->orps[i].orp_code == o.orp_code) {
        need_indexes[i].clear();
        for (const SeedNeed& need : networking->orps[i].needs) {
          std::optional<size_t> added = AddNeed(b, w, meetings,
                                                {need.statement, need.need_area, need.network_need,
                                                 need.sectors, need.priority, need.status},
                                                0.5);
          if (added) b.need(*added).need.source = Provenance::kSeeds;
          need_indexes[i].push_back(added);
        }
      }
    WorkFrame core = w;
    core.actors = named[o.orp_code];
    AddTies(b, core, std::max<size_t>(5, core.actors.size() * 6 / 10));
  }
  // Their strategies, after the rest so that the random stream of the rest stays as it was.
  for (const auto& [i, needs] : need_indexes)
    AddStrategy(b, networking->orps[i], needs, named[networking->orps[i].orp_code]);
  AddParticipations(b, *facts);
  return b.Take();
}

}  // namespace prosit
