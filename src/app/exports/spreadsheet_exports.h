#pragma once
// The lists of the API as spreadsheets: each calls the list use case of its JSON answer
// with no page limit (the same rows, the same permission scope) and lays the items out in
// columns with headers in `lang`. Then WriteXlsx (io/xlsx_writer.h) or SheetToCsv.

#include <string>

#include "analysis/service_query.h"
#include "app/accounts/caller.h"
#include "app/catalog/catalog_queries.h"
#include "app/exports/table_columns.h"
#include "app/networking/meeting_queries.h"
#include "app/networking/monitoring_queries.h"
#include "app/networking/need_queries.h"
#include "app/snapshot/network_snapshot.h"
#include "io/label_catalog.h"
#include "io/spreadsheet.h"
#include "model/status.h"
#include "store/store.h"

namespace prosit {

// The columns of a service card, in order: the export's and the import template's.
std::vector<Column> CardColumns(Lang lang);

Workbook ServiceCardsWorkbook(const Caller& caller, const NetworkSnapshot& snap, ServiceQuery q,
                              Lang lang);
Workbook ActorsWorkbook(const Caller& caller, const NetworkSnapshot& snap, ActorQuery q, Lang lang);
Result<Workbook> MeetingsWorkbook(const Caller& caller, const NetworkSnapshot& snap, MeetingQuery q,
                                  Lang lang);
Result<Workbook> NeedsWorkbook(const Caller& caller, const NetworkSnapshot& snap, NeedQuery q,
                               Lang lang);
// The strategy of an ORP or region on `at` (empty: today): themes, goals and steps, a
// sheet each, each goal and step naming its parent.
Result<Workbook> StrategyWorkbook(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                  const std::string& place, const std::string& at,
                                  const std::string& today, Lang lang);
// "Síťování v číslech": the rows and columns of MonitoringCsv, the count as a number.
Result<Workbook> MonitoringWorkbook(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                    const MonitoringScope& scope, const std::string& today,
                                    Lang lang);
// The cooperation network of an ORP for Kumu: "Elements" (ID, Label, Type = sector,
// Description = actor type, Tags, ORP, IČO) for its actors and those its ties reach, and
// "Connections" (ID, From, To, Type, Description, Tags, Strength) for its declared ties and
// the ties derived from shared meetings, as /ties and /ties/derived answer them.
Result<Workbook> KumuWorkbook(const Caller& caller, const NetworkSnapshot& snap,
                              const std::string& orp, const std::string& today, Lang lang);

}  // namespace prosit
