#pragma once
// SeedFacts: data/demo/seed-facts.json — the actors and services of seven ORPs of
// Pardubický kraj as the seeds describe them — read into plain structs.

#include <optional>
#include <string>
#include <vector>

#include "model/reference_data.h"
#include "model/service_card.h"
#include "model/status.h"
#include "model/territory.h"

namespace prosit {

// One service of a seed actor.
struct SeedService {
  std::string type;
  std::string name;
  std::string does;
  std::string does_not;
  std::vector<std::string> forms;
  std::vector<std::string> delivery_municipality_codes;
  TerritoryServed territory;
  std::optional<double> capacity;
  std::string capacity_unit;
  int age_min = 0;
  int age_max = 18;
  Access access = Access::kDirect;
};

// One actor of a seed ORP.
struct SeedActor {
  std::string name;
  std::string sector;
  std::string actor_type;
  std::string seat_municipality_code;
  bool from_seeds = false;
  std::vector<SeedService> services;
};

// One ORP the seeds describe.
struct SeedOrp {
  std::string orp_code;
  std::string networking_started;
  std::string networker;
  std::vector<std::string> facts;
  std::vector<SeedActor> actors;
};

// The whole file.
struct SeedFacts {
  std::string source;
  std::vector<SeedOrp> orps;
};

// Parses the file's text; errors are Status::Invalid naming the file and the field.
Result<SeedFacts> ParseSeedFacts(const std::string& json_text);

// Checks that every code and id the facts name exists in the territory and reference.
Status CheckSeedFacts(const SeedFacts& facts, const Territory& territory,
                      const ReferenceData& reference);

}  // namespace prosit
