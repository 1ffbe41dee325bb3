#include "app/documents/public_leaflet.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "app/catalog/catalog_queries.h"

namespace prosit {

namespace {

using nlohmann::json;

// Where the child's safety is at stake these come first, in this order: OSPOD, then the
// emergency and crisis services.
constexpr const char* kSafetyFirst[] = {
    "ospod_spod", "police_cr", "health_emergency", "ss55", "ss60a", "ss60", "zdvop"};

constexpr const char* kEmergencyLine =
    "V ohrožení volejte 112 nebo policii 158; dítě může zavolat na Linku bezpečí 116 111 "
    "(zdarma, nonstop).";

int SafetyRank(const std::string& type) {
  for (size_t i = 0; i < std::size(kSafetyFirst); ++i)
    if (type == kSafetyFirst[i]) return static_cast<int>(i);
  return static_cast<int>(std::size(kSafetyFirst));
}

bool Contains(const json& list, const std::string& value) {
  for (const auto& v : list)
    if (v.is_string() && v.get<std::string>() == value) return true;
  return false;
}

// Whether a card's summary is delivered somewhere in the ORP (nearer than one serving it
// from elsewhere).
bool DeliveredIn(const json& card, const std::string& orp_code) {
  for (const auto& m : card.value("municipalities", json::array()))
    if (m.value("orp_code", "") == orp_code) return true;
  return false;
}

// The published cards fitting a situation, the most relevant first, one per actor.
std::vector<const json*> CardsFor(const ModelSituation& s, const json& cards,
                                  const std::string& orp_code, size_t limit) {
  const bool safety = s.safety_first != "no";
  const int lowest = s.levels.empty() ? 1 : *std::min_element(s.levels.begin(), s.levels.end());
  using Key = std::tuple<int, bool, int, int, std::string>;
  std::vector<std::pair<Key, const json*>> fits;
  for (const json& c : cards) {
    int level = c.value("level", 0);
    if (std::find(s.levels.begin(), s.levels.end(), level) == s.levels.end()) continue;
    int matched = 0;
    for (const std::string& area : s.need_areas) matched += Contains(c["need_areas"], area);
    if (matched == 0) continue;
    int rank = safety ? SafetyRank(c.value("service_type", "")) : 0;
    fits.push_back({Key{rank, !DeliveredIn(c, orp_code), -matched, std::abs(level - lowest),
                        c.value("name", "")},
                    &c});
  }
  std::stable_sort(fits.begin(), fits.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const json*> out;
  std::set<int64_t> actors;
  for (const auto& [key, c] : fits) {
    if (out.size() >= limit) break;
    if (!actors.insert(c->value("actor_id", int64_t{0})).second) continue;
    out.push_back(c);
  }
  return out;
}

RichText CardItem(const json& summary, const json& card, const Territory& t) {
  RichText item{{summary.value("name", ""), true, false, ""}};
  std::string actor = summary.value("actor_name", "");
  if (!actor.empty() && actor != summary.value("name", ""))
    item.push_back({" (" + actor + ")", false, false, ""});
  std::string contact = ContactLine(card, t);
  if (!contact.empty()) item.push_back({": " + contact, false, false, ""});
  return item;
}

}  // namespace

std::string ContactLine(const json& card, const Territory& t) {
  std::vector<std::string> parts;
  for (const auto& c : card.value("contacts", json::array())) {
    if (!c.value("public", false)) continue;  // the public read drops them already
    if (!c.value("phone", "").empty()) parts.push_back("tel. " + c.value("phone", ""));
    if (!c.value("email", "").empty()) parts.push_back(c.value("email", ""));
    if (parts.empty() && !c.value("web", "").empty()) parts.push_back(c.value("web", ""));
    if (!parts.empty()) break;  // one contact is enough on paper
  }
  std::string line;
  for (const std::string& p : parts) line += (line.empty() ? "" : ", ") + p;
  // The place, not the street: two pages hold twelve situations only so.
  for (const auto& l : card.value("locations", json::array())) {
    const Municipality* m = t.FindMunicipality(l.value("municipality_code", ""));
    if (!m) continue;  // a confidential address comes without its place
    line += (line.empty() ? "" : "; ") + m->name;
    break;
  }
  return line;
}

std::string PublicOrpUrl(const std::string& base, const std::string& orp_code) {
  return base + "/verejne/orp/" + orp_code;
}

std::string PublicSituationUrl(const std::string& base, const std::string& orp_code,
                               const std::string& situation_id) {
  return PublicOrpUrl(base, orp_code) + "#situace-" + situation_id;
}

Result<Document> OrpLeafletDocument(const NetworkSnapshot& snap, const std::string& orp_code,
                                    const LeafletOptions& options) {
  const Territory& t = snap.frame->territory;
  const Orp* orp = t.FindOrp(orp_code);
  if (!orp) return Status::NotFound("no ORP with code " + orp_code);
  // Only what an anonymous caller is answered: published cards, public contacts,
  // confidential places coarsened.
  const Caller anyone = Caller::Public();
  ServiceQuery q;
  q.orp = orp_code;
  q.published = true;
  q.limit = SIZE_MAX;
  json page = json::parse(SearchServiceCards(anyone, snap, q));
  const json& cards = page["items"];

  Document doc;
  doc.title = "Kam se obrátit";
  doc.subtitle = "Pomoc pro děti a rodiny v ORP " + orp->name;
  doc.author = "prosit";
  doc.footer = "Kam se obrátit – ORP " + orp->name;
  doc.page.margin_mm = 12;
  const std::string page_url = PublicOrpUrl(options.public_base_url, orp_code);
  doc.blocks.push_back(QrCode{page_url, 22, "Všechny služby a kontakty: " + page_url});
  doc.blocks.push_back(Paragraph{
      Plain("Nevíte si rady? Najděte situaci, která se vás týká. U každé je, co můžete udělat, "
            "a na koho se v ORP " +
            orp->name + " obrátit. Služby jsou většinou zdarma."),
      ParagraphStyle::kLead});
  doc.blocks.push_back(Paragraph{Plain(kEmergencyLine), ParagraphStyle::kWarning});
  for (const ModelSituation& s : snap.frame->reference.situations) {
    doc.blocks.push_back(Heading{3, s.label.cs});
    RichText advice = Plain(s.advice.cs + " ");
    advice.push_back(
        {"Více", false, false, PublicSituationUrl(options.public_base_url, orp_code, s.id)});
    doc.blocks.push_back(Paragraph{std::move(advice)});
    BulletList list;
    for (const json* summary : CardsFor(s, cards, orp_code, options.cards_per_situation)) {
      auto card = CardDocument(anyone, snap, summary->value("id", int64_t{0}));
      if (!card.ok()) continue;
      list.items.push_back(CardItem(*summary, json::parse(*card), t));
    }
    if (list.items.empty())
      doc.blocks.push_back(Paragraph{
          Plain("V ORP zatím není zveřejněná služba pro tuto situaci; poradí vám sociální "
                "pracovník obce nebo OSPOD."),
          ParagraphStyle::kNote});
    else
      doc.blocks.push_back(std::move(list));
  }
  doc.blocks.push_back(
      Paragraph{Plain("Leták uvádí jen zveřejněné služby z katalogu prosit, u každé situace ty "
                      "nejbližší a nejvhodnější. Úplný a aktuální seznam je na " +
                      page_url + "."),
                ParagraphStyle::kNote});
  return doc;
}

}  // namespace prosit
