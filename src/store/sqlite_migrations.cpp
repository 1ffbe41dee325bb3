#include "store/sqlite_migrations.h"

namespace prosit {

const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> kMigrations = {
      {1, "territory, reference data, actors, service cards, change log", R"sql(
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE orps (
  code TEXT PRIMARY KEY,
  ruian_code TEXT NOT NULL,
  name TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  seat_municipality_code TEXT NOT NULL,
  seat_lat REAL NOT NULL,
  seat_lon REAL NOT NULL,
  population INTEGER NOT NULL,
  census_population INTEGER NOT NULL,
  census_children_0_14 INTEGER NOT NULL
);
CREATE TABLE municipalities (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  orp_code TEXT NOT NULL REFERENCES orps(code),
  district_code TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  postcode TEXT NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  population INTEGER NOT NULL,
  children_0_17 REAL NOT NULL,
  children_imported INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX municipalities_orp ON municipalities(orp_code);
CREATE TABLE reference_documents (
  name TEXT PRIMARY KEY,
  json TEXT NOT NULL
);
CREATE TABLE actors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE service_cards (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES actors(id),
  doc TEXT NOT NULL
);
CREATE INDEX service_cards_actor ON service_cards(actor_id);
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
  before TEXT,
  after TEXT
);
CREATE INDEX change_log_entity ON change_log(entity, entity_id);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
  BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
)sql"},
      {2, "generic records of networking work and the references between records", R"sql(
CREATE TABLE records (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE INDEX records_kind ON records(kind, id);
CREATE TABLE record_refs (
  from_kind TEXT NOT NULL,
  from_id INTEGER NOT NULL,
  to_kind TEXT NOT NULL,
  to_id INTEGER NOT NULL,
  PRIMARY KEY (from_kind, from_id, to_kind, to_id)
);
CREATE INDEX record_refs_target ON record_refs(to_kind, to_id);
INSERT INTO record_refs SELECT 'service_card', id, 'actor', actor_id FROM service_cards;
)sql"},
      {3, "users, sessions, API tokens and login attempts", R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  version INTEGER NOT NULL,
  login TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  expires TEXT NOT NULL,
  csrf_hash TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  name TEXT NOT NULL,
  created TEXT NOT NULL,
  revoked TEXT
);
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  login TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL
);
CREATE INDEX login_attempts_login ON login_attempts(login, at);
CREATE INDEX login_attempts_address ON login_attempts(address, at);
)sql"},
      // The audit trail's common queries: one record (change_log_entity, whose rows are
      // in seq order within a record), one author, a span of days.
      {4, "indexes of the change log by author and by time", R"sql(
CREATE INDEX change_log_author ON change_log(author);
CREATE INDEX change_log_at ON change_log(at);
)sql"},
      {5, "trusted devices: sign-in throttling by login and address, not login alone", R"sql(
CREATE TABLE trusted_devices (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created TEXT NOT NULL,
  last_used TEXT NOT NULL
);
CREATE INDEX trusted_devices_user ON trusted_devices(user_id);
ALTER TABLE login_attempts ADD COLUMN device TEXT NOT NULL DEFAULT '';
CREATE INDEX login_attempts_device ON login_attempts(device, at) WHERE device != '';
)sql"},
      {6, "the database's identity: a random id that snapshot checkpoints name", R"sql(
CREATE TABLE database_identity (
  id TEXT NOT NULL
);
INSERT INTO database_identity VALUES (lower(hex(randomblob(16))));
)sql"},
      // The reference model in versions (docs/reference-model.md): reference_documents stays
      // the current version's documents; a database that had them gets them as version 1.
      {7, "versions of the reference model, immutable once published", R"sql(
CREATE TABLE model_versions (
  number INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE TABLE model_version_documents (
  version INTEGER NOT NULL REFERENCES model_versions(number),
  name TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (version, name)
);
CREATE TRIGGER model_versions_immutable BEFORE UPDATE ON model_versions
BEGIN SELECT RAISE(ABORT, 'a published model version cannot change'); END;
CREATE TRIGGER model_versions_kept BEFORE DELETE ON model_versions
BEGIN SELECT RAISE(ABORT, 'a published model version cannot be deleted'); END;
CREATE TRIGGER model_version_documents_immutable BEFORE UPDATE ON model_version_documents
BEGIN SELECT RAISE(ABORT, 'a published model version cannot change'); END;
CREATE TRIGGER model_version_documents_kept BEFORE DELETE ON model_version_documents
BEGIN SELECT RAISE(ABORT, 'a published model version cannot be deleted'); END;
INSERT INTO model_versions (number, at, author, note)
  SELECT 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration',
         'the reference data in use before model versions'
  WHERE EXISTS (SELECT 1 FROM reference_documents);
INSERT INTO model_version_documents (version, name, json)
  SELECT 1, name, json FROM reference_documents;
)sql"},
      // A calendar client cannot sign in: it fetches a per-ORP feed by a secret in its URL.
      {8, "calendar feeds: per-ORP iCalendar subscriptions under hashed tokens", R"sql(
CREATE TABLE calendar_feeds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  orp_code TEXT NOT NULL,
  name TEXT NOT NULL,
  created TEXT NOT NULL,
  last_used TEXT,
  revoked TEXT
);
CREATE INDEX calendar_feeds_by_user ON calendar_feeds(user_id);
)sql"},
  };
  return kMigrations;
}

}  // namespace prosit
