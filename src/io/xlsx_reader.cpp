#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <set>

#include "io/spreadsheet.h"

namespace prosit {

namespace {

constexpr zip_uint64_t kMaxPartBytes = 512ull << 20;  // an unzipped part; a zip bomb stops here

// The zip package in memory.
class Package {
 public:
  explicit Package(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src) {
      archive_ = zip_open_from_source(src, ZIP_RDONLY, &error);
      if (!archive_) zip_source_free(src);
    }
    zip_error_fini(&error);
  }
  ~Package() {
    if (archive_) zip_discard(archive_);
  }
  bool ok() const { return archive_ != nullptr; }

  // The part's bytes; nullopt-like false when it is missing.
  bool Read(const std::string& name, std::string* out) const {
    zip_stat_t st;
    if (zip_stat(archive_, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) ||
        st.size > kMaxPartBytes)
      return false;
    zip_file_t* f = zip_fopen(archive_, name.c_str(), 0);
    if (!f) return false;
    out->resize(st.size);
    zip_int64_t n = zip_fread(f, out->data(), st.size);
    zip_fclose(f);
    return n == static_cast<zip_int64_t>(st.size);
  }

 private:
  zip_t* archive_ = nullptr;
};

// The local name of an element, without its namespace prefix.
std::string_view Local(const char* name) {
  std::string_view s(name);
  size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view name) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (Local(attrs[i]) == name || std::string_view(attrs[i]) == name) return attrs[i + 1];
  return nullptr;
}

// Runs expat over `xml` with a handler object that has Start, End and Text.
template <typename Handler>
bool ParseXml(const std::string& xml, Handler& h) {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                 &XML_ParserFree);
  XML_SetUserData(p.get(), &h);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const char* n, const char** a) { static_cast<Handler*>(u)->Start(Local(n), a); },
      [](void* u, const char* n) { static_cast<Handler*>(u)->End(Local(n)); });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const char* s, int len) {
    static_cast<Handler*>(u)->Text(std::string_view(s, static_cast<size_t>(len)));
  });
  return XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
}

// sharedStrings.xml: each <si> is one string, its <t> runs (outside <rPh>) joined.
struct SharedStrings {
  std::vector<std::string> strings;
  bool in_t = false;
  int in_phonetic = 0;
  void Start(std::string_view n, const char**) {
    if (n == "si") strings.emplace_back();
    if (n == "rPh") ++in_phonetic;
    if (n == "t") in_t = true;
  }
  void End(std::string_view n) {
    if (n == "t") in_t = false;
    if (n == "rPh") --in_phonetic;
  }
  void Text(std::string_view s) {
    if (in_t && !in_phonetic && !strings.empty()) strings.back() += s;
  }
};

// styles.xml: which cell formats (the s="" of a cell) show a date.
struct Styles {
  std::map<int, std::string> custom;  // numFmtId -> format code
  std::vector<int> xf_formats;        // cellXfs, in order: numFmtId
  bool in_cell_xfs = false;
  void Start(std::string_view n, const char** a) {
    if (n == "numFmt") {
      const char *id = Attr(a, "numFmtId"), *code = Attr(a, "formatCode");
      if (id && code) custom[std::atoi(id)] = code;
    } else if (n == "cellXfs") {
      in_cell_xfs = true;
    } else if (n == "xf" && in_cell_xfs) {
      const char* id = Attr(a, "numFmtId");
      xf_formats.push_back(id ? std::atoi(id) : 0);
    }
  }
  void End(std::string_view n) {
    if (n == "cellXfs") in_cell_xfs = false;
  }
  void Text(std::string_view) {}

  bool IsDateFormat(int id) const {
    if ((id >= 14 && id <= 17) || id == 22) return true;  // the built-in date formats
    auto it = custom.find(id);
    if (it == custom.end()) return false;
    // A code with d, m or y outside quotes and brackets ("[Red]", "\"Kč\"") is a date.
    bool quoted = false, bracket = false;
    for (char c : it->second) {
      if (c == '"') quoted = !quoted;
      if (c == '[') bracket = true;
      if (c == ']') bracket = false;
      if (!quoted && !bracket && (c == 'd' || c == 'm' || c == 'y' || c == 'D' || c == 'Y'))
        return true;
    }
    return false;
  }
  std::set<size_t> DateStyles() const {
    std::set<size_t> out;
    for (size_t i = 0; i < xf_formats.size(); ++i)
      if (IsDateFormat(xf_formats[i])) out.insert(i);
    return out;
  }
};

// A worksheet: <row><c r="B2" t="s" s="3"><v>…</v></c> and inline <is><t>…</t></is>.
struct SheetCells {
  const std::vector<std::string>* shared;
  const std::set<size_t>* date_styles;
  std::vector<std::vector<XlsxCell>> rows;
  size_t next_row = 1, next_col = 0, row = 0, col = 0;
  std::string type, value;
  size_t style = 0;
  bool in_cell = false, in_v = false, in_t = false;
  int in_phonetic = 0;
  bool bad_ref = false;

  void Start(std::string_view n, const char** a) {
    if (n == "row") {
      const char* r = Attr(a, "r");
      row = r ? static_cast<size_t>(std::atol(r)) : next_row;
      if (row == 0) bad_ref = true;
      next_row = row + 1;
      next_col = 0;
    } else if (n == "c") {
      const char* ref = Attr(a, "r");
      size_t ref_row = row;
      col = next_col;
      if (ref && !ParseCellRef(ref, &col, &ref_row)) bad_ref = true;
      next_col = col + 1;
      const char* t = Attr(a, "t");
      type = t ? t : "n";
      const char* s = Attr(a, "s");
      style = s ? static_cast<size_t>(std::atol(s)) : 0;
      value.clear();
      in_cell = true;
    } else if (in_cell && n == "v") {
      in_v = true;
    } else if (in_cell && n == "rPh") {
      ++in_phonetic;
    } else if (in_cell && n == "t") {
      in_t = true;
    }
  }
  void End(std::string_view n) {
    if (n == "v") in_v = false;
    if (n == "t") in_t = false;
    if (n == "rPh") --in_phonetic;
    if (n == "c" && in_cell) {
      in_cell = false;
      Store();
    }
  }
  void Text(std::string_view s) {
    if (in_v || (in_t && !in_phonetic && type == "inlineStr")) value += s;
  }
  void Store() {
    XlsxCell cell;
    if (type == "s") {
      size_t i = static_cast<size_t>(std::atol(value.c_str()));
      if (value.empty() || i >= shared->size()) return;
      cell = {XlsxCell::Kind::kText, (*shared)[i]};
    } else if (type == "inlineStr" || type == "str") {
      cell = {XlsxCell::Kind::kText, value};
    } else if (type == "b") {
      cell = {XlsxCell::Kind::kBool, value == "1" ? "1" : "0"};
    } else if (type == "e" || value.empty()) {
      return;
    } else {
      double v = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      bool number = ec == std::errc() && end == value.data() + value.size();
      if (number && date_styles->count(style))
        cell = {XlsxCell::Kind::kDate, ExcelSerialToIsoDate(v)};
      else
        cell = {number ? XlsxCell::Kind::kNumber : XlsxCell::Kind::kText, value};
    }
    if ((cell.kind == XlsxCell::Kind::kText && cell.text.empty()) || row == 0) return;
    if (rows.size() < row) rows.resize(row);
    auto& r = rows[row - 1];
    if (r.size() <= col) r.resize(col + 1);
    r[col] = std::move(cell);
  }
};

// xl/workbook.xml: the sheets' names and relationship ids, in order.
struct WorkbookSheets {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  void Start(std::string_view n, const char** a) {
    if (n != "sheet") return;
    const char *name = Attr(a, "name"), *id = Attr(a, "id");
    sheets.emplace_back(name ? name : "", id ? id : "");
  }
  void End(std::string_view) {}
  void Text(std::string_view) {}
};

// xl/_rels/workbook.xml.rels: relationship id -> part.
struct Relationships {
  std::map<std::string, std::string> targets;
  void Start(std::string_view n, const char** a) {
    if (n != "Relationship") return;
    const char *id = Attr(a, "Id"), *target = Attr(a, "Target");
    if (id && target) targets[id] = target;
  }
  void End(std::string_view) {}
  void Text(std::string_view) {}
};

std::string PartOf(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  return "xl/" + target;
}

}  // namespace

std::string ExcelSerialToIsoDate(double serial) {
  // Day 60 is Excel's 29 February 1900, which never was; from day 61 on, days count from
  // 30 December 1899.
  long days = static_cast<long>(std::floor(serial));
  if (days < 61) ++days;
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  long z = days - 25569 + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
  return buf;
}

Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes) {
  Package pkg(bytes);
  if (!pkg.ok()) return Status::Malformed("the file is not an xlsx workbook (not a zip package)");
  std::string xml;
  WorkbookSheets book;
  if (!pkg.Read("xl/workbook.xml", &xml) || !ParseXml(xml, book))
    return Status::Malformed("the xlsx workbook has no readable xl/workbook.xml");
  Relationships rels;
  if (!pkg.Read("xl/_rels/workbook.xml.rels", &xml) || !ParseXml(xml, rels))
    return Status::Malformed("the xlsx workbook has no readable xl/_rels/workbook.xml.rels");
  SharedStrings shared;
  if (pkg.Read("xl/sharedStrings.xml", &xml) && !ParseXml(xml, shared))
    return Status::Malformed("the xlsx workbook's xl/sharedStrings.xml is not well-formed XML");
  Styles styles;
  if (pkg.Read("xl/styles.xml", &xml) && !ParseXml(xml, styles))
    return Status::Malformed("the xlsx workbook's xl/styles.xml is not well-formed XML");
  std::set<size_t> date_styles = styles.DateStyles();

  std::vector<XlsxSheet> out;
  for (const auto& [name, id] : book.sheets) {
    auto it = rels.targets.find(id);
    std::string part = it == rels.targets.end() ? "" : PartOf(it->second);
    SheetCells cells{&shared.strings, &date_styles};
    if (part.empty() || !pkg.Read(part, &xml))
      return Status::Malformed("the sheet " + name + " is missing from the xlsx workbook");
    if (!ParseXml(xml, cells) || cells.bad_ref)
      return Status::Malformed("the sheet " + name + " of the xlsx workbook is not readable");
    size_t width = 0;
    for (const auto& r : cells.rows) width = std::max(width, r.size());
    for (auto& r : cells.rows) r.resize(width);
    out.push_back({name, std::move(cells.rows)});
  }
  return out;
}

}  // namespace prosit
