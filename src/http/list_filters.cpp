#include "http/list_filters.h"

#include <cstdint>

namespace prosit {

ServiceQuery ReadServiceFilters(QueryReader& qr) {
  ServiceQuery q;
  ReadCommonFilters(qr, q);
  q.service_type = qr.Text("service_type");
  q.need_area = qr.Text("need_area");
  q.form = qr.Text("form");
  if (auto v = qr.Int("level", 0, 100)) q.level = static_cast<int>(*v);
  if (auto v = qr.Int("age", 0, 200)) q.age = static_cast<int>(*v);
  q.published = qr.Bool("published");
  q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
  return q;
}

ActorQuery ReadActorFilters(QueryReader& qr) {
  ActorQuery q;
  ReadCommonFilters(qr, q);
  q.actor_type = qr.Text("actor_type");
  return q;
}

MeetingQuery ReadMeetingFilters(QueryReader& qr) {
  MeetingQuery q;
  q.region = qr.Text("region");
  q.orp = qr.Text("orp");
  q.category = qr.Text("category");
  q.format = qr.Text("format");
  q.from = qr.Text("from");
  q.to = qr.Text("to");
  q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
  q.has_record = qr.Bool("has_record");
  q.text = qr.Text("q");
  qr.Page(q.offset, q.limit);
  return q;
}

NeedQuery ReadNeedFilters(QueryReader& qr) {
  NeedQuery q;
  q.region = qr.Text("region");
  q.orp = qr.Text("orp");
  q.status = qr.Text("status");
  q.priority = qr.Text("priority");
  q.need_area = qr.Text("need_area");
  q.network_need = qr.Text("network_need");
  q.from = qr.Text("from");
  q.to = qr.Text("to");
  q.actor_id = qr.Int("actor_id", 1, INT64_MAX);
  q.meeting_id = qr.Int("meeting_id", 1, INT64_MAX);
  qr.Page(q.offset, q.limit);
  return q;
}

CooperationQuery ReadCooperationScope(QueryReader& qr) {
  CooperationQuery q;
  q.region = qr.Text("region");
  q.orp = qr.Text("orp");
  if (!qr.Text("ties").empty()) q.ties = qr.Text("ties");
  q.at = qr.Text("at");
  q.from = qr.Text("from");
  q.to = qr.Text("to");
  return q;
}

}  // namespace prosit
