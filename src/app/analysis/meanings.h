#pragma once
// Meanings: one plain-language sentence, in Czech and English, for every figure an
// analysis answer gives (coverage statuses, E2SFCA accessibility, E-I index, brokerage
// roles, centralities, communities…). One table, so that a figure means the same in every
// answer and the texts can move into the message catalog as they are.

#include <nlohmann/json.hpp>
#include <span>
#include <string_view>

namespace prosit {

struct Meaning {
  std::string_view key;  // the figure's name as the answers give it
  std::string_view cs, en;
};

// The meaning of `key`, or null when the table has none.
const Meaning* FindMeaning(std::string_view key);
// {"key": {"cs": …, "en": …}, …} for `keys`, in the answers' `meanings` block.
nlohmann::json MeaningsJson(std::span<const std::string_view> keys);

// The keys each answer explains.
std::span<const std::string_view> CoverageMeaningKeys();
std::span<const std::string_view> AccessibilityMeaningKeys();
std::span<const std::string_view> NetworkMeaningKeys();

}  // namespace prosit
