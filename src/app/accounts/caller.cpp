#include "app/accounts/caller.h"

#include <algorithm>

namespace prosit {

Caller Caller::Public() { return Caller(); }

Caller Caller::System(std::string who) {
  Caller a;
  a.signed_in_ = a.everywhere_ = a.may_write_ = a.administers_ = a.may_edit_model_ = true;
  a.role_ = Role::kAdmin;
  a.author_ = std::move(who);
  return a;
}

Caller Caller::Of(const Principal& principal, const Territory& territory) {
  const User& u = principal.user;
  Caller a;
  a.signed_in_ = true;
  a.role_ = u.role;
  a.author_ = "user:" + u.login;
  a.user_id_ = u.id;
  a.everywhere_ = u.role == Role::kAdmin || u.role == Role::kMethodologist;
  a.administers_ = u.role == Role::kAdmin;
  // A methodologist changes the model (MayEditModel), not the records.
  a.may_write_ = u.role != Role::kViewer && u.role != Role::kMethodologist && principal.CanWrite();
  a.may_edit_model_ =
      (u.role == Role::kAdmin || u.role == Role::kMethodologist) && principal.CanWrite();
  switch (u.role) {
    case Role::kRegionalCoordinator:
      for (const std::string& region : u.territories) {
        const auto& orps = territory.OrpsOfRegion(region);
        a.orps_.insert(a.orps_.end(), orps.begin(), orps.end());
      }
      break;
    case Role::kNetworker:
    case Role::kViewer:
      a.orps_ = u.territories;
      break;
    case Role::kActorEditor:
      a.actors_ = ActorIdsOf(u);
      break;
    case Role::kAdmin:
    case Role::kMethodologist:
      break;
  }
  std::sort(a.orps_.begin(), a.orps_.end());
  std::sort(a.actors_.begin(), a.actors_.end());
  return a;
}

bool Caller::Covers(std::string_view orp_code) const {
  return everywhere_ || std::binary_search(orps_.begin(), orps_.end(), orp_code);
}

bool Caller::CoversAny(const std::vector<std::string>& orp_codes) const {
  if (everywhere_) return true;
  return std::any_of(orp_codes.begin(), orp_codes.end(),
                     [&](const std::string& o) { return Covers(o); });
}

bool Caller::Edits(int64_t actor_id) const {
  return std::binary_search(actors_.begin(), actors_.end(), actor_id);
}

}  // namespace prosit
