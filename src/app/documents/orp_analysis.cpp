#include "app/documents/orp_analysis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/coverage.h"
#include "analysis/graph_layout.h"
#include "app/analysis/analysis_json.h"
#include "app/analysis/cooperation_queries.h"
#include "app/analysis/coverage_queries.h"
#include "app/analysis/meanings.h"
#include "app/documents/orp_analysis_figures.h"
#include "app/documents/share_map.h"
#include "app/networking/profile_queries.h"
#include "model/analysis_text.h"
#include "model/czech_text.h"

namespace prosit {

using nlohmann::json;

namespace {

// Everything the chapters read, gathered once through the use cases the API answers with.
struct Sources {
  const AnalysisBasis& basis;
  const MunicipalityShapes* shapes;
  const OrpAnalysisRequest& req;
  const NetworkSnapshot& snap;
  const Orp& orp;
  json profile;  // OrpProfileJson
  json network;  // CooperationNetworkJson
  CooperationGraph graph;
  OrpCoverage coverage;
  const AnalysisText* text = nullptr;  // the newest of the ORP
  bool cs() const { return req.lang == Lang::kCs; }
  const std::string& L(const Label& l) const { return cs() ? l.cs : l.en; }
  const ReferenceData& reference() const { return basis.frame().reference; }
};

std::string Tr(const Sources& s, const char* cs, const char* en) { return s.cs() ? cs : en; }

std::string Format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}
std::string Int(double v) { return Format("%.0f", v); }
std::string Percent(double share) { return Format("%.0f %%", share * 100); }

// At most `bytes` bytes of `text`, never cutting a UTF-8 character.
std::string Shortened(const std::string& text, size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes) + "…";
}

std::string ChapterHeading(const std::string& key, Lang lang) {
  const std::string* label = LabelCatalog::BuiltIn().Field("analysis_text", key, lang);
  return label ? *label : key;
}

Paragraph Para(std::string text, ParagraphStyle style = ParagraphStyle::kBody) {
  return {Plain(std::move(text)), style};
}

// The networker's text of chapter `key`: paragraphs split at blank lines.
void NetworkerText(const Sources& s, const char* key, std::vector<Block>& out) {
  if (!s.text) return;
  std::string text;
  for (const AnalysisChapter& c : kAnalysisChapters)
    if (std::string_view(c.key) == key) text = s.text->*c.member;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string part = text.substr(start, end - start);
    if (part.find_first_not_of(" \n\r\t") != std::string::npos)
      out.push_back(Para(part, ParagraphStyle::kQuote));
    start = end + 2;
  }
}

void Chapter(const Sources& s, const char* key, std::vector<Block>& out) {
  out.push_back(Heading{1, ChapterHeading(key, s.req.lang)});
}

// A figure resting on invented demo records says so, as the API's `method` does.
void DemoWarning(const Sources& s, int64_t invented, std::vector<Block>& out) {
  if (invented <= 0) return;
  out.push_back(Para(Tr(s, "Pozor: tento údaj se opírá i o smyšlené ukázkové záznamy (",
                        "Note: this figure rests partly on invented demo records (") +
                         Int(invented) + Tr(s, "); neodpovídá skutečnosti.", "); it is not real."),
                     ParagraphStyle::kWarning));
}

int64_t Invented(const json& method) {
  if (!method.is_object() || !method.contains("records")) return 0;
  return method["records"].value("invented", int64_t{0});
}

std::string StatusLabel(const Sources& s, CellStatus st) {
  switch (st) {
    case CellStatus::kCovered:
      return Tr(s, "pokryto", "covered");
    case CellStatus::kCapacityShort:
      return Tr(s, "chybí kapacita", "capacity short");
    case CellStatus::kTooFar:
      return Tr(s, "příliš daleko", "too far");
    case CellStatus::kPartial:
      return Tr(s, "částečně", "partial");
    case CellStatus::kMissing:
      return Tr(s, "bílé místo", "white spot");
  }
  return "";
}

Rgb StatusColour(CellStatus st) {
  switch (st) {
    case CellStatus::kCovered:
      return 0xC7E9C0;
    case CellStatus::kCapacityShort:
    case CellStatus::kTooFar:
      return 0xFFE8A8;
    case CellStatus::kPartial:
      return 0xFDD0A2;
    case CellStatus::kMissing:
      return 0xFFFFFF;
  }
  return kNoColour;
}

std::string ServiceTypeLabel(const Sources& s, const std::string& id) {
  for (const ServiceType& t : s.reference().service_types)
    if (t.id == id) return s.L(t.label);
  return id;
}

// ---- the chapters --------------------------------------------------------------------

void Introduction(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "introduction", out);
  const json& region = s.profile["region"];
  out.push_back(Para(
      Tr(s,
         "Tento dokument popisuje místní síť služeb pro ohrožené děti a jejich rodiny ve správním "
         "obvodu obce s rozšířenou působností ",
         "This document describes the local network of services for children at risk and their "
         "families in the administrative district of the municipality with extended powers ") +
          s.orp.name + " (" + region.value("name", "") + Tr(s, ") ke dni ", ") as of ") +
          s.req.today +
          Tr(s,
             ". Srovnává optimální model sítě, postavený na potřebách dětí a na rolích aktérů, se "
             "skutečnou sítí v území a navrhuje, jak ji rozvíjet.",
             ". It compares the optimal model of the network, built on the needs of children and "
             "on the roles of the actors, with the real network of the territory, and proposes how "
             "to develop it."),
      ParagraphStyle::kLead));
  NetworkerText(s, "introduction", out);
}

void AboutProject(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "about_project", out);
  out.push_back(Para(
      Tr(s,
         "Analýza navazuje na projekt MPSV Systémový rozvoj a podpora nástrojů sociálně-právní "
         "ochrany dětí. Síťaři v obcích s rozšířenou působností mapovali služby, podporovali "
         "spolupráci pracovníků OSPOD, sociálních služeb, škol, lékařů, policie a dalších aktérů a "
         "sestavili doporučení pro rozvoj místní sítě. prosit vede jejich záznamy a z nich tento "
         "dokument skládá.",
         "The analysis follows the MPSV project Systemic development and support of the tools of "
         "the social and legal protection of children. Networkers in the ORPs mapped the services, "
         "supported the cooperation of child protection (OSPOD) workers, social services, schools, "
         "doctors, the police and other actors, and drew up recommendations for the local network. "
         "prosit keeps their records and assembles this document from them.")));
  NetworkerText(s, "about_project", out);
}

void Networking(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "networking", out);
  const json& p = s.profile;
  const json& c = p["counts"];
  const json& part = p["participation"];
  Table t;
  t.header = {Tr(s, "Ukazatel", "Figure"), Tr(s, "Hodnota", "Value")};
  t.widths = {3, 1};
  t.align = {CellAlign::kLeft, CellAlign::kRight};
  auto row = [&](std::string what, std::string value) {
    t.rows.push_back({Plain(std::move(what)), Plain(std::move(value))});
  };
  row(Tr(s, "Počet obyvatel", "Population"), Int(p.value("population", 0.0)));
  row(Tr(s, "Děti 0–17 let", "Children aged 0–17"), Int(p["children"].value("age_0_17", 0.0)));
  row(Tr(s, "Obce", "Municipalities"), Int(p.value("municipalities", 0.0)));
  row(Tr(s, "Aktéři sítě", "Actors of the network"), Int(c.value("actors", 0.0)));
  row(Tr(s, "Karty služeb", "Service cards"), Int(c.value("service_cards", 0.0)));
  row(Tr(s, "Setkání", "Meetings"), Int(c.value("meetings", 0.0)));
  row(Tr(s, "Otevřené potřeby", "Open needs"), Int(c.value("open_needs", 0.0)));
  row(Tr(s, "Témata strategie", "Themes of the strategy"), Int(c.value("themes", 0.0)));
  t.caption = Tr(s, "Profil ORP", "Profile of the ORP");
  out.push_back(std::move(t));

  std::string since = part["since"].is_string() ? part["since"].get<std::string>() : "";
  std::string who;
  for (const json& n : part["networkers"]) who += (who.empty() ? "" : ", ") + n.value("name", "");
  out.push_back(
      Para(since.empty()
               ? Tr(s, "ORP se síťování zatím neúčastní.",
                    "The ORP does not take part in networking yet.")
               : Tr(s, "ORP se síťování účastní od ", "The ORP takes part in networking since ") +
                     since + "." +
                     (who.empty() ? "" : Tr(s, " Síťaři: ", " Networkers: ") + who + ".")));

  // Meetings by category, every category of the reference data in its order.
  std::map<std::string, double> by_category;
  int64_t invented = 0;
  for (const auto& [id, m] : s.snap.meetings)
    if (m->orp_code == s.orp.code) {
      by_category[m->category] += 1;
      invented += m->source == Provenance::kInvented;
    }
  std::vector<BarItem> bars;
  for (const Category& cat : s.reference().meeting_categories)
    bars.push_back({s.L(cat.label), by_category[cat.id]});
  out.push_back(Heading{2, Tr(s, "Setkání podle kategorie", "Meetings by category")});
  out.push_back(Figure{BarChart(bars), Tr(s, "Setkání podle kategorie", "Meetings by category"),
                       Tr(s, "Sloupcový graf počtu setkání v každé kategorii",
                          "Bar chart of the number of meetings in each category"),
                       0});
  DemoWarning(s, invented, out);
  NetworkerText(s, "networking", out);
}

void ChildNeeds(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "child_needs", out);
  out.push_back(Para(
      Tr(s,
         "Model vychází z potřeb dítěte v šesti oblastech a ze čtyř úrovní podpory: od služeb pro "
         "všechny děti po specializovanou péči. Každá služba a každý aktér má v modelu svou roli.",
         "The model starts from the child's needs in six areas and from four levels of support: "
         "from services for every child to specialised care. Every service and every actor has its "
         "role in the model.")));
  BulletList areas;
  for (const NeedArea& a : s.reference().need_areas) {
    RichText item = {{s.L(a.label), true, false, ""}};
    if (!s.L(a.description).empty()) item.push_back({" – " + s.L(a.description), false, false, ""});
    areas.items.push_back(std::move(item));
  }
  out.push_back(Heading{2, Tr(s, "Oblasti potřeb", "Need areas")});
  out.push_back(std::move(areas));
  Table levels;
  levels.header = {Tr(s, "Úroveň", "Level"), Tr(s, "Pro koho", "For whom")};
  levels.widths = {1, 3};
  for (const SupportLevel& l : s.reference().support_levels)
    levels.rows.push_back(
        {Plain(std::to_string(l.level) + " " + s.L(l.label)), Plain(s.L(l.for_whom))});
  levels.caption = Tr(s, "Úrovně podpory", "Levels of support");
  out.push_back(Heading{2, Tr(s, "Úrovně podpory", "Levels of support")});
  out.push_back(std::move(levels));
  NetworkerText(s, "child_needs", out);
}

void Networks(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "networks", out);
  const auto& counts = s.coverage.cells_by_status;
  out.push_back(
      Para(Tr(s, "Optimální síť (model verze ", "The optimal network (model version ") +
           std::to_string(s.basis.frame().model_version) +
           Tr(s,
              ") určuje pro každou oblast potřeb a úroveň podpory, jaké typy služeb má ORP mít a "
              "jak daleko smí být. Reálnou síť tvoří služby z karet, které území ORP obsluhují. Z ",
              ") says for every need area and level of support which types of service an ORP "
              "should have and how far they may be. The real network is the services whose cards "
              "serve the ORP's territory. Of the ") +
           std::to_string(s.coverage.cells.size()) +
           Tr(s, " buněk modelu je ", " cells of the model, ") +
           std::to_string(counts[static_cast<int>(CellStatus::kCovered)]) +
           Tr(s, " pokryto a ", " are covered and ") +
           std::to_string(counts[static_cast<int>(CellStatus::kMissing)]) +
           Tr(s, " jsou bílá místa.", " are white spots.")));
  Table t;
  t.header = {Tr(s, "Stav buňky", "Status of the cell"), Tr(s, "Buněk", "Cells"),
              Tr(s, "Význam", "Meaning")};
  t.widths = {1.2, 0.6, 4};
  t.align = {CellAlign::kLeft, CellAlign::kRight, CellAlign::kLeft};
  for (int i = 0; i < kCellStatuses; ++i) {
    auto st = static_cast<CellStatus>(i);
    const Meaning* m = FindMeaning(ToString(st));
    t.rows.push_back({Plain(StatusLabel(s, st)), Plain(std::to_string(counts[i])),
                      Plain(m ? std::string(s.cs() ? m->cs : m->en) : "")});
  }
  t.caption = Tr(s, "Buňky modelu podle stavu", "Cells of the model by status");
  out.push_back(std::move(t));
  NetworkerText(s, "networks", out);
}

// The coverage matrix: need areas × levels, each cell coloured by its status.
Figure CoverageMatrix(const Sources& s) {
  const auto& levels = s.reference().support_levels;
  std::vector<std::string> header;
  for (const SupportLevel& l : levels)
    header.push_back(Tr(s, "Úroveň ", "Level ") + std::to_string(l.level));  // names: see above
  std::vector<GridRow> rows;
  for (const NeedArea& a : s.reference().need_areas) {
    GridRow row{s.L(a.label), {}, {}};
    for (const SupportLevel& l : levels) {
      const CellCoverage* found = nullptr;
      for (const CellCoverage& c : s.coverage.cells)
        if (c.cell->need_area == a.id && c.cell->level == l.level) found = &c;
      row.cells.push_back(found ? StatusLabel(s, found->status) : "–");
      row.fills.push_back(found ? StatusColour(found->status) : kNoColour);
    }
    rows.push_back(std::move(row));
  }
  std::vector<LegendEntry> legend;
  for (int i = 0; i < kCellStatuses; ++i)
    legend.push_back(
        {StatusLabel(s, static_cast<CellStatus>(i)), StatusColour(static_cast<CellStatus>(i))});
  return {ColouredGrid(header, rows, legend),
          Tr(s, "Pokrytí optimálního modelu (oblasti potřeb × úrovně podpory)",
             "Coverage of the optimal model (need areas × levels of support)"),
          Tr(s, "Tabulka oblastí potřeb a úrovní podpory, buňky obarvené podle stavu pokrytí",
             "Table of need areas and levels of support, cells coloured by their coverage status"),
          0};
}

// The ORP's municipalities by the share of the model's cells they reach within the norm.
Drawing WhiteSpotsMap(const Sources& s) {
  ShareMapInput in;
  in.legend_title = Tr(s, "Buňky modelu v normě (veřejná doprava)",
                       "Model cells within the norm (public transport)");
  in.no_data = Tr(s, "bez dětí", "no children");
  AddMunicipalityShares(s.coverage, s.basis.frame().territory, in.share_by_municipality);
  in.orps.push_back(&s.orp);
  return DrawShareMap(*s.shapes, in);
}

void Accessibility(const Sources& s, std::vector<Block>& out) {
  out.push_back(Heading{2, Tr(s, "Dostupnost", "Accessibility")});
  const int pt = static_cast<int>(TravelMode::kPublicTransport);
  const int car = static_cast<int>(TravelMode::kCar);
  Table t;
  t.header = {
      Tr(s, "Buňka modelu", "Cell of the model"),
      Tr(s, "Děti v normě (veřejná doprava)", "Children within the norm (public transport)"),
      Tr(s, "Děti v normě (auto)", "Children within the norm (car)")};
  t.widths = {3, 1.5, 1.5};
  t.align = {CellAlign::kLeft, CellAlign::kRight, CellAlign::kRight};
  for (const CellCoverage& c : s.coverage.cells) {
    if (c.status == CellStatus::kMissing) continue;
    auto share = [](const std::optional<double>& v) { return v ? Percent(*v) : std::string("–"); };
    const NeedArea* a = s.reference().FindNeedArea(c.cell->need_area);
    t.rows.push_back({Plain((a ? s.L(a->label) : c.cell->need_area) + ", " +
                            Tr(s, "úroveň ", "level ") + std::to_string(c.cell->level)),
                      Plain(share(c.share_within_norm[pt])),
                      Plain(share(c.share_within_norm[car]))});
  }
  t.caption = Tr(s, "Podíl dětí, které dosáhnou na všechny přítomné typy služeb v normě",
                 "Share of children reaching every present type of service within the norm");
  const Meaning* m = FindMeaning("share_within_norm");
  if (m) out.push_back(Para(std::string(s.cs() ? m->cs : m->en), ParagraphStyle::kNote));
  out.push_back(std::move(t));
}

void MissingTypes(const Sources& s, std::vector<Block>& out) {
  out.push_back(Heading{2, Tr(s, "Chybějící typy služeb", "Missing types of service")});
  std::map<std::string, std::vector<std::string>> missing;  // type -> cells
  for (const CellCoverage& c : s.coverage.cells)
    for (const std::string& type : c.types_missing)
      missing[type].push_back(c.cell->need_area + ":" + std::to_string(c.cell->level));
  if (missing.empty()) {
    out.push_back(Para(Tr(s, "V ORP nechybí žádný typ služby, který model očekává.",
                          "No type of service the model expects is missing in the ORP.")));
    return;
  }
  BulletList list;
  for (const auto& [type, cells] : missing)
    list.items.push_back(
        {{ServiceTypeLabel(s, type), true, false, ""},
         {Tr(s, " (buněk: ", " (cells: ") + std::to_string(cells.size()) + ")", false, false, ""}});
  out.push_back(std::move(list));
}

void NetworkAnalysis(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "network_analysis", out);
  out.push_back(Heading{2, Tr(s, "Matice pokrytí", "Coverage matrix")});
  out.push_back(CoverageMatrix(s));
  DemoWarning(s, s.coverage.records.invented, out);
  out.push_back(Heading{2, Tr(s, "Mapa bílých míst", "Map of white spots")});
  if (s.shapes) {
    out.push_back(Figure{
        WhiteSpotsMap(s),
        Tr(s, "Obce ORP podle podílu buněk modelu, na které dosáhnou v normě veřejnou dopravou",
           "The ORP's municipalities by the share of the model's cells they reach within the norm "
           "by public transport"),
        Tr(s, "Mapa obcí ORP", "Map of the ORP's municipalities"), 150});
  } else {
    out.push_back(Para(Tr(s, "Hranice obcí nejsou k dispozici, mapa chybí.",
                          "The municipalities' boundaries are not available; no map."),
                       ParagraphStyle::kNote));
  }
  Accessibility(s, out);
  MissingTypes(s, out);
  NetworkerText(s, "network_analysis", out);
}

void NetworkMetricsText(const Sources& s, std::vector<Block>& out) {
  const json& n = s.network;
  auto meaning = [&](const char* key) {
    const Meaning* m = FindMeaning(key);
    return m ? std::string(s.cs() ? m->cs : m->en) : std::string();
  };
  auto num = [](const json& v, const char* fmt) {
    return v.is_number() ? Format(fmt, v.get<double>()) : std::string("–");
  };
  BulletList list;
  auto item = [&](std::string figure, std::string explanation) {
    list.items.push_back(
        {{std::move(figure), true, false, ""}, {" – " + explanation, false, false, ""}});
  };
  item(Tr(s, "Aktéři: ", "Actors: ") + Int(n.value("actors", 0.0)) +
           Tr(s, ", vazby: ", ", ties: ") + Int(n.value("ties", 0.0)),
       Tr(s, "kolik aktérů síť tvoří a kolik dvojic z nich spolupracuje.",
          "how many actors make the network and how many pairs of them cooperate."));
  item(Tr(s, "Hustota: ", "Density: ") + num(n["density"], "%.3f"), meaning("density"));
  item(Tr(s, "Komponenty: ", "Components: ") + Int(n["components"].value("count", 0.0)) +
           Tr(s, ", izolovaní aktéři: ", ", isolated actors: ") + Int(n.value("isolates", 0.0)),
       meaning("components"));
  item(Tr(s, "Komunity: ", "Communities: ") + Int(n["communities"].value("count", 0.0)),
       meaning("communities"));
  item(Tr(s, "E-I index sítě: ", "E-I index of the network: ") +
           num(n["sector_mixing"]["ei"], "%.2f"),
       meaning("ei"));
  out.push_back(std::move(list));
}

void Cooperation(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "cooperation", out);
  out.push_back(Para(Tr(
      s,
      "Spolupráce v síti může mít podobu jednorázové konzultace, případové spolupráce kolem jedné "
      "rodiny, pravidelných setkání aktérů nebo dohodnutých postupů. Síť níže tvoří deklarované "
      "vazby mezi aktéry se sídlem v ORP a vazby odvozené ze společné účasti na setkáních.",
      "Cooperation in the network may be a one-off consultation, casework around one family, "
      "regular meetings of the actors or agreed procedures. The network below is made of the ties "
      "declared between actors seated in the ORP and the ties derived from attending the same "
      "meetings.")));
  const auto& sectors = s.reference().sectors;
  auto sector_index = [&](const std::string& id) {
    for (size_t i = 0; i < sectors.size(); ++i)
      if (sectors[i].id == id) return i;
    return sectors.size();
  };
  auto positions = LayOutGraph(s.graph);
  if (positions.ok() && !s.graph.nodes.empty()) {
    std::vector<NetworkNode> nodes;
    for (size_t i = 0; i < s.graph.nodes.size(); ++i) {
      const ActorEntry* a = s.snap.FindActor(s.graph.nodes[i].actor_id);
      nodes.push_back({(*positions)[i], SectorColour(sector_index(s.graph.nodes[i].sector)),
                       a ? Shortened(a->actor.name, 40) : ""});
    }
    std::vector<std::pair<int, int>> edges;
    for (const CooperationEdge& e : s.graph.edges) edges.emplace_back(e.a, e.b);
    std::vector<LegendEntry> legend;
    for (size_t i = 0; i < sectors.size(); ++i)
      legend.push_back({s.L(sectors[i].label), SectorColour(i)});
    out.push_back(Figure{NetworkDrawing(nodes, edges, legend),
                         Tr(s, "Síť spolupráce aktérů ORP podle sektoru",
                            "The cooperation network of the ORP's actors by sector"),
                         Tr(s, "Graf sítě spolupráce", "Graph of the cooperation network"), 170});
  } else {
    out.push_back(Para(Tr(s, "V ORP zatím nejsou zaznamenány žádné vazby mezi aktéry.",
                          "No ties between actors are recorded in the ORP yet."),
                       ParagraphStyle::kNote));
  }
  out.push_back(
      Heading{2, Tr(s, "Co čísla o síti říkají", "What the figures say about the network")});
  NetworkMetricsText(s, out);
  DemoWarning(s, Invented(s.network["method"]), out);
  NetworkerText(s, "cooperation", out);
}

void NeedsFound(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "needs_found", out);
  const LabelCatalog& labels = LabelCatalog::BuiltIn();
  BulletList list;
  int64_t invented = 0;
  for (const auto& [id, n] : s.snap.needs) {
    if (n->orp_code != s.orp.code) continue;
    invented += n->source == Provenance::kInvented;
    const std::string* status = labels.Enum("need_statuses", n->status, s.req.lang);
    const std::string* priority = labels.Enum("need_priorities", n->priority, s.req.lang);
    list.items.push_back(
        {{n->statement, false, false, ""},
         {" (" + (priority ? *priority : n->priority) + ", " + (status ? *status : n->status) + ")",
          false, true, ""}});
  }
  if (list.items.empty())
    out.push_back(
        Para(Tr(s, "Zatím nejsou zaznamenány žádné potřeby.", "No needs are recorded yet.")));
  else
    out.push_back(std::move(list));
  DemoWarning(s, invented, out);
  NetworkerText(s, "needs_found", out);
}

void GoodPractices(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "good_practice", out);
  for (const auto& [id, p] : s.snap.good_practices) {
    if (p->orp_code != s.orp.code) continue;
    out.push_back(Heading{2, p->title});
    out.push_back(Para(p->description));
  }
  NetworkerText(s, "good_practice", out);
}

// The recommendations the seeds' analyses share (the MPSV summary of them).
constexpr std::pair<const char*, const char*> kGeneralRecommendations[] = {
    {"Rozvíjet spolupráci mezi OSPOD, sociálními službami, školami, lékaři a dalšími aktéry.",
     "Develop the cooperation of OSPOD, social services, schools, doctors and the other actors."},
    {"Zlepšovat vzájemnou informovanost o fungování sítě a vyjasnit kompetence aktérů.",
     "Improve what the actors know of how the network works and clarify their competences."},
    {"Zavést pravidelná setkávání aktérů a sdílení dobré praxe.",
     "Hold regular meetings of the actors and share good practice."},
    {"Doplňovat chybějící typy služeb podle optimálního modelu, nejprve bílá místa.",
     "Add the types of service the optimal model lacks, white spots first."}};

void Recommendations(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "recommendations", out);
  out.push_back(Heading{2, Tr(s, "Obecná doporučení", "General recommendations")});
  BulletList general;
  for (const auto& [cs, en] : kGeneralRecommendations)
    general.items.push_back(Plain(Tr(s, cs, en)));
  std::vector<RichText> specific;
  for (const auto& [id, r] : s.snap.recommendations) {
    if (r->orp_code != s.orp.code) continue;
    (r->scope == "general" ? general.items : specific).push_back(Plain(r->text));
  }
  out.push_back(std::move(general));
  out.push_back(
      Heading{2, Tr(s, "Doporučení pro ORP ", "Recommendations for the ORP ") + s.orp.name});
  if (specific.empty())
    out.push_back(Para(Tr(s, "Zatím nejsou zaznamenána žádná konkrétní doporučení.",
                          "No specific recommendations are recorded yet.")));
  else
    out.push_back(BulletList{std::move(specific), true});
  NetworkerText(s, "recommendations", out);
}

void Conclusion(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "conclusion", out);
  const auto& counts = s.coverage.cells_by_status;
  out.push_back(Para(
      Tr(s, "Síť ORP ", "The network of the ORP ") + s.orp.name + Tr(s, " tvoří ", " is made of ") +
      Int(s.profile["counts"].value("actors", 0.0)) + Tr(s, " aktérů a ", " actors and ") +
      Int(s.profile["counts"].value("service_cards", 0.0)) +
      Tr(s, " karet služeb. Bílých míst modelu je ", " service cards. The model has ") +
      std::to_string(counts[static_cast<int>(CellStatus::kMissing)]) +
      Tr(s, ", pokrytých buněk ", " white spots and ") +
      std::to_string(counts[static_cast<int>(CellStatus::kCovered)]) +
      Tr(s, ".", " covered cells.")));
  NetworkerText(s, "conclusion", out);
}

void SourcesChapter(const Sources& s, std::vector<Block>& out) {
  out.push_back(Heading{1, ChapterHeading("sources", s.req.lang)});
  BulletList list;
  list.items.push_back(
      Plain(Tr(s, "Optimální model sítě: verze ", "Optimal model of the network: version ") +
            std::to_string(s.basis.frame().model_version)));
  list.items.push_back(Plain(Tr(s, "Cestovní časy: ", "Travel times: ") + s.basis.times->source()));
  list.items.push_back(
      Plain(Tr(s, "Území a počty obyvatel: ČSÚ, RÚIAN", "Territory and population: ČSÚ, RÚIAN")));
  list.items.push_back(
      Plain(Tr(s, "Záznamy sítě v prosit ke dni ", "Records of the network in prosit as of ") +
            s.req.today));
  out.push_back(std::move(list));
}

void Annex(const Sources& s, std::vector<Block>& out) {
  Chapter(s, "annex", out);
  Table t;
  t.header = {Tr(s, "Sektor", "Sector"), Tr(s, "Typy aktérů", "Types of actor"),
              Tr(s, "Co poskytují (typy služeb)", "What they provide (types of service)")};
  t.widths = {1, 2, 3};
  for (const Sector& sec : s.reference().sectors) {
    std::string actors, services;
    for (const ActorType& a : s.reference().actor_types)
      if (a.sector == sec.id) actors += (actors.empty() ? "" : ", ") + s.L(a.label);
    for (const ServiceType& st : s.reference().service_types)
      if (st.sector == sec.id) services += (services.empty() ? "" : ", ") + s.L(st.label);
    t.rows.push_back({Plain(s.L(sec.label)), Plain(actors), Plain(services)});
  }
  t.caption = Tr(s, "Role aktérů v síti", "The roles of the actors in the network");
  out.push_back(std::move(t));
  NetworkerText(s, "annex", out);
}

// The newest text record of the ORP (ids grow: the last is the newest).
const AnalysisText* NewestText(const NetworkSnapshot& snap, const std::string& code) {
  const AnalysisText* text = nullptr;
  for (const auto& [id, t] : snap.analysis_texts)
    if (t->orp_code == code) text = t.get();
  return text;
}

}  // namespace

Result<Document> OrpAnalysisDocument(const Caller& caller, const AnalysisBasis& basis,
                                     const MunicipalityShapes* shapes,
                                     const OrpAnalysisRequest& request) {
  const NetworkSnapshot& snap = *basis.snapshot;
  const Orp* orp = snap.frame->territory.FindOrp(request.orp_code);
  if (!orp) return Status::NotFound("no ORP with code " + request.orp_code);
  // The profile checks that the caller may read the ORP's internal records.
  auto profile = OrpProfileJson(caller, snap, request.orp_code, request.today);
  if (!profile.ok()) return profile.status();
  CooperationQuery cq;
  cq.orp = request.orp_code;
  cq.limit = 1;
  auto network = CooperationNetworkJson(caller, snap, cq, request.today);
  if (!network.ok()) return network.status();
  auto graph = CooperationGraphOf(caller, snap, cq, request.today);
  if (!graph.ok()) return graph.status();
  CoverageQuery covq;
  covq.orp = request.orp_code;
  std::vector<OrpCoverage> coverage = CoverScope(basis, covq);
  if (coverage.empty()) return Status::NotFound("no coverage for ORP " + request.orp_code);

  Sources s{basis,
            shapes,
            request,
            snap,
            *orp,
            json::parse(*profile),
            json::parse(*network),
            std::move(*graph),
            std::move(coverage.front())};
  s.text = NewestText(snap, orp->code);

  Document d;
  d.language = LangName(request.lang);
  d.title = Tr(s, "Analýza místní sítě služeb a návrh její optimální podoby",
               "Analysis of the local network of services and a proposal of its optimal form");
  d.subtitle = Tr(s, "ORP ", "ORP ") + orp->name;
  d.author = "prosit";
  d.date = request.today;
  d.footer = d.subtitle + " · " + request.today;
  d.title_page = true;
  d.contents = true;
  d.numbered_headings = true;
  for (auto chapter :
       {Introduction, AboutProject, Networking, ChildNeeds, Networks, NetworkAnalysis, Cooperation,
        NeedsFound, GoodPractices, Recommendations, Conclusion, SourcesChapter, Annex})
    chapter(s, d.blocks);
  return d;
}

std::string OrpAnalysisFileStem(const Territory& territory, const std::string& orp_code) {
  const Orp* orp = territory.FindOrp(orp_code);
  std::string name = FoldForSearch(orp ? orp->name : "");
  std::string slug;
  for (char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum)
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "analyza-site-" + orp_code + (slug.empty() ? "" : "-" + slug);
}

}  // namespace prosit
