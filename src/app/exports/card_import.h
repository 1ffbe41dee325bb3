#pragma once
// The import of service cards from a spreadsheet (the template's columns, CardColumns):
// every row read into a card, every bad cell named — sheet, row, column letter and
// header, what was expected — and, only when there is none, the cards written through
// RecordBatch in one transaction (or, for a dry run, what would be created or changed).
// A row with the id of a stored card replaces it; a row without one (or with an id this
// database does not have) creates a card. The actor is found by its IČO, else by its exact
// name; the caller must be allowed to write cards of that actor.

#include <string>
#include <vector>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "io/label_catalog.h"
#include "io/spreadsheet.h"
#include "io/xlsx_reader.h"
#include "model/status.h"
#include "store/store.h"

namespace prosit {

// The cells of one sheet; rows[0] is the header row.
struct ImportSheet {
  std::string name;
  std::vector<std::vector<XlsxCell>> rows;
};

// The cards' sheet of a workbook (the one named like the export's, else the first), or
// the rows of a CSV file (UTF-8, ',' or ';').
Result<ImportSheet> ImportSheetFromXlsx(std::string_view bytes);
Result<ImportSheet> ImportSheetFromCsv(std::string_view text);

struct BadCell {
  std::string sheet;
  size_t row = 0;      // 1-based, as the spreadsheet shows it
  std::string column;  // "C"
  std::string header;
  std::string expected;  // in the caller's language
};

struct ImportedRow {
  size_t row = 0;
  std::string action;  // create | update | unchanged
  int64_t id = 0;      // of the stored card (0 for a new one until written)
  std::string name;
};

struct CardImportReport {
  bool dry_run = true;
  std::vector<BadCell> bad_cells;  // non-empty: nothing was written
  std::vector<ImportedRow> rows;
  size_t created = 0, updated = 0, unchanged = 0;
};

// Reads, checks and (unless `dry_run` or a cell is bad) writes. A store failure is the
// Status; bad cells are in the report.
Result<CardImportReport> ImportCards(const Caller& caller, const NetworkSnapshot& snap,
                                     Store& store, const ImportSheet& sheet, bool dry_run,
                                     const std::string& now, Lang lang);
// The report as JSON: {"dry_run", "created", "updated", "unchanged", "rows": [...]}, or the
// bad cells as {"cells": [{"sheet", "row", "column", "header", "expected"}]}.
std::string CardImportReportJson(const CardImportReport& report);

// The import template: the card columns with no rows, and a second sheet explaining each
// column with its allowed values (labels of the enumerations, the reference model's
// service types, need areas, support levels and capacity units).
Workbook CardImportTemplate(const NetworkSnapshot& snap, Lang lang);

}  // namespace prosit
