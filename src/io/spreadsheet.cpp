#include "io/spreadsheet.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "io/csv_writer.h"

namespace prosit {

std::string CellText(const Cell& cell, const std::string& yes, const std::string& no) {
  switch (cell.kind) {
    case Cell::Kind::kEmpty:
      return "";
    case Cell::Kind::kNumber: {
      if (std::floor(cell.number) == cell.number && std::fabs(cell.number) < 1e15)
        return std::to_string(static_cast<long long>(cell.number));
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, cell.number);
      return std::string(buf, end);
    }
    case Cell::Kind::kBool:
      return cell.number != 0 ? yes : no;
    default:
      return cell.text;
  }
}

std::string SheetToCsv(const Sheet& sheet, const std::string& yes, const std::string& no) {
  std::string out = kCsvByteOrderMark;
  auto line = [&out](const auto& values, auto text_of) {
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) out += ';';
      out += CsvField(text_of(values[i]));
    }
    out += "\r\n";
  };
  line(sheet.headers, [](const std::string& h) { return h; });
  for (const auto& row : sheet.rows) line(row, [&](const Cell& c) { return CellText(c, yes, no); });
  return out;
}

std::string ColumnLetter(size_t column) {
  std::string s;
  for (size_t n = column + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), 'A' + (n - 1) % 26);
  return s;
}

bool ParseCellRef(std::string_view ref, size_t* column, size_t* row) {
  size_t i = 0, col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
    col = col * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    if (++i > 3) return false;  // Excel's last column is XFD
  }
  if (i == 0 || i == ref.size()) return false;
  size_t r = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (ec != std::errc() || end != ref.data() + ref.size() || r == 0 || ref[i] == '0') return false;
  *column = col - 1;
  *row = r;
  return true;
}

}  // namespace prosit
