#include "model/provenance.h"

namespace prosit {

const char* ToString(Provenance p) {
  switch (p) {
    case Provenance::kEntered:
      return "entered";
    case Provenance::kSeeds:
      return "seeds";
    case Provenance::kInvented:
      return "invented";
  }
  return "entered";
}

std::optional<Provenance> ParseProvenance(std::string_view text) {
  for (Provenance p : {Provenance::kEntered, Provenance::kSeeds, Provenance::kInvented})
    if (text == ToString(p)) return p;
  return std::nullopt;
}

}  // namespace prosit
