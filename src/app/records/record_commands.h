#pragma once
// RecordCommands: the use cases that change actors, service cards and the records of
// networking work (meetings, needs, cooperation ties, the strategy, good practices,
// recommendations). Each checks that the caller may write at all, parses and validates its
// input, checks that the caller may write the record as stored and as it will be stored
// (app/accounts/permissions.h), writes in one store transaction (with its change-log row, whose
// author is the caller), then brings the snapshot up to date so the next read sees it.

#include <optional>
#include <string>
#include <string_view>

#include "app/accounts/caller.h"
#include "app/clock.h"
#include "app/snapshot/snapshot_keeper.h"
#include "store/store.h"

namespace prosit {

class RecordCommands {
 public:
  RecordCommands(Store& store, SnapshotKeeper& keeper, Clock clock)
      : store_(store), keeper_(keeper), clock_(std::move(clock)) {}

  // Each returns the stored document (with its id and version) as JSON text.
  Result<std::string> CreateActor(std::string_view body, const Caller& caller);
  // `if_match` is the version the caller saw (from If-Match); without it the body's
  // "version" is used; with neither the write is refused.
  Result<std::string> UpdateActor(int64_t id, std::string_view body,
                                  std::optional<int64_t> if_match, const Caller& caller);
  Status DeleteActor(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

  Result<std::string> CreateServiceCard(std::string_view body, const Caller& caller);
  Result<std::string> UpdateServiceCard(int64_t id, std::string_view body,
                                        std::optional<int64_t> if_match, const Caller& caller);
  Status DeleteServiceCard(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

  Result<std::string> CreateMeeting(std::string_view body, const Caller& caller);
  Result<std::string> UpdateMeeting(int64_t id, std::string_view body,
                                    std::optional<int64_t> if_match, const Caller& caller);
  Status DeleteMeeting(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

  Result<std::string> CreateNeed(std::string_view body, const Caller& caller);
  Result<std::string> UpdateNeed(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                 const Caller& caller);
  Status DeleteNeed(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

  Result<std::string> CreateTie(std::string_view body, const Caller& caller);
  Result<std::string> UpdateTie(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                const Caller& caller);
  Status DeleteTie(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

  Result<std::string> CreateTheme(std::string_view body, const Caller& caller);
  Result<std::string> UpdateTheme(int64_t id, std::string_view body,
                                  std::optional<int64_t> if_match, const Caller& caller);
  Status DeleteTheme(int64_t id, std::optional<int64_t> if_match, const Caller& caller);
  Result<std::string> CreateGoal(std::string_view body, const Caller& caller);
  Result<std::string> UpdateGoal(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                 const Caller& caller);
  Status DeleteGoal(int64_t id, std::optional<int64_t> if_match, const Caller& caller);
  Result<std::string> CreateStep(std::string_view body, const Caller& caller);
  Result<std::string> UpdateStep(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                 const Caller& caller);
  Status DeleteStep(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

  Result<std::string> CreateGoodPractice(std::string_view body, const Caller& caller);
  Result<std::string> UpdateGoodPractice(int64_t id, std::string_view body,
                                         std::optional<int64_t> if_match, const Caller& caller);
  Status DeleteGoodPractice(int64_t id, std::optional<int64_t> if_match, const Caller& caller);
  Result<std::string> CreateRecommendation(std::string_view body, const Caller& caller);
  Result<std::string> UpdateRecommendation(int64_t id, std::string_view body,
                                           std::optional<int64_t> if_match, const Caller& caller);
  Status DeleteRecommendation(int64_t id, std::optional<int64_t> if_match, const Caller& caller);

 private:
  template <typename Entity>
  Result<std::string> Put(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                          const Caller& caller);
  template <typename Entity>
  Status Delete(int64_t id, std::optional<int64_t> if_match, const Caller& caller);
  Status AfterWrite(Status written);

  Store& store_;
  SnapshotKeeper& keeper_;
  Clock clock_;
};

// Fills what a card left out from its service type: need areas, level, capacity unit.
void ApplyServiceTypeDefaults(ServiceCard& card, const ReferenceData& reference);

}  // namespace prosit
