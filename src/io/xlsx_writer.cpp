#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace prosit {

namespace {

// Excel caps a cell's text at 32,767 characters and a sheet's links at 65,530.
constexpr size_t kMaxCellBytes = 32000;
constexpr size_t kMaxUrls = 65000;
constexpr size_t kMaxUrlBytes = 2000;
// Widths are judged on the first rows: enough to be sensible, cheap on 60,000 rows.
constexpr size_t kWidthSampleRows = 500;

size_t DisplayLength(const std::string& s) {
  size_t n = 0, longest = 0;
  for (unsigned char c : s) {
    if (c == '\n') {
      longest = std::max(longest, n);
      n = 0;
    } else if ((c & 0xC0) != 0x80) {
      ++n;
    }
  }
  return std::max(longest, n);
}

std::vector<double> ColumnWidths(const Sheet& sheet) {
  std::vector<double> widths;
  for (const auto& h : sheet.headers) widths.push_back(DisplayLength(h) + 3.0);  // filter button
  for (size_t r = 0; r < sheet.rows.size() && r < kWidthSampleRows; ++r)
    for (size_t c = 0; c < sheet.rows[r].size() && c < widths.size(); ++c) {
      const Cell& cell = sheet.rows[r][c];
      double w = cell.kind == Cell::Kind::kDate   ? 12
                 : cell.kind == Cell::Kind::kBool ? 5
                                                  : DisplayLength(CellText(cell)) + 1.0;
      widths[c] = std::max(widths[c], w);
    }
  for (double& w : widths) w = std::clamp(w, 6.0, 60.0);
  return widths;
}

// Text within Excel's cap is written as it is, without a copy (60,000 rows of 30 cells).
lxw_error WriteText(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& s,
                    lxw_format* format) {
  if (s.size() <= kMaxCellBytes) return worksheet_write_string(ws, r, c, s.c_str(), format);
  size_t n = kMaxCellBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // a whole character
  return worksheet_write_string(ws, r, c, (s.substr(0, n) + "…").c_str(), format);
}

bool ParseIsoDate(const std::string& s, lxw_datetime* dt) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  *dt = lxw_datetime{y, m, d, 0, 0, 0};
  return true;
}

struct Formats {
  lxw_format* header;
  lxw_format* date;
  lxw_format* wrap;
  lxw_format* url;
};

lxw_error WriteCell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const Cell& cell, const Formats& f,
                    size_t& urls) {
  switch (cell.kind) {
    case Cell::Kind::kEmpty:
      return LXW_NO_ERROR;
    case Cell::Kind::kNumber:
      return worksheet_write_number(ws, r, c, cell.number, nullptr);
    case Cell::Kind::kBool:
      return worksheet_write_boolean(ws, r, c, cell.number != 0, nullptr);
    case Cell::Kind::kDate: {
      lxw_datetime dt;
      if (ParseIsoDate(cell.text, &dt)) return worksheet_write_datetime(ws, r, c, &dt, f.date);
      return WriteText(ws, r, c, cell.text, nullptr);
    }
    case Cell::Kind::kUrl:
      if (urls < kMaxUrls && cell.text.size() < kMaxUrlBytes &&
          (cell.text.rfind("http://", 0) == 0 || cell.text.rfind("https://", 0) == 0 ||
           cell.text.rfind("mailto:", 0) == 0)) {
        ++urls;
        lxw_error e = worksheet_write_url(ws, r, c, cell.text.c_str(), f.url);
        if (e == LXW_NO_ERROR) return e;
      }
      return WriteText(ws, r, c, cell.text, nullptr);
    case Cell::Kind::kText:
      return WriteText(ws, r, c, cell.text,
                       cell.text.find('\n') != std::string::npos ? f.wrap : nullptr);
  }
  return LXW_NO_ERROR;
}

lxw_error WriteSheet(lxw_workbook* wb, const Sheet& sheet, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
  std::vector<double> widths = ColumnWidths(sheet);
  for (size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c],
                         nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  if (!sheet.headers.empty())
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                         static_cast<lxw_col_t>(sheet.headers.size() - 1));
  for (size_t c = 0; c < sheet.headers.size(); ++c)
    if (lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                                             sheet.headers[c].c_str(), f.header))
      return e;
  size_t urls = 0;
  for (size_t r = 0; r < sheet.rows.size(); ++r)
    for (size_t c = 0; c < sheet.rows[r].size(); ++c)
      if (lxw_error e = WriteCell(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                                  sheet.rows[r][c], f, urls))
        return e;
  return LXW_NO_ERROR;
}

// A private directory for the file, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/prosit-xlsx-XXXXXX";
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

Result<std::string> WriteXlsx(const Workbook& book) {
  TempDir dir;
  if (dir.path().empty()) return Status::IoError("cannot create a temporary directory");
  std::string file = dir.path() + "/book.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // rows go out in order; memory stays flat
  options.tmpdir = const_cast<char*>(dir.path().c_str());
  options.use_zip64 = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) return Status::IoError("libxlsxwriter could not start a workbook");

  lxw_doc_properties props{};
  props.title = const_cast<char*>(book.title.c_str());
  props.subject = const_cast<char*>(book.subject.c_str());
  props.author = const_cast<char*>(book.author.c_str());
  props.company = const_cast<char*>(book.company.c_str());
  props.keywords = const_cast<char*>(book.keywords.c_str());
  props.comments = const_cast<char*>(book.comments.c_str());
  workbook_set_properties(wb, &props);

  Formats f;
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDDE6F0);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.date = workbook_add_format(wb);
  format_set_num_format(f.date, "d. m. yyyy");
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.url = workbook_get_default_url_format(wb);

  lxw_error error = LXW_NO_ERROR;
  for (const Sheet& sheet : book.sheets)
    if ((error = WriteSheet(wb, sheet, f))) break;
  lxw_error closed = workbook_close(wb);  // frees wb whatever happened
  if (error == LXW_NO_ERROR) error = closed;
  if (error != LXW_NO_ERROR)
    return Status::IoError(std::string("libxlsxwriter: ") + lxw_strerror(error));

  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::IoError("cannot read back the written workbook");
  return bytes.str();
}

}  // namespace prosit
