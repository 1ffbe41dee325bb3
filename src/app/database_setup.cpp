#include "app/database_setup.h"

#include "app/records/record_kinds.h"
#include "io/reference_json.h"
#include "io/territory_csv.h"

namespace prosit {

Status InitDatabase(Store& store, const std::string& data_dir, const Author& author) {
  PROSIT_RETURN_IF_ERROR(store.Migrate());
  auto territory = LoadTerritoryFolder(data_dir + "/territory");
  if (!territory.ok()) return territory.status();
  auto docs = ReadReferenceFolder(data_dir + "/reference");
  if (!docs.ok()) return docs.status();
  auto reference = ParseReferenceData(*docs);  // refuse broken reference data up front
  if (!reference.ok()) return reference.status();
  // The folder becomes a new version: the rules of publishing hold for it too.
  if (FieldErrors problems = PublicationProblems(*reference); !problems.empty())
    return Status::Invalid("the reference data has problems", problems);
  auto stored = store.LoadTerritory();
  if (!stored.ok()) return stored.status();
  if (stored->municipalities().empty()) PROSIT_RETURN_IF_ERROR(store.ReplaceTerritory(*territory));
  // The folder's model becomes a new version only when it differs from the current one
  // (on a new database: version 1).
  auto current = store.LoadReferenceDocuments();
  if (!current.ok()) return current.status();
  if (*current == *docs) return Status::Ok();
  auto published =
      store.PublishModelVersion(*docs, author, "loaded by prosit init from " + data_dir, 0);
  return published.status();
}

Result<bool> IsInitialised(Store& store) {
  auto version = store.SchemaVersion();
  if (!version.ok() || *version == 0) return false;
  // init writes the territory before the reference documents, each all or nothing, so
  // reference documents mean both are there (and are far cheaper to read).
  auto docs = store.LoadReferenceDocuments();
  if (!docs.ok()) return docs.status();
  return !docs->empty();
}

namespace {

// Every record of one kind of networking work against its rules.
template <typename T>
Status CheckRecords(Store& store, const ValidationContext& ctx,
                    std::vector<std::string>& problems) {
  const EntityKind kind = RecordKind<T>::kKind;
  auto docs = store.LoadAll(kind);
  if (!docs.ok()) return docs.status();
  for (const auto& doc : *docs) {
    std::string what = std::string(EntityName(kind)) + " " + std::to_string(doc.id);
    auto record = RecordKind<T>::Parse(doc.json, nullptr);
    if (!record.ok()) {
      problems.push_back(what + ": unreadable document");
      continue;
    }
    for (const auto& [field, msg] : RecordKind<T>::Validate(*record, ctx))
      problems.push_back(what + ": " + field + " " + msg);
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> CheckDatabase(Store& store, const std::string& today) {
  auto problems = store.CheckIntegrity();
  if (!problems.ok()) return problems.status();
  auto territory = store.LoadTerritory();
  if (!territory.ok()) return territory.status();
  // Child counts imported by an older prosit were not checked (inf, 1e9 were taken).
  for (const Municipality& m : territory->municipalities()) {
    std::string problem = ChildCountProblem(m.children_0_17, m);
    if (!problem.empty())
      problems->push_back("municipality " + m.code + " (" + m.name + "): children_0_17 " + problem);
  }
  auto docs = store.LoadReferenceDocuments();
  if (!docs.ok()) return docs.status();
  auto reference = ParseReferenceData(*docs);
  if (!reference.ok()) {
    problems->push_back("reference data: " + reference.status().ToString());
    return problems;
  }
  ValidationContext ctx{*reference, *territory, today};
  auto report = [&](const char* what, int64_t id, const FieldErrors& errors) {
    for (const auto& [field, msg] : errors)
      problems->push_back(std::string(what) + " " + std::to_string(id) + ": " + field + " " + msg);
  };
  auto actors = store.LoadAll(EntityKind::kActor);
  if (!actors.ok()) return actors.status();
  for (const auto& doc : *actors) {
    auto a = ActorFromJson(doc.json);
    if (!a.ok())
      problems->push_back("actor " + std::to_string(doc.id) + ": unreadable document");
    else
      report("actor", doc.id, ValidateActor(*a, ctx));
  }
  auto cards = store.LoadAll(EntityKind::kServiceCard);
  if (!cards.ok()) return cards.status();
  for (const auto& doc : *cards) {
    auto c = ServiceCardFromJson(doc.json);
    if (!c.ok()) {
      problems->push_back("service card " + std::to_string(doc.id) + ": unreadable document");
      continue;
    }
    report("service card", doc.id, ValidateServiceCard(*c, ctx));
    if (c->actor_id != doc.parent_id)
      problems->push_back("service card " + std::to_string(doc.id) +
                          ": document and row disagree on the actor");
  }
  for (const RecordKindInfo& kind : RecordKinds()) {
    if (kind.access != AccessRule::kWork) continue;
    Status checked;
    VisitRecordKind(kind.kind,
                    [&]<typename T>() { checked = CheckRecords<T>(store, ctx, *problems); });
    PROSIT_RETURN_IF_ERROR(checked);
  }
  return problems;
}

}  // namespace prosit
