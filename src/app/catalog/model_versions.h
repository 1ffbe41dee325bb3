#pragma once
// The reference model in versions (docs/reference-model.md): reading the current and past
// versions, publishing a new one (checked whole, refused while records use an id it
// drops), and the frames of past versions that analyses are recomputed with.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "store/store.h"

namespace prosit {

// One version as the API shows it: number, published_at, published_by (to signed-in
// callers only), note and, with `documents`, every reference document by name.
std::string ModelVersionJson(const Caller& caller, const ModelVersion& version, bool documents);
// The versions, oldest first, without their documents.
std::string ModelVersionListJson(const Caller& caller, const std::vector<ModelVersion>& versions);

// Publishes the model a request body describes: {"note", "based_on", and reference
// documents by name}; documents it leaves out are carried over from `based_on` (or the
// current version). Refused: 403 unless a methodologist or an admin; 422 naming every
// problem of the model; 409 when `based_on` is not the current version, or when records
// use ids the new model drops (each named). Answers the new version's number.
Result<int64_t> PublishModel(const Caller& caller, Store& store, const NetworkSnapshot& snap,
                             std::string_view body, const std::string& now,
                             const std::string& today);

// The records of `snap` that break a rule under `proposed` but not under the current
// model: "<kind> <id>: <field>" → the message (exposed for tests).
FieldErrors RecordsBrokenBy(const NetworkSnapshot& snap, const ReferenceData& proposed,
                            const std::string& today);

// Frames of past model versions for analyses recomputed with them: the current frame's
// territory with the reference data of the version asked for. Keeps the few last asked.
class ModelFrames {
 public:
  // The frame of `version` beside `current` (`current` itself when it is that version);
  // kNotFound when there is no such version.
  Result<std::shared_ptr<const Frame>> Of(Store& store, std::shared_ptr<const Frame> current,
                                          int64_t version);

 private:
  std::mutex mu_;
  std::shared_ptr<const Frame> base_;  // the frame whose territory the kept ones share
  std::map<int64_t, std::shared_ptr<const Frame>> frames_;
};

}  // namespace prosit
