#pragma once
// Snapshot checkpoint: a binary image of a NetworkSnapshot's records and prepared entries
// in a file beside the database, so that start-up reads it instead of parsing every
// stored document. It names the database it was taken of and the change-log row it
// reflects; start-up then catches up with the rows written since. A checkpoint that is
// missing, truncated, damaged, of another database, of another record layout, or ahead
// of the change log is not used: the snapshot is built from the store, as without one.
// Operators' view: docs/operations.md ("Snapshot checkpoint").

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "app/snapshot/snapshot_keeper.h"
#include "store/store.h"

namespace prosit {

// Where a database's checkpoint lives unless told otherwise: "<database>.checkpoint".
std::string DefaultCheckpointPath(const std::string& database);

// Writes `snap` (taken of `store`) to `path` atomically: a temporary file, synced, then
// renamed over the old one. Setting `*cancel` stops a write under way (nothing changes).
Status WriteCheckpoint(const NetworkSnapshot& snap, Store& store, const std::string& path,
                       const std::atomic<bool>* cancel = nullptr);

// The snapshot a checkpoint holds, without its frame and search index (the keeper adds
// them). NotFound when there is no file; Corruption, saying why, when it must not be used.
Result<std::shared_ptr<NetworkSnapshot>> ReadCheckpoint(Store& store, const std::string& path);

// How the first snapshot came to be.
struct SnapshotStart {
  bool from_checkpoint = false;
  int64_t checkpoint_seq = 0;  // the change-log row the checkpoint reflected
  int64_t seq = 0;             // the row the snapshot reflects after catching up
  std::string note;            // one line for the log
};

// Loads the keeper's first snapshot: from the checkpoint at `path` (empty: none) when it
// is valid, caught up with the change log; else from the whole store.
Result<SnapshotStart> StartSnapshot(SnapshotKeeper& keeper, Store& store, const std::string& path);

// CheckpointWriter: writes checkpoints of a keeper's snapshot in a thread of its own —
// at once when the start was not from an up-to-date checkpoint, then whenever the
// snapshot has moved `every` changes past the last one — so that a restart has little to
// catch up. Reads go on meanwhile: snapshots are immutable.
class CheckpointWriter {
 public:
  CheckpointWriter(SnapshotKeeper& keeper, Store& store, std::string path,
                   const SnapshotStart& start, int64_t every, std::chrono::milliseconds period,
                   std::function<void(const std::string&)> log);
  ~CheckpointWriter();  // cancels a write under way and joins
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

 private:
  void Run();

  SnapshotKeeper& keeper_;
  Store& store_;
  std::string path_;
  int64_t written_seq_;  // -1: the file on disk is not of this start
  int64_t every_;
  std::chrono::milliseconds period_;
  std::function<void(const std::string&)> log_;
  std::mutex mu_;
  std::condition_variable wake_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace prosit
