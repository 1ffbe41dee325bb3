#include "app/exports/card_import.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "app/accounts/permissions.h"
#include "app/exports/spreadsheet_exports.h"
#include "app/exports/table_columns.h"
#include "app/records/record_batch.h"
#include "app/records/record_kinds.h"
#include "io/csv_reader.h"
#include "io/csv_writer.h"
#include "io/network_json.h"
#include "io/spreadsheet.h"
#include "model/czech_text.h"
#include "model/validation.h"

namespace prosit {

namespace {

using T = Column::Type;

std::string L(Lang lang, const char* cs, const char* en) { return lang == Lang::kCs ? cs : en; }

std::string Trim(std::string s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.push_back(Trim(s.substr(start, at == std::string::npos ? at : at - start)));
    if (at == std::string::npos) break;
    start = at + sep.size();
  }
  return out;
}

// A list cell: values separated by "|" (the export's " | "); empty parts dropped.
std::vector<std::string> ListOf(const std::string& s) {
  std::vector<std::string> out;
  for (auto& part : Split(s, "|"))
    if (!part.empty()) out.push_back(part);
  return out;
}

std::vector<std::string> LinesOf(const std::string& s) {
  std::vector<std::string> out;
  for (auto& line : Split(s, "\n"))
    if (!line.empty()) out.push_back(line);
  return out;
}

// The values a labelled column takes: folded label (either language) or id -> id.
struct Choices {
  std::map<std::string, std::string> by_text;
  std::vector<std::string> shown;  // labels in the caller's language, for the message
  void Add(const std::string& id, const std::string& cs, const std::string& en, Lang lang) {
    by_text[FoldForSearch(id)] = id;
    if (!cs.empty()) by_text[FoldForSearch(cs)] = id;
    if (!en.empty()) by_text[FoldForSearch(en)] = id;
    shown.push_back(lang == Lang::kCs ? (cs.empty() ? id : cs) : (en.empty() ? id : en));
  }
  const std::string* Find(const std::string& text) const {
    auto it = by_text.find(FoldForSearch(text));
    return it == by_text.end() ? nullptr : &it->second;
  }
  std::string Expected(Lang lang) const {
    std::string s = L(lang, "jedna z hodnot: ", "one of: ");
    for (size_t i = 0; i < shown.size(); ++i) s += (i ? ", " : "") + shown[i];
    return s;
  }
};

Choices ChoicesOf(const Column& col, const ReferenceData& ref, Lang lang) {
  Choices c;
  auto add_all = [&](const auto& items) {
    for (const auto& item : items) c.Add(item.id, item.label.cs, item.label.en, lang);
  };
  if (col.type == T::kEnum) {
    const auto& group = LabelCatalog::BuiltIn().enums()[col.group];
    for (auto it = group.begin(); it != group.end(); ++it)
      c.Add(it.key(), it.value().value("cs", ""), it.value().value("en", ""), lang);
  } else if (col.type == T::kLevel) {
    for (const auto& l : ref.support_levels)
      c.Add(std::to_string(l.level), l.label.cs, l.label.en, lang);
  } else if (col.group == "service_types") {
    add_all(ref.service_types);
  } else if (col.group == "need_areas") {
    add_all(ref.need_areas);
  } else if (col.group == "capacity_units") {
    add_all(ref.capacity_units);
  }
  return c;
}

std::string CellString(const XlsxCell& cell) { return Trim(cell.text); }

// The column of a field path the readers and rules name ("contacts[0].email").
std::string ColumnKeyOfField(const std::string& path) {
  static const std::map<std::string, std::string> kMap = {{"actor_id", "actor/name"},
                                                          {"locations", "_locations"},
                                                          {"territory.kind", "territory/kind"},
                                                          {"territory.codes", "territory/codes"},
                                                          {"territory", "territory/codes"},
                                                          {"capacity.amount", "capacity/amount"},
                                                          {"capacity.unit", "capacity/unit"},
                                                          {"capacity", "capacity/amount"},
                                                          {"contacts", "_contacts"},
                                                          {"registry_ids", "_registry_ids"}};
  for (const auto& [prefix, key] : kMap)
    if (path.rfind(prefix, 0) == 0) return key;
  size_t end = path.find_first_of(".[");
  return path.substr(0, end);
}

// Reads one row into a card's JSON; bad cells go to `bad` as (column index, expected).
struct RowReader {
  const std::vector<Column>& cols;
  const std::vector<int>& index;  // column -> position in the row, -1 when absent
  const std::vector<XlsxCell>& row;
  const std::vector<Choices>& choices;
  Lang lang;
  std::vector<std::pair<size_t, std::string>> bad;

  const XlsxCell* Get(size_t c) const {
    int i = index[c];
    if (i < 0 || static_cast<size_t>(i) >= row.size()) return nullptr;
    const XlsxCell& cell = row[static_cast<size_t>(i)];
    return cell.kind == XlsxCell::Kind::kEmpty || Trim(cell.text).empty() ? nullptr : &cell;
  }
  std::optional<double> Number(size_t c, const char* cs = "číslo", const char* en = "a number") {
    const XlsxCell* cell = Get(c);
    if (!cell) return std::nullopt;
    std::string s = CellString(*cell);
    for (char& ch : s)
      if (ch == ',') ch = '.';
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
      bad.emplace_back(c, L(lang, cs, en));
      return std::nullopt;
    }
    return v;
  }
  std::optional<int64_t> Whole(size_t c) {
    auto v = Number(c, "celé číslo", "a whole number");
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v || std::fabs(*v) > 1e12) {
      bad.emplace_back(c, L(lang, "celé číslo", "a whole number"));
      return std::nullopt;
    }
    return static_cast<int64_t>(*v);
  }
  std::optional<bool> Bool(size_t c) {
    const XlsxCell* cell = Get(c);
    if (!cell) return std::nullopt;
    std::string s = FoldForSearch(CellString(*cell));
    if (s == "ano" || s == "yes" || s == "true" || s == "1" || s == "pravda") return true;
    if (s == "ne" || s == "no" || s == "false" || s == "0" || s == "nepravda") return false;
    bad.emplace_back(c, L(lang, "ano, nebo ne", "yes or no"));
    return std::nullopt;
  }
  std::string Date(size_t c) {
    const XlsxCell* cell = Get(c);
    if (!cell) return "";
    std::string s = CellString(*cell);
    if (cell->kind == XlsxCell::Kind::kDate || (s.size() == 10 && s[4] == '-' && s[7] == '-'))
      return s;
    if (cell->kind == XlsxCell::Kind::kNumber) {
      double v = std::atof(s.c_str());
      if (v > 0 && v < 2958466) return ExcelSerialToIsoDate(v);
    }
    int d = 0, m = 0, y = 0;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%d. %d. %d%c", &d, &m, &y, &tail) == 3 ||
        std::sscanf(s.c_str(), "%d.%d.%d%c", &d, &m, &y, &tail) == 3) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      return buf;
    }
    bad.emplace_back(c, L(lang, "datum (D. M. RRRR nebo RRRR-MM-DD)", "a date (YYYY-MM-DD)"));
    return "";
  }
  std::string Text(size_t c) {
    const XlsxCell* cell = Get(c);
    return cell ? CellString(*cell) : "";
  }
  nlohmann::json Choice(size_t c) {
    const XlsxCell* cell = Get(c);
    if (!cell) return nullptr;
    if (const std::string* id = choices[c].Find(CellString(*cell))) {
      if (cols[c].type == T::kLevel) return std::stoi(*id);
      return *id;
    }
    bad.emplace_back(c, choices[c].Expected(lang));
    return nullptr;
  }
  nlohmann::json ChoiceList(size_t c) {
    nlohmann::json out = nlohmann::json::array();
    const XlsxCell* cell = Get(c);
    if (!cell) return out;
    for (const auto& part : ListOf(CellString(*cell))) {
      const std::string* id = choices[c].Find(part);
      if (!id) {
        bad.emplace_back(c, choices[c].Expected(lang));
        return nlohmann::json::array();
      }
      out.push_back(*id);
    }
    return out;
  }
};

// "name | role | phone | email | web | ano" per line.
nlohmann::json ContactsOf(const std::string& text, bool* ok) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : LinesOf(text)) {
    auto p = Split(line, "|");
    if (p.size() < 3 || p.size() > 6) *ok = false;
    p.resize(6);
    std::string pub = FoldForSearch(p[5]);
    out.push_back({{"name", p[0]},
                   {"role", p[1]},
                   {"phone", p[2]},
                   {"email", p[3]},
                   {"web", p[4]},
                   {"public", pub == "ano" || pub == "yes" || pub == "true"}});
  }
  return out;
}

size_t ColumnOf(const std::vector<Column>& cols, const std::string& key) {
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i].key == key) return i;
  return 0;
}

std::string Comparable(ServiceCard card) {
  card.version = 0;
  card.is_demo = false;
  card.source = Provenance::kEntered;
  return ServiceCardToJson(card).dump();
}

}  // namespace

Result<ImportSheet> ImportSheetFromXlsx(std::string_view bytes) {
  auto sheets = ReadXlsx(bytes);
  if (!sheets.ok()) return sheets.status();
  if (sheets->empty()) return Status::Malformed("the workbook has no sheet");
  const XlsxSheet* chosen = &sheets->front();
  for (const auto& s : *sheets)
    if (s.name == "Karty služeb" || s.name == "Service cards") chosen = &s;
  return ImportSheet{chosen->name, chosen->rows};
}

Result<ImportSheet> ImportSheetFromCsv(std::string_view text) {
  if (text.rfind(kCsvByteOrderMark, 0) == 0) text.remove_prefix(3);
  auto table = ParseCsv(text, "CSV");
  if (!table.ok()) return table.status();
  ImportSheet sheet{"CSV", {}};
  auto row_of = [](const std::vector<std::string>& fields) {
    std::vector<XlsxCell> row;
    for (const auto& f : fields)
      row.push_back(f.empty() ? XlsxCell{} : XlsxCell{XlsxCell::Kind::kText, f});
    return row;
  };
  sheet.rows.push_back(row_of(table->header));
  for (const auto& r : table->rows) sheet.rows.push_back(row_of(r));
  return sheet;
}

Result<CardImportReport> ImportCards(const Caller& caller, const NetworkSnapshot& snap,
                                     Store& store, const ImportSheet& sheet, bool dry_run,
                                     const std::string& now, Lang lang) {
  // Who may write no card at all is refused before the file is read.
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  const ReferenceData& ref = snap.frame->reference;
  CardImportReport report;
  report.dry_run = dry_run;
  if (sheet.rows.empty()) {
    report.bad_cells.push_back(
        {sheet.name, 1, "A", "",
         L(lang, "řádek záhlaví se sloupci šablony", "a header row with the template's columns")});
    return report;
  }
  // Columns by header, in either language.
  std::vector<Column> cols = CardColumns(lang), cols_cs = CardColumns(Lang::kCs),
                      cols_en = CardColumns(Lang::kEn);
  std::vector<int> index(cols.size(), -1);
  const auto& header_row = sheet.rows[0];
  for (size_t i = 0; i < header_row.size(); ++i) {
    std::string h = Trim(header_row[i].text);
    if (h.empty()) continue;
    bool known = false;
    for (size_t c = 0; c < cols.size(); ++c)
      if (FoldForSearch(h) == FoldForSearch(cols_cs[c].header) ||
          FoldForSearch(h) == FoldForSearch(cols_en[c].header)) {
        index[c] = static_cast<int>(i);
        known = true;
      }
    if (!known)
      report.bad_cells.push_back({sheet.name, 1, ColumnLetter(i), h,
                                  L(lang, "záhlaví jednoho ze sloupců šablony",
                                    "the header of a column of the template")});
  }
  size_t name_col = ColumnOf(cols, "name"), actor_col = ColumnOf(cols, "actor/name"),
         ico_col = ColumnOf(cols, "_actor_ico");
  if (index[name_col] < 0 || (index[actor_col] < 0 && index[ico_col] < 0))
    report.bad_cells.push_back({sheet.name, 1, ColumnLetter(header_row.size()), "",
                                L(lang, "sloupce „", "the columns \"") + cols[name_col].header +
                                    L(lang, "“ a „", "\" and \"") + cols[actor_col].header +
                                    L(lang, "“ (nebo IČO aktéra)", "\" (or the actor's IČO)")});
  std::vector<Choices> choices;
  for (const Column& c : cols) choices.push_back(ChoicesOf(c, ref, lang));

  auto bad_cell = [&](size_t row_number, size_t c, std::string expected) {
    size_t at = index[c] >= 0 ? static_cast<size_t>(index[c]) : 0;
    report.bad_cells.push_back(
        {sheet.name, row_number, ColumnLetter(at), cols[c].header, std::move(expected)});
  };
  ValidationContext vctx{ref, snap.frame->territory, now.substr(0, 10)};
  const LabelCatalog& catalog = LabelCatalog::BuiltIn();
  RecordBatch batch;
  for (size_t r = 1; r < sheet.rows.size(); ++r) {
    const auto& row = sheet.rows[r];
    bool blank = true;
    for (const auto& cell : row) blank = blank && Trim(cell.text).empty();
    if (blank) continue;
    size_t row_number = r + 1;
    RowReader rr{cols, index, row, choices, lang, {}};
    nlohmann::json j = nlohmann::json::object();
    auto col = [&](const char* key) { return ColumnOf(cols, key); };
    int64_t id = rr.Whole(col("id")).value_or(0);
    j["name"] = rr.Text(col("name"));
    if (auto v = rr.Choice(col("service_type")); !v.is_null()) j["service_type"] = v;
    j["need_areas"] = rr.ChoiceList(col("need_areas"));
    if (auto v = rr.Choice(col("level")); !v.is_null()) j["level"] = v;
    for (const char* key :
         {"description", "target_group", "cost_note", "hours", "access_note", "does", "does_not"})
      j[key] = rr.Text(col(key));
    if (auto v = rr.Whole(col("age_min"))) j["age_min"] = *v;
    if (auto v = rr.Whole(col("age_max"))) j["age_max"] = *v;
    nlohmann::json forms = nlohmann::json::array();
    for (const auto& f : ListOf(rr.Text(col("forms")))) {
      const std::string* id_of = choices[col("forms")].Find(f);
      if (!id_of) {
        bad_cell(row_number, col("forms"), choices[col("forms")].Expected(lang));
        break;
      }
      forms.push_back(*id_of);
    }
    j["forms"] = forms;
    nlohmann::json locations = nlohmann::json::array();
    for (const auto& line : LinesOf(rr.Text(col("_locations")))) {
      auto p = Split(line, "|");
      locations.push_back({{"municipality_code", p[0]}, {"street", p.size() > 1 ? p[1] : ""}});
    }
    j["locations"] = locations;
    nlohmann::json territory = {{"codes", ListOf(rr.Text(col("territory/codes")))}};
    if (auto v = rr.Choice(col("territory/kind")); !v.is_null()) territory["kind"] = v;
    j["territory"] = territory;
    nlohmann::json capacity = {{"amount", nullptr}, {"unit", "none"}};
    if (auto v = rr.Number(col("capacity/amount"))) capacity["amount"] = *v;
    if (auto v = rr.Choice(col("capacity/unit")); !v.is_null()) capacity["unit"] = v;
    j["capacity"] = capacity;
    if (auto v = rr.Whole(col("waiting_days"))) j["waiting_days"] = *v;
    if (auto v = rr.Bool(col("free_of_charge"))) j["free_of_charge"] = *v;
    if (auto v = rr.Choice(col("access")); !v.is_null()) j["access"] = v;
    bool contacts_ok = true;
    j["contacts"] = ContactsOf(rr.Text(col("_contacts")), &contacts_ok);
    if (!contacts_ok)
      rr.bad.emplace_back(
          col("_contacts"),
          L(lang, "na každém řádku: jméno | funkce | telefon | e-mail | web | ano/ne (veřejný)",
            "per line: name | role | phone | e-mail | web | yes/no (public)"));
    nlohmann::json registry_ids = nlohmann::json::array();
    for (const auto& line : LinesOf(rr.Text(col("_registry_ids")))) {
      auto p = Split(line, "|");
      registry_ids.push_back({{"registry", p[0]}, {"id", p.size() > 1 ? p[1] : ""}});
    }
    j["registry_ids"] = registry_ids;
    j["last_verified"] = rr.Date(col("last_verified"));
    if (auto v = rr.Bool(col("published"))) j["published"] = *v;
    if (auto v = rr.Bool(col("confidential_address"))) j["confidential_address"] = *v;

    // The actor: by IČO, else by its exact name.
    std::string ico = rr.Text(col("_actor_ico")), actor_name = rr.Text(col("actor/name"));
    const ActorEntry* actor = nullptr;
    size_t matches = 0;
    for (const ActorEntry* e : snap.actors_sorted)
      if (ico.empty() ? e->actor.name == actor_name : e->actor.ico == ico) {
        actor = e;
        ++matches;
      }
    if (matches != 1)
      rr.bad.emplace_back(ico.empty() ? col("actor/name") : col("_actor_ico"),
                          matches == 0 ? L(lang, "aktér, který v prosit je (IČO nebo přesný název)",
                                           "an actor prosit has (its IČO or exact name)")
                                       : L(lang, "IČO aktéra: více aktérů má tento název",
                                           "the actor's IČO: several actors have this name"));
    for (auto& [c, expected] : rr.bad) bad_cell(row_number, c, expected);
    if (!rr.bad.empty()) continue;
    j["actor_id"] = actor->actor.id;

    auto parsed = ServiceCardFromJson(j.dump());
    if (!parsed.ok()) {
      for (const auto& [field, message] : parsed.status().fields())
        bad_cell(row_number, ColumnOf(cols, ColumnKeyOfField(field)),
                 catalog.Message(message, lang));
      continue;
    }
    ServiceCard card = std::move(*parsed);
    RecordKind<ServiceCard>::Prepare(card, ref);
    const CardEntry* stored = id ? snap.FindCard(id) : nullptr;
    if (stored) {
      card.id = stored->card.id;
      card.version = stored->card.version;
      card.is_demo = stored->card.is_demo;
      card.source = stored->card.source;
    }
    FieldErrors errors = ValidateServiceCard(card, vctx);
    for (const auto& [field, message] : errors)
      bad_cell(row_number, ColumnOf(cols, ColumnKeyOfField(field)), catalog.Message(message, lang));
    Status may = MayWriteCard(caller, RecordKind<ServiceCard>::Place(card, snap));
    if (may.ok() && stored)
      may = MayWriteCard(caller, RecordKind<ServiceCard>::Place(stored->card, snap));
    if (!may.ok())
      bad_cell(row_number, ico.empty() ? col("actor/name") : col("_actor_ico"),
               L(lang, "aktér, jehož karty smíte zapisovat", "an actor whose cards you may write"));
    if (!errors.empty() || !may.ok()) continue;
    ImportedRow done{row_number, "create", card.id, card.name};
    if (stored) done.action = Comparable(stored->card) == Comparable(card) ? "unchanged" : "update";
    if (done.action == "create") ++report.created;
    if (done.action == "update") ++report.updated;
    if (done.action == "unchanged") ++report.unchanged;
    if (done.action != "unchanged") batch.cards_of_stored_actors.push_back(std::move(card));
    report.rows.push_back(std::move(done));
  }
  if (!report.bad_cells.empty()) {
    report.rows.clear();
    report.created = report.updated = report.unchanged = 0;
    return report;
  }
  if (dry_run || batch.cards_of_stored_actors.empty()) return report;
  auto written = ImportNetworkBatch(store, std::move(batch), snap.frame->territory, ref,
                                    Author{caller.author(), now});
  if (!written.ok()) return written.status();
  return report;
}

std::string CardImportReportJson(const CardImportReport& report) {
  nlohmann::json j;
  if (!report.bad_cells.empty()) {
    j["cells"] = nlohmann::json::array();
    for (const auto& b : report.bad_cells)
      j["cells"].push_back({{"sheet", b.sheet},
                            {"row", b.row},
                            {"column", b.column},
                            {"header", b.header},
                            {"expected", b.expected}});
    return j.dump();
  }
  j["dry_run"] = report.dry_run;
  j["created"] = report.created;
  j["updated"] = report.updated;
  j["unchanged"] = report.unchanged;
  j["rows"] = nlohmann::json::array();
  for (const auto& r : report.rows)
    j["rows"].push_back({{"row", r.row}, {"action", r.action}, {"id", r.id}, {"name", r.name}});
  return j.dump();
}

Workbook CardImportTemplate(const NetworkSnapshot& snap, Lang lang) {
  const ReferenceData& ref = snap.frame->reference;
  std::vector<Column> cols = CardColumns(lang);
  Workbook book;
  book.title = L(lang, "Šablona pro import karet služeb", "Template for importing service cards");
  book.author = book.company = "prosit";
  Sheet cards;
  cards.name = L(lang, "Karty služeb", "Service cards");
  for (const auto& c : cols) cards.headers.push_back(c.header);
  Sheet help;
  help.name = L(lang, "Vysvětlivky", "Explanations");
  help.headers = {L(lang, "sloupec", "column"), L(lang, "záhlaví", "header"),
                  L(lang, "co do něj patří", "what goes in it"),
                  L(lang, "povolené hodnoty", "allowed values")};
  auto what = [&](const Column& c) -> std::string {
    if (c.key == "id")
      return L(lang, "prázdné pro novou kartu; id uložené karty ji nahradí",
               "empty for a new card; a stored card's id replaces it");
    if (c.key == "actor/name")
      return L(lang, "přesný název aktéra (když chybí IČO)",
               "the actor's exact name (when there is no IČO)");
    if (c.key == "_actor_ico")
      return L(lang, "IČO aktéra, jehož je služba", "the IČO of the actor the service belongs to");
    if (c.key == "_locations")
      return L(lang, "na každém řádku: kód obce | ulice", "per line: municipality code | street");
    if (c.key == "_contacts")
      return L(lang, "na každém řádku: jméno | funkce | telefon | e-mail | web | ano/ne (veřejný)",
               "per line: name | role | phone | e-mail | web | yes/no (public)");
    if (c.key == "_registry_ids")
      return L(lang, "na každém řádku: registr | identifikátor", "per line: registry | id");
    if (c.key == "territory/codes")
      return L(lang, "kódy obcí, ORP nebo krajů oddělené |",
               "municipality, ORP or region codes separated by |");
    if (c.list)
      return L(lang, "jedna nebo více hodnot oddělených |", "one or more values separated by |");
    switch (c.type) {
      case T::kNumber:
        return L(lang, "číslo", "a number");
      case T::kDate:
        return L(lang, "datum", "a date");
      case T::kBool:
        return L(lang, "ano, nebo ne", "yes or no");
      case T::kEnum:
      case T::kRef:
      case T::kLevel:
        return L(lang, "jedna hodnota", "one value");
      default:
        return L(lang, "text", "text");
    }
  };
  for (size_t i = 0; i < cols.size(); ++i) {
    Choices ch = ChoicesOf(cols[i], ref, lang);
    std::string allowed;
    for (size_t k = 0; k < ch.shown.size(); ++k) allowed += (k ? "\n" : "") + ch.shown[k];
    help.rows.push_back({Cell::Text(ColumnLetter(i)), Cell::Text(cols[i].header),
                         Cell::Text(what(cols[i])), Cell::Text(allowed)});
  }
  book.sheets.push_back(std::move(cards));
  book.sheets.push_back(std::move(help));
  return book;
}

}  // namespace prosit
