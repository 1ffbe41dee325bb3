// prosit — the command line: set up a database, fill it, serve it, back it up, check it.

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/accounts/accounts.h"
#include "app/analysis/travel_time_report.h"
#include "app/analysis/travel_time_source.h"
#include "app/clock.h"
#include "app/database_setup.h"
#include "app/records/record_batch.h"
#include "app/records/record_commands.h"
#include "app/snapshot/change_follower.h"
#include "app/snapshot/snapshot_checkpoint.h"
#include "app/snapshot/snapshot_keeper.h"
#include "cli/heap_tuning.h"
#include "datasets/generator.h"
#include "http/api_routes.h"
#include "http/client_address.h"
#include "http/http_server.h"
#include "io/csv_reader.h"
#include "io/reference_json.h"
#include "io/territory_csv.h"
#include "site/site_pages.h"

namespace prosit {
namespace {

struct CommonOptions {
  std::string database = "var/prosit.db";
  std::string data_dir = PROSIT_SOURCE_DIR "/data";
};

int Fail(const Status& s) {
  std::cerr << "prosit: " << s.ToString() << "\n";
  return s.code() == StatusCode::kInvalid || s.code() == StatusCode::kMalformed ? 2 : 1;
}

Result<std::unique_ptr<Store>> OpenMigrated(const std::string& database,
                                            const StoreOptions& options = {}) {
  auto store = OpenStore(database, options);
  if (!store.ok()) return store.status();
  PROSIT_RETURN_IF_ERROR((*store)->Migrate());
  return store;
}

// Opens a database that `prosit init` has prepared.
Result<std::unique_ptr<Store>> OpenInitialised(const std::string& database,
                                               const StoreOptions& options = {}) {
  auto store = OpenMigrated(database, options);
  if (!store.ok()) return store;
  auto ready = IsInitialised(**store);
  if (!ready.ok()) return ready.status();
  if (!*ready)
    return Status::Invalid(database + " has no territory yet; run: prosit init --database " +
                           database);
  return store;
}

// The built web UI beside the sources, when it has been built.
std::filesystem::path DefaultStaticRoot() {
  std::filesystem::path dist = PROSIT_SOURCE_DIR "/web/dist";
  std::error_code ec;
  return std::filesystem::is_directory(dist, ec) ? dist : std::filesystem::path();
}

// serve's limits and static files; see docs/operations.md.
void AddServeHardening(CLI::App* serve, HttpServerOptions& http) {
  auto seconds = [](std::chrono::milliseconds& into) {
    return [&into](int s) { into = std::chrono::seconds(s); };
  };
  serve
      ->add_option_function<int>("--read-timeout", seconds(http.read_timeout),
                                 "seconds a client has to send a whole request; also how long "
                                 "an idle keep-alive connection stays open (default 10)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option_function<int>("--handle-timeout", seconds(http.handle_timeout),
                                 "seconds a request may take to be answered (default 30)")
      ->check(CLI::PositiveNumber);
  serve
      ->add_option_function<int>("--write-timeout", seconds(http.write_timeout),
                                 "seconds a client has to take an answer (default 30)")
      ->check(CLI::PositiveNumber);
  serve->add_option("--max-connections", http.max_connections, "open connections at most")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--max-connections-per-address", http.max_connections_per_address,
                   "open connections at most from one client address; more are closed at "
                   "once (trusted proxies are exempt)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxy", http.trusted_proxies,
                   "a reverse proxy (IP address or CIDR network, repeatable) whose Forwarded or "
                   "X-Forwarded-For header names the client's address; others' are ignored")
      ->take_all()
      ->check(CLI::Validator(
          [](std::string& spec) {
            auto parsed = TrustedProxies::Parse({spec});
            return parsed.ok() ? std::string() : parsed.status().message();
          },
          "ADDR[/PREFIX]"));
  http.static_root = DefaultStaticRoot();
  serve->add_option_function<std::string>(
      "--static", [&http](const std::string& dir) { http.static_root = dir; },
      "folder of the built web UI, served to GETs outside /api (default: web/dist of the "
      "sources when it exists)");
}

// Where travel times come from (--travel-times, --circuity); see docs/travel-times.md.
struct TravelOptions {
  std::string spec = "builtin";
  double circuity = kDefaultCircuity;
};

Author CliAuthor(const std::string& what) { return {"cli:" + what, SystemClock().now()}; }

int Init(const CommonOptions& o, const std::string& children_csv) {
  auto store = OpenMigrated(o.database);
  if (!store.ok()) return Fail(store.status());
  Status s = InitDatabase(**store, o.data_dir, CliAuthor("init"));
  if (!s.ok()) return Fail(s);
  if (!children_csv.empty()) {
    auto text = ReadFile(children_csv);
    if (!text.ok()) return Fail(text.status());
    auto territory = (*store)->LoadTerritory();
    if (!territory.ok()) return Fail(territory.status());
    auto children = ParseChildPopulation(*text, *territory, children_csv);
    if (!children.ok()) return Fail(children.status());
    s = (*store)->ImportChildPopulation(*children, CliAuthor("init"));
    if (!s.ok()) return Fail(s);
    std::cout << "imported child population for " << children->size() << " municipalities\n";
  }
  auto t = (*store)->LoadTerritory();
  if (!t.ok()) return Fail(t.status());
  std::cout << "initialised " << o.database << ": " << t->regions().size() << " regions, "
            << t->orps().size() << " ORPs, " << t->municipalities().size() << " municipalities\n";
  return 0;
}

// Writes a generated batch into a database that holds no actors yet, initialising it
// first (as `prosit init` without options would) when it has no territory.
int WriteBatch(
    const CommonOptions& o, const std::string& what,
    const std::function<Result<RecordBatch>(const Territory&, const ReferenceData&)>& build) {
  auto store = OpenMigrated(o.database);
  if (!store.ok()) return Fail(store.status());
  auto ready = IsInitialised(**store);
  if (!ready.ok()) return Fail(ready.status());
  if (!*ready) {
    Status s = InitDatabase(**store, o.data_dir, CliAuthor(what));
    if (!s.ok()) return Fail(s);
    std::cout << "initialised " << o.database << " with the territory and reference data of "
              << o.data_dir << "\n";
  }
  auto existing = (*store)->LoadAll(EntityKind::kActor);
  if (!existing.ok()) return Fail(existing.status());
  if (!existing->empty())
    return Fail(Status::Conflict(o.database + " already holds " + std::to_string(existing->size()) +
                                 " actors; " + what + " data goes into an empty network"));
  auto territory = (*store)->LoadTerritory();
  if (!territory.ok()) return Fail(territory.status());
  auto docs = (*store)->LoadReferenceDocuments();
  if (!docs.ok()) return Fail(docs.status());
  auto reference = ParseReferenceData(*docs);
  if (!reference.ok()) return Fail(reference.status());
  auto batch = build(*territory, *reference);
  if (!batch.ok()) return Fail(batch.status());
  size_t actors = batch->actors.size(), cards = batch->cards.size();
  size_t meetings = batch->meetings.size(), needs = batch->needs.size(), ties = batch->ties.size();
  auto written =
      ImportNetworkBatch(**store, std::move(*batch), *territory, *reference, CliAuthor(what));
  if (!written.ok()) return Fail(written.status());
  std::cout << what << ": wrote " << actors << " actors and " << cards << " service cards, "
            << meetings << " meetings, " << needs << " needs and " << ties << " ties to "
            << o.database << "\n";
  return 0;
}

// The server waits this long for another process's write lock, then answers 503.
constexpr int kServeBusyTimeoutMs = 1000;

// Where the snapshot checkpoint goes: `--checkpoint PATH`, "none", or beside the database.
std::string CheckpointPathOf(const CommonOptions& o, const std::string& option) {
  if (option == "none") return "";
  return option.empty() ? DefaultCheckpointPath(o.database) : option;
}

// A checkpoint is written again once the snapshot has moved this many changes past it.
constexpr int64_t kCheckpointEveryChanges = 10000;

int Serve(const CommonOptions& o, const HttpServerOptions& http, const TravelOptions& travel,
          bool secure_cookies, StoreOptions store_options, const std::string& checkpoint,
          const std::string& public_url) {
  store_options.busy_timeout_ms = kServeBusyTimeoutMs;
  auto store = OpenInitialised(o.database, store_options);
  if (!store.ok()) return Fail(store.status());
  // Checked before serving, so a bad matrix file or option stops the start.
  auto travel_times = MakeTravelTimeProvider(travel.spec, travel.circuity);
  if (!travel_times.ok()) return Fail(travel_times.status());
  // Maps need the boundaries; without them the rest of prosit still serves. They are
  // parsed on the other core while the snapshot loads.
  auto shapes_parse = std::async(std::launch::async, [&] {
    auto shapes_text = ReadFile(o.data_dir + "/territory/municipalities.topo.json");
    return shapes_text.ok() ? MunicipalityShapes::Parse(*shapes_text)
                            : Result<std::unique_ptr<MunicipalityShapes>>(shapes_text.status());
  });
  SnapshotKeeper keeper(**store);
  std::string checkpoint_path = CheckpointPathOf(o, checkpoint);
  auto start = StartSnapshot(keeper, **store, checkpoint_path);
  if (!start.ok()) return Fail(start.status());
  std::cout << "prosit: " << start->note << std::endl;
  RecordCommands commands(**store, keeper, SystemClock());
  ChangeFollower follower(keeper, std::chrono::seconds(1), [](const Status& s) {
    std::cerr << "prosit: catching up with the change log failed: " << s.ToString() << "\n";
  });
  Clock clock = SystemClock();
  // Travel times are computed in the background once the server is ready.
  AnalysisBasisKeeper analysis(keeper.Current()->frame, std::move(*travel_times));
  Accounts accounts(**store, clock);
  ApiContext context{keeper, commands, **store, clock, analysis, &accounts, secure_cookies};
  context.public_url = public_url;
  std::unique_ptr<MunicipalityShapes> shapes;
  auto parsed = shapes_parse.get();
  if (parsed.ok()) {
    shapes = std::move(*parsed);
    context.shapes = shapes.get();
  } else {
    std::cerr << "prosit: no municipality boundaries for maps: " << parsed.status().ToString()
              << "\n";
  }
  ApiRouter router = MakeApiRouter(context);
  // The public pages (/verejne/, /en/public/): the same snapshot, shapes and base URL.
  auto site = MakePublicSite({keeper, shapes.get(), &analysis, public_url});
  std::optional<CheckpointWriter> checkpoints;
  Status s = RunHttpServer(router, http, [&] {
    auto snap = keeper.Current();
    std::cout << "prosit serves " << snap->cards.size() << " service cards of "
              << snap->actors.size() << " actors at http://" << http.address << ":" << http.port
              << "/" << std::endl;
    analysis.Prepare();
    keeper.DecodeInBackground();
    accounts.PrepareInBackground();
    if (!checkpoint_path.empty())
      checkpoints.emplace(keeper, **store, checkpoint_path, *start, kCheckpointEveryChanges,
                          std::chrono::seconds(10), [](const std::string& line) {
                            std::cout << "prosit: " << line << std::endl;
                          });
  }, site.get());
  return s.ok() ? 0 : Fail(s);
}

// prosit checkpoint: brings the snapshot checkpoint up to date (or writes the first).
int Checkpoint(const CommonOptions& o, const std::string& checkpoint) {
  auto store = OpenInitialised(o.database);
  if (!store.ok()) return Fail(store.status());
  std::string path = CheckpointPathOf(o, checkpoint);
  if (path.empty()) return Fail(Status::Invalid("checkpoint: --checkpoint none writes nothing"));
  SnapshotKeeper keeper(**store);
  auto start = StartSnapshot(keeper, **store, path);
  if (!start.ok()) return Fail(start.status());
  std::cout << start->note << "\n";
  Status s = WriteCheckpoint(*keeper.Current(), **store, path);
  if (!s.ok()) return Fail(s);
  std::cout << "wrote checkpoint " << path << " at change " << keeper.Current()->seq << "\n";
  return 0;
}

// prosit travel-times: one pair, an ORP's matrix as CSV, or the check of a matrix file.
struct TravelQuery {
  std::string from, to, orp, check, mode;
};

int TravelTimes(const CommonOptions& o, const TravelOptions& travel, const TravelQuery& q) {
  auto store = OpenInitialised(o.database);
  if (!store.ok()) return Fail(store.status());
  auto territory = (*store)->LoadTerritory();
  if (!territory.ok()) return Fail(territory.status());
  if (!q.check.empty()) {
    auto summary = CheckTravelMatrixFile(q.check, *territory);
    if (!summary.ok()) return Fail(summary.status());
    std::cout << *summary;
    return 0;
  }
  std::optional<TravelMode> mode;
  if (!q.mode.empty() && !(mode = ParseTravelMode(q.mode)))
    return Fail(Status::Invalid("--mode: expected car or pt, got '" + q.mode + "'"));
  auto provider = MakeTravelTimeProvider(travel.spec, travel.circuity);
  if (!provider.ok()) return Fail(provider.status());
  if (!q.orp.empty()) {
    auto rows = TravelMatrixOfOrp(**provider, *territory, q.orp, mode);
    if (!rows.ok()) return Fail(rows.status());
    std::cout << WriteTravelMatrix(*rows);
    return 0;
  }
  if (q.from.empty() || q.to.empty())
    return Fail(Status::Invalid("travel-times: give --from and --to, --orp, or --check"));
  auto text = TravelBetween(**provider, *territory, q.from, q.to, mode);
  if (!text.ok()) return Fail(text.status());
  std::cout << *text;
  return 0;
}

// prosit user add: a user with a generated one-time password, printed once.
struct UserOptions {
  std::string login, name, email, role;
  std::vector<std::string> regions, orps, actors;
};

int AddUser(const CommonOptions& o, const UserOptions& u) {
  auto store = OpenInitialised(o.database);
  if (!store.ok()) return Fail(store.status());
  auto territory = (*store)->LoadTerritory();
  if (!territory.ok()) return Fail(territory.status());
  nlohmann::json body = {
      {"login", u.login}, {"display_name", u.name.empty() ? u.login : u.name}, {"role", u.role}};
  if (!u.email.empty()) body["email"] = u.email;
  std::vector<std::string> territories = u.regions;
  territories.insert(territories.end(), u.orps.begin(), u.orps.end());
  territories.insert(territories.end(), u.actors.begin(), u.actors.end());
  body["territories"] = territories;
  Accounts accounts(**store, SystemClock());
  auto created = accounts.CreateUser(body.dump(), *territory, "cli:user");
  if (!created.ok()) return Fail(created.status());
  std::cout << "created user " << created->user.login << " (id " << created->user.id << ", "
            << RoleName(created->user.role) << ")\n"
            << "one-time password (shown once; it must be changed at first sign-in): "
            << created->one_time_password << "\n";
  return 0;
}

// prosit token add: an API token of a user, printed once, for an integration.
struct TokenOptions {
  std::string login, name = "cli", scope = "read";
};

int AddToken(const CommonOptions& o, const TokenOptions& t) {
  auto store = OpenInitialised(o.database);
  if (!store.ok()) return Fail(store.status());
  Accounts accounts(**store, SystemClock());
  auto token = accounts.CreateApiTokenFor(t.login, t.name, t.scope);
  if (!token.ok()) return Fail(token.status());
  std::cout << "created API token " << token->id << " (" << token->scope << ") of " << t.login
            << "\n"
            << "API token (shown once; send it in the header Authorization as Bearer TOKEN): "
            << token->token << "\n";
  return 0;
}

int Backup(const CommonOptions& o, const std::string& target) {
  auto store = OpenInitialised(o.database);
  if (!store.ok()) return Fail(store.status());
  Status s = (*store)->Backup(target);
  if (!s.ok()) return Fail(s);
  std::cout << "backed up " << o.database << " to " << target << "\n";
  return 0;
}

int Check(const CommonOptions& o) {
  auto store = OpenInitialised(o.database);
  if (!store.ok()) return Fail(store.status());
  auto problems = CheckDatabase(**store, SystemClock().Today());
  if (!problems.ok()) return Fail(problems.status());
  for (const auto& p : *problems) std::cout << p << "\n";
  if (!problems->empty()) {
    std::cout << problems->size() << " problem(s) in " << o.database << "\n";
    return 1;
  }
  std::cout << o.database << ": no problems found\n";
  return 0;
}

void AddTravel(CLI::App* cmd, TravelOptions& t) {
  cmd->add_option("--travel-times", t.spec,
                  std::string("where travel times come from: ") + kTravelTimeSpecHelp)
      ->capture_default_str();
  cmd->add_option("--circuity", t.circuity,
                  "road distance / great-circle distance of the built-in estimate")
      ->capture_default_str();
}

void AddCommon(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("--database", o.database, "SQLite database file")->capture_default_str();
  cmd->add_option("--data", o.data_dir, "folder with territory/, reference/ and demo/")
      ->capture_default_str();
}

int Run(int argc, char** argv) {
  CLI::App app{"prosit — networking the local services for at-risk children and their families"};
  app.require_subcommand(1);
  CommonOptions common;

  auto* init =
      app.add_subcommand("init", "create or update a database: schema, territory, reference data");
  AddCommon(init, common);
  std::string children_csv;
  init->add_option(
      "--children", children_csv,
      "CSV (municipality_code,children_0_17) overriding the estimated child population");

  auto* demo = app.add_subcommand("demo", "load the demo network of Pardubický kraj");
  AddCommon(demo, common);
  uint64_t seed = 1;
  demo->add_option("--seed", seed, "random seed of the generated part")->capture_default_str();

  auto* generate =
      app.add_subcommand("generate", "generate a deterministic dataset for benchmarks");
  AddCommon(generate, common);
  bool national = false;
  GeneratorOptions gen;
  generate->add_flag("--national", national, "cover every ORP of the country")->required();
  generate->add_option("--services", gen.services, "about how many service cards")
      ->capture_default_str();
  generate->add_option("--meetings", gen.meetings,
                       "about how many meetings in all (default: 2 to 6 a month in each ORP)");
  generate->add_option("--seed", gen.seed, "random seed")->capture_default_str();

  auto* serve = app.add_subcommand("serve", "serve the API and the web application");
  AddCommon(serve, common);
  HttpServerOptions http;
  serve->add_option("--port", http.port, "TCP port")->capture_default_str();
  serve->add_option("--bind", http.address, "address to listen on")->capture_default_str();
  serve->add_option("--threads", http.threads, "worker threads")->capture_default_str();
  serve
      ->add_option(
          "--bench-constant-bytes", http.constant_body_bytes,
          "also answer GET /bench/constant with a fixed body of about this size (benchmarks)")
      ->group("");
  AddServeHardening(serve, http);
  TravelOptions travel;
  AddTravel(serve, travel);
  StoreOptions store_options;
  serve
      ->add_option_function<std::string>(
          "--synchronous",
          [&store_options](const std::string& v) {
            store_options.synchronous = *ParseSynchronous(v);
          },
          "full (default): an acknowledged write survives a power loss; normal: it survives a "
          "crash of the process, a power loss may drop the last writes")
      ->check(CLI::IsMember({"full", "normal"}));
  std::string checkpoint;
  serve->add_option("--checkpoint", checkpoint,
                    "snapshot checkpoint file, or none (default: the database's path + "
                    "\".checkpoint\"); see docs/operations.md");
  bool secure_cookies = false;
  serve->add_flag("--secure-cookies", secure_cookies,
                  "mark the session cookie Secure: set it when clients reach prosit over HTTPS "
                  "(e.g. behind a TLS-terminating proxy)");
  std::string public_url;
  serve
      ->add_option("--public-url", public_url,
                   "the public base URL documents link to, e.g. https://prosit.example "
                   "(the leaflet's QR code; default: the request's Host over http)")
      ->check([](const std::string& url) {
        bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
        return scheme && url.back() != '/' ? std::string()
                                           : std::string(
                                                 "must start with http:// or https:// "
                                                 "and not end with /");
      });

  auto* travel_times = app.add_subcommand(
      "travel-times", "travel times between municipalities, or check a matrix file");
  AddCommon(travel_times, common);
  AddTravel(travel_times, travel);
  TravelQuery travel_query;
  travel_times->add_option("--from", travel_query.from, "origin municipality code");
  travel_times->add_option("--to", travel_query.to, "destination municipality code");
  travel_times->add_option("--orp", travel_query.orp,
                           "print the matrix within this ORP as CSV (the import format)");
  travel_times->add_option("--mode", travel_query.mode, "car or pt (default: both)");
  travel_times->add_option("--check", travel_query.check,
                           "check a matrix CSV against the territory, report its problems");

  auto* checkpoint_cmd = app.add_subcommand(
      "checkpoint", "write the snapshot checkpoint that makes `serve` start quickly");
  AddCommon(checkpoint_cmd, common);
  checkpoint_cmd->add_option("--checkpoint", checkpoint,
                             "checkpoint file (default: the database's path + \".checkpoint\")");

  auto* backup = app.add_subcommand("backup", "copy the database to a file while it is in use");
  AddCommon(backup, common);
  std::string target;
  backup->add_option("target", target, "the backup file to write")->required();

  auto* check = app.add_subcommand("check", "check integrity and references of a database");
  AddCommon(check, common);

  auto* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "create a user; prints a one-time password");
  AddCommon(user_add, common);
  UserOptions user_options;
  user_add->add_option("--login", user_options.login, "what the user signs in with")->required();
  user_add
      ->add_option("--role", user_options.role,
                   "admin, methodologist, regional_coordinator, networker, actor_editor or "
                   "viewer")
      ->required();
  user_add->add_option("--name", user_options.name, "display name (default: the login)");
  user_add->add_option("--email", user_options.email, "e-mail address");
  user_add->add_option("--region", user_options.regions, "region code (regional coordinator)");
  user_add->add_option("--orp", user_options.orps, "ORP code (networker, viewer)");
  user_add->add_option("--actor", user_options.actors, "actor id (actor editor)");

  auto* token = app.add_subcommand("token", "manage API tokens");
  token->require_subcommand(1);
  auto* token_add = token->add_subcommand("add", "create an API token of a user; prints it once");
  AddCommon(token_add, common);
  TokenOptions token_options;
  token_add->add_option("--login", token_options.login, "the user the token acts as")->required();
  token_add->add_option("--scope", token_options.scope, "read (default) or write");
  token_add->add_option("--name", token_options.name, "what the token is for (default: cli)");

  CLI11_PARSE(app, argc, argv);
  if (init->parsed()) return Init(common, children_csv);
  if (demo->parsed())
    return WriteBatch(common, "demo",
                      [&](const Territory& t, const ReferenceData& r) -> Result<RecordBatch> {
                        auto facts = ReadFile(common.data_dir + "/demo/seed-facts.json");
                        if (!facts.ok()) return facts.status();
                        auto work = ReadFile(common.data_dir + "/demo/seed-networking.json");
                        if (!work.ok()) return work.status();
                        return BuildDemoNetwork(t, r, *facts, *work, seed);
                      });
  if (generate->parsed())
    return WriteBatch(common, "generate", [&](const Territory& t, const ReferenceData& r) {
      return GenerateNetwork(t, r, gen);
    });
  if (serve->parsed()) {
    UseHugePageHeap(argv);
    return Serve(common, http, travel, secure_cookies, store_options, checkpoint, public_url);
  }
  if (checkpoint_cmd->parsed()) return Checkpoint(common, checkpoint);
  if (travel_times->parsed()) return TravelTimes(common, travel, travel_query);
  if (backup->parsed()) return Backup(common, target);
  if (check->parsed()) return Check(common);
  if (user_add->parsed()) return AddUser(common, user_options);
  if (token_add->parsed()) return AddToken(common, token_options);
  return 0;
}

}  // namespace
}  // namespace prosit

int main(int argc, char** argv) {
  try {
    return prosit::Run(argc, argv);
  } catch (const std::exception& e) {  // a bug: say so instead of aborting silently
    std::cerr << "prosit: unexpected failure: " << e.what() << "\n";
    return 1;
  }
}
