// The navigator's pages: "Co se děje?" (the situations), one situation with "Kde bydlíte?"
// (a GET form: one municipality → 303 to the answer, several → a choice, none → a clear
// message with the form again), the answer for a municipality with its QR code and its
// one-page leaflet (PDF), and "kdo co dělá" of an ORP for professionals. Each renders the
// JSON of app/public's use cases — the API's answers — so page, API and paper agree.

#include "app/public/answer_leaflet.h"
#include "app/public/situation_navigator.h"
#include "documents/qr_code.h"
#include "site/card_views.h"
#include "site/place_choice.h"
#include "site/site_pages.h"

namespace prosit {

namespace {

using nlohmann::json;

std::string LangKey(Lang lang) { return lang == Lang::kEn ? "en" : "cs"; }

// A label of the answer's JSON in the page's language ("cs"/"en", or "advice_cs"…).
std::string Pick(const json& j, const std::string& prefix, Lang lang) {
  return j.value(prefix + LangKey(lang), "");
}

std::string Fill(std::string pattern, const std::string& value) {
  size_t at = pattern.find("{}");
  return at == std::string::npos ? pattern : pattern.replace(at, 2, value);
}

// The emergency numbers of a situation for the page: each with its tel: link.
json EmergencyJson(const json& contacts, Lang lang) {
  json out = json::array();
  for (const json& c : contacts)
    out.push_back({{"number", c.value("number", "")},
                   {"tel", c.value("tel", "")},
                   {"label", Pick(c, "", lang)},
                   {"when", Pick(c, "when_", lang)},
                   {"hours", c.value("nonstop", true) ? "" : Pick(c, "hours_", lang)},
                   {"emergency", c.value("kind", "") == "emergency"}});
  return out;
}

// The emergency numbers as one block, the same on the situation's page and the answer:
// a box before everything where safety comes first, else a note to open.
std::string EmergencyHtml(const PublicSite& site, const json& contacts, bool first, Lang lang) {
  if (contacts.empty()) return "";
  return site.Render("navigator_emergency",
                     {{"first", first}, {"contacts", EmergencyJson(contacts, lang)}}, lang);
}

// The place a card is given at, as the public reads it: a municipality, or for a
// confidential address its ORP (app/accounts/card_places.h left nothing else).
std::string PlaceText(const PublicSite& site, const Territory& t, Lang lang, const json& card) {
  for (const json& l : card.value("locations", json::array())) {
    if (const Municipality* m = t.FindMunicipality(l.value("municipality_code", "")))
      return l.value("street", "").empty() ? m->name : l.value("street", "") + ", " + m->name;
    if (const Orp* o = t.FindOrp(l.value("orp_code", "")))
      return site.Text("card_place_orp_prefix", lang) + " " + o->name;
  }
  return "";
}

json ServiceItem(const PublicSite& site, const Territory& t, Lang lang, const json& service) {
  const json& card = service["card"];
  // How it reaches the person: it comes, or by phone and online, and the drive to its
  // nearest place where it has one.
  std::string distance;
  bool comes = service.value("comes_to_you", false), remote = service.value("remote", false);
  if (service["travel"].is_object())
    distance = Fill(site.Text(comes    ? "navigator_comes_or_minutes"
                              : remote ? "navigator_remote_or_minutes"
                                       : "navigator_minutes_by_car",
                              lang),
                    std::to_string(service["travel"].value("minutes", 0)));
  else
    distance = site.Text(comes    ? "navigator_comes_to_you"
                         : remote ? "navigator_remote"
                                  : "navigator_no_distance",
                         lang);
  json contacts = json::array();
  for (const json& c : card.value("contacts", json::array())) {
    std::string phone = c.value("phone", ""), tel;
    for (char ch : phone)
      if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') tel.push_back(ch);
    contacts.push_back({{"name", c.value("name", "")},
                        {"phone", phone},
                        {"tel", tel.empty() ? "" : "tel:" + tel},
                        {"email", c.value("email", "")},
                        {"web", c.value("web", "")}});
  }
  return {{"url", CardUrl(lang, card.value("id", int64_t{0}))},
          {"name", card.value("name", "")},
          {"actor", card.contains("actor") ? card["actor"].value("name", "") : ""},
          {"type", Pick(card.value("service_type_label", json::object()), "", lang)},
          {"distance", distance},
          {"does", card.value("does", "")},
          {"place", PlaceText(site, t, lang, card)},
          {"contacts", contacts},
          {"has_contacts", !contacts.empty()}};
}

// A situation's list item and the page's head data.
json SituationItem(const ModelSituation& s, Lang lang) {
  return {{"id", s.id},
          {"url", SituationUrl(lang, s.id)},
          {"label", lang == Lang::kEn ? s.label.en : s.label.cs},
          {"advice", lang == Lang::kEn ? s.advice.en : s.advice.cs},
          {"safety", s.safety_first == "yes"}};
}

Page Situations(const PublicSite& site, const PageRequest& r) {
  const ReferenceData& ref = r.snap->frame->reference;
  json items = json::array();
  for (const ModelSituation& s : ref.situations) items.push_back(SituationItem(s, r.lang));
  // The numbers of the integrated rescue system and the children's line, at hand on every
  // situation's way in.
  json urgent = json::array(), all = json::parse(SituationsJson(ref));
  for (const json& c : all["emergency_contacts"])
    if (c.value("kind", "") == "emergency" || c.value("id", "") == "linka_bezpeci_116111")
      urgent.push_back(c);
  Page p;
  p.template_name = "navigator_situations";
  p.title = site.Text("navigator_situations_title", r.lang);
  p.description = site.Text("navigator_situations_lead", r.lang);
  p.data = {{"situations", items}, {"urgent", EmergencyJson(urgent, r.lang)}};
  return p;
}

// The situation with the form "Kde bydlíte?"; with ?obec= it finds the municipality.
Page Situation(const PublicSite& site, const PageRequest& r) {
  const ModelSituation* s = FindSituation(r.snap->frame->reference, r.params.at("situation"));
  if (!s) return site.NotFound(r);
  std::string typed = r.Query(public_urls::kMunicipalityParam);
  Page p;
  p.template_name = "navigator_situation";
  p.data = SituationItem(*s, r.lang);
  p.title = p.data["label"];
  p.description = p.data["advice"];
  p.data["form_url"] = SituationUrl(r.lang, s->id);
  p.data["obec"] = typed;
  if (EmphasisOf(*s) != EmergencyEmphasis::kNone)
    p.data["emergency_html"] = EmergencyHtml(
        site, json::parse(SituationsJson(r.snap->frame->reference))["emergency_contacts"],
        EmphasisOf(*s) == EmergencyEmphasis::kFirst, r.lang);
  p.data["emergency_first"] = EmphasisOf(*s) == EmergencyEmphasis::kFirst;
  if (typed.empty()) return p;
  p.noindex = true;  // a search, not a page of its own
  PlaceChoice place = ChoosePlace(
      site, r, typed, [&](const Municipality& m) { return AnswerUrl(r.lang, s->id, m.code); });
  if (place.municipality) return Page::Redirect(AnswerUrl(r.lang, s->id, place.municipality->code));
  // The choice as the search shows it, said with what was typed.
  p.data["place"] = place.data;
  if (place.data.value("has_choices", false))
    p.data["choose"] = Fill(site.Text("navigator_place_choose", r.lang), typed);
  else
    p.data["not_found"] = Fill(site.Text("navigator_place_none", r.lang), typed);
  return p;
}

// The answer's JSON, as GET /api/v1/situations/{id}/services gives it, or null when the
// situation or the municipality does not exist. `cacheable` is false while the travel
// times are only estimated (the next answer will have the table's).
json AnswerJson(const PublicSite& site, const PageRequest& r, bool* cacheable) {
  const ModelSituation* s = FindSituation(r.snap->frame->reference, r.params.at("situation"));
  const Municipality* m = r.snap->frame->territory.FindMunicipality(r.params.at("municipality"));
  if (!s || !m) return nullptr;
  AnalysisBasisKeeper* analysis = site.context().analysis;
  CarMinutes travel =
      analysis ? CarMinutes::For(*analysis, r.snap) : CarMinutes(r.snap->frame->territory, nullptr);
  *cacheable = !travel.estimated_only();
  return json::parse(NavigatorAnswerJson(*r.snap, Navigate(*r.snap, *s, *m, travel)));
}

Page Answer(const PublicSite& site, const PageRequest& r) {
  bool cacheable = true;
  json answer = AnswerJson(site, r, &cacheable);
  if (answer.is_null()) return site.NotFound(r);
  const Territory& t = r.snap->frame->territory;
  const std::string& id = r.params.at("situation");
  const std::string& code = r.params.at("municipality");
  const json& municipality = answer["municipality"];
  std::string url = r.base_url + AnswerUrl(r.lang, id, code);
  json groups = json::array();
  size_t shown = 0;
  for (const char* key : {"responsible", "helping"}) {
    json items = json::array();
    for (const json& s : answer[key]) items.push_back(ServiceItem(site, t, r.lang, s));
    shown += items.size();
    if (items.empty()) continue;
    json group = {{"id", key},
                  {"heading", site.Text(std::string("navigator_") + key + "_heading", r.lang)},
                  {"items", items}};
    // The rest of the list (app/public's kAnswerLimits) is the catalog search's.
    int64_t more =
        answer.value(std::string(key) + "_total", int64_t{0}) - static_cast<int64_t>(items.size());
    if (more > 0) {
      group["more"] = site.messages().Plural(std::string("navigator_more_") + key, r.lang, more);
      group["search_url"] = SearchUrl(r.lang, code);
    }
    groups.push_back(group);
  }
  std::string emphasis = answer["emergency"].value("emphasis", "none");
  std::string qr_svg;
  if (auto qr = EncodeQr(url); qr.ok()) {
    qr_svg = QrSvg(*qr, 160);
    qr_svg.replace(0, 4,
                   "<svg role=\"img\" aria-label=\"" +
                       EscapeHtml(site.Text("navigator_qr_label", r.lang)) + "\"");
  }
  Page p;
  p.template_name = "navigator_answer";
  p.cacheable = cacheable;
  p.path_cs = AnswerUrl(Lang::kCs, id, code);
  p.path_en = AnswerUrl(Lang::kEn, id, code);
  std::string label = Pick(answer["situation"], "", r.lang);
  p.title = label + " – " + municipality.value("name", "");
  p.description = Pick(answer["situation"], "advice_", r.lang);
  p.data = {{"situation", label},
            {"advice", p.description},
            {"municipality", municipality.value("name", "")},
            {"emergency_html",
             EmergencyHtml(site, answer["emergency"]["contacts"], emphasis == "first", r.lang)},
            {"emergency_first", emphasis == "first"},
            {"emergency_shown", emphasis == "shown"},
            {"groups", groups},
            {"none", shown == 0},
            {"travel_note", answer["travel"].value("estimated", true)
                                ? site.Text("navigator_travel_estimated", r.lang)
                                : Fill(site.Text("navigator_travel_table", r.lang),
                                       answer["travel"].value("source", ""))},
            {"other_place_url", SituationUrl(r.lang, id)},
            {"who_does_what_url",
             WhoDoesWhatUrl(r.lang, municipality.value("orp_code", "")) + "#situace-" + id},
            {"orp", municipality.value("orp_name", "")},
            {"leaflet_url", LeafletUrl(r.lang, id, code)},
            {"share_url", url},
            {"qr", qr_svg}};
  return p;
}

// The words of the leaflet, from the same catalog as the page.
AnswerLeafletWords LeafletWords(const PublicSite& site, Lang lang) {
  auto m = [&](const char* key) { return site.Text(key, lang); };
  return {.lang = LangKey(lang),
          .title = m("navigator_leaflet_title"),
          .subtitle = "{}",
          .emergency = m("navigator_emergency_heading"),
          .responsible = m("navigator_responsible_heading"),
          .helping = m("navigator_helping_heading"),
          .minutes_by_car = m("navigator_minutes_by_car"),
          .comes_to_you = m("navigator_comes_to_you"),
          .comes_or_minutes = m("navigator_comes_or_minutes"),
          .remote = m("navigator_remote"),
          .remote_or_minutes = m("navigator_remote_or_minutes"),
          .none = m("navigator_none"),
          .qr_caption = m("navigator_leaflet_qr"),
          .source = m("navigator_leaflet_source")};
}

Page Leaflet(const PublicSite& site, const PageRequest& r) {
  bool cacheable = true;
  json answer = AnswerJson(site, r, &cacheable);
  if (answer.is_null()) return site.NotFound(r);
  const std::string& id = r.params.at("situation");
  const std::string& code = r.params.at("municipality");
  std::string url = r.base_url + AnswerUrl(r.lang, id, code);
  // Undated: it is cached by the snapshot's revision, not by the day.
  auto pdf =
      AnswerLeafletPdf(answer, r.snap->frame->territory, url, LeafletWords(site, r.lang), "");
  if (!pdf.ok()) return site.NotFound(r);
  Page p = Page::Raw(std::move(*pdf), "application/pdf");
  p.cacheable = cacheable;
  return p;
}

Page WhoDoesWhatPage(const PublicSite& site, const PageRequest& r) {
  auto found = FindWhoDoesWhat(*r.snap, r.params.at("orp"));
  if (!found.ok()) return site.NotFound(r);
  json j = json::parse(WhoDoesWhatJson(*r.snap, *found));
  std::string search_url = SearchUrl(r.lang, j["orp"].value("seat_municipality_code", ""));
  auto card_item = [&](const json& c) {
    return json{{"url", CardUrl(r.lang, c.value("id", int64_t{0}))},
                {"name", c.value("name", "")},
                {"type", Pick(c["service_type_label"], "", r.lang)},
                {"does", c.value("does", "")},
                {"does_not", c.value("does_not", "")}};
  };
  // One role's actors, each with its cards, and how many more of each (app/public's
  // kWhoDoesWhatActors, kWhoDoesWhatCardsPerActor) the catalog search has.
  auto actors = [&](const json& role) {
    json out = json::array();
    for (const json& a : role["actors"]) {
      json cards = json::array();
      for (const json& c : a["cards"]) cards.push_back(card_item(c));
      json item = {{"actor", a["actor"].value("name", "")}, {"cards", cards}};
      int64_t more = a.value("cards_total", int64_t{0}) - static_cast<int64_t>(cards.size());
      if (more > 0) item["more"] = site.messages().Plural("navigator_wdw_more_cards", r.lang, more);
      out.push_back(item);
    }
    return out;
  };
  json rows = json::array();
  for (const json& row : j["situations"]) {
    const json& s = row["situation"];
    json groups = json::array();
    for (const char* key : {"responsible", "helping"}) {
      const json& role = row[key];
      json group = {{"heading", site.Text(std::string("navigator_wdw_") + key, r.lang)},
                    {"actors", actors(role)}};
      if (role["actors"].empty())
        group["none"] = site.Text(std::string("navigator_wdw_no_") + key, r.lang);
      int64_t more =
          role.value("actors_total", int64_t{0}) - static_cast<int64_t>(role["actors"].size());
      if (more > 0) {
        group["more"] = site.messages().Plural("navigator_wdw_more_actors", r.lang, more);
        group["search_url"] = search_url;
      }
      groups.push_back(group);
    }
    rows.push_back({{"id", s.value("id", "")},
                    {"label", Pick(s, "", r.lang)},
                    {"advice", Pick(s, "advice_", r.lang)},
                    {"groups", groups}});
  }
  const std::string& orp = r.params.at("orp");
  Page p;
  p.template_name = "navigator_who_does_what";
  p.path_cs = WhoDoesWhatUrl(Lang::kCs, orp);
  p.path_en = WhoDoesWhatUrl(Lang::kEn, orp);
  p.title = Fill(site.Text("navigator_wdw_title", r.lang), j["orp"].value("name", ""));
  p.description = site.Text("navigator_wdw_lead", r.lang);
  p.data = {{"heading", p.title}, {"situations", rows}};
  return p;
}

}  // namespace

void AddNavigatorPages(PublicSite& site) {
  namespace pu = public_urls;
  site.AddPage(pu::kSituations, [&site](const PageRequest& r) { return Situations(site, r); });
  site.AddPage(pu::kSituation, [&site](const PageRequest& r) { return Situation(site, r); });
  site.AddPage(pu::kAnswer, [&site](const PageRequest& r) { return Answer(site, r); });
  site.AddPage(pu::kLeaflet, [&site](const PageRequest& r) { return Leaflet(site, r); });
  site.AddPage(pu::kWhoDoesWhat,
               [&site](const PageRequest& r) { return WhoDoesWhatPage(site, r); });
}

}  // namespace prosit
