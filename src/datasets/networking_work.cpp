#include "datasets/networking_work.h"

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "datasets/czech_names.h"

namespace prosit {

namespace {

// Days since 1970-01-01 of a civil date and back (H. Hinnant's algorithms).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  char buf[12];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int64_t Days(const std::string& iso) {
  return DaysFromCivil(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                       std::stoi(iso.substr(8, 2)));
}

bool Weekend(int64_t days) {
  int64_t wd = (days + 4) % 7;  // 1970-01-01 was a Thursday; 0 = Sunday
  if (wd < 0) wd += 7;
  return wd == 0 || wd == 6;
}

// The meeting categories with the seeds' national totals ("Síťování v číslech").
struct Category {
  const char* id;
  int weight;
};
constexpr Category kCategories[] = {{"ospod", 1960},
                                    {"local_government", 916},
                                    {"service_providers", 827},
                                    {"schools", 737},
                                    {"zdvop", 16},
                                    {"health", 92},
                                    {"psychotherapy", 100},
                                    {"justice_security", 110},
                                    {"labour_office", 34},
                                    {"other", 207},
                                    {"joint_networker", 43}};

bool Matches(const std::string& category, const Actor& a) {
  const std::string& s = a.sector;
  if (category == "ospod") return s == "ospod";
  if (category == "local_government") return s == "local_government";
  if (category == "service_providers") return s == "social" || s == "ngo_church" || s == "housing";
  if (category == "schools") return s == "education";
  if (category == "zdvop") return a.actor_type == "zdvop_facility";
  if (category == "health") return s == "health" && a.actor_type != "counselling_centre";
  if (category == "psychotherapy")
    return a.actor_type == "counselling_centre" || (s == "health" && a.actor_type != "hospital");
  if (category == "justice_security") return s == "police_justice";
  if (category == "labour_office") return s == "labour_office";
  if (category == "other") return s == "other" || s == "leisure";
  return true;  // joint meetings: anyone
}

// Topics, by category, as a networker writes them in the record.
const std::vector<const char*>& Topics(const std::string& category) {
  static const std::vector<const char*> ospod = {"Mapování potřeb OSPOD",
                                                 "Setkání s vedením OSPOD: priority síťování",
                                                 "Individuální setkání s pracovnicí OSPOD",
                                                 "Společné setkání pracovníků OSPOD",
                                                 "Spolupráce OSPOD se školami a službami",
                                                 "Vyjasnění kompetencí OSPOD a SAS"};
  static const std::vector<const char*> local = {
      "Setkání se starostou: síťování služeb v obci", "Sociálně-zdravotní komise",
      "Komunitní plánování sociálních služeb",        "Prevence kriminality ve městě",
      "Setkání s místostarostkou k tématu bydlení",   "Setkání s úředníky sociálního odboru"};
  static const std::vector<const char*> providers = {
      "Představení služby a její kapacity", "Spolupráce SAS s OSPOD",
      "Mapování potřeb poskytovatele služby", "Zakázka služby a návaznost na další aktéry",
      "Dostupnost terénní služby v menších obcích"};
  static const std::vector<const char*> schools = {
      "Setkání s ředitelem školy: ohrožené děti ve škole",
      "Školní poradenské pracoviště",
      "Spolupráce školy a OSPOD",
      "Setkání výchovných poradců",
      "Včasná detekce ohrožení dítěte v MŠ",
      "Školní psycholog a jeho místo v síti"};
  static const std::vector<const char*> zdvop = {"Spolupráce se ZDVOP: příjem dětí a návaznost",
                                                 "Návrat dítěte ze ZDVOP do rodiny"};
  static const std::vector<const char*> health = {"Setkání s pediatrem: včasné zachycení ohrožení",
                                                  "Spolupráce nemocnice a OSPOD",
                                                  "Zdravotní sestry a ohrožené děti"};
  static const std::vector<const char*> psycho = {"Dostupnost dětského psychologa",
                                                  "Čekací doby v pedagogicko-psychologické poradně",
                                                  "Rodinné poradenství a terapie v ORP"};
  static const std::vector<const char*> justice = {
      "Opatrovnické řízení a cochemská praxe", "Spolupráce s Policií ČR v prevenci",
      "Probační a mediační služba: práce s mladistvými",
      "Setkání se soudkyní opatrovnického soudu"};
  static const std::vector<const char*> labour = {"Spolupráce s úřadem práce: dávky hmotné nouze",
                                                  "Mladí dospělí a vstup na trh práce"};
  static const std::vector<const char*> other = {
      "Volnočasové aktivity pro děti v obci", "Setkání s místní akční skupinou",
      "Setkání se zástupci spolků", "Knihovna jako místo setkávání rodin"};
  static const std::vector<const char*> joint = {
      "Spolu a včas ohroženým dětem", "Mezioborové setkání škol a OSPOD",
      "Pracovní skupina pro rodinu a děti", "Společné setkání aktérů sítě: výstupy mapování potřeb",
      "Platforma spolupráce škol a sociálních služeb"};
  if (category == "ospod") return ospod;
  if (category == "local_government") return local;
  if (category == "service_providers") return providers;
  if (category == "schools") return schools;
  if (category == "zdvop") return zdvop;
  if (category == "health") return health;
  if (category == "psychotherapy") return psycho;
  if (category == "justice_security") return justice;
  if (category == "labour_office") return labour;
  if (category == "other") return other;
  return joint;
}

constexpr const char* kNotes[] = {
    "Účastníci popsali, s čím se ve své práci nejčastěji setkávají, a co jim v síti chybí.",
    "Probrali jsme, kdo co v síti dělá a kam se obrátit v konkrétních situacích.",
    "Shoda na tom, že je třeba se potkávat pravidelně a sdílet informace o službách.",
    "Zazněla potřeba lepší dostupnosti odborné pomoci ve vzdálenějších obcích.",
    "Aktéři ocenili možnost se osobně poznat; domluvili se na dalším kontaktu.",
    "Představení projektu a role lokálního síťaře, sběr podnětů do analýzy sítě.",
    "Diskuse o kapacitách služeb a čekacích dobách.",
    "Sdílení zkušeností s prací s nemotivovanými rodinami."};
constexpr const char* kOutputs[] = {"Kontakty předány, doplněny karty služeb.",
                                    "Zápis rozeslán účastníkům.", "Domluveno další setkání.",
                                    "Podněty zapsány do přehledu potřeb.",
                                    "Návrh společného postupu k připomínkám."};
constexpr const char* kTasks[] = {
    "Rozeslat zápis a kontakty účastníkům", "Doplnit kartu služby v systému",
    "Připravit podklady pro další setkání", "Oslovit další aktéry k účasti",
    "Ověřit kapacitu a čekací dobu služby"};

template <size_t N>
const char* Pick(DatasetBuilder& b, const char* const (&list)[N]) {
  return list[b.Below(N)];
}

std::string DrawCategory(DatasetBuilder& b) {
  int total = 0;
  for (const Category& c : kCategories) total += c.weight;
  int r = static_cast<int>(b.Below(static_cast<size_t>(total)));
  for (const Category& c : kCategories) {
    if (r < c.weight) return c.id;
    r -= c.weight;
  }
  return "other";
}

// `k` distinct elements of `pool` drawn at random (all when fewer).
std::vector<size_t> Sample(DatasetBuilder& b, std::vector<size_t> pool, size_t k) {
  k = std::min(k, pool.size());
  for (size_t i = 0; i < k; ++i) std::swap(pool[i], pool[i + b.Below(pool.size() - i)]);
  pool.resize(k);
  return pool;
}

// The actors of f.actors that match each category, by category id.
using Pools = std::map<std::string, std::vector<size_t>>;

Pools MakePools(const DatasetBuilder& b, const WorkFrame& f) {
  Pools pools;
  for (const Category& c : kCategories) {
    std::vector<size_t>& pool = pools[c.id];
    for (size_t a : f.actors)
      if (Matches(c.id, b.actor(a))) pool.push_back(a);
  }
  return pools;
}

Meeting NewMeeting(DatasetBuilder& b, const WorkFrame& f, const Pools& pools,
                   const std::string& date, std::string category,
                   std::vector<size_t>& participants) {
  const std::vector<size_t>* pool = nullptr;
  for (int attempt = 0; attempt < 4; ++attempt) {
    pool = &pools.at(category);
    if (!pool->empty()) break;
    category = DrawCategory(b);
  }
  if (pool->empty()) {
    category = "joint_networker";
    pool = &f.actors;
  }
  bool joint = category == "joint_networker";
  Meeting m;
  m.date = date;
  m.orp_code = f.orp_code;
  m.category = category;
  size_t n = joint ? static_cast<size_t>(b.Between(2, 4))
                   : (b.Chance(0.7) ? 1 : static_cast<size_t>(b.Between(2, 4)));
  participants = Sample(b, *pool, n);
  if (joint)
    m.format = b.Chance(0.5) ? "joint" : (b.Chance(0.5) ? "platform" : "working_group");
  else
    m.format = participants.size() > 1 && b.Chance(0.5) ? "joint" : "individual";
  m.people =
      joint ? b.Between(6, 25)
            : static_cast<int>(participants.size()) + b.Between(0, 2) + (m.format != "individual");
  m.networkers = f.networkers;
  const auto& topics = Topics(category);
  m.topic = topics[b.Below(topics.size())];
  m.notes = Pick(b, kNotes);
  if (b.Chance(0.5)) m.notes += std::string(" ") + Pick(b, kNotes);
  if (b.Chance(0.6)) m.outputs = Pick(b, kOutputs);
  if (b.Chance(0.3)) {
    FollowUp fu;
    fu.task = Pick(b, kTasks);
    fu.owner = f.networkers.empty() ? "síťař" : f.networkers.front();
    std::string due = CivilFromDays(Days(date) + b.Between(7, 45));
    fu.due = due;
    fu.done = due <= f.end && b.Chance(0.8);
    m.follow_ups.push_back(std::move(fu));
  }
  m.is_demo = true;
  m.source = Provenance::kInvented;
  return m;
}

bool SharesSector(DatasetBuilder& b, const BatchMeeting& m, const std::vector<std::string>& s) {
  return std::any_of(m.actors.begin(), m.actors.end(), [&](size_t a) {
    return std::find(s.begin(), s.end(), b.actor(a).sector) != s.end();
  });
}

struct NeedTemplate {
  const char* statement;
  const char* need_area;
  const char* network_need;
  const char* sector_a;
  const char* sector_b;
};
constexpr NeedTemplate kNeedTemplates[] = {
    {"Vyjasnění kompetencí mezi OSPOD, školami a sociálními službami.", "",
     "clarity_of_competences", "ospod", "education"},
    {"Lepší informovanost aktérů o dostupných službách v ORP.", "", "information_about_services",
     "education", "health"},
    {"Pravidelné setkávání aktérů sítě a sdílení informací.", "", "cooperation", "social", "ospod"},
    {"Nedostatečná kapacita dětských psychologů a psychiatrů.", "", "capacity", "health",
     "education"},
    {"Špatná dostupnost ambulantních služeb z menších obcí.", "", "accessibility", "ospod",
     "local_government"},
    {"Dostupné a krizové bydlení pro rodiny s dětmi v bytové nouzi.", "", "housing",
     "local_government", "social"},
    {"Včasné zachycení ohrožení dítěte ve školách a u pediatrů.", "", "early_detection",
     "education", "health"},
    {"V ORP chybí nízkoprahové zařízení pro děti a mládež.", "", "missing_service",
     "local_government", "social"},
    {"Vzdělávání pedagogů v komunikaci s dítětem a v ochraně jeho práv.", "",
     "education_of_professionals", "education", "ospod"},
    {"Nejisté financování preventivních služeb.", "", "financing", "social", "local_government"},
    {"Podpora rodičů v konfliktu při rozchodu, aby spor co nejméně zatížil dítě.", "relationships",
     "", "police_justice", "ospod"},
    {"Bezpečí dětí v rodinách s domácím násilím.", "safety", "", "police_justice", "social"},
    {"Péče o duševní zdraví dětí a dospívajících.", "health", "", "health", "education"},
    {"Doučování a podpora dětí se sociálním znevýhodněním ve vzdělávání.", "learning", "",
     "education", "ngo_church"},
    {"Prevence rizikového chování dětí a mládeže.", "behaviour", "", "education", "police_justice"},
    {"Podpora rodin v hmotné nouzi a s dluhy.", "material", "", "labour_office", "social"}};

}  // namespace

std::vector<size_t> AddMeetings(DatasetBuilder& b, const WorkFrame& f) {
  std::vector<size_t> added;
  if (f.actors.empty() || f.start > f.end) return added;
  Pools pools = MakePools(b, f);
  int64_t first = Days(f.start), last = Days(f.end);
  int y = std::stoi(f.start.substr(0, 4)), mo = std::stoi(f.start.substr(5, 2));
  while (DaysFromCivil(y, mo, 1) <= last) {
    int64_t month_start = DaysFromCivil(y, mo, 1);
    int64_t next = mo == 12 ? DaysFromCivil(y + 1, 1, 1) : DaysFromCivil(y, mo + 1, 1);
    int64_t lo = std::max(first, month_start), hi = std::min(last, next - 1);
    int count = b.Between(f.per_month_lo, f.per_month_hi);
    if (hi - lo + 1 < next - month_start)  // a partial month gets its share
      count =
          static_cast<int>(count * (hi - lo + 1) / (next - month_start)) + (b.Chance(0.5) ? 1 : 0);
    std::vector<int64_t> days;
    for (int i = 0; i < count && hi >= lo; ++i) {
      int64_t d = lo + static_cast<int64_t>(b.Below(static_cast<size_t>(hi - lo + 1)));
      for (int tries = 0; tries < 6 && Weekend(d); ++tries)
        d = lo + static_cast<int64_t>(b.Below(static_cast<size_t>(hi - lo + 1)));
      days.push_back(d);
    }
    std::sort(days.begin(), days.end());
    for (int64_t d : days) {
      BatchMeeting bm;
      bm.meeting = NewMeeting(b, f, pools, CivilFromDays(d), DrawCategory(b), bm.actors);
      added.push_back(b.AddMeeting(std::move(bm)));
    }
    if (++mo == 13) mo = 1, ++y;
  }
  return added;
}

std::optional<size_t> AddNeed(DatasetBuilder& b, const WorkFrame& f,
                              const std::vector<size_t>& meetings, const NeedSpec& spec,
                              double early) {
  if (meetings.empty()) return std::nullopt;
  size_t window = std::max<size_t>(1, static_cast<size_t>(meetings.size() * early));
  std::vector<size_t> fitting;
  for (size_t i = 0; i < window; ++i)
    if (SharesSector(b, b.meeting(meetings[i]), spec.sectors)) fitting.push_back(i);
  size_t at = fitting.empty() ? b.Below(window) : fitting[b.Below(fitting.size())];
  std::vector<size_t> found = {meetings[at]};
  if (at + 1 < meetings.size() && b.Chance(0.5)) {
    size_t later = at + 1 + b.Below(meetings.size() - at - 1);
    for (size_t tries = 0; tries < 8; ++tries) {
      if (SharesSector(b, b.meeting(meetings[later]), spec.sectors)) break;
      later = at + 1 + b.Below(meetings.size() - at - 1);
    }
    found.push_back(meetings[later]);
  }
  BatchNeed n;
  n.need.statement = spec.statement;
  n.need.need_area = spec.need_area;
  n.need.network_need = spec.network_need;
  n.need.sectors = spec.sectors;
  n.need.orp_code = f.orp_code;
  n.need.date = b.meeting(found.front()).meeting.date;
  n.need.priority = spec.priority;
  n.need.status = spec.status;
  n.need.is_demo = true;
  n.need.source = Provenance::kInvented;
  std::set<size_t> voiced;
  for (size_t m : found)
    for (size_t a : b.meeting(m).actors)
      if (voiced.size() < 3 &&
          std::find(spec.sectors.begin(), spec.sectors.end(), b.actor(a).sector) !=
              spec.sectors.end() &&
          voiced.insert(a).second)
        n.voiced_by.push_back(a);
  if (n.voiced_by.empty() && spec.sectors.empty())
    n.voiced_by.push_back(b.meeting(found.front()).actors.front());
  n.meetings = std::move(found);
  return b.AddNeed(std::move(n));
}

NeedSpec RandomNeed(DatasetBuilder& b) {
  const NeedTemplate& t = kNeedTemplates[b.Below(std::size(kNeedTemplates))];
  NeedSpec s{t.statement, t.need_area, t.network_need, {t.sector_a}, "", ""};
  if (b.Chance(0.6)) s.sectors.push_back(t.sector_b);
  static constexpr const char* kPriorities[] = {"low", "medium", "medium", "high", "high"};
  static constexpr const char* kStatuses[] = {
      "open", "open", "being_addressed", "being_addressed", "met", "dropped"};
  s.priority = kPriorities[b.Below(std::size(kPriorities))];
  s.status = kStatuses[b.Below(std::size(kStatuses))];
  return s;
}

void AddTies(DatasetBuilder& b, const WorkFrame& f, size_t count) {
  if (f.actors.size() < 2) return;
  size_t possible = f.actors.size() * (f.actors.size() - 1) / 2;
  count = std::min(count, possible / 2 + 1);
  static constexpr const char* kTypes[] = {
      "information_sharing", "information_sharing", "referral",         "referral",
      "joint_case_work",     "shared_platform",     "formal_agreement", "shared_resources"};
  static constexpr const char* kFrequencies[] = {"weekly", "monthly",    "monthly", "quarterly",
                                                 "yearly", "occasional", ""};
  static constexpr const char* kTieNotes[] = {
      "Spolupráce při případových konferencích.", "Vzájemné předávání klientů.",
      "Společná pracovní skupina.", "Dohoda o spolupráci uzavřena na setkání se síťařem.", ""};
  std::set<std::pair<size_t, size_t>> pairs;
  int64_t first = Days(f.start), last = Days(f.end);
  for (size_t tries = 0; pairs.size() < count && tries < count * 20; ++tries) {
    size_t a = f.actors[b.Below(f.actors.size())], c = f.actors[b.Below(f.actors.size())];
    if (a == c) continue;
    if (!pairs.insert({std::min(a, c), std::max(a, c)}).second) continue;
    BatchTie t;
    t.actor_a = a;
    t.actor_b = c;
    t.tie.type = Pick(b, kTypes);
    t.tie.since = CivilFromDays(first + static_cast<int64_t>(b.Below(static_cast<size_t>(
                                            std::max<int64_t>(1, last - first + 1)))));
    t.tie.frequency = Pick(b, kFrequencies);
    if (b.Chance(0.4)) {
      auto rate = [&] { return b.Chance(0.1) ? 1 : b.Between(2, 4); };
      t.tie.ratings.power_influence = rate();
      t.tie.ratings.involvement = rate();
      t.tie.ratings.resource_contribution = rate();
      t.tie.ratings.reliability = rate();
      t.tie.ratings.mission_support = rate();
      t.tie.ratings.openness = rate();
    }
    t.tie.note = Pick(b, kTieNotes);
    t.tie.is_demo = true;
    t.tie.source = Provenance::kInvented;
    b.AddTie(std::move(t));
  }
}

std::string RandomNetworker(DatasetBuilder& b) {
  return GenericPersonName(b.Below(1000), b.Below(1000), b.Chance(0.7));
}

}  // namespace prosit
