#pragma once
// The audit trail: the change log shown per record and per user, with the field-by-field
// difference of each change, as JSON for the API and CSV for Excel. Read only: nothing in
// the application changes or deletes the log.

#include <optional>
#include <string>
#include <vector>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "io/label_catalog.h"
#include "store/store.h"

namespace prosit {

// A page of the audit trail ends after `limit` entries or once its items pass this many
// bytes of JSON, whichever comes first (a page holds one entry at least).
inline constexpr size_t kAuditPageBytes = 1 << 20;

struct AuditQuery {
  std::string entity;         // a kind of record ("actor", "meeting", …); empty: every kind
  std::optional<int64_t> id;  // one record of that kind
  std::string author;         // a login
  std::string op;             // create | update | delete
  std::string from, to;       // ISO dates, inclusive
  size_t offset = 0;
  size_t limit = 50;
  size_t max_bytes = kAuditPageBytes;
};

// One field that differs between two versions of a record: "contacts[0].phone".
struct FieldChange {
  std::string field;
  std::optional<std::string> before, after;  // JSON values; absent where the field was not
};

// The fields that differ between two JSON documents (either may be absent), in order.
std::vector<FieldChange> DiffDocuments(const std::optional<std::string>& before,
                                       const std::optional<std::string>& after);

FieldErrors CheckAuditQuery(const AuditQuery& q);
// {"items": [{"seq", "at", "author", "entity", "id", "op", "changes"}], "total", "offset",
// "limit", "next_offset", "size_limited"}: next_offset is where the next page starts (null
// after the last), size_limited says the page ended at q.max_bytes rather than at the
// limit. Admins see everything; others name a record they may read, or themselves as the
// author.
Result<std::string> AuditTrailJson(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                   const AuditQuery& q);
// seq;at;author;entity;id;op;field;before;after — one line per changed field, UTF-8 with a
// byte-order mark, as Czech Excel opens it. In Czech the header, the kind of record, the
// operation and the field are named as a person knows them (io/label_catalog.h); the
// record's id and the values stay as stored.
Result<std::string> AuditTrailCsv(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                  const AuditQuery& q, Lang lang);

}  // namespace prosit
