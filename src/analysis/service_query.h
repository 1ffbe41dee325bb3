#pragma once
// ServiceQuery: what a catalog search asks for — filters, free text and a page.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace prosit {

struct ServiceQuery {
  // Territory: services delivered in or serving this place.
  std::string region;
  std::string orp;
  std::string municipality;
  std::string sector;
  std::string service_type;
  std::string need_area;
  std::optional<int> level;
  std::string form;
  std::optional<int> age;         // the service takes children of this age
  std::optional<bool> published;  // only published (true) or only internal (false)
  std::optional<int64_t> actor_id;
  std::string text;  // words; each must start a word of the card (case and accents ignored)
  // Which internal (unpublished) cards may show: all, or those delivered in or serving
  // one of `internal_orps`, or of one of `internal_actors` (both sorted). The app sets
  // these from who asks.
  bool internal_all = true;
  std::vector<std::string> internal_orps;
  std::vector<int64_t> internal_actors;
  size_t offset = 0;
  size_t limit = 20;
};

}  // namespace prosit
