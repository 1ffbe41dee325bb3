#include "io/icalendar.h"

#include <libical/ical.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace prosit {

namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// "2026-12-03" as an iCalendar DATE.
bool ParseDate(const std::string& iso, icaltimetype& out) {
  int y = 0, m = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return false;
  out = icaltime_null_date();
  out.year = y, out.month = m, out.day = d;
  out.is_date = 1;
  return icaltime_is_valid_time(out) && m >= 1 && m <= 12 && d >= 1 &&
         d <= icaltime_days_in_month(m, y);
}

// "2026-12-03T10:11:12Z" (fractions ignored) as a UTC DATE-TIME.
bool ParseUtc(const std::string& iso, icaltimetype& out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return false;
  out = icaltime_null_time();
  out.year = y, out.month = mo, out.day = d, out.hour = h, out.minute = mi, out.second = s;
  out.zone = icaltimezone_get_utc_timezone();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= icaltime_days_in_month(mo, y) && h < 24 && mi < 60 &&
         s < 61;
}

Result<icalcomponent*> EventOf(const CalendarEvent& e, icaltimetype stamp) {
  icaltimetype start;
  if (!ParseDate(e.date, start)) return Status::Invalid("not a date: " + e.date);
  icaltimetype end = start;
  icaltime_adjust(&end, 1, 0, 0, 0);  // DTEND of an all-day event is exclusive
  icalcomponent* ev = icalcomponent_new_vevent();
  icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(start));
  icalcomponent_add_property(ev, icalproperty_new_dtend(end));
  icalcomponent_add_property(ev, icalproperty_new_summary(e.summary.c_str()));
  if (!e.description.empty())
    icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
  if (!e.location.empty())
    icalcomponent_add_property(ev, icalproperty_new_location(e.location.c_str()));
  for (const std::string& c : e.categories)
    icalcomponent_add_property(ev, icalproperty_new_categories(c.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_sequence(static_cast<int>(e.sequence)));
  icaltimetype modified;
  if (!e.last_modified.empty() && ParseUtc(e.last_modified, modified))
    icalcomponent_add_property(ev, icalproperty_new_lastmodified(modified));
  // An all-day record of work, not busy time.
  icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return ev;
}

}  // namespace

Result<std::string> WriteCalendar(const Calendar& calendar) {
  icaltimetype stamp;
  if (!ParseUtc(calendar.stamp, stamp)) return Status::Invalid("not a UTC time: " + calendar.stamp);
  Component cal(icalcomponent_new_vcalendar());
  icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal.get(), icalproperty_new_prodid("-//prosit//prosit calendar//CS"));
  icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
  icalproperty* name = icalproperty_new_x(calendar.name.c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal.get(), name);
  for (const CalendarEvent& e : calendar.events) {
    auto ev = EventOf(e, stamp);
    if (!ev.ok()) return ev.status();
    icalcomponent_add_component(cal.get(), *ev);
  }
  char* text = icalcomponent_as_ical_string_r(cal.get());
  std::string out = text ? text : "";
  std::free(text);
  return out;
}

}  // namespace prosit
