// The catalog's pages: home with the search form, the search of a territory's
// published cards and the card page. Every card shown comes from the catalog's
// use cases as an anonymous caller sees them (app/catalog): published cards
// only, public contacts only, a confidential address coarsened to its ORP.
#include <charconv>

#include "app/catalog/catalog_queries.h"
#include "documents/qr_code.h"
#include "site/card_views.h"
#include "site/municipality_map.h"
#include "site/place_choice.h"
#include "site/site_pages.h"

namespace prosit {

namespace {

constexpr size_t kResultsPerPage = 20;
constexpr int kMaxPage = 500;

// The search form, filled with what was asked.
std::string SearchForm(const PublicSite& site, Lang lang, const std::string& municipality,
                       const std::string& text) {
  return site.Render("search_form", {{"form", {{"obec", municipality}, {"q", text}}}}, lang);
}

Page Home(const PublicSite& site, const PageRequest& r) {
  Page p;
  p.template_name = "home";
  p.title = site.Text("home_title", r.lang);
  p.description = site.Text("home_description", r.lang);
  p.data["search_form"] = SearchForm(site, r.lang, "", "");
  return p;
}

int PageNumber(const std::string& text) {
  int page = 1;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (ec != std::errc() || p != text.data() + text.size() || page < 1) return 1;
  return std::min(page, kMaxPage);
}

Page Search(const PublicSite& site, const PageRequest& r) {
  const SiteMessages& msg = site.messages();
  const Territory& territory = r.snap->frame->territory;
  std::string typed = r.Query(public_urls::kMunicipalityParam);
  std::string text = r.Query(public_urls::kTextParam);
  int page = PageNumber(r.Query(public_urls::kPageParam));
  Page p;
  p.template_name = "search";
  p.noindex = true;  // endless combinations; the card pages are what search engines want
  p.title = site.Text("search_title", r.lang);
  p.data["heading"] = p.title;
  p.data["search_form"] = SearchForm(site, r.lang, typed, text);
  ServiceQuery q;
  q.published = true;
  q.text = text;
  if (!typed.empty()) {
    PlaceChoice choice = ChoosePlace(
        site, r, typed, [&](const Municipality& m) { return SearchUrl(r.lang, m.code, text); });
    if (!choice.municipality) {
      p.data.update(choice.data);
      return p;
    }
    const Municipality& m = *choice.municipality;
    q.municipality = m.code;
    p.title = site.Text("search_title_in", r.lang) + " " + m.name;
    p.data["heading"] = p.title;
    p.data["where"] = WhereText(territory, m);
    p.data["embed_url"] =
        EmbedGuideUrl(r.lang) + "?" + std::string(public_urls::kMunicipalityParam) + "=" + m.code;
  } else if (text.empty()) {
    p.data["notice"] = site.Text("search_empty", r.lang);
    return p;
  }
  if (FieldErrors e = CheckServiceQuery(q, *r.snap); !e.empty()) {
    p.data["notice"] = site.Text("search_too_long", r.lang);
    return p;
  }
  q.offset = (page - 1) * kResultsPerPage;
  q.limit = kResultsPerPage;
  auto found = nlohmann::json::parse(SearchServiceCards(Caller::Public(), *r.snap, q));
  int64_t total = found.value("total", int64_t{0});
  nlohmann::json results = nlohmann::json::array();
  for (const auto& item : found["items"])
    results.push_back(CardListItem(*r.snap, msg, r.lang, item));
  p.data["results"] = results;
  p.data["has_results"] = !results.empty();
  p.data["count"] = msg.Plural("search_count", r.lang, total);
  p.data["no_results"] = results.empty();
  int pages = static_cast<int>((total + kResultsPerPage - 1) / kResultsPerPage);
  if (pages > 1) {
    std::string code = q.municipality;
    p.data["pager"] = {
        {"prev", page > 1 ? SearchUrl(r.lang, code.empty() ? typed : code, text, page - 1) : ""},
        {"next",
         page < pages ? SearchUrl(r.lang, code.empty() ? typed : code, text, page + 1) : ""},
        {"page_of", msg.Text("search_page", r.lang) + " " + std::to_string(page) + " / " +
                        std::to_string(pages)}};
  }
  return p;
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The names of the territory a card serves.
std::string ServedText(const NetworkSnapshot& snap, const SiteMessages& msg, Lang lang,
                       const nlohmann::json& territory_served) {
  const Territory& t = snap.frame->territory;
  std::string kind = territory_served.value("kind", "");
  std::vector<std::string> names;
  for (const auto& c : territory_served.value("codes", nlohmann::json::array())) {
    std::string code = c.get<std::string>();
    if (kind == "municipalities") {
      if (const Municipality* m = t.FindMunicipality(code)) names.push_back(m->name);
    } else if (kind == "orp") {
      if (const Orp* o = t.FindOrp(code)) names.push_back("ORP " + o->name);
    } else if (kind == "region") {
      if (const Region* g = t.FindRegion(code)) names.push_back(g->name);
    }
  }
  if (kind == "country") return msg.Text("card_served_country", lang);
  return Joined(names);
}

// The card's places as the public sees them, and the first one's map.
struct Places {
  nlohmann::json items = nlohmann::json::array();
  std::string map_svg;
  bool hidden = false;
  nlohmann::json json_ld_locations = nlohmann::json::array();
};

Places PlacesOf(const PublicSite& site, const NetworkSnapshot& snap, Lang lang,
                const nlohmann::json& card) {
  const Territory& t = snap.frame->territory;
  Places out;
  for (const auto& l : card.value("locations", nlohmann::json::array())) {
    std::string code = l.value("municipality_code", "");
    const Municipality* m = code.empty() ? nullptr : t.FindMunicipality(code);
    if (!m) {
      // A confidential address: app/accounts/card_places.h left its ORP alone.
      out.hidden = true;
      const Orp* o = t.FindOrp(l.value("orp_code", ""));
      if (o)
        out.items.push_back({{"text", site.Text("card_place_orp_prefix", lang) + " " + o->name}});
      continue;
    }
    std::string street = l.value("street", "");
    std::string text = street.empty() ? m->name : street + ", " + m->name;
    out.items.push_back({{"text", text}});
    nlohmann::json address = {
        {"@type", "PostalAddress"}, {"addressLocality", m->name}, {"addressCountry", "CZ"}};
    if (!street.empty()) address["streetAddress"] = street;
    if (!m->postcode.empty()) address["postalCode"] = m->postcode;
    nlohmann::json place = {{"@type", "Place"}, {"address", address}};
    const auto& point = l["location"];
    bool has_point = point.is_object() && point.contains("lat") && point.contains("lon");
    GeoPoint at;
    if (has_point) {
      at.lat = point["lat"].get<double>();
      at.lon = point["lon"].get<double>();
      place["geo"] = {{"@type", "GeoCoordinates"}, {"latitude", at.lat}, {"longitude", at.lon}};
    }
    out.json_ld_locations.push_back(place);
    if (out.map_svg.empty() && site.context().shapes)
      out.map_svg = MunicipalityMapSvg(*site.context().shapes, m->code, has_point ? &at : nullptr,
                                       site.Text("card_map_label", lang) + " " + text);
  }
  return out;
}

nlohmann::json ContactsOf(const nlohmann::json& card) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : card.value("contacts", nlohmann::json::array())) {
    std::string phone = c.value("phone", "");
    std::string tel;
    for (char ch : phone)
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') tel.push_back(ch);
    std::string web = c.value("web", "");
    std::string web_href = web.empty() || web.starts_with("http://") || web.starts_with("https://")
                               ? web
                               : "https://" + web;
    out.push_back({{"name", c.value("name", "")},
                   {"role", c.value("role", "")},
                   {"phone", phone},
                   {"tel", tel},
                   {"email", c.value("email", "")},
                   {"web", web},
                   {"web_href", web_href}});
  }
  return out;
}

// schema.org: the card as a Service of its provider, where it is given and for
// whom.
nlohmann::json CardJsonLd(const nlohmann::json& card, const std::string& url,
                          const std::string& type_label, const std::string& served,
                          const Places& places, const nlohmann::json& contacts) {
  nlohmann::json provider = {{"@type", "Organization"}, {"name", card["actor"].value("name", "")}};
  for (const auto& c : contacts) {
    if (!c.value("phone", "").empty() && !provider.contains("telephone"))
      provider["telephone"] = c["phone"];
    if (!c.value("email", "").empty() && !provider.contains("email"))
      provider["email"] = c["email"];
  }
  nlohmann::json ld = {{"@context", "https://schema.org"},
                       {"@type", "Service"},
                       {"@id", url},
                       {"url", url},
                       {"name", card.value("name", "")},
                       {"serviceType", type_label},
                       {"provider", provider},
                       {"audience",
                        {{"@type", "PeopleAudience"},
                         {"suggestedMinAge", card.value("age_min", 0)},
                         {"suggestedMaxAge", card.value("age_max", 0)}}}};
  if (!card.value("description", "").empty()) ld["description"] = card["description"];
  if (!card.value("target_group", "").empty())
    ld["audience"]["audienceType"] = card["target_group"];
  if (!served.empty()) ld["areaServed"] = served;
  if (!card.value("hours", "").empty()) ld["hoursAvailable"] = card["hours"];
  if (card.value("free_of_charge", false))
    ld["offers"] = {{"@type", "Offer"}, {"price", "0"}, {"priceCurrency", "CZK"}};
  if (!places.json_ld_locations.empty())
    ld["availableChannel"] = {
        {"@type", "ServiceChannel"},
        {"serviceLocation", places.json_ld_locations.size() == 1 ? places.json_ld_locations[0]
                                                                 : places.json_ld_locations}};
  return ld;
}

Page Card(const PublicSite& site, const PageRequest& r) {
  const SiteMessages& msg = site.messages();
  int64_t id = 0;
  const std::string& raw = r.params.at("id");
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
  if (ec != std::errc() || end != raw.data() + raw.size() || id <= 0) return site.NotFound(r);
  auto doc = CardDocument(Caller::Public(), *r.snap, id);
  if (!doc.ok()) return site.NotFound(r);  // unknown and unpublished alike
  nlohmann::json card = nlohmann::json::parse(*doc);
  Lang lang = r.lang;
  std::string canonical = r.base_url + CardUrl(Lang::kCs, id);
  std::string own_url = r.base_url + CardUrl(lang, id);
  std::string type_label = ServiceTypeLabel(*r.snap, card.value("service_type", ""), lang);
  std::string served = ServedText(*r.snap, msg, lang, card["territory"]);
  Places places = PlacesOf(site, *r.snap, lang, card);
  nlohmann::json contacts = ContactsOf(card);
  std::vector<std::string> forms, needs;
  for (const auto& f : card.value("forms", nlohmann::json::array()))
    forms.push_back(EnumLabel("forms", f.get<std::string>(), lang));
  for (const auto& n : card.value("need_areas", nlohmann::json::array())) {
    const NeedArea* a = r.snap->frame->reference.FindNeedArea(n.get<std::string>());
    if (a) needs.push_back(lang == Lang::kEn ? a->label.en : a->label.cs);
  }
  std::string cost = card.value("free_of_charge", false) ? msg.Text("card_free", lang)
                                                         : msg.Text("card_paid", lang);
  if (!card.value("cost_note", "").empty()) cost += " — " + card.value("cost_note", "");
  std::string waiting;
  if (card["waiting_days"].is_number()) {
    int days = card["waiting_days"].get<int>();
    waiting = days == 0 ? msg.Text("card_waiting_none", lang)
                        : msg.Plural("card_waiting_days", lang, days);
  }
  Page p;
  p.template_name = "card";
  p.title = card.value("name", "") + " – " + card["actor"].value("name", "");
  std::string description = card.value("description", "");
  p.description = description.size() > 300
                      ? description.substr(0, description.rfind(' ', 300)) + "…"
                      : description;
  p.path_cs = CardUrl(Lang::kCs, id);
  p.path_en = CardUrl(Lang::kEn, id);
  auto qr = EncodeQr(own_url);
  std::string qr_svg;
  if (qr.ok()) {
    qr_svg = QrSvg(*qr, 160);
    qr_svg.replace(
        0, 4,
        "<svg role=\"img\" aria-label=\"" + EscapeHtml(msg.Text("card_qr_label", lang)) + "\"");
  }
  p.data = {{"name", card.value("name", "")},
            {"actor", card["actor"].value("name", "")},
            {"type", type_label},
            {"description", description},
            {"does", card.value("does", "")},
            {"does_not", card.value("does_not", "")},
            {"target_group", card.value("target_group", "")},
            {"ages", AgesText(msg, lang, card.value("age_min", 0), card.value("age_max", 0))},
            {"needs", Joined(needs)},
            {"forms", Joined(forms)},
            {"access", EnumLabel("accesses", card.value("access", ""), lang)},
            {"access_note", card.value("access_note", "")},
            {"hours", card.value("hours", "")},
            {"cost", cost},
            {"waiting", waiting},
            {"served", served},
            {"places", places.items},
            {"has_places", !places.items.empty()},
            {"hidden_place", places.hidden},
            {"map", places.map_svg},
            {"contacts", contacts},
            {"has_contacts", !contacts.empty()},
            {"last_verified", card.value("last_verified", "")},
            {"share_url", own_url},
            {"qr", qr_svg}};
  p.json_ld = CardJsonLd(card, canonical, type_label, served, places, contacts);
  return p;
}

}  // namespace

void AddCatalogPages(PublicSite& site) {
  namespace pu = public_urls;
  site.AddPage(pu::kHome, [&site](const PageRequest& r) { return Home(site, r); });
  site.AddPage(pu::kSearch, [&site](const PageRequest& r) { return Search(site, r); });
  site.AddPage(pu::kCard, [&site](const PageRequest& r) { return Card(site, r); });
}

}  // namespace prosit
