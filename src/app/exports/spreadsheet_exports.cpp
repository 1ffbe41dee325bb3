#include "app/exports/spreadsheet_exports.h"

#include <cstdint>
#include <map>

#include "app/accounts/permissions.h"
#include "app/analysis/cooperation_queries.h"
#include "app/exports/table_columns.h"
#include "app/networking/monitoring_queries.h"
#include "app/networking/strategy_queries.h"
#include "app/networking/tie_queries.h"
#include "app/records/record_kinds.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"

namespace prosit {

namespace {

using T = Column::Type;

Workbook BookOf(const std::string& title, Lang lang) {
  Workbook b;
  b.title = title;
  b.subject = lang == Lang::kCs ? "Síťování služeb pro děti a rodiny"
                                : "Networking of services for children and families";
  b.author = "prosit";
  b.company = "prosit";
  b.keywords = "prosit";
  return b;
}

std::string L(Lang lang, const char* cs, const char* en) { return lang == Lang::kCs ? cs : en; }

std::string Lines(const nlohmann::json& arr, const std::vector<std::string>& keys) {
  std::string out;
  if (!arr.is_array()) return out;
  for (const auto& e : arr) {
    std::string line;
    for (size_t i = 0; i < keys.size(); ++i) {
      if (i) line += kListSeparator;
      const auto& v = e.contains(keys[i]) ? e[keys[i]] : nlohmann::json();
      line += v.is_string()    ? v.get<std::string>()
              : v.is_boolean() ? (v.get<bool>() ? "ano" : "ne")
              : v.is_null()    ? ""
                               : v.dump();
    }
    if (!out.empty()) out += "\n";
    out += line;
  }
  return out;
}

nlohmann::json Items(const std::string& page) {
  auto doc = nlohmann::json::parse(page, nullptr, false);
  return doc.is_object() && doc.contains("items") ? doc["items"] : nlohmann::json::array();
}

}  // namespace

std::vector<Column> CardColumns(Lang lang) {
  auto h = [lang](const char* f) { return Header("service_card", f, lang); };
  auto pair = [&](const char* a, const char* b) { return h(a) + " – " + h(b); };
  return {
      {"id", h("id"), T::kNumber},
      {"actor/name", Header("actor", "name", lang), T::kText},
      {"_actor_ico", pair("actor", "ico"), T::kText},
      {"name", h("name"), T::kText},
      {"service_type", h("service_type"), T::kRef, "service_types"},
      {"need_areas", h("need_areas"), T::kRef, "need_areas", true},
      {"level", h("level"), T::kLevel},
      {"description", h("description"), T::kText},
      {"target_group", h("target_group"), T::kText},
      {"age_min", h("age_min"), T::kNumber},
      {"age_max", h("age_max"), T::kNumber},
      {"forms", h("forms"), T::kEnum, "forms", true},
      {"_locations", h("locations"), T::kText},
      {"territory/kind", pair("territory", "kind"), T::kEnum, "territory_kinds"},
      {"territory/codes", pair("territory", "codes"), T::kText, "", true},
      {"capacity/amount", pair("capacity", "amount"), T::kNumber},
      {"capacity/unit", h("unit"), T::kRef, "capacity_units"},
      {"waiting_days", h("waiting_days"), T::kNumber},
      {"free_of_charge", h("free_of_charge"), T::kBool},
      {"cost_note", h("cost_note"), T::kText},
      {"hours", h("hours"), T::kText},
      {"access", h("access"), T::kEnum, "accesses"},
      {"access_note", h("access_note"), T::kText},
      {"does", h("does"), T::kText},
      {"does_not", h("does_not"), T::kText},
      {"_contacts", h("contacts"), T::kText},
      {"_registry_ids", h("registry_ids"), T::kText},
      {"last_verified", h("last_verified"), T::kDate},
      {"published", h("published"), T::kBool},
      {"confidential_address", h("confidential_address"), T::kBool},
  };
}

namespace {

// A card's row, laid out from the snapshot's struct in the columns of CardColumns and
// with the cells CellOf gives the card's JSON document (CardDocument): the export of
// 60,000 cards must not render and parse each card as JSON.
class CardRows {
 public:
  CardRows(const Caller& caller, const NetworkSnapshot& snap, Lang lang)
      : caller_(caller),
        snap_(snap),
        ref_(snap.frame->reference),
        lang_(lang),
        personal_(SeesPersonalData(caller)) {}

  std::vector<Cell> Row(const CardEntry& e) {
    const ServiceCard& c = e.card;
    const ActorEntry* actor = snap_.FindActor(c.actor_id);
    // A confidential address shows only to those who may see the place (ShowPlacesTo).
    bool places = !c.confidential_address || SeesPlace(caller_, PlaceOf(c, snap_));
    std::vector<Cell> row;
    row.reserve(kCardColumns);
    row.push_back(Cell::Number(static_cast<double>(c.id)));
    row.push_back(actor ? Cell::Text(actor->actor.name) : Cell{});
    row.push_back(actor ? Cell::Text(actor->actor.ico) : Cell{});
    row.push_back(Cell::Text(c.name));
    row.push_back(Cell::Text(Ref("service_types", c.service_type)));
    row.push_back(Cell::Text(JoinRefs("need_areas", c.need_areas)));
    const SupportLevel* level = ref_.FindLevel(c.level);
    row.push_back(Cell::Text(level ? Pick(level->label) : std::to_string(c.level)));
    row.push_back(Cell::Text(c.description));
    row.push_back(Cell::Text(c.target_group));
    row.push_back(Cell::Number(c.age_min));
    row.push_back(Cell::Number(c.age_max));
    row.push_back(Cell::Text(JoinEnums("forms", c.forms)));
    row.push_back(Cell::Text(Locations(c, places)));
    row.push_back(Cell::Text(Enum("territory_kinds", ToString(c.territory.kind))));
    row.push_back(Cell::Text(Join(c.territory.codes)));
    row.push_back(c.capacity.amount ? Cell::Number(*c.capacity.amount) : Cell{});
    row.push_back(Cell::Text(Ref("capacity_units", c.capacity.unit)));
    row.push_back(c.waiting_days ? Cell::Number(*c.waiting_days) : Cell{});
    row.push_back(Cell::Bool(c.free_of_charge));
    row.push_back(Cell::Text(c.cost_note));
    row.push_back(Cell::Text(c.hours));
    row.push_back(Cell::Text(Enum("accesses", ToString(c.access))));
    row.push_back(Cell::Text(c.access_note));
    row.push_back(Cell::Text(c.does));
    row.push_back(Cell::Text(c.does_not));
    row.push_back(Cell::Text(Contacts(c.contacts)));
    row.push_back(Cell::Text(RegistryIds(c.registry_ids)));
    row.push_back(Cell::Date(c.last_verified));
    row.push_back(Cell::Bool(c.published));
    row.push_back(Cell::Bool(c.confidential_address));
    return row;
  }

  static constexpr size_t kCardColumns = 30;

 private:
  std::string Pick(const Label& l) const { return lang_ == Lang::kCs ? l.cs : l.en; }
  std::string Ref(const char* group, const std::string& id) const {
    const Label* l = ReferenceLabel(ref_, group, id);
    return l ? Pick(*l) : id;
  }
  std::string Enum(const char* group, const std::string& value) const {
    const std::string* l = LabelCatalog::BuiltIn().Enum(group, value, lang_);
    return l ? *l : value;
  }
  static void Append(std::string& out, const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += kListSeparator;
    out += part;
  }
  std::string JoinRefs(const char* group, const std::vector<std::string>& ids) const {
    std::string out;
    for (const auto& id : ids) Append(out, Ref(group, id));
    return out;
  }
  std::string JoinEnums(const char* group, const std::vector<std::string>& values) const {
    std::string out;
    for (const auto& v : values) Append(out, Enum(group, v));
    return out;
  }
  static std::string Join(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) Append(out, v);
    return out;
  }
  // One line per entry, its fields joined by the separator even when empty (as Lines).
  template <typename Items, typename Fields>
  static std::string Lines(const Items& items, Fields fields) {
    std::string out;
    for (const auto& item : items) {
      if (!out.empty()) out += "\n";
      fields(out, item);
    }
    return out;
  }
  static std::string Locations(const ServiceCard& c, bool places) {
    // A hidden place keeps its line, with neither municipality nor street (HidePlaces).
    return Lines(c.locations, [places](std::string& out, const DeliveryLocation& l) {
      if (places) out += l.municipality_code;
      out += kListSeparator;
      if (places) out += l.street;
    });
  }
  std::string Contacts(const std::vector<Contact>& contacts) const {
    std::string out;
    for (const Contact& k : contacts) {
      if (!personal_ && !k.is_public) continue;  // DropContacts
      if (!out.empty()) out += "\n";
      for (const std::string* f : {&k.name, &k.role, &k.phone, &k.email, &k.web}) {
        out += *f;
        out += kListSeparator;
      }
      out += k.is_public ? "ano" : "ne";
    }
    return out;
  }
  static std::string RegistryIds(const std::vector<RegistryId>& ids) {
    return Lines(ids, [](std::string& out, const RegistryId& r) {
      out += r.registry;
      out += kListSeparator;
      out += r.id;
    });
  }

  const Caller& caller_;
  const NetworkSnapshot& snap_;
  const ReferenceData& ref_;
  Lang lang_;
  bool personal_;
};

}  // namespace

Workbook ServiceCardsWorkbook(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q,
                              Lang lang) {
  Workbook book = BookOf(L(lang, "Katalog služeb", "Service catalog"), lang);
  Sheet sheet;
  sheet.name = L(lang, "Karty služeb", "Service cards");
  for (const Column& c : CardColumns(lang)) sheet.headers.push_back(c.header);
  std::vector<const CardEntry*> cards = SearchedCards(caller, snap, q);
  sheet.rows.reserve(cards.size());
  CardRows rows(caller, snap, lang);
  for (const CardEntry* e : cards) sheet.rows.push_back(rows.Row(*e));
  book.sheets.push_back(std::move(sheet));
  return book;
}

Workbook ActorsWorkbook(const Caller& caller, const NetworkSnapshot& snap, ActorQuery q,
                        Lang lang) {
  q.offset = 0;
  q.limit = SIZE_MAX;
  nlohmann::json items = Items(ListActors(caller, snap, q));
  for (auto& a : items)
    a["_contacts"] = Lines(a["contacts"], {"name", "role", "phone", "email", "web", "public"});
  auto h = [lang](const char* f) { return Header("actor", f, lang); };
  std::vector<Column> cols = {
      {"id", h("id"), T::kNumber},
      {"name", h("name"), T::kText},
      {"ico", h("ico"), T::kText},
      {"sector", h("sector"), T::kRef, "sectors"},
      {"actor_type", h("actor_type"), T::kRef, "actor_types"},
      {"seat/municipality_code", h("seat") + " – " + h("municipality_code"), T::kText},
      {"seat/street", h("seat") + " – " + h("street"), T::kText},
      {"seat/postcode", h("seat") + " – " + h("postcode"), T::kText},
      {"web", h("web"), T::kUrl},
      {"_contacts", h("contacts"), T::kText},
      {"note", h("note"), T::kText},
  };
  Workbook book = BookOf(L(lang, "Aktéři sítě", "Actors of the network"), lang);
  book.sheets.push_back(
      SheetOf(L(lang, "Aktéři", "Actors"), items, cols, snap.frame->reference, lang));
  return book;
}

Result<Workbook> MeetingsWorkbook(const Caller& caller, const NetworkSnapshot& snap, MeetingQuery q,
                                  Lang lang) {
  q.offset = 0;
  q.limit = SIZE_MAX;
  auto page = ListMeetings(caller, snap, q);
  if (!page.ok()) return page.status();
  nlohmann::json items = Items(*page);
  for (auto& m : items) m["_follow_ups"] = Lines(m["follow_ups"], {"task", "owner", "due", "done"});
  auto h = [lang](const char* f) { return Header("meeting", f, lang); };
  std::vector<Column> cols = {
      {"id", h("id"), T::kNumber},
      {"date", h("date"), T::kDate},
      {"orp_code", h("orp_code"), T::kText},
      {"category", h("category"), T::kRef, "meeting_categories"},
      {"format", h("format"), T::kEnum, "meeting_formats"},
      {"topic", h("topic"), T::kText},
      {"people", h("people"), T::kNumber},
      {"participants", h("actor_ids"), T::kNames, "", true},
      {"networkers", h("networkers"), T::kText, "", true},
      {"outputs", h("outputs"), T::kText},
      {"_follow_ups", h("follow_ups"), T::kText},
      {"notes", h("notes"), T::kText},
  };
  Workbook book = BookOf(L(lang, "Setkání", "Meetings"), lang);
  book.sheets.push_back(
      SheetOf(L(lang, "Setkání", "Meetings"), items, cols, snap.frame->reference, lang));
  return book;
}

Result<Workbook> NeedsWorkbook(const Caller& caller, const NetworkSnapshot& snap, NeedQuery q,
                               Lang lang) {
  q.offset = 0;
  q.limit = SIZE_MAX;
  auto page = ListNeeds(caller, snap, q);
  if (!page.ok()) return page.status();
  nlohmann::json items = Items(*page);
  auto h = [lang](const char* f) { return Header("need", f, lang); };
  std::vector<Column> cols = {
      {"id", h("id"), T::kNumber},
      {"date", h("date"), T::kDate},
      {"orp_code", h("orp_code"), T::kText},
      {"statement", h("statement"), T::kText},
      {"need_area", h("need_area"), T::kRef, "need_areas"},
      {"network_need", h("network_need"), T::kRef, "network_need_categories"},
      {"priority", h("priority"), T::kEnum, "need_priorities"},
      {"status", h("status"), T::kEnum, "need_statuses"},
      {"sectors", h("sectors"), T::kRef, "sectors", true},
      {"voiced_by_actors", h("voiced_by"), T::kNames, "", true},
      {"meetings", h("meetings"), T::kNames, "", true},
      {"themes", h("themes"), T::kNames, "", true},
  };
  Workbook book = BookOf(L(lang, "Potřeby sítě", "Needs of the network"), lang);
  book.sheets.push_back(
      SheetOf(L(lang, "Potřeby", "Needs"), items, cols, snap.frame->reference, lang));
  return book;
}

Result<Workbook> StrategyWorkbook(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                  const std::string& place, const std::string& at,
                                  const std::string& today, Lang lang) {
  auto doc = StrategyDocument(caller, snap, store, place, at, today);
  if (!doc.ok()) return doc.status();
  nlohmann::json s = nlohmann::json::parse(*doc);
  nlohmann::json themes = nlohmann::json::array(), goals = nlohmann::json::array(),
                 steps = nlohmann::json::array();
  for (auto& t : s["themes"]) {
    for (auto& g : t["goals"]) {
      for (auto& st : g["steps"]) {
        st["_theme"] = t["title"];
        steps.push_back(st);
      }
      g["_theme"] = t["title"];
      g.erase("steps");
      goals.push_back(g);
    }
    t.erase("goals");
    themes.push_back(t);
  }
  const ReferenceData& ref = snap.frame->reference;
  Workbook book = BookOf(L(lang, "Místní strategie síťování", "Local networking strategy"), lang);
  book.sheets.push_back(
      SheetOf(L(lang, "Témata", "Themes"), themes,
              {{"id", Header("theme", "id", lang), T::kNumber},
               {"orp_code", Header("theme", "orp_code", lang), T::kText},
               {"title", Header("theme", "title", lang), T::kText},
               {"why", Header("theme", "why", lang), T::kText},
               {"since", Header("theme", "since", lang), T::kDate},
               {"status", Header("theme", "status", lang), T::kEnum, "theme_statuses"}},
              ref, lang));
  book.sheets.push_back(
      SheetOf(L(lang, "Cíle", "Goals"), goals,
              {{"id", Header("goal", "id", lang), T::kNumber},
               {"_theme", Header("goal", "theme", lang), T::kText},
               {"title", Header("goal", "title", lang), T::kText},
               {"description", Header("goal", "description", lang), T::kText},
               {"since", Header("goal", "since", lang), T::kDate},
               {"status", Header("goal", "status", lang), T::kEnum, "goal_statuses"}},
              ref, lang));
  book.sheets.push_back(
      SheetOf(L(lang, "Kroky", "Steps"), steps,
              {{"id", Header("step", "id", lang), T::kNumber},
               {"_theme", Header("step", "theme", lang), T::kText},
               {"goal/name", Header("step", "goal", lang), T::kText},
               {"title", Header("step", "title", lang), T::kText},
               {"deadline", Header("step", "deadline", lang), T::kDate},
               {"responsible_actors", Header("step", "actor_ids", lang), T::kNames, "", true},
               {"status", Header("step", "status", lang), T::kEnum, "step_statuses"},
               {"completed_on", Header("step", "completed_on", lang), T::kDate},
               {"outcome", Header("step", "outcome", lang), T::kText}},
              ref, lang));
  return book;
}

Result<Workbook> MonitoringWorkbook(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                    const MonitoringScope& scope, const std::string& today,
                                    Lang lang) {
  auto csv = MonitoringCsv(caller, snap, store, scope, today, lang);
  if (!csv.ok()) return csv.status();
  // The CSV's own rows: one table, two renderings, the same columns.
  std::string text = csv->substr(csv->rfind(kCsvByteOrderMark, 0) == 0 ? 3 : 0);
  auto table = ParseCsv(text, "monitoring");
  if (!table.ok()) return table.status();
  Workbook book = BookOf(L(lang, "Síťování v číslech", "Networking in figures"), lang);
  Sheet sheet;
  sheet.name = L(lang, "Síťování v číslech", "Networking in figures");
  sheet.headers = table->header;
  for (const auto& fields : table->rows) {
    std::vector<Cell> row;
    for (size_t c = 0; c < fields.size(); ++c)
      row.push_back(c + 1 == fields.size() ? Cell::Number(std::stod(fields[c]))
                                           : Cell::Text(fields[c]));
    sheet.rows.push_back(std::move(row));
  }
  book.sheets.push_back(std::move(sheet));
  return book;
}

Result<Workbook> KumuWorkbook(const Caller& caller, const NetworkSnapshot& snap,
                              const std::string& orp, const std::string& today, Lang lang) {
  CooperationQuery cq;
  cq.orp = orp;
  cq.sort = "name";
  cq.limit = 1'000'000;  // SIZE_MAX would overflow the page's end
  auto network = CooperationNetworkJson(caller, snap, cq, today);
  if (!network.ok()) return network.status();
  TieQuery tq;
  tq.orp = orp;
  tq.limit = SIZE_MAX;
  auto declared = ListTies(caller, snap, tq);
  if (!declared.ok()) return declared.status();
  DerivedTieQuery dq;
  dq.orp = orp;
  dq.limit = SIZE_MAX;
  auto derived = ListDerivedTies(caller, snap, dq);
  if (!derived.ok()) return derived.status();

  const ReferenceData& ref = snap.frame->reference;
  const LabelCatalog& catalog = LabelCatalog::BuiltIn();
  Sheet elements{"Elements", {"ID", "Label", "Type", "Description", "Tags", "ORP", "IČO"}, {}};
  std::map<int64_t, bool> listed;
  auto add_element = [&](int64_t id) {
    if (listed[id]) return;
    listed[id] = true;
    const ActorEntry* e = snap.FindActor(id);
    if (!e) return;
    const Actor& a = e->actor;
    const Label* sector = ReferenceLabel(ref, "sectors", a.sector);
    const Label* type = ReferenceLabel(ref, "actor_types", a.actor_type);
    const Municipality* seat = snap.frame->territory.FindMunicipality(a.seat.municipality_code);
    std::string tag = seat && seat->orp_code != orp ? L(lang, "mimo ORP", "outside the ORP") : "";
    elements.rows.push_back(
        {Cell::Text("actor-" + std::to_string(id)), Cell::Text(a.name),
         Cell::Text(sector ? (lang == Lang::kCs ? sector->cs : sector->en) : a.sector),
         Cell::Text(type ? (lang == Lang::kCs ? type->cs : type->en) : a.actor_type),
         Cell::Text(tag), Cell::Text(seat ? seat->orp_code : ""), Cell::Text(a.ico)});
  };
  // Held in a variable: a range-for over a member of a temporary would dangle.
  const nlohmann::json network_doc = nlohmann::json::parse(*network);
  for (const auto& item : network_doc["items"]) add_element(item.value("id", int64_t{0}));

  Sheet connections{
      "Connections", {"ID", "From", "To", "Type", "Description", "Tags", "Strength"}, {}};
  for (const auto& t : Items(*declared)) {
    int64_t a = t.value("actor_a", int64_t{0}), b = t.value("actor_b", int64_t{0});
    add_element(a);
    add_element(b);
    const std::string* type = catalog.Enum("tie_types", t.value("type", ""), lang);
    const std::string* freq = catalog.Enum("tie_frequencies", t.value("frequency", ""), lang);
    connections.rows.push_back(
        {Cell::Text("tie-" + std::to_string(t.value("id", int64_t{0}))),
         Cell::Text("actor-" + std::to_string(a)), Cell::Text("actor-" + std::to_string(b)),
         Cell::Text(type ? *type : t.value("type", "")), Cell::Text(t.value("note", "")),
         Cell::Text(L(lang, "deklarovaná", "declared") +
                    (freq ? std::string(kListSeparator) + *freq : "")),
         Cell{}});
  }
  for (const auto& t : Items(*derived)) {
    int64_t a = t.value("actor_a", int64_t{0}), b = t.value("actor_b", int64_t{0});
    add_element(a);
    add_element(b);
    connections.rows.push_back(
        {Cell::Text("met-" + std::to_string(a) + "-" + std::to_string(b)),
         Cell::Text("actor-" + std::to_string(a)), Cell::Text("actor-" + std::to_string(b)),
         Cell::Text(L(lang, "společná setkání", "shared meetings")),
         Cell::Text(L(lang, "naposledy ", "last ") + t.value("last_date", "")),
         Cell::Text(L(lang, "odvozená", "derived")), Cell::Number(t.value("meetings", 0.0))});
  }
  Workbook book = BookOf(L(lang, "Síť spolupráce ORP ", "Cooperation network of ORP ") + orp, lang);
  book.comments = "Kumu import: Elements, Connections (From/To name element IDs)";
  book.sheets.push_back(std::move(elements));
  book.sheets.push_back(std::move(connections));
  return book;
}

}  // namespace prosit
