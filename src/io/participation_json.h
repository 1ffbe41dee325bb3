#pragma once
// JSON form of participations and of the networker's texts about an ORP.

#include <nlohmann/json.hpp>
#include <string_view>

#include "model/participation.h"
#include "model/status.h"

namespace prosit {

Result<Participation> ParticipationFromJson(std::string_view text,
                                            Participation* partial = nullptr);
nlohmann::json ParticipationToJson(const Participation& p);
nlohmann::json NetworkerContactToJson(const NetworkerContact& n);
Result<OrpText> OrpTextFromJson(std::string_view text, OrpText* partial = nullptr);
nlohmann::json OrpTextToJson(const OrpText& t);

}  // namespace prosit
