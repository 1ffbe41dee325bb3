#pragma once
// The routes of /api/v1: thin adapters from HTTP to the use cases of src/app.

#include "app/accounts/accounts.h"
#include "app/analysis/analysis_basis.h"
#include "app/catalog/model_versions.h"
#include "app/records/record_commands.h"
#include "app/snapshot/snapshot_keeper.h"
#include "http/api_router.h"
#include "io/municipality_shapes.h"

namespace prosit {

struct ApiContext {
  SnapshotKeeper& keeper;
  RecordCommands& commands;
  Store& store;        // for history, which the snapshot does not keep
  const Clock& clock;  // what "today" is, for overdue steps
  AnalysisBasisKeeper& analysis;
  Accounts* accounts = nullptr;  // sign-in; the account routes answer 503 without it
  bool secure_cookies = false;   // mark the session cookie Secure (served over TLS)
  // Past model versions that analyses are recomputed with (?model_version=).
  std::shared_ptr<ModelFrames> model_frames = std::make_shared<ModelFrames>();
  // The municipalities' boundaries for maps; GET /territory/… answers 404 without them.
  const MunicipalityShapes* shapes = nullptr;
  // The base of the public pages' URLs a document links to (`serve --public-url`); empty:
  // the request's Host.
  std::string public_url;
};

// Builds the router of every /api/v1 route. `context` must outlive it.
ApiRouter MakeApiRouter(ApiContext& context);

// The OpenAPI 3.1 document served at /api/v1/openapi.json (docs/api/openapi.json).
const std::string& OpenApiDocument();

// Requests with larger bodies are refused with 413.
inline constexpr size_t kMaxBodyBytes = 1 << 20;

}  // namespace prosit
