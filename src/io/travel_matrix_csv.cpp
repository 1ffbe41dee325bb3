#include "io/travel_matrix_csv.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <unordered_map>

#include "io/csv_reader.h"

namespace prosit {

namespace {

// Collects "source:line: field: what" messages, keeping the first kMaxMatrixProblems.
class Problems {
 public:
  explicit Problems(std::string source) : source_(std::move(source)) {}
  void Add(int line, const char* field, const std::string& what) {
    if (count_++ < kMaxMatrixProblems)
      lines_.append("\n  ").append(source_ + ":" + std::to_string(line) + ": " + field + ": " +
                                   what);
  }
  bool empty() const { return count_ == 0; }
  Status ToStatus() const {
    std::string msg = source_ + ": " + std::to_string(count_) + " problem(s), nothing imported";
    msg += lines_;
    if (count_ > kMaxMatrixProblems)
      msg += "\n  … and " + std::to_string(count_ - kMaxMatrixProblems) + " more";
    return Status::Invalid(msg);
  }

 private:
  std::string source_;
  std::string lines_;
  size_t count_ = 0;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsUnreachableMark(std::string_view s) {
  auto lower = [](std::string_view t) {
    std::string out(t);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  return s.empty() || lower(s) == "na" || lower(s) == "null";
}

// Minutes of one row: a finite non-negative number (with a decimal comma where the file
// separates fields by ';'), or nullopt for an unreachable mark. Returns false (and says
// why) for anything else.
bool ParseMinutes(std::string_view s, bool decimal_comma, std::optional<float>& out,
                  std::string& why) {
  if (IsUnreachableMark(s)) {
    out.reset();
    return true;
  }
  auto value = ParseDecimal(s, decimal_comma);
  if (!value || !std::isfinite(*value)) {
    why = QuoteField(s) + " is not a number of minutes";
    if (!decimal_comma && s.find(',') != std::string_view::npos) why += " (use a decimal point)";
    why += "; an unreachable pair is empty, NA or null";
    return false;
  }
  if (*value < 0) {
    why = QuoteField(s) + " is negative";
    return false;
  }
  out = static_cast<float>(*value);
  return true;
}

auto PairKey(const TravelMatrixRow& r) { return std::tuple(r.mode, r.origin, r.destination); }

// Sorts by pair and keeps one row per pair: the shortest time, reachable before
// unreachable. Returns how many rows were dropped.
size_t KeepShortestOfEachPair(std::vector<TravelMatrixRow>& rows) {
  std::sort(rows.begin(), rows.end(), [](const TravelMatrixRow& a, const TravelMatrixRow& b) {
    if (PairKey(a) != PairKey(b)) return PairKey(a) < PairKey(b);
    if (a.minutes.has_value() != b.minutes.has_value()) return a.minutes.has_value();
    if (a.minutes != b.minutes) return *a.minutes < *b.minutes;
    return a.line < b.line;
  });
  auto end = std::unique(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return PairKey(a) == PairKey(b); });
  size_t dropped = static_cast<size_t>(rows.end() - end);
  rows.erase(end, rows.end());
  return dropped;
}

}  // namespace

std::optional<uint32_t> ParseMunicipalityCode(std::string_view text) {
  if (text.size() != 6) return std::nullopt;
  uint32_t code = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    code = code * 10 + static_cast<uint32_t>(c - '0');
  }
  return code;
}

std::string FormatMunicipalityCode(uint32_t code) {
  char text[16];
  std::snprintf(text, sizeof text, "%06u", code);
  return text;
}

size_t TravelMatrix::Reachable(TravelMode mode) const {
  return std::count_if(rows.begin(), rows.end(), [&](const TravelMatrixRow& r) {
    return r.mode == mode && r.minutes.has_value();
  });
}

size_t TravelMatrix::Unreachable(TravelMode mode) const {
  return std::count_if(rows.begin(), rows.end(), [&](const TravelMatrixRow& r) {
    return r.mode == mode && !r.minutes.has_value();
  });
}

Result<TravelMatrix> ParseTravelMatrix(std::string_view text, const std::string& source_name) {
  auto table = ParseCsv(text, source_name);
  if (!table.ok()) return table.status();
  const char* names[] = {"origin", "destination", "mode", "minutes"};
  int column[4];
  std::string missing;
  for (int i = 0; i < 4; ++i)
    if ((column[i] = table->Column(names[i])) < 0) missing += std::string(" '") + names[i] + "'";
  if (!missing.empty())
    return Status::Invalid(source_name + ":1: the header lacks" + missing +
                           " (expected: origin,destination,mode,minutes)");
  if (table->rows.empty()) return Status::Invalid(source_name + ": no pairs after the header");

  TravelMatrix matrix;
  matrix.source = source_name;
  matrix.rows.reserve(table->rows.size());
  Problems problems(source_name);
  for (size_t i = 0; i < table->rows.size(); ++i) {
    const auto& row = table->rows[i];
    TravelMatrixRow r;
    r.line = table->row_lines[i];
    bool good = true;
    for (int c = 0; c < 2; ++c) {
      std::string_view field = Trim(row[column[c]]);
      auto code = ParseMunicipalityCode(field);
      if (!code) {
        problems.Add(r.line, names[c],
                     QuoteField(field) + " is not a municipality code (6 digits)");
        good = false;
      } else {
        (c == 0 ? r.origin : r.destination) = *code;
      }
    }
    std::string_view mode_text = Trim(row[column[2]]);
    if (auto mode = ParseTravelMode(mode_text)) {
      r.mode = *mode;
    } else {
      problems.Add(r.line, "mode", QuoteField(mode_text) + " is not car or pt");
      good = false;
    }
    std::string why;
    if (!ParseMinutes(Trim(row[column[3]]), table->separator == ';', r.minutes, why)) {
      problems.Add(r.line, "minutes", why);
      good = false;
    }
    if (good) matrix.rows.push_back(r);
  }
  if (!problems.empty()) return problems.ToStatus();
  matrix.duplicates = KeepShortestOfEachPair(matrix.rows);
  return matrix;
}

Result<ResolvedTravelMatrix> ResolveTravelMatrix(const TravelMatrix& matrix,
                                                 const Territory& territory, CodesOutside outside) {
  std::unordered_map<uint32_t, uint32_t> index;
  const auto& places = territory.municipalities();
  index.reserve(places.size());
  for (uint32_t i = 0; i < places.size(); ++i)
    if (auto code = ParseMunicipalityCode(places[i].code)) index.emplace(*code, i);

  ResolvedTravelMatrix out;
  Problems problems(matrix.source);
  for (const TravelMatrixRow& r : matrix.rows) {
    auto from = index.find(r.origin), to = index.find(r.destination);
    bool known = from != index.end() && to != index.end();
    if (!known && outside == CodesOutside::kSkip) continue;
    if (from == index.end())
      problems.Add(r.line, "origin",
                   "unknown municipality '" + FormatMunicipalityCode(r.origin) + "'");
    if (to == index.end())
      problems.Add(r.line, "destination",
                   "unknown municipality '" + FormatMunicipalityCode(r.destination) + "'");
    if (!known) continue;
    auto& mode = out.modes[static_cast<int>(r.mode)];
    ResolvedTravelMatrix::Pair p{from->second, to->second, r.minutes.value_or(0), r.line};
    (r.minutes ? mode.reachable : mode.unreachable).push_back(p);
  }
  if (!problems.empty()) return problems.ToStatus();
  return out;
}

std::string WriteTravelMatrix(const std::vector<TravelMatrixRow>& rows) {
  std::string out = "origin,destination,mode,minutes\n";
  char minutes[32];
  for (const TravelMatrixRow& r : rows) {
    out += FormatMunicipalityCode(r.origin) + "," + FormatMunicipalityCode(r.destination) + "," +
           ToString(r.mode) + ",";
    if (r.minutes) {
      std::snprintf(minutes, sizeof minutes, "%.1f", *r.minutes);
      out += minutes;
    }
    out += "\n";
  }
  return out;
}

}  // namespace prosit
