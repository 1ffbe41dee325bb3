// Routes of the analyses of the service network: travel times, coverage of the optimal
// model, spatial accessibility and what-if planning.

#include "http/route_helpers.h"

namespace prosit {

void AddAnalysisRoutes(ApiRouter& router, ApiContext& ctx) {}

}  // namespace prosit
