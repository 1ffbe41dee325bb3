#pragma once
// ReadXlsx: the cells of an .xlsx workbook as text, for imports. A small reader of what an
// import needs — sheet names, shared and inline strings, numbers, booleans and dates
// (numbers in a date format) — over libzip (the package, read from memory) and expat (the
// sheet XML). Formulas give their cached value; styles, merged cells and the rest are
// ignored. Pure: bytes in, cells out.

#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace prosit {

struct XlsxCell {
  enum class Kind { kEmpty, kText, kNumber, kBool, kDate };
  Kind kind = Kind::kEmpty;
  std::string text;  // the text; a number as written in the file; "1"/"0"; a date YYYY-MM-DD
};

struct XlsxSheet {
  std::string name;
  // rows[r][c] is the cell at row r + 1, column c (ColumnLetter(c)); rows and cells missing
  // from the file are empty, and every row is as long as the longest.
  std::vector<std::vector<XlsxCell>> rows;
};

// Every sheet, in the workbook's order. A file that is not an xlsx package, or whose
// XML is broken, is Malformed with the part that failed.
Result<std::vector<XlsxSheet>> ReadXlsx(std::string_view bytes);

// An Excel serial day (1900 date system) as YYYY-MM-DD; the fraction of a day is dropped.
std::string ExcelSerialToIsoDate(double serial);

}  // namespace prosit
