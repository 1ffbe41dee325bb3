#pragma once
// Spreadsheet: a workbook as content — sheets of a header row and rows of typed cells —
// the one table model the XLSX writer (xlsx_writer.h) and the CSV rendering share, so
// that an export has the same columns in both. Pure: no I/O.

#include <string>
#include <vector>

namespace prosit {

// One cell; `text` holds the value of every kind but numbers (a date as YYYY-MM-DD).
struct Cell {
  enum class Kind { kEmpty, kText, kNumber, kDate, kBool, kUrl };
  Kind kind = Kind::kEmpty;
  std::string text;
  double number = 0;  // kNumber; kBool: 1 or 0

  static Cell Text(std::string s) {
    return s.empty() ? Cell{} : Cell{Kind::kText, std::move(s), 0};
  }
  static Cell Number(double v) { return Cell{Kind::kNumber, "", v}; }
  static Cell Date(std::string iso) {
    return iso.empty() ? Cell{} : Cell{Kind::kDate, std::move(iso), 0};
  }
  static Cell Bool(bool v) { return Cell{Kind::kBool, "", v ? 1.0 : 0.0}; }
  static Cell Url(std::string s) { return s.empty() ? Cell{} : Cell{Kind::kUrl, std::move(s), 0}; }
};

struct Sheet {
  std::string name;  // at most 31 characters, none of []:*?/\ (Excel's rule)
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
};

// The workbook's document properties and its sheets, in order.
struct Workbook {
  std::string title, subject, author, company, keywords, comments;
  std::vector<Sheet> sheets;
};

// A cell as text: numbers without a needless ".0", booleans as `yes`/`no`.
std::string CellText(const Cell& cell, const std::string& yes = "ano",
                     const std::string& no = "ne");
// The sheet as semicolon-separated CSV with a byte-order mark, as Czech Excel opens it.
std::string SheetToCsv(const Sheet& sheet, const std::string& yes = "ano",
                       const std::string& no = "ne");
// "A" for 0, "Z" for 25, "AA" for 26.
std::string ColumnLetter(size_t column);
// "AB12" -> column 27, row 12 (1-based, as written); false for anything else.
bool ParseCellRef(std::string_view ref, size_t* column, size_t* row);

}  // namespace prosit
