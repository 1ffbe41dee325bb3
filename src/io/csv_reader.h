#pragma once
// CsvReader: RFC 4180 CSV (quoted fields, doubled quotes, CRLF) over a string, with a
// header row; reports the line of every record so importers can say where input broke.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/status.h"

namespace prosit {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;  // 1-based line where each row starts

  // Column index by header name, or -1.
  int Column(const std::string& name) const;
};

// Parses the whole text; fails on an unterminated quote or a row with the wrong
// number of fields, naming the line.
Result<CsvTable> ParseCsv(std::string_view text, const std::string& source_name);

// Reads a whole file into a string.
Result<std::string> ReadFile(const std::string& path);

}  // namespace prosit
