#include "app/accounts/audit_trail.h"

#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts/card_places.h"
#include "app/accounts/permissions.h"
#include "app/query_scope.h"
#include "io/csv_writer.h"

namespace prosit {

namespace {

using nlohmann::json;

constexpr size_t kMaxAuditPage = 500;
constexpr size_t kMaxCsvRows = 100'000;  // change-log rows in one export
// Rows read from the store for one JSON page: documents of this many bytes at most. A
// page usually renders smaller than its documents (only changed fields are shown), so
// the store reads a few times the page's budget, never the whole history of a record.
constexpr size_t kFetchBytesPerPageByte = 4;

// Leaves of a document by path: "name", "contacts[0].phone".
void Flatten(const json& j, const std::string& path, std::map<std::string, std::string>& out) {
  if (j.is_object() && !j.empty()) {
    for (auto it = j.begin(); it != j.end(); ++it)
      Flatten(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
  } else if (j.is_array() && !j.empty()) {
    for (size_t i = 0; i < j.size(); ++i) Flatten(j[i], path + "[" + std::to_string(i) + "]", out);
  } else {
    out[path] = j.dump();
  }
}

std::map<std::string, std::string> Leaves(const std::optional<std::string>& doc) {
  std::map<std::string, std::string> out;
  if (!doc) return out;
  json j = json::parse(*doc, nullptr, false);
  if (!j.is_discarded()) Flatten(j, "", out);
  return out;
}

// Whether the caller may see the history of one record: one it may read now. A record it
// may not read and one that is gone get the same answer, so neither tells that it exists.
Status MayReadHistory(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind,
                      int64_t id) {
  if (caller.administers()) return Status::Ok();
  if (!caller.signed_in()) return Status::Unauthenticated("sign in first");
  if (kind == EntityKind::kUser)
    return id == caller.user_id()
               ? Status::Ok()
               : Status::Forbidden("the history of others is shown to admins only");
  const RecordKindInfo* info = FindRecordKind(kind);
  bool work = !info || info->access == AccessRule::kWork;
  if (work) PROSIT_RETURN_IF_ERROR(MayReadScope(caller, snap.frame->territory, "", "", false));
  if (VisibilityOf(caller, snap, kind, id) == Visibility::kReadable) return Status::Ok();
  return Status::Forbidden(
      "not a record you may read (the history of deleted records is shown to admins only)");
}

// Whether the caller could have read one version of a record, judged by where that
// version lay (a goal, step or tie by where its theme, goal or actors lie now), by the
// rule of its kind. One that no longer parses is not shown.
bool MayReadVersion(const Caller& caller, const NetworkSnapshot& snap, EntityKind kind, int64_t id,
                    const std::string& doc) {
  if (kind == EntityKind::kUser) return id == caller.user_id();
  bool may = false;
  VisitRecordKind(kind, [&]<typename T>() {
    using Kind = RecordKind<T>;
    if constexpr (Kind::kAccess == AccessRule::kActor) {
      may = true;
    } else {
      auto version = Kind::Parse(doc, nullptr);
      if (!version.ok()) return;
      if constexpr (Kind::kAccess == AccessRule::kCard)
        may = SeesCard(caller, *version, RelevantOrps(*version, snap.frame->territory));
      else
        may = MayReadWork(caller, PlaceOf(*version, snap)).ok();
    }
  });
  return may;
}

// Keeps of one change-log entry only the versions the caller could have read then: an
// unreadable version is dropped, so none of its values reach the difference; a
// confidential address is hidden as in the card itself. False when nothing is left:
// the entry then shows when and what kind of change, not who made it or what changed.
bool KeepReadableVersions(const Caller& caller, const NetworkSnapshot& snap, ChangeEntry& e) {
  if (caller.administers()) return true;
  for (std::optional<std::string>* doc : {&e.before, &e.after}) {
    if (!*doc) continue;
    if (!MayReadVersion(caller, snap, e.kind, e.entity_id, **doc)) {
      doc->reset();
    } else if (e.kind == EntityKind::kServiceCard) {
      json card = json::parse(**doc, nullptr, false);
      ShowPlacesTo(caller, snap.frame->territory, card);
      *doc = card.dump();
    }
  }
  return e.before || e.after;
}

Status MayReadTrail(const Caller& caller, const NetworkSnapshot& snap, const AuditQuery& q) {
  if (!caller.signed_in()) return Status::Unauthenticated("sign in first");
  if (caller.administers()) return Status::Ok();
  if (!q.author.empty() && q.author == caller.author()) return Status::Ok();
  if (q.entity.empty() || !q.id)
    return Status::Forbidden("name one record (entity and id) or yourself as the author");
  return MayReadHistory(caller, snap, *ParseEntityName(q.entity), *q.id);
}

Result<ChangePage> FindPage(Store& store, const AuditQuery& q, size_t limit,
                            size_t max_bytes = SIZE_MAX) {
  ChangeFilter f;
  if (!q.entity.empty()) f.kind = ParseEntityName(q.entity);
  f.entity_id = q.id.value_or(0);
  f.author = q.author;
  f.op = q.op;
  f.from = q.from;
  f.to = q.to;
  f.offset = static_cast<int64_t>(q.offset);
  f.limit = static_cast<int64_t>(limit);
  if (max_bytes < SIZE_MAX / kFetchBytesPerPageByte)
    f.max_bytes = static_cast<int64_t>(max_bytes * kFetchBytesPerPageByte);
  return store.FindChanges(f);
}

// One entry as the caller may see it (KeepReadableVersions): a hidden one keeps its place,
// so that totals and paging hold, but says neither who made it nor what changed.
json EntryJson(const Caller& caller, const NetworkSnapshot& snap, ChangeEntry e) {
  bool shown = KeepReadableVersions(caller, snap, e);
  json changes = json::array();
  for (const FieldChange& c : DiffDocuments(e.before, e.after))
    changes.push_back({{"field", c.field},
                       {"before", c.before ? json::parse(*c.before) : json()},
                       {"after", c.after ? json::parse(*c.after) : json()}});
  return {{"seq", e.seq},
          {"at", e.at},
          {"author", shown ? e.author : ""},
          {"entity", EntityName(e.kind)},
          {"id", e.entity_id},
          {"op", e.op},
          {"hidden", !shown},
          {"changes", changes}};
}

// The entries rendered as the JSON items of one page: in order, until the next one would
// pass `max_bytes` (the first is always shown, however large, so that paging advances).
struct RenderedItems {
  std::string json;  // "[…]"
  size_t count = 0;
};

RenderedItems RenderWithinBudget(const Caller& caller, const NetworkSnapshot& snap,
                                 const std::vector<ChangeEntry>& entries, size_t max_bytes) {
  RenderedItems out{"[", 0};
  for (const ChangeEntry& e : entries) {
    std::string item = EntryJson(caller, snap, e).dump();
    if (out.count > 0 && out.json.size() + item.size() + 1 > max_bytes) break;
    if (out.count > 0) out.json += ',';
    out.json += item;
    ++out.count;
  }
  out.json += ']';
  return out;
}

}  // namespace

std::vector<FieldChange> DiffDocuments(const std::optional<std::string>& before,
                                       const std::optional<std::string>& after) {
  auto a = Leaves(before), b = Leaves(after);
  std::vector<FieldChange> out;
  auto ia = a.begin(), ib = b.begin();
  while (ia != a.end() || ib != b.end()) {
    if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
      out.push_back({ia->first, ia->second, std::nullopt});
      ++ia;
    } else if (ia == a.end() || ib->first < ia->first) {
      out.push_back({ib->first, std::nullopt, ib->second});
      ++ib;
    } else {
      if (ia->second != ib->second) out.push_back({ia->first, ia->second, ib->second});
      ++ia, ++ib;
    }
  }
  return out;
}

FieldErrors CheckAuditQuery(const AuditQuery& q) {
  FieldErrors e;
  if (!q.entity.empty() && !ParseEntityName(q.entity)) e["entity"] = "unknown kind of record";
  if (q.id && q.entity.empty()) e["id"] = "needs entity";
  if (!q.op.empty() && q.op != "create" && q.op != "update" && q.op != "delete")
    e["op"] = "must be create, update or delete";
  CheckDateParam(e, "from", q.from);
  CheckDateParam(e, "to", q.to);
  if (IsIsoDate(q.from) && IsIsoDate(q.to) && q.to < q.from) e["to"] = "lies before from";
  if (q.limit > kMaxAuditPage) e["limit"] = "at most " + std::to_string(kMaxAuditPage);
  return e;
}

Result<std::string> AuditTrailJson(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                   const AuditQuery& q) {
  PROSIT_RETURN_IF_ERROR(MayReadTrail(caller, snap, q));
  auto page = FindPage(store, q, q.limit, q.max_bytes);
  if (!page.ok()) return page.status();
  // Rendered after the store's lock is released: big pages never hold up other requests.
  RenderedItems items = RenderWithinBudget(caller, snap, page->entries, q.max_bytes);
  size_t end = q.offset + items.count;
  bool more = end < static_cast<size_t>(page->total);
  json tail = {{"total", page->total},
               {"offset", q.offset},
               {"limit", q.limit},
               {"next_offset", more ? json(end) : json()},
               {"size_limited", more && items.count < q.limit}};
  // {"items": …} is spliced in as text: the items are not parsed and dumped a second time.
  std::string rest = tail.dump();
  return "{\"items\":" + items.json + "," + rest.substr(1);
}

Result<std::string> AuditTrailCsv(const Caller& caller, const NetworkSnapshot& snap, Store& store,
                                  const AuditQuery& q, Lang lang) {
  PROSIT_RETURN_IF_ERROR(MayReadTrail(caller, snap, q));
  auto page = FindPage(store, q, kMaxCsvRows);
  if (!page.ok()) return page.status();
  const LabelCatalog& catalog = LabelCatalog::BuiltIn();
  std::string out = kCsvByteOrderMark;
  for (const char* column : {"seq", "at", "author", "entity", "id", "op", "field", "before"})
    out += catalog.FieldPath("audit_csv", column, lang) + ";";
  out += catalog.FieldPath("audit_csv", "after", lang) + "\n";
  auto label = [&](const char* group, const std::string& id) {
    const std::string* l = lang == Lang::kEn ? nullptr : catalog.Enum(group, id, lang);
    return l ? *l : id;
  };
  for (ChangeEntry e : page->entries) {
    if (!KeepReadableVersions(caller, snap, e)) continue;
    std::string kind = EntityName(e.kind);
    std::string head = std::to_string(e.seq) + ";" + CsvField(e.at) + ";" + CsvField(e.author) +
                       ";" + CsvField(label("record_kinds", kind)) + ";" +
                       std::to_string(e.entity_id) + ";" + CsvField(label("operations", e.op)) +
                       ";";
    for (const FieldChange& c : DiffDocuments(e.before, e.after)) {
      std::string field = lang == Lang::kEn ? c.field : catalog.FieldPath(kind, c.field, lang);
      out += head + CsvField(field) + ";" + CsvField(c.before.value_or("")) + ";" +
             CsvField(c.after.value_or("")) + "\n";
    }
  }
  return out;
}

}  // namespace prosit
