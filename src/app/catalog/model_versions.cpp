#include "app/catalog/model_versions.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "app/accounts/permissions.h"
#include "app/records/record_kinds.h"
#include "io/json_reader.h"
#include "io/reference_json.h"
#include "model/validation.h"

namespace prosit {

using ojson = nlohmann::ordered_json;

namespace {

ojson VersionHeader(const Caller& caller, const ModelVersion& v) {
  ojson j = {{"number", v.number}, {"published_at", v.at}};
  // Who published is a person's login: for signed-in readers, like the audit trail.
  if (SeesPersonalData(caller)) j["published_by"] = v.author;
  j["note"] = v.note;
  return j;
}

// A version's documents are the texts stored; the API shows them as JSON values.
ojson DocumentsJson(const std::map<std::string, std::string>& docs) {
  ojson out = ojson::object();
  for (const std::string& name : ReferenceDocumentNames()) {
    auto it = docs.find(name);
    if (it != docs.end()) out[name] = ojson::parse(it->second, nullptr, false);
  }
  return out;
}

constexpr size_t kMaxNoteBytes = 2000;
constexpr size_t kMaxListed = 100;  // records named in a 409; the message counts them all

// The body of a publication, its shape checked: every bad field is named.
struct Publication {
  std::string note;
  int64_t based_on = 0;
  std::map<std::string, std::string> documents;  // the ones given, as stored text
};

Result<Publication> ReadPublication(std::string_view body) {
  PROSIT_RETURN_IF_ERROR(CheckJsonText(body));
  ojson j = ojson::parse(body.begin(), body.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Status::Malformed("the body must be a JSON object");
  Publication p;
  FieldErrors e;
  for (const auto& [key, value] : j.items()) {
    if (key == "note") {
      if (!value.is_string())
        e["note"] = "must be text";
      else if (value.get<std::string>().size() > kMaxNoteBytes)
        e["note"] = "at most " + std::to_string(kMaxNoteBytes) + " bytes";
      else
        p.note = value.get<std::string>();
    } else if (key == "based_on") {
      if (!value.is_number_integer() || value.get<int64_t>() < 1)
        e["based_on"] = "must be a version number";
      else
        p.based_on = value.get<int64_t>();
    } else if (key == "documents") {
      if (!value.is_object()) {
        e["documents"] = "must be an object of reference documents by name";
        continue;
      }
      const auto& names = ReferenceDocumentNames();
      for (const auto& [name, doc] : value.items()) {
        if (std::find(names.begin(), names.end(), name) == names.end())
          e["documents." + name] = "not a reference document";
        else
          p.documents[name] = doc.dump(2) + "\n";  // as the files of data/reference are
      }
    } else {
      e[key] = "unknown field";
    }
  }
  if (p.note.find_first_not_of(" \t\r\n") == std::string::npos && !e.count("note"))
    e["note"] = "is required: say what changed and why";
  if (!e.empty()) return Status::Invalid("the body has fields of the wrong shape", e);
  return p;
}

// Every record of kind T in the snapshot.
template <typename T, typename F>
void ForEachRecord(const NetworkSnapshot& snap, F f) {
  if constexpr (std::is_same_v<T, Actor>) {
    for (const auto& [id, e] : snap.actors) f(id, e->actor);
  } else if constexpr (std::is_same_v<T, ServiceCard>) {
    for (const auto& [id, e] : snap.cards) f(id, e->card);
  } else {
    for (const auto& [id, r] : snap.*RecordKind<T>::kSnapshotMap) f(id, *r);
  }
}

// Field names of errors are prefixed "documents." so they say where in the body they are.
FieldErrors InBody(const FieldErrors& errors) {
  FieldErrors out;
  for (const auto& [field, msg] : errors) out["documents." + field] = msg;
  return out;
}

}  // namespace

std::string ModelVersionJson(const Caller& caller, const ModelVersion& version, bool documents) {
  ojson j = VersionHeader(caller, version);
  if (documents) j["documents"] = DocumentsJson(version.documents);
  return j.dump();
}

std::string ModelVersionListJson(const Caller& caller, const std::vector<ModelVersion>& versions) {
  ojson items = ojson::array();
  for (const ModelVersion& v : versions) items.push_back(VersionHeader(caller, v));
  int64_t current = versions.empty() ? 0 : versions.back().number;
  return ojson{{"current", current}, {"items", items}}.dump();
}

namespace {

// The fields of records of kind T that break a rule under `then` but not under `now`.
template <typename T>
void CollectBroken(const NetworkSnapshot& snap, const ValidationContext& now,
                   const ValidationContext& then, FieldErrors& out) {
  ForEachRecord<T>(snap, [&](int64_t id, const T& record) {
    FieldErrors after = RecordKind<T>::Validate(record, then);
    if (after.empty()) return;
    FieldErrors before = RecordKind<T>::Validate(record, now);
    std::string what =
        std::string(EntityName(RecordKind<T>::kKind)) + " " + std::to_string(id) + ": ";
    for (const auto& [field, msg] : after) {
      auto it = before.find(field);
      if (it == before.end() || it->second != msg) out[what + field] = msg;
    }
  });
}

}  // namespace

FieldErrors RecordsBrokenBy(const NetworkSnapshot& snap, const ReferenceData& proposed,
                            const std::string& today) {
  FieldErrors out;
  const Territory& territory = snap.frame->territory;
  ValidationContext now{snap.frame->reference, territory, today};
  ValidationContext then{proposed, territory, today};
  [&]<typename... T>(KindList<T...>) {
    (CollectBroken<T>(snap, now, then, out), ...);
  }(RecordTypes{});
  return out;
}

Result<int64_t> PublishModel(const Caller& caller, Store& store, const NetworkSnapshot& snap,
                             std::string_view body, const std::string& now,
                             const std::string& today) {
  PROSIT_RETURN_IF_ERROR(MayEditModel(caller));
  auto publication = ReadPublication(body);
  if (!publication.ok()) return publication.status();
  auto base = store.LoadModelVersion(publication->based_on);  // 0: the current one
  if (!base.ok()) return base.status();
  if (!base->has_value()) {
    if (publication->based_on)
      return Status::Invalid("no such model version",
                             {{"based_on", "no version " + std::to_string(publication->based_on)}});
    return Status::Precondition("the database has no model yet: run prosit init");
  }
  std::map<std::string, std::string> docs = (*base)->documents;
  for (auto& [name, text] : publication->documents) docs[name] = std::move(text);
  auto reference = ParseReferenceData(docs);
  FieldErrors problems;
  if (!reference.ok()) {
    const Status& s = reference.status();
    problems = s.fields().empty() ? FieldErrors{{"", s.message()}} : s.fields();
  } else {
    problems = PublicationProblems(*reference);
  }
  if (!problems.empty())
    return Status::Invalid("the model has " + std::to_string(problems.size()) + " problem(s)",
                           InBody(problems));
  FieldErrors broken = RecordsBrokenBy(snap, *reference, today);
  if (!broken.empty()) {
    size_t total = broken.size();
    while (broken.size() > kMaxListed) broken.erase(std::prev(broken.end()));
    return Status::Conflict(
        std::to_string(total) +
            " field(s) of records use what the new model drops or "
            "forbids; change them first" +
            (total > kMaxListed ? " (the first " + std::to_string(kMaxListed) + " listed)" : ""),
        broken);
  }
  return store.PublishModelVersion(docs, {caller.author(), now}, publication->note,
                                   (*base)->number);
}

Result<std::shared_ptr<const Frame>> ModelFrames::Of(Store& store,
                                                     std::shared_ptr<const Frame> current,
                                                     int64_t version) {
  if (version == current->model_version) return current;
  std::lock_guard lock(mu_);
  if (base_ != current) {  // a new model or territory: frames beside the old one are stale
    base_ = current;
    frames_.clear();
  }
  if (auto it = frames_.find(version); it != frames_.end()) return it->second;
  auto stored = store.LoadModelVersion(version);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return Status::NotFound("no model version " + std::to_string(version));
  auto reference = ParseReferenceData((*stored)->documents);
  if (!reference.ok())
    return Status::Corruption("model version " + std::to_string(version) + ": " +
                              reference.status().ToString());
  auto frame = std::make_shared<Frame>(*current);
  frame->reference = std::move(*reference);
  frame->reference_json = std::move((*stored)->documents);
  frame->model_version = version;
  if (frames_.size() >= 4) frames_.erase(frames_.begin());  // a few are asked at a time
  frames_[version] = frame;
  return std::shared_ptr<const Frame>(frame);
}

}  // namespace prosit
