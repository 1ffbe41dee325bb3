#pragma once
// RecordCommands: the use cases that change a record of any kind of the registry
// (app/records/record_kinds.h): actors, service cards and the records of networking work.
// Each checks that the caller may write at all, parses and validates its input, checks
// that the caller may write the record as stored and as it will be stored
// (app/accounts/permissions.h), writes in one store transaction (with its change-log row,
// whose author is the caller), then brings the snapshot up to date so the next read sees it.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "app/accounts/caller.h"
#include "app/clock.h"
#include "app/records/record_kinds.h"
#include "app/snapshot/snapshot_keeper.h"
#include "store/store.h"

namespace prosit {

class RecordCommands {
 public:
  RecordCommands(Store& store, SnapshotKeeper& keeper, Clock clock)
      : store_(store), keeper_(keeper), clock_(std::move(clock)) {}

  // Each returns the stored document (with its id and version) as JSON text; a kind
  // outside the registry is not found.
  Result<std::string> Create(EntityKind kind, std::string_view body, const Caller& caller);
  // Replaces the record with `body`. `if_match` is the version the caller saw (from
  // If-Match); without it the body's "version" is used; with neither the write is
  // refused. Provenance members the body leaves out keep their stored values.
  Result<std::string> Update(EntityKind kind, int64_t id, std::string_view body,
                             std::optional<int64_t> if_match, const Caller& caller);
  // Merges the JSON Merge Patch `patch` (RFC 7396) into the stored record and writes the
  // result as Update would; `if_match` is required.
  Result<std::string> Patch(EntityKind kind, int64_t id, std::string_view patch,
                            std::optional<int64_t> if_match, const Caller& caller);
  Status Delete(EntityKind kind, int64_t id, std::optional<int64_t> if_match, const Caller& caller);

 private:
  template <typename T>
  Result<std::string> Put(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                          const Caller& caller);
  template <typename T>
  Result<std::string> Replace(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                              const Caller& caller);
  template <typename T>
  Result<std::string> Merge(int64_t id, std::string_view patch, int64_t if_match,
                            const Caller& caller);
  template <typename T>
  Status Remove(int64_t id, std::optional<int64_t> if_match, const Caller& caller);
  Status AfterWrite(Status written);

  Store& store_;
  SnapshotKeeper& keeper_;
  Clock clock_;
};

// The members that say where a record comes from ("demo": generated demo data; "source":
// taken from the seeds or invented). An update that names neither keeps their stored
// values, so that only an explicit value changes them; one that names either gets the
// other from it (they imply each other: demo exactly when the source is not "entered").
inline constexpr std::array<std::string_view, 2> kProvenanceMembers = {"demo", "source"};

// `body` (a JSON document) with each provenance member it lacks taken from `stored`;
// a body that is no JSON object is returned as it is, for the reader to refuse.
std::string KeepProvenance(std::string_view body, const std::string& stored);

// `stored` (a record's JSON document) with the JSON Merge Patch `patch` applied: null
// removes a member, objects merge member by member, anything else replaces. A patch
// that names another id is refused (422); its "version" is ignored, as If-Match rules.
Result<std::string> ApplyMergePatch(const std::string& stored, std::string_view patch);

}  // namespace prosit
