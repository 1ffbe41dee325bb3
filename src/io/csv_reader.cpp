#include "io/csv_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace prosit {

int CsvTable::Column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

// The line of text[pos], counting line breaks as ParseCsv does (LF, CRLF or CR alone).
int LineAt(std::string_view text, size_t pos) {
  int line = 1;
  for (size_t i = 0; i < pos; ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      ++line;
  return line;
}

// Why `text` is no CSV text to read (a NUL byte, a control character, invalid UTF-8),
// naming the line; Ok when it is. Saying so beats "unknown municipality" for a code that
// holds a NUL or a Windows-1250 letter.
Status CheckText(std::string_view text, const std::string& source) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
    return Status::Invalid(source + ": the file is UTF-16; save it as UTF-8 (Excel: CSV UTF-8)");
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != 0x7F) continue;
    if (c == '\n' || c == '\r' || c == '\t') continue;
    if (c == 0)
      return Status::Invalid(source + ": NUL byte in line " + std::to_string(LineAt(text, i)) +
                             " (a binary or UTF-16 file, not UTF-8 text)");
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", c);
    return Status::Invalid(source + ": control character " + code + " in line " +
                           std::to_string(LineAt(text, i)));
  }
  if (simdjson::validate_utf8(text.data(), text.size())) return Status::Ok();
  size_t start = 0;  // of the first line that is not UTF-8
  while (start < text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    if (!simdjson::validate_utf8(text.data() + start, end - start)) break;
    start = end + 1;
  }
  return Status::Invalid(source + ": invalid UTF-8 in line " + std::to_string(LineAt(text, start)) +
                         " (save the file as UTF-8; Excel: CSV UTF-8)");
}

// ';' when the header row has ';' and no ',' (Czech Excel's "CSV"), else ','.
char DetectSeparator(std::string_view text) {
  std::string_view header = text.substr(0, text.find_first_of("\r\n"));
  bool semicolon = header.find(';') != std::string_view::npos;
  return semicolon && header.find(',') == std::string_view::npos ? ';' : ',';
}

}  // namespace

std::optional<double> ParseDecimal(std::string_view field, bool decimal_comma) {
  std::string copy;
  if (decimal_comma && field.find(',') != std::string_view::npos &&
      field.find('.') == std::string_view::npos) {
    copy.assign(field);
    copy[copy.find(',')] = '.';
    field = copy;
  }
  double value = 0;
  auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (field.empty() || ec != std::errc() || p != field.data() + field.size()) return std::nullopt;
  return value;
}

std::string QuoteField(std::string_view field) {
  constexpr size_t kShown = 60;
  size_t chars = 0, cut = 0;
  for (; cut < field.size(); ++cut) {
    if ((static_cast<unsigned char>(field[cut]) & 0xC0) == 0x80) continue;  // inside a letter
    if (chars++ == kShown) break;
  }
  if (cut >= field.size()) return "'" + std::string(field) + "'";
  return "'" + std::string(field.substr(0, cut)) + "…'";
}

Result<CsvTable> ParseCsv(std::string_view text, const std::string& source_name) {
  CsvTable table;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_started = false;
  int line = 1, row_line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  PROSIT_RETURN_IF_ERROR(CheckText(text, source_name));
  const char separator = table.separator = DetectSeparator(text);

  auto end_row = [&]() -> Status {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      if (table.header.empty()) {
        table.header = std::move(row);
      } else if (row.size() != table.header.size()) {
        std::string hint;
        for (const auto& f : row)
          if (separator == ',' && f.find(';') != std::string::npos)
            hint = " (the header separates fields by ',', this line by ';'?)";
        return Status::Invalid(source_name + ":" + std::to_string(row_line) + ": expected " +
                               std::to_string(table.header.size()) + " fields, found " +
                               std::to_string(row.size()) + hint);
      } else {
        table.rows.push_back(std::move(row));
        table.row_lines.push_back(row_line);
      }
    }
    row.clear();
    return Status::Ok();
  };

  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
    } else if (c == '"' && !field_started) {
      in_quotes = field_started = true;
    } else if (c == separator) {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      Status s = end_row();
      if (!s.ok()) return s;
      row_line = ++line;
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (in_quotes)
    return Status::Invalid(source_name + ":" + std::to_string(row_line) +
                           ": a quoted field is not closed");
  if (field_started || !row.empty()) {
    Status s = end_row();
    if (!s.ok()) return s;
  }
  if (table.header.empty()) return Status::Invalid(source_name + ": no header row");
  return table;
}

}  // namespace prosit
