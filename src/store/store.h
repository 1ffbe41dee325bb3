#pragma once
// Store: the durable truth of prosit. Every write runs in one transaction that also
// appends to the change log (who, when, entity, before/after), which is the audit
// trail and the feed that keeps in-memory snapshots fresh. SQLite is the embedded
// implementation; a PostgreSQL one is planned behind the same interface.

#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// What a change-log row is about. Reference and territory changes are logged too, so
// that followers of the log reload them.
enum class EntityKind {
  kActor,
  kServiceCard,
  kReference,
  kTerritory,
  kMeeting,
  kNeed,
  kTie,
  kTheme,
  kGoal,
  kStep,
  kGoodPractice,
  kRecommendation,
  kParticipation,
  kOrpText,
  kAnalysisText,
  kUser,    // a user's document (never its password hash; see account_store.h)
  kErasure  // a personal-data erasure: who erased how much, never whose data
};
const char* EntityName(EntityKind kind);  // "actor", "service_card", "reference", "territory",
                                          // "meeting", "need", "tie", "theme", …
std::optional<EntityKind> ParseEntityName(const std::string& name);

// A stored record: its JSON document (which carries id and version itself).
struct StoredDocument {
  int64_t id = 0;
  int64_t version = 0;
  int64_t parent_id = 0;  // the actor of a service card
  std::string json;
};

// Who writes, and when (ISO 8601 UTC); the store reads no clocks.
struct Author {
  std::string who;
  std::string at;
};

// One row of the change log.
struct ChangeEntry {
  int64_t seq = 0;
  std::string at;
  std::string author;
  EntityKind kind = EntityKind::kActor;
  int64_t entity_id = 0;
  std::string op;  // "create" | "update" | "delete"
  std::optional<std::string> before, after;
};

// Which change-log rows the audit trail lists; empty fields do not filter.
struct ChangeFilter {
  std::optional<EntityKind> kind;
  int64_t entity_id = 0;  // with kind
  std::string author;     // exact
  std::string op;         // "create" | "update" | "delete"
  std::string from, to;   // ISO dates, inclusive
  int64_t offset = 0;
  int64_t limit = 50;
  // Stop reading rows once their documents (before + after) pass this many bytes; the
  // first row is always read. Keeps a page of huge versions from being read whole.
  int64_t max_bytes = INT64_MAX;
};

// A page of change-log rows, newest first, and how many match in all.
struct ChangePage {
  std::vector<ChangeEntry> entries;
  int64_t total = 0;
};

// One published version of the reference model (docs/reference-model.md): who published
// it, when and why, and its documents by name (io/reference_json.h). Never changes.
struct ModelVersion {
  int64_t number = 0;
  std::string at;
  std::string author;
  std::string note;
  std::map<std::string, std::string> documents;  // empty in lists
};

// A record another one names (a service card's actor, a meeting's participants). It
// must exist when written, and a record that is referred to cannot be deleted.
struct Reference {
  EntityKind kind = EntityKind::kActor;
  int64_t id = 0;
  std::string field;  // where the writer named it, for the error ("actor_ids[2]")
};

// A write of one document. `render` produces the document once the store knows the
// record's id and new version, so the stored JSON always states both.
struct DocumentPut {
  EntityKind kind = EntityKind::kActor;
  int64_t id = 0;                // 0 creates a new record
  int64_t expected_version = 0;  // for updates: the version the writer saw
  int64_t parent_id = 0;         // service cards: their actor (also one of `references`)
  std::function<std::string(int64_t id, int64_t version)> render;
  std::vector<Reference> references;  // replaces the record's previous references
};

// The writes of one transaction; each is logged. Returning a non-OK Status from the
// body of Store::Transact rolls all of them back.
class StoreTransaction {
 public:
  virtual ~StoreTransaction() = default;
  virtual Result<StoredDocument> Put(const DocumentPut& put) = 0;
  // expected_version 0 skips the version check.
  virtual Status Delete(EntityKind kind, int64_t id, int64_t expected_version) = 0;
  virtual Result<std::optional<StoredDocument>> Get(EntityKind kind, int64_t id) = 0;
  // Sets a user's password hash, which lives beside the user's document and so never
  // reaches the change log; log the password change with a Put of the document.
  virtual Status SetPasswordHash(int64_t user_id, const std::string& hash) = 0;
  // Ends the user's sessions and/or revokes their API tokens (at `at`) together with the
  // transaction's logged writes, so that a deactivation is never half done.
  virtual Status EndCredentials(int64_t user_id, bool sessions, bool tokens,
                                const std::string& at) = 0;
  // Personal-data erasure only: rewrites the documents of past change-log rows of `kind`
  // that `redact` changes (it returns the new text, or nullopt to keep the document) and
  // answers how many rows changed. The log is otherwise append-only; the store lifts that
  // rule for this transaction alone.
  using Redaction = std::function<std::optional<std::string>(const std::string& document)>;
  virtual Result<int64_t> RedactHistory(EntityKind kind, const Redaction& redact) = 0;
  // Logs that an erasure happened (kind kErasure, op "create"); `summary` is JSON.
  virtual Status LogErasure(const std::string& summary) = 0;
};

class AccountStore;

class Store {
 public:
  virtual ~Store() = default;

  // Brings the schema to the newest version; idempotent.
  virtual Status Migrate() = 0;
  virtual Result<int> SchemaVersion() = 0;
  // A random id given to the database when it was created (a backup keeps it): what
  // tells files written for one database, such as a snapshot checkpoint, from another's.
  virtual Result<std::string> DatabaseId() = 0;

  virtual Status ReplaceTerritory(const Territory& territory) = 0;
  virtual Result<Territory> LoadTerritory() = 0;
  // Overrides the estimated child population of the named municipalities.
  virtual Status ImportChildPopulation(const std::map<std::string, double>& children,
                                       const Author& author) = 0;

  // The reference documents of the current model version by name (see
  // io/reference_json.h), stored verbatim; empty before the first version.
  virtual Result<std::map<std::string, std::string>> LoadReferenceDocuments() = 0;
  // Publishes `docs` as the next model version and makes it current, in one transaction
  // that logs each document that changed (kind kReference, entity id the new number) and
  // one row for the version itself; answers its number. `expected_current`, when not 0,
  // must be the current number (kConflict otherwise: someone published in between).
  virtual Result<int64_t> PublishModelVersion(const std::map<std::string, std::string>& docs,
                                              const Author& author, const std::string& note,
                                              int64_t expected_current) = 0;
  // Every version, oldest first, without documents.
  virtual Result<std::vector<ModelVersion>> ListModelVersions() = 0;
  // One version with its documents (0: the current one, read with the same lock), or
  // nullopt when there is no such version.
  virtual Result<std::optional<ModelVersion>> LoadModelVersion(int64_t number) = 0;

  // Runs `body` in one transaction; commits when it returns OK, else rolls back.
  virtual Status Transact(const Author& author,
                          const std::function<Status(StoreTransaction&)>& body) = 0;

  virtual Result<std::optional<StoredDocument>> Get(EntityKind kind, int64_t id) = 0;
  virtual Result<std::vector<StoredDocument>> LoadAll(EntityKind kind) = 0;

  virtual Result<std::vector<ChangeEntry>> ChangesSince(int64_t seq, int64_t limit) = 0;
  virtual Result<int64_t> LastChangeSeq() = 0;
  // The audit trail: the rows matching `filter`, newest first.
  virtual Result<ChangePage> FindChanges(const ChangeFilter& filter) = 0;
  // The (entity id, op) of the change-log rows of `kind` written on the days from `from`
  // to `to` (ISO dates, inclusive; empty = open), in order, without their documents:
  // what counts the changes of a period.
  virtual Result<std::vector<std::pair<int64_t, std::string>>> ChangeOps(EntityKind kind,
                                                                         const std::string& from,
                                                                         const std::string& to) = 0;
  // The change-log rows of some kinds written at or before `until` (ISO date-time), in
  // order: the history from which a past state is replayed.
  virtual Result<std::vector<ChangeEntry>> ChangesUntil(const std::vector<EntityKind>& kinds,
                                                        const std::string& until) = 0;

  // A consistent copy of the whole database, taken while it is in use.
  virtual Status Backup(const std::string& path) = 0;
  // Integrity and referential problems, one line each; empty when all is well.
  virtual Result<std::vector<std::string>> CheckIntegrity() = 0;

  // Sign-in state: sessions, API tokens, login attempts (see account_store.h).
  virtual AccountStore& accounts() = 0;

  // The durability and locking settings in effect on the store's connection, by name
  // ("journal_mode", "synchronous", "busy_timeout_ms"), as SQLite reports them.
  virtual Result<std::map<std::string, std::string>> Settings() = 0;
};

// How a store is opened. See docs/operations.md for what each setting promises.
struct StoreOptions {
  // kFull: an acknowledged commit survives a power loss (SQLite syncs the WAL on every
  // commit). kNormal: it survives a crash of the process, but a power loss may drop the
  // last commits (the WAL is synced only at checkpoints).
  enum class Synchronous { kNormal, kFull };
  Synchronous synchronous = Synchronous::kFull;
  // How long a write waits for another process's write lock before failing with
  // StatusCode::kBusy. The server keeps it short and answers 503.
  int busy_timeout_ms = 5000;
};

// "normal" or "full"; nullopt for anything else.
std::optional<StoreOptions::Synchronous> ParseSynchronous(const std::string& name);

// Opens (creating if needed) the store at `location`: a SQLite file path.
Result<std::unique_ptr<Store>> OpenStore(const std::string& location,
                                         const StoreOptions& options = {});

}  // namespace prosit
