#pragma once
// JSON form of the networker's chapter texts of an ORP's analysis (AnalysisText).

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/analysis_text.h"
#include "model/status.h"

namespace prosit {

Result<AnalysisText> AnalysisTextFromJson(std::string_view text, AnalysisText* partial = nullptr);
nlohmann::json AnalysisTextToJson(const AnalysisText& t);

}  // namespace prosit
