#pragma once
// The filters of each list read from its query string, once: the JSON list and its
// exports (XLSX, GeoJSON) take the same parameters, so they answer the same records.

#include "app/analysis/cooperation_queries.h"
#include "app/catalog/catalog_queries.h"
#include "app/networking/meeting_queries.h"
#include "app/networking/need_queries.h"
#include "http/route_helpers.h"

namespace prosit {

ServiceQuery ReadServiceFilters(QueryReader& qr);
ActorQuery ReadActorFilters(QueryReader& qr);
MeetingQuery ReadMeetingFilters(QueryReader& qr);
NeedQuery ReadNeedFilters(QueryReader& qr);
// The network's scope, ties and dates; its sort and page are the JSON answer's alone.
CooperationQuery ReadCooperationScope(QueryReader& qr);

}  // namespace prosit
