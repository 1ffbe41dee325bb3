#include "model/service_card.h"

namespace prosit {

const char* ToString(TerritoryKind kind) {
  switch (kind) {
    case TerritoryKind::kMunicipalities:
      return "municipalities";
    case TerritoryKind::kOrp:
      return "orp";
    case TerritoryKind::kRegion:
      return "region";
    case TerritoryKind::kCountry:
      return "country";
  }
  return "orp";
}

std::optional<TerritoryKind> ParseTerritoryKind(const std::string& s) {
  if (s == "municipalities") return TerritoryKind::kMunicipalities;
  if (s == "orp") return TerritoryKind::kOrp;
  if (s == "region") return TerritoryKind::kRegion;
  if (s == "country") return TerritoryKind::kCountry;
  return std::nullopt;
}

const char* ToString(Access access) {
  switch (access) {
    case Access::kDirect:
      return "direct";
    case Access::kReferral:
      return "referral";
    case Access::kBoth:
      return "both";
  }
  return "direct";
}

std::optional<Access> ParseAccess(const std::string& s) {
  if (s == "direct") return Access::kDirect;
  if (s == "referral") return Access::kReferral;
  if (s == "both") return Access::kBoth;
  return std::nullopt;
}

}  // namespace prosit
