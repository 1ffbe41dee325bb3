// Routes of the analysis of the cooperation network between actors.

#include "http/route_helpers.h"

namespace prosit {

void AddCooperationRoutes(ApiRouter& router, ApiContext& ctx) {}

}  // namespace prosit
