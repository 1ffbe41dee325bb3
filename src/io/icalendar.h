#pragma once
// iCalendar (RFC 5545) writer over libical: a VCALENDAR of all-day VEVENTs with a stable
// UID, SEQUENCE and LAST-MODIFIED, so a subscribed client updates an event instead of
// adding it again. Pure: the caller gives every value, the writer only formats.

#include <string>
#include <vector>

#include "model/status.h"

namespace prosit {

struct CalendarEvent {
  std::string uid;   // stable per record, e.g. "meeting-12@prosit"
  std::string date;  // ISO date YYYY-MM-DD: an all-day event (DTEND the day after)
  std::string summary;
  std::string description;  // may be empty
  std::string location;     // may be empty
  std::vector<std::string> categories;
  int64_t sequence = 0;       // bumped by each change of the record
  std::string last_modified;  // ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ", or empty
};

struct Calendar {
  std::string name;   // X-WR-CALNAME, what a client shows for a subscription
  std::string stamp;  // DTSTAMP of every event: when the file was made (ISO 8601 UTC)
  std::vector<CalendarEvent> events;
};

// The calendar as text (CRLF lines folded at 75 octets, text escaped); Invalid when a
// date or time cannot be read.
Result<std::string> WriteCalendar(const Calendar& calendar);

}  // namespace prosit
