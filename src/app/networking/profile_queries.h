#pragma once
// The territory and the project as the seeds speak of them: the ORP profile
// ("Charakteristika ORP": population, children, municipalities, services by sector, the
// networkers, since when the ORP takes part, counts of the networking work and the
// networker's texts) and the participation register, answered from the snapshot.

#include <string>

#include "app/accounts/caller.h"
#include "app/snapshot/network_snapshot.h"
#include "model/status.h"

namespace prosit {

// The profile of ORP `code` on `today` (which decides who takes part, what is overdue);
// read as the ORP's other internal records are.
Result<std::string> OrpProfileJson(const Caller& caller, const NetworkSnapshot& snap,
                                   const std::string& code, const std::string& today);

struct ParticipationQuery {
  std::string region, orp;
  size_t offset = 0;
  size_t limit = 20;
};

FieldErrors CheckParticipationQuery(const ParticipationQuery& q, const NetworkSnapshot& snap);
// The participations of an ORP, of a region (its own and its ORPs'), or all the caller may
// read, the earliest first.
Result<std::string> ListParticipations(const Caller& caller, const NetworkSnapshot& snap,
                                       const ParticipationQuery& q);

// The analysis texts (AnalysisText) of an ORP, of a region's ORPs, or all the caller may
// read, the newest first: the first of an ORP's is the one its analysis uses. The same
// territory filter as the participations.
Result<std::string> ListAnalysisTexts(const Caller& caller, const NetworkSnapshot& snap,
                                      const ParticipationQuery& q);

}  // namespace prosit
