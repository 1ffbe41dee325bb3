#pragma once
// NetworkCommands: the use cases that change actors, service cards and the records of
// networking work (meetings, needs, cooperation ties, the strategy, good practices,
// recommendations). Each parses and validates its input, writes in one store transaction (with its
// change-log row), then brings the snapshot up to date so the next read sees the change.

#include <optional>
#include <string>
#include <string_view>

#include "app/clock.h"
#include "app/snapshot_keeper.h"
#include "store/store.h"

namespace prosit {

class NetworkCommands {
 public:
  NetworkCommands(Store& store, SnapshotKeeper& keeper, Clock clock)
      : store_(store), keeper_(keeper), clock_(std::move(clock)) {}

  // Each returns the stored document (with its id and version) as JSON text.
  Result<std::string> CreateActor(std::string_view body, const std::string& who);
  // `if_match` is the version the caller saw (from If-Match); without it the body's
  // "version" is used; with neither the write is refused.
  Result<std::string> UpdateActor(int64_t id, std::string_view body,
                                  std::optional<int64_t> if_match, const std::string& who);
  Status DeleteActor(int64_t id, std::optional<int64_t> if_match, const std::string& who);

  Result<std::string> CreateServiceCard(std::string_view body, const std::string& who);
  Result<std::string> UpdateServiceCard(int64_t id, std::string_view body,
                                        std::optional<int64_t> if_match, const std::string& who);
  Status DeleteServiceCard(int64_t id, std::optional<int64_t> if_match, const std::string& who);

  Result<std::string> CreateMeeting(std::string_view body, const std::string& who);
  Result<std::string> UpdateMeeting(int64_t id, std::string_view body,
                                    std::optional<int64_t> if_match, const std::string& who);
  Status DeleteMeeting(int64_t id, std::optional<int64_t> if_match, const std::string& who);

  Result<std::string> CreateNeed(std::string_view body, const std::string& who);
  Result<std::string> UpdateNeed(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                 const std::string& who);
  Status DeleteNeed(int64_t id, std::optional<int64_t> if_match, const std::string& who);

  Result<std::string> CreateTie(std::string_view body, const std::string& who);
  Result<std::string> UpdateTie(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                const std::string& who);
  Status DeleteTie(int64_t id, std::optional<int64_t> if_match, const std::string& who);

  Result<std::string> CreateTheme(std::string_view body, const std::string& who);
  Result<std::string> UpdateTheme(int64_t id, std::string_view body,
                                  std::optional<int64_t> if_match, const std::string& who);
  Status DeleteTheme(int64_t id, std::optional<int64_t> if_match, const std::string& who);
  Result<std::string> CreateGoal(std::string_view body, const std::string& who);
  Result<std::string> UpdateGoal(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                 const std::string& who);
  Status DeleteGoal(int64_t id, std::optional<int64_t> if_match, const std::string& who);
  Result<std::string> CreateStep(std::string_view body, const std::string& who);
  Result<std::string> UpdateStep(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                                 const std::string& who);
  Status DeleteStep(int64_t id, std::optional<int64_t> if_match, const std::string& who);

  Result<std::string> CreateGoodPractice(std::string_view body, const std::string& who);
  Result<std::string> UpdateGoodPractice(int64_t id, std::string_view body,
                                         std::optional<int64_t> if_match, const std::string& who);
  Status DeleteGoodPractice(int64_t id, std::optional<int64_t> if_match, const std::string& who);
  Result<std::string> CreateRecommendation(std::string_view body, const std::string& who);
  Result<std::string> UpdateRecommendation(int64_t id, std::string_view body,
                                           std::optional<int64_t> if_match, const std::string& who);
  Status DeleteRecommendation(int64_t id, std::optional<int64_t> if_match, const std::string& who);

 private:
  template <typename Entity>
  Result<std::string> Put(int64_t id, std::string_view body, std::optional<int64_t> if_match,
                          const std::string& who);
  template <typename Entity>
  Status Delete(int64_t id, std::optional<int64_t> if_match, const std::string& who);
  Status AfterWrite(Status written);

  Store& store_;
  SnapshotKeeper& keeper_;
  Clock clock_;
};

// Fills what a card left out from its service type: need areas, level, capacity unit.
void ApplyServiceTypeDefaults(ServiceCard& card, const ReferenceData& reference);

}  // namespace prosit
