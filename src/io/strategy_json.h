#pragma once
// JSON form of the strategy's themes, goals and steps.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/status.h"
#include "model/strategy.h"

namespace prosit {

Result<Theme> ThemeFromJson(std::string_view text, Theme* partial = nullptr);
nlohmann::json ThemeToJson(const Theme& t);
Result<Goal> GoalFromJson(std::string_view text, Goal* partial = nullptr);
nlohmann::json GoalToJson(const Goal& g);
Result<Step> StepFromJson(std::string_view text, Step* partial = nullptr);
nlohmann::json StepToJson(const Step& s);

}  // namespace prosit
