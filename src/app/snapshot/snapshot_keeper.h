#pragma once
// SnapshotKeeper: holds the current NetworkSnapshot and keeps it fresh by following the
// store's change log; a write followed by CatchUp() is visible to the next read.

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "app/snapshot/network_snapshot.h"
#include "model/czech_text.h"
#include "store/store.h"

namespace prosit {

class SnapshotKeeper {
 public:
  explicit SnapshotKeeper(Store& store) : store_(store) {}
  ~SnapshotKeeper();  // stops the background decoding
  SnapshotKeeper(const SnapshotKeeper&) = delete;
  SnapshotKeeper& operator=(const SnapshotKeeper&) = delete;

  // Builds the first snapshot from the whole store.
  Status Load();
  // Starts from `snap`, the records of an earlier point of the change log (a checkpoint):
  // adds the frame and the search index, then catches up with the rows written since.
  Status Resume(std::shared_ptr<NetworkSnapshot> snap);
  // Applies the change-log rows written since the current snapshot and swaps it.
  Status CatchUp();
  std::shared_ptr<const NetworkSnapshot> Current() const { return current_.load(); }
  // Decodes, in a thread of its own, the meetings a start from a checkpoint left encoded,
  // so that reads soon find them all decoded; reads never wait for it (one that needs a
  // record not decoded yet decodes it).
  void DecodeInBackground();
  // Why the last catch-up failed, or OK once one succeeds (the health check shows it).
  Status LastError() const;

 private:
  Status LoadLocked();
  Status CatchUpLocked();
  Status LoadFrame(NetworkSnapshot& snap);
  Status LoadWork(NetworkSnapshot& snap);  // meetings, needs, ties, strategy
  // Applies one change-log row to the maps; collects the ids of cards it changed.
  Status ApplyChange(NetworkSnapshot& snap, const ChangeEntry& change,
                     std::vector<int64_t>& changed_cards);

  Store& store_;
  std::mutex mu_;  // one refresh at a time
  CzechCollator collator_;
  std::atomic<std::shared_ptr<const NetworkSnapshot>> current_;
  mutable std::mutex error_mu_;
  Status last_error_;
  std::atomic<bool> stop_decoding_{false};
  std::thread decoder_;
};

// Builds the entries a snapshot keeps (exposed for tests and benchmarks).
std::shared_ptr<const ActorEntry> MakeActorEntry(Actor actor, const CzechCollator& collator);
std::shared_ptr<const CardEntry> MakeCardEntry(ServiceCard card, const Actor* actor,
                                               const Frame& frame, const CzechCollator& collator);

}  // namespace prosit
