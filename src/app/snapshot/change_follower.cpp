#include "app/snapshot/change_follower.h"

namespace prosit {

ChangeFollower::ChangeFollower(SnapshotKeeper& keeper, std::chrono::milliseconds period,
                               std::function<void(const Status&)> on_error)
    : keeper_(keeper),
      period_(period),
      on_error_(std::move(on_error)),
      thread_([this] { Run(); }) {}

ChangeFollower::~ChangeFollower() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ChangeFollower::Run() {
  std::unique_lock lock(mu_);
  while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
    lock.unlock();
    Status s = keeper_.CatchUp();
    if (!s.ok() && on_error_) on_error_(s);
    lock.lock();
  }
}

}  // namespace prosit
