#pragma once
// CsvReader: RFC 4180 CSV (quoted fields, doubled quotes, CRLF) over a string, with a
// header row; reports the line of every record so importers can say where input broke.
// Czech Excel writes ';' between fields and decimal commas: a header with ';' and no ','
// makes ';' the separator, and then numbers may have a decimal comma (ParseDecimal).
// The text must be UTF-8 without control characters other than tab and line breaks: a NUL
// byte, another control character or invalid UTF-8 fails naming its line.

#include <optional>
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
  char separator = ',';        // ';' when the header is separated so (Czech Excel)

  // Column index by header name, or -1.
  int Column(const std::string& name) const;
};

// Parses the whole text; fails on an unterminated quote or a row with the wrong
// number of fields, naming the line.
Result<CsvTable> ParseCsv(std::string_view text, const std::string& source_name);

// A number of a field: "12.5", or "12,5" when `decimal_comma` (a ';'-separated file);
// nullopt for anything else. May be inf or nan: what is plausible is the caller's rule.
std::optional<double> ParseDecimal(std::string_view field, bool decimal_comma);

// `field` in quotes for a message, cut to 60 characters and "…": a message never echoes a
// huge field back.
std::string QuoteField(std::string_view field);

// Reads a whole file into a string.
Result<std::string> ReadFile(const std::string& path);

}  // namespace prosit
