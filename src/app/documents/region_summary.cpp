#include "app/documents/region_summary.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "analysis/coverage.h"
#include "app/accounts/permissions.h"
#include "app/analysis/coverage_queries.h"
#include "app/documents/czech_figures.h"
#include "app/documents/share_map.h"
#include "app/networking/profile_queries.h"
#include "model/region_names.h"

namespace prosit {

namespace {

using nlohmann::json;

constexpr TravelMode kJudgedBy = TravelMode::kPublicTransport;  // families without a car

// One ORP's row: the profile's counts and the coverage's share and white spots.
struct OrpRow {
  const Orp* orp = nullptr;
  json profile;
  const OrpCoverage* coverage = nullptr;
  std::optional<double> share_within_norm;
  std::vector<const ModelCell*> white_spots;
};

std::string CellLabel(const ReferenceData& ref, const ModelCell& cell) {
  const NeedArea* area = ref.FindNeedArea(cell.need_area);
  const SupportLevel* level = ref.FindLevel(cell.level);
  return (area ? area->label.cs : cell.need_area) + " – " +
         (level ? level->label.cs : std::to_string(cell.level) + ". úroveň");
}

// The share of the ORP's children within the norm over every cell of the model: the
// coverage summary of the ORP alone (the region's API answer sums cells the same way).
std::optional<double> ShareWithinNorm(const OrpCoverage& c, const ReferenceData& ref) {
  CoverageSummary s = SummarizeCoverage({c}, ref, kJudgedBy);
  double children = 0, within = 0;
  for (const CellSummary& cell : s.cells) {
    children += cell.children;
    within += cell.children_within_norm;
  }
  if (children <= 0) return std::nullopt;
  return within / children;
}

int64_t Count(const json& profile, const char* key) {
  return profile["counts"].value(key, int64_t{0});
}

Table SideBySide(const std::vector<OrpRow>& rows) {
  Table t;
  t.header = {"ORP",     "Obyvatel", "Děti 0–17",        "Aktéři", "Karty služeb",
              "Setkání", "Zápisy",   "Otevřené potřeby", "Témata"};
  t.widths = {2.2, 1.2, 1.1, 0.9, 1, 0.9, 0.9, 1.1, 0.9};
  t.align.assign(t.header.size(), CellAlign::kRight);
  t.align[0] = CellAlign::kLeft;
  t.caption = "ORP kraje: území a práce sítě";
  for (const OrpRow& r : rows) {
    const json& p = r.profile;
    t.rows.push_back(
        {Plain(r.orp->name), Plain(CzechCount(p.value("population", int64_t{0}))),
         Plain(CzechCount(p["children"].value("age_0_17", int64_t{0}))),
         Plain(CzechCount(Count(p, "actors"))), Plain(CzechCount(Count(p, "service_cards"))),
         Plain(CzechCount(Count(p, "meetings"))), Plain(CzechCount(Count(p, "meeting_records"))),
         Plain(CzechCount(Count(p, "open_needs"))), Plain(CzechCount(Count(p, "themes")))});
  }
  return t;
}

Table CoverageTable(const std::vector<OrpRow>& rows, const ReferenceData& ref) {
  Table t;
  t.header = {"ORP", "Dětí v dosahu normy", "Bílá místa", "Chybí (oblast – úroveň)"};
  t.widths = {2, 1.3, 1, 4.5};
  t.align = {CellAlign::kLeft, CellAlign::kRight, CellAlign::kRight, CellAlign::kLeft};
  t.caption = "Pokrytí optimálního modelu v ORP kraje";
  for (const OrpRow& r : rows) {
    std::string missing;
    for (const ModelCell* cell : r.white_spots)
      missing += (missing.empty() ? "" : "; ") + CellLabel(ref, *cell);
    t.rows.push_back({Plain(r.orp->name), Plain(CzechPercent(r.share_within_norm)),
                      Plain(CzechCount(static_cast<int64_t>(r.white_spots.size()))),
                      Plain(missing.empty() ? "–" : missing)});
  }
  return t;
}

// Each municipality's share of the model's cells it reaches within the norm.
void WhiteSpots(Document& doc, const std::vector<OrpRow>& rows, const AnalysisBasis& basis,
                const MunicipalityShapes* shapes, const std::string& locative) {
  const Frame& f = basis.frame();
  doc.blocks.push_back(Heading{1, kRegionSummaryHeadings[1]});
  doc.blocks.push_back(
      Paragraph{Plain("Mapa ukazuje, jaký podíl buněk optimálního modelu (oblast potřeb × úroveň "
                      "podpory) mají děti z každé obce v dosahu normy dojezdu veřejnou dopravou. "
                      "Červené obce jsou bílými místy sítě, zelené mají v dosahu téměř vše.")});
  if (shapes) {
    ShareMapInput in;
    in.legend_title = "Podíl buněk modelu v dosahu normy (veřejná doprava)";
    for (const OrpRow& r : rows) {
      AddMunicipalityShares(*r.coverage, f.territory, in.share_by_municipality);
      in.orps.push_back(r.orp);
    }
    Figure fig;
    fig.drawing = DrawShareMap(*shapes, in);
    fig.caption = "Bílá místa " + locative + " podle obcí";
    fig.alt = "Mapa obcí kraje obarvená podle podílu buněk optimálního modelu v dosahu normy.";
    doc.blocks.push_back(std::move(fig));
  } else {
    doc.blocks.push_back(
        Paragraph{Plain("Server nemá hranice obcí, mapa proto chybí."), ParagraphStyle::kNote});
  }
  // The cells missing in most ORPs first: where the region as a whole lacks a service.
  std::vector<OrpCoverage> coverages;
  for (const OrpRow& r : rows) coverages.push_back(*r.coverage);
  CoverageSummary sum = SummarizeCoverage(coverages, f.reference, kJudgedBy);
  std::vector<const CellSummary*> cells;
  for (const CellSummary& c : sum.cells)
    if (c.orps_by_status[static_cast<int>(CellStatus::kMissing)] > 0) cells.push_back(&c);
  std::stable_sort(cells.begin(), cells.end(), [](const CellSummary* a, const CellSummary* b) {
    return a->orps_by_status[static_cast<int>(CellStatus::kMissing)] >
           b->orps_by_status[static_cast<int>(CellStatus::kMissing)];
  });
  if (cells.empty()) {
    doc.blocks.push_back(Paragraph{Plain("V žádné ORP kraje nechybí celá buňka modelu.")});
    return;
  }
  Table t;
  t.header = {"Buňka modelu (oblast – úroveň)", "ORP, kde chybí", "Dětí kraje v dosahu normy"};
  t.widths = {3, 1.2, 1.5};
  t.align = {CellAlign::kLeft, CellAlign::kRight, CellAlign::kRight};
  t.caption = "Bílá místa sdílená ORP kraje";
  for (const CellSummary* c : cells) {
    std::optional<double> share;
    if (c->children > 0) share = c->children_within_norm / c->children;
    t.rows.push_back(
        {Plain(CellLabel(f.reference, *c->cell)),
         Plain(std::to_string(c->orps_by_status[static_cast<int>(CellStatus::kMissing)]) + " z " +
               std::to_string(rows.size())),
         Plain(CzechPercent(share))});
  }
  doc.blocks.push_back(std::move(t));
}

// A need's group: its need area or its network-need category, by label.
std::string NeedGroup(const ReferenceData& ref, const Need& n) {
  if (!n.need_area.empty()) {
    const NeedArea* a = ref.FindNeedArea(n.need_area);
    return "Potřeba dítěte: " + (a ? a->label.cs : n.need_area);
  }
  const Category* c = ref.FindNetworkNeedCategory(n.network_need);
  return "Potřeba sítě: " + (c ? c->label.cs : n.network_need);
}

bool IsOpen(const Need& n) { return n.status == "open" || n.status == "being_addressed"; }

void SharedNeeds(Document& doc, const std::vector<OrpRow>& rows, const NetworkSnapshot& snap) {
  const ReferenceData& ref = snap.frame->reference;
  std::map<std::string, const Orp*> orp_of;
  for (const OrpRow& r : rows) orp_of[r.orp->code] = r.orp;
  struct Group {
    int needs = 0;
    std::set<std::string> voiced, in_strategy;  // ORP names
  };
  std::map<std::string, Group> groups;
  for (const auto& [id, n] : snap.needs) {
    auto o = orp_of.find(n->orp_code);
    if (o == orp_of.end() || !IsOpen(*n)) continue;
    Group& g = groups[NeedGroup(ref, *n)];
    ++g.needs;
    g.voiced.insert(o->second->name);
    for (int64_t theme_id : n->theme_ids) {
      auto th = snap.themes.find(theme_id);
      if (th != snap.themes.end() && th->second->status == "active")
        g.in_strategy.insert(o->second->name);
    }
  }
  doc.blocks.push_back(Heading{1, kRegionSummaryHeadings[2]});
  doc.blocks.push_back(Paragraph{
      Plain("Otevřené potřeby, které zaznamenali síťaři ORP (vyslovené aktéry na setkáních "
            "a v rozhovorech), seskupené podle oblasti potřeb dítěte nebo kategorie potřeb "
            "sítě; nejdříve ty, které se objevily ve více ORP. Poslední sloupec říká, v kolika "
            "ORP potřebu řeší téma místní strategie.")});
  if (groups.empty()) {
    doc.blocks.push_back(Paragraph{Plain("ORP kraje nemají zaznamenané otevřené potřeby.")});
    return;
  }
  std::vector<std::pair<std::string, const Group*>> sorted;
  for (const auto& [name, g] : groups) sorted.emplace_back(name, &g);
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second->voiced.size() > b.second->voiced.size();
  });
  Table t;
  t.header = {"Oblast", "Potřeb", "ORP, které ji vyslovily", "ORP s tématem strategie"};
  t.widths = {2.4, 0.8, 3.2, 1.2};
  t.align = {CellAlign::kLeft, CellAlign::kRight, CellAlign::kLeft, CellAlign::kRight};
  t.caption = "Potřeby sdílené ORP kraje";
  for (const auto& [name, g] : sorted) {
    std::string names;
    for (const std::string& o : g->voiced) names += (names.empty() ? "" : ", ") + o;
    t.rows.push_back({Plain(name), Plain(CzechCount(g->needs)),
                      Plain(std::to_string(g->voiced.size()) + ": " + names),
                      Plain(std::to_string(g->in_strategy.size()))});
  }
  doc.blocks.push_back(std::move(t));
}

void RegionLevel(Document& doc, const NetworkSnapshot& snap, const std::string& region) {
  const ReferenceData& ref = snap.frame->reference;
  doc.blocks.push_back(Heading{1, kRegionSummaryHeadings[3]});
  doc.blocks.push_back(Paragraph{
      Plain("Krajský síťař a koordinátor vedou vlastní strategii, potřeby a setkání kraje; "
            "tyto záznamy patří celému kraji, ne jedné ORP.")});
  BulletList themes;
  for (const auto& [id, th] : snap.themes) {
    if (th->orp_code != region) continue;
    RichText item{{th->title, true, false, ""}};
    int goals = 0;
    for (const auto& [gid, g] : snap.goals) goals += g->theme_id == id;
    item.push_back({" (" + std::string(th->status == "active" ? "aktivní" : "uzavřené") +
                        ", cílů: " + std::to_string(goals) + ")",
                    false, false, ""});
    if (!th->why.empty()) item.push_back({" – " + th->why, false, false, ""});
    themes.items.push_back(std::move(item));
  }
  doc.blocks.push_back(Heading{2, "Krajská strategie"});
  if (themes.items.empty())
    doc.blocks.push_back(Paragraph{Plain("Kraj zatím nemá vlastní témata strategie.")});
  else
    doc.blocks.push_back(std::move(themes));
  BulletList needs;
  for (const auto& [id, n] : snap.needs)
    if (n->orp_code == region && IsOpen(*n))
      needs.items.push_back(
          {{NeedGroup(ref, *n) + ": ", true, false, ""}, {n->statement, false, false, ""}});
  doc.blocks.push_back(Heading{2, "Potřeby kraje"});
  if (needs.items.empty())
    doc.blocks.push_back(Paragraph{Plain("Kraj nemá zaznamenané otevřené potřeby.")});
  else
    doc.blocks.push_back(std::move(needs));
  std::vector<const Meeting*> meetings;
  for (const auto& [id, m] : snap.meetings)
    if (m->orp_code == region) meetings.push_back(m.get());
  std::stable_sort(meetings.begin(), meetings.end(),
                   [](const Meeting* a, const Meeting* b) { return a->date > b->date; });
  doc.blocks.push_back(Heading{2, "Setkání kraje"});
  if (meetings.empty()) {
    doc.blocks.push_back(Paragraph{Plain("Kraj zatím nemá zaznamenaná krajská setkání.")});
    return;
  }
  Table t;
  t.header = {"Datum", "Kategorie", "Téma", "Účastníků"};
  t.widths = {1, 1.8, 3.5, 0.9};
  t.align = {CellAlign::kLeft, CellAlign::kLeft, CellAlign::kLeft, CellAlign::kRight};
  t.caption = "Krajská setkání, nejnovější první";
  for (const Meeting* m : meetings) {
    const Category* c = ref.FindMeetingCategory(m->category);
    t.rows.push_back({Plain(m->date), Plain(c ? c->label.cs : m->category), Plain(m->topic),
                      Plain(CzechCount(m->people))});
  }
  doc.blocks.push_back(std::move(t));
}

void Recommendations(Document& doc, const std::vector<OrpRow>& rows, const NetworkSnapshot& snap,
                     const std::string& region) {
  doc.blocks.push_back(Heading{1, kRegionSummaryHeadings[4]});
  auto list_of = [&](const std::string& code) {
    BulletList list;
    for (const std::string scope : {"general", "specific"})
      for (const auto& [id, r] : snap.recommendations)
        if (r->orp_code == code && r->scope == scope)
          list.items.push_back({{scope == "general" ? "Obecné: " : "Specifické: ", true, false, ""},
                                {r->text, false, false, ""}});
    return list;
  };
  BulletList own = list_of(region);
  doc.blocks.push_back(Heading{2, "Doporučení kraje"});
  if (own.items.empty())
    doc.blocks.push_back(Paragraph{Plain("Kraj zatím nezapsal vlastní doporučení.")});
  else
    doc.blocks.push_back(std::move(own));
  doc.blocks.push_back(Heading{2, "Doporučení ORP"});
  bool any = false;
  for (const OrpRow& r : rows) {
    BulletList list = list_of(r.orp->code);
    if (list.items.empty()) continue;
    any = true;
    doc.blocks.push_back(Heading{3, r.orp->name});
    doc.blocks.push_back(std::move(list));
  }
  if (!any) doc.blocks.push_back(Paragraph{Plain("ORP kraje zatím nezapsaly doporučení.")});
}

void Sources(Document& doc, const AnalysisBasis& basis, const std::string& today) {
  doc.blocks.push_back(Heading{1, kRegionSummaryHeadings[5]});
  BulletList list;
  list.items.push_back(Plain("Stav záznamů prosit ke dni " + today + "."));
  list.items.push_back(
      Plain("Obyvatelé, děti a počty práce sítě jsou tytéž jako v profilu ORP; aktéři sídlí v ORP, "
            "karty služeb jsou poskytovány v ORP nebo ji obsluhují."));
  list.items.push_back(Plain(
      "Dětí v dosahu normy: podíl dětí ORP, které mají v dosahu normy dojezdu veřejnou dopravou "
      "všechny přítomné typy služeb buňky, přes všechny buňky optimálního modelu (verze modelu " +
      std::to_string(basis.frame().model_version) +
      "); bílé místo je buňka, v níž ORP nemá "
      "žádný očekávaný typ služby."));
  list.items.push_back(Plain("Doby dojezdu: " + basis.times->source() + "."));
  doc.blocks.push_back(std::move(list));
}

}  // namespace

Result<Document> RegionSummaryDocument(const Caller& caller, const AnalysisBasis& basis,
                                       const MunicipalityShapes* shapes,
                                       const std::string& region_code, const std::string& today) {
  const NetworkSnapshot& snap = *basis.snapshot;
  const Territory& t = basis.frame().territory;
  const Region* region = t.FindRegion(region_code);
  if (!region) return Status::NotFound("no region with code " + region_code);
  PROSIT_RETURN_IF_ERROR(MayReadScope(caller, t, region_code, "", true));
  CoverageQuery q;
  q.region = region_code;
  std::vector<OrpCoverage> coverages = CoverScope(basis, q);
  std::vector<OrpRow> rows;
  for (const OrpCoverage& c : coverages) {
    OrpRow r;
    r.orp = &t.orps()[c.orp];
    auto profile = OrpProfileJson(caller, snap, r.orp->code, today);
    if (!profile.ok()) return profile.status();
    r.profile = json::parse(*profile);
    r.coverage = &c;
    r.share_within_norm = ShareWithinNorm(c, basis.frame().reference);
    for (const CellCoverage& cell : c.cells)
      if (cell.status == CellStatus::kMissing) r.white_spots.push_back(cell.cell);
    rows.push_back(std::move(r));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const OrpRow& a, const OrpRow& b) { return a.orp->name < b.orp->name; });

  std::string locative = RegionLocative(region_code);
  if (locative.empty()) locative = "v kraji " + region->name;
  Document doc;
  doc.title = "Síťování služeb pro děti a jejich rodiny " + locative;
  doc.subtitle = "Souhrn ORP kraje: síť služeb, bílá místa, společné potřeby a doporučení";
  doc.author = "prosit";
  doc.date = today;
  doc.footer = region->name + " – souhrn síťování ke dni " + today;
  doc.title_page = false;
  doc.contents = false;

  int64_t taking_part = 0;
  std::string names;
  for (const OrpRow& r : rows) {
    if (r.profile["participation"].value("takes_part", false)) ++taking_part;
    names += (names.empty() ? "" : ", ") + r.orp->name;
  }
  doc.blocks.push_back(Paragraph{
      Plain(region->name + " má " + std::to_string(rows.size()) +
            " obcí s rozšířenou "
            "působností (" +
            names +
            "); do síťování služeb pro děti a jejich rodiny je jich ke "
            "dni " +
            today + " zapojeno " + std::to_string(taking_part) +
            ". Souhrn staví vedle "
            "sebe jejich sítě, ukazuje bílá místa v kraji, potřeby, které ORP sdílejí, práci "
            "na úrovni kraje a doporučení."),
      ParagraphStyle::kLead});
  doc.blocks.push_back(Heading{1, kRegionSummaryHeadings[0]});
  doc.blocks.push_back(SideBySide(rows));
  doc.blocks.push_back(CoverageTable(rows, basis.frame().reference));
  WhiteSpots(doc, rows, basis, shapes, locative);
  SharedNeeds(doc, rows, snap);
  RegionLevel(doc, snap, region_code);
  Recommendations(doc, rows, snap, region_code);
  Sources(doc, basis, today);
  return doc;
}

}  // namespace prosit
