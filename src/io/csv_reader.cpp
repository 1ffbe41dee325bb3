#include "io/csv_reader.h"

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

Result<CsvTable> ParseCsv(std::string_view text, const std::string& source_name) {
  CsvTable table;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_started = false;
  int line = 1, row_line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM

  auto end_row = [&]() -> Status {
    row.push_back(std::move(field));
    field.clear();
    field_started = false;
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      if (table.header.empty()) {
        table.header = std::move(row);
      } else if (row.size() != table.header.size()) {
        return Status::Invalid(source_name + ":" + std::to_string(row_line) + ": expected " +
                               std::to_string(table.header.size()) + " fields, found " +
                               std::to_string(row.size()));
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
    } else if (c == ',') {
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
