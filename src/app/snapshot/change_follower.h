#pragma once
// ChangeFollower: keeps a SnapshotKeeper current with writes made by other processes
// on the same store (another instance, a `prosit demo` run, an import) by catching up
// with the change log periodically. Its own writes are caught up at once anyway.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "app/snapshot/snapshot_keeper.h"

namespace prosit {

class ChangeFollower {
 public:
  // Starts following; `on_error` hears failed catch-ups (the old snapshot stays).
  ChangeFollower(SnapshotKeeper& keeper, std::chrono::milliseconds period,
                 std::function<void(const Status&)> on_error);
  ~ChangeFollower();  // stops and joins
  ChangeFollower(const ChangeFollower&) = delete;
  ChangeFollower& operator=(const ChangeFollower&) = delete;

 private:
  void Run();

  SnapshotKeeper& keeper_;
  std::chrono::milliseconds period_;
  std::function<void(const Status&)> on_error_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace prosit
