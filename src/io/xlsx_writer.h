#pragma once
// WriteXlsx: a Workbook (io/spreadsheet.h) as the bytes of an .xlsx file, written with
// libxlsxwriter: per sheet a bold header row, frozen, with an autofilter over the table
// and column widths from the content; dates as Excel dates shown "d. m. yyyy", URLs as
// links, the workbook's document properties set.
//
// Debian's libxlsxwriter (1.1.4) writes only to a file, so the workbook is written into a
// private temporary directory (mode 0700 under $TMPDIR or /tmp), read back and removed:
// the one file system use of this otherwise pure layer.

#include <string>

#include "io/spreadsheet.h"
#include "model/status.h"

namespace prosit {

Result<std::string> WriteXlsx(const Workbook& book);

}  // namespace prosit
