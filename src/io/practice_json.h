#pragma once
// JSON form of good practices and recommendations.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/practice.h"
#include "model/status.h"

namespace prosit {

Result<GoodPractice> GoodPracticeFromJson(std::string_view text, GoodPractice* partial = nullptr);
nlohmann::json GoodPracticeToJson(const GoodPractice& p);
Result<Recommendation> RecommendationFromJson(std::string_view text,
                                              Recommendation* partial = nullptr);
nlohmann::json RecommendationToJson(const Recommendation& r);

}  // namespace prosit
