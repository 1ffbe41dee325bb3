#include "http/connection_slots.h"

namespace prosit {

restinio::ip_blocker::inspection_result_t ConnectionSlots::inspect(
    const restinio::ip_blocker::incoming_info_t& info) noexcept {
  try {
    auto address = info.remote_endpoint().address();
    if (exempt_.Contains(address) || OpenFrom(address.to_string()) < per_address_)
      return restinio::ip_blocker::allow();
    return restinio::ip_blocker::deny();
  } catch (const std::exception&) {
    return restinio::ip_blocker::allow();  // out of memory: the global limit still holds
  }
}

void ConnectionSlots::state_changed(const restinio::connection_state::notice_t& notice) noexcept {
  try {
    Count(notice);
  } catch (const std::exception&) {
    // Out of memory: this connection goes uncounted.
  }
}

void ConnectionSlots::Count(const restinio::connection_state::notice_t& notice) {
  std::string address = notice.remote_endpoint().address().to_string();
  std::lock_guard lock(mu_);
  if (restinio::holds_alternative<restinio::connection_state::accepted_t>(notice.cause())) {
    if (connections_.emplace(notice.connection_id(), address).second) ++open_[address];
  } else if (restinio::holds_alternative<restinio::connection_state::closed_t>(notice.cause())) {
    // RESTinio may report a close twice; only the first counts.
    auto it = connections_.find(notice.connection_id());
    if (it == connections_.end()) return;
    if (--open_[it->second] == 0) open_.erase(it->second);
    connections_.erase(it);
  }
}

size_t ConnectionSlots::OpenFrom(const std::string& address) const {
  std::lock_guard lock(mu_);
  auto it = open_.find(address);
  return it == open_.end() ? 0 : it->second;
}

}  // namespace prosit
