#pragma once
// Caller: who asks, as the permission checks of src/app see it — the anonymous public, a
// signed-in user with a role and a territory, or the system itself (the CLI, the demo).
// Worked out once per request; every command and query takes one, so none can forget.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/accounts/principal.h"
#include "model/territory.h"
#include "model/user.h"

namespace prosit {

class Caller {
 public:
  // Not signed in: published and public data only.
  static Caller Public();
  // Every permission, for the CLI and the generators; `who` is the change-log author.
  static Caller System(std::string who);
  // A signed-in user; regions are expanded to their ORPs.
  static Caller Of(const Principal& principal, const Territory& territory);

  bool signed_in() const { return signed_in_; }
  std::optional<Role> role() const { return role_; }
  // The change-log author of what this caller writes: "user:<login>" (as for users
  // created by an admin), or what the system was given.
  const std::string& author() const { return author_; }
  int64_t user_id() const { return user_id_; }
  // The whole country: an admin, a methodologist, or the system.
  bool everywhere() const { return everywhere_; }
  // Users, the whole audit trail, personal data: an admin, or the system.
  bool administers() const { return administers_; }
  // Whether the role and the token's scope let the caller write records at all.
  bool may_write() const { return may_write_; }
  // Whether it may publish a model version: an admin or a methodologist, not read-only.
  bool may_edit_model() const { return may_edit_model_; }
  // Whether an ORP lies in the caller's territory (always, everywhere).
  bool Covers(std::string_view orp_code) const;
  bool CoversAny(const std::vector<std::string>& orp_codes) const;
  // Whether the caller is an actor editor of this actor.
  bool Edits(int64_t actor_id) const;
  // The ORPs of the territory, sorted; empty when everywhere.
  const std::vector<std::string>& orps() const { return orps_; }
  // The actors of an actor editor, sorted.
  const std::vector<int64_t>& actors() const { return actors_; }

 private:
  bool signed_in_ = false;
  bool everywhere_ = false;
  bool may_write_ = false;
  bool administers_ = false;
  bool may_edit_model_ = false;
  std::optional<Role> role_;
  std::string author_;
  int64_t user_id_ = 0;
  std::vector<std::string> orps_;  // sorted
  std::vector<int64_t> actors_;    // sorted
};

}  // namespace prosit
