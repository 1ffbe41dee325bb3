#pragma once
// Writing semicolon-separated CSV as Czech Excel opens it (UTF-8 with a byte-order mark).

#include <string>

namespace prosit {

inline constexpr const char* kCsvByteOrderMark = "\xEF\xBB\xBF";

// One field, quoted (with doubled quotes) when it holds a semicolon, a quote or a line break.
std::string CsvField(const std::string& s);

}  // namespace prosit
