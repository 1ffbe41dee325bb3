#include "app/records/record_commands.h"

#include <nlohmann/json.hpp>

#include "app/accounts/permissions.h"
#include "io/json_reader.h"

namespace prosit {

namespace {

using nlohmann::json;

Status NoSuchKind(EntityKind kind) {
  return Status::NotFound(std::string("records of kind ") + EntityName(kind) +
                          " are not written here");
}

// The caller may change the record as it is stored now (a missing one is left to the
// write, which answers 404).
template <typename T>
Status MayChangeStored(const Caller& caller, int64_t id, const NetworkSnapshot& snap,
                       StoreTransaction& tx, WriteOp op) {
  auto doc = tx.Get(RecordKind<T>::kKind, id);
  if (!doc.ok()) return doc.status();
  if (!doc->has_value()) return Status::Ok();
  auto stored = RecordKind<T>::Parse((*doc)->json, nullptr);
  if (!stored.ok()) return Status::Corruption("stored record: " + stored.status().ToString());
  // One the caller may not read is, to the caller, one that does not exist (as the store
  // words it): a refusal would tell that it does.
  if (!MayReadRecord(caller, *stored, snap))
    return Status::NotFound(std::string(EntityName(RecordKind<T>::kKind)) + " " +
                            std::to_string(id) + " does not exist");
  return MayWriteRecord(caller, *stored, snap, op);
}

// A record may refer only to records the writer may read; one it may not, or one missing
// from the snapshot, is answered as the store answers a missing one ("no meeting 17").
Status CheckReadableReferences(const Caller& caller, const NetworkSnapshot& snap,
                               const std::vector<Reference>& refs) {
  FieldErrors hidden;
  for (const Reference& ref : refs)
    if (VisibilityOf(caller, snap, ref.kind, ref.id) != Visibility::kReadable)
      hidden[ref.field] = std::string("no ") + EntityName(ref.kind) + " " + std::to_string(ref.id);
  if (hidden.empty()) return Status::Ok();
  return Status::Invalid("the record refers to records that do not exist", hidden);
}

}  // namespace

std::string KeepProvenance(std::string_view body, const std::string& stored) {
  // A body the reader would refuse (not JSON, a key twice) is left for it to refuse.
  if (!CheckJsonText(body).ok()) return std::string(body);
  json b = json::parse(body, nullptr, false);
  json s = json::parse(stored, nullptr, false);
  if (!b.is_object() || !s.is_object()) return std::string(body);
  // Either member implies the other: a body that names one says all there is to say.
  for (std::string_view name : kProvenanceMembers)
    if (b.contains(std::string(name))) return std::string(body);
  // The kept members go in front, the body's own text stays as it was.
  std::string members;
  for (std::string_view name : kProvenanceMembers) {
    std::string member(name);
    if (b.contains(member) || !s.contains(member)) continue;
    if (!members.empty()) members += ',';
    members += json(member).dump() + ":" + s[member].dump();
  }
  if (members.empty()) return std::string(body);
  size_t brace = body.find('{');
  return std::string(body.substr(0, brace + 1)) + members + (b.empty() ? "" : ",") +
         std::string(body.substr(brace + 1));
}

Result<std::string> ApplyMergePatch(const std::string& stored, std::string_view patch) {
  // Refused as a PUT body would be: not JSON, a key twice, nested too deeply.
  PROSIT_RETURN_IF_ERROR(CheckJsonText(patch));
  json doc = json::parse(stored, nullptr, false);
  if (!doc.is_object()) return Status::Corruption("the stored record is no JSON object");
  json p = json::parse(patch, nullptr, false);
  if (p.is_discarded()) return Status::Malformed("the body is not valid JSON");
  if (p.is_object() && p.contains("id") && !p["id"].is_null() && p["id"] != doc["id"])
    return Status::Invalid("the patch names another record", {{"id", "differs from the URL"}});
  json id = doc["id"], version = doc["version"];
  // A patch that names one provenance member lets it imply the other, as a PUT body does.
  if (p.is_object())
    for (std::string_view name : kProvenanceMembers)
      if (p.contains(std::string(name)))
        for (std::string_view other : kProvenanceMembers)
          if (other != name && !p.contains(std::string(other))) doc.erase(std::string(other));
  doc.merge_patch(p);
  // Whatever the patch says, the record keeps its id; If-Match, not the body, names the
  // version it changes.
  if (doc.is_object()) {
    doc["id"] = id;
    doc["version"] = version;
  }
  return doc.dump();
}

Status RecordCommands::AfterWrite(Status written) {
  if (!written.ok()) return written;
  // The write is committed whatever happens next: report it done. Should catching up
  // fail, the health check says so and the change follower keeps trying.
  keeper_.CatchUp();
  return Status::Ok();
}

template <typename T>
Result<std::string> RecordCommands::Put(int64_t id, std::string_view body,
                                        std::optional<int64_t> if_match, const Caller& caller) {
  using Kind = RecordKind<T>;
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  // A body with fields of the wrong shape is still checked against the rules, as far as
  // it could be read: one answer names every bad field, not the first few.
  T value;
  auto parsed = Kind::Parse(body, &value);
  FieldErrors shape_errors;
  if (parsed.ok())
    value = std::move(*parsed);
  else if (parsed.status().code() == StatusCode::kInvalid)
    shape_errors = parsed.status().fields();
  else
    return parsed.status();
  int64_t expected = 0;
  if (id != 0 && shape_errors.empty()) {
    expected = if_match ? *if_match : value.version;
    if (expected == 0)
      return Status::Precondition(
          "an update needs the version it changes: send If-Match "
          "with the ETag you read, or \"version\" in the body");
    if (value.id != 0 && value.id != id)
      return Status::Invalid("the body names another record", {{"id", "differs from the URL"}});
    value.id = id;  // the duplicate check tells the record from the others by it
  }
  auto snap = keeper_.Current();
  const ReferenceData& ref = snap->frame->reference;
  Kind::Prepare(value, ref);
  ValidationContext ctx{ref, snap->frame->territory, clock_.Today()};
  FieldErrors errors = Kind::Validate(value, ctx);
  if (!shape_errors.empty()) {
    // Where a field could not be read, its reader's message says why; the rules judged
    // the default that stood in for it.
    for (auto& [field, message] : errors) shape_errors.emplace(field, std::move(message));
    return Status::Invalid("the record breaks some rules", std::move(shape_errors));
  }
  if (!errors.empty()) return Status::Invalid("the record breaks some rules", errors);
  // Before the place check: a goal's place is its theme's, so a refusal there would tell
  // that the theme exists.
  PROSIT_RETURN_IF_ERROR(CheckReadableReferences(caller, *snap, Kind::References(value)));
  PROSIT_RETURN_IF_ERROR(
      MayWriteRecord(caller, value, *snap, id == 0 ? WriteOp::kCreate : WriteOp::kUpdate));

  std::string stored;
  Author author{caller.author(), clock_.now()};
  Status s = store_.Transact(author, [&](StoreTransaction& tx) -> Status {
    if (id != 0)
      PROSIT_RETURN_IF_ERROR(MayChangeStored<T>(caller, id, *snap, tx, WriteOp::kUpdate));
    PROSIT_RETURN_IF_ERROR(Kind::Settle(value, id, tx, ctx.today));
    PROSIT_RETURN_IF_ERROR(Kind::CheckWith(value, tx));
    // Against the newest snapshot: the one taken before may miss a write that
    // committed meanwhile.
    PROSIT_RETURN_IF_ERROR(Kind::CheckUnique(value, *keeper_.Current()));
    DocumentPut put;
    put.kind = Kind::kKind;
    put.id = id;
    put.expected_version = expected;
    put.parent_id = Kind::Parent(value);
    put.references = Kind::References(value);
    put.render = [&](int64_t new_id, int64_t version) {
      value.id = new_id;
      value.version = version;
      return Kind::ToJson(value).dump();
    };
    auto doc = tx.Put(put);
    if (!doc.ok()) return doc.status();
    stored = doc->json;
    return Status::Ok();
  });
  PROSIT_RETURN_IF_ERROR(AfterWrite(s));
  return stored;
}

// A PUT: the body replaces the record but for the provenance members it leaves out.
template <typename T>
Result<std::string> RecordCommands::Replace(int64_t id, std::string_view body,
                                            std::optional<int64_t> if_match, const Caller& caller) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  auto current = store_.Get(RecordKind<T>::kKind, id);
  if (!current.ok()) return current.status();
  if (!current->has_value()) return Put<T>(id, body, if_match, caller);  // answers 404
  return Put<T>(id, KeepProvenance(body, (*current)->json), if_match, caller);
}

// The stored record, as the caller may see it, merged with the patch; then written as a
// PUT of the result would be, against the version If-Match names.
template <typename T>
Result<std::string> RecordCommands::Merge(int64_t id, std::string_view patch, int64_t if_match,
                                          const Caller& caller) {
  using Kind = RecordKind<T>;
  auto current = store_.Get(Kind::kKind, id);
  if (!current.ok()) return current.status();
  Status missing = Status::NotFound(std::string(EntityName(Kind::kKind)) + " " +
                                    std::to_string(id) + " does not exist");
  if (!current->has_value()) return missing;
  auto stored = Kind::Parse((*current)->json, nullptr);
  if (!stored.ok()) return Status::Corruption("stored record: " + stored.status().ToString());
  if (!MayReadRecord(caller, *stored, *keeper_.Current())) return missing;
  if ((*current)->version != if_match)
    return Status::Conflict("the record changed since version " + std::to_string(if_match) +
                            "; it is now version " + std::to_string((*current)->version));
  auto merged = ApplyMergePatch((*current)->json, patch);
  if (!merged.ok()) return merged.status();
  return Put<T>(id, *merged, if_match, caller);
}

template <typename T>
Status RecordCommands::Remove(int64_t id, std::optional<int64_t> if_match, const Caller& caller) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  if (!if_match)
    return Status::Precondition("a delete needs the version it removes: send If-Match");
  auto snap = keeper_.Current();
  Author author{caller.author(), clock_.now()};
  Status s = store_.Transact(author, [&](StoreTransaction& tx) {
    PROSIT_RETURN_IF_ERROR(MayChangeStored<T>(caller, id, *snap, tx, WriteOp::kDelete));
    return tx.Delete(RecordKind<T>::kKind, id, *if_match);
  });
  return AfterWrite(s);
}

Result<std::string> RecordCommands::Create(EntityKind kind, std::string_view body,
                                           const Caller& caller) {
  Result<std::string> out = NoSuchKind(kind);
  VisitRecordKind(kind, [&]<typename T>() { out = Put<T>(0, body, std::nullopt, caller); });
  return out;
}

Result<std::string> RecordCommands::Update(EntityKind kind, int64_t id, std::string_view body,
                                           std::optional<int64_t> if_match, const Caller& caller) {
  Result<std::string> out = NoSuchKind(kind);
  VisitRecordKind(kind, [&]<typename T>() { out = Replace<T>(id, body, if_match, caller); });
  return out;
}

Result<std::string> RecordCommands::Patch(EntityKind kind, int64_t id, std::string_view patch,
                                          std::optional<int64_t> if_match, const Caller& caller) {
  PROSIT_RETURN_IF_ERROR(MayWriteAny(caller));
  if (!if_match)
    return Status::Precondition(
        "a patch needs the version it changes: send If-Match with the ETag you read");
  Result<std::string> out = NoSuchKind(kind);
  VisitRecordKind(kind, [&]<typename T>() { out = Merge<T>(id, patch, *if_match, caller); });
  return out;
}

Status RecordCommands::Delete(EntityKind kind, int64_t id, std::optional<int64_t> if_match,
                              const Caller& caller) {
  Status out = NoSuchKind(kind);
  VisitRecordKind(kind, [&]<typename T>() { out = Remove<T>(id, if_match, caller); });
  return out;
}

}  // namespace prosit
