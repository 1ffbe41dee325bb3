#pragma once
// DatasetGenerator: plausible actors and service cards on the real territory — the
// demo dataset of Pardubický kraj (grounded in the seeds' facts) and deterministic
// national-scale datasets for benchmarks and load tests. Same seed, same output.

#include <cstdint>
#include <string>
#include <vector>

#include "app/records/record_batch.h"
#include "model/reference_data.h"
#include "model/territory.h"

namespace prosit {

struct GeneratorOptions {
  std::vector<std::string> orp_codes;  // empty: every ORP of the country
  size_t services = 60000;             // about how many service cards in all
  size_t meetings = 0;                 // about how many meetings in all; 0: 2–6 a month an ORP
  uint64_t seed = 1;
};

// A generated network over the chosen ORPs; every record is marked as demo data. Each ORP
// gets about 4 meetings a month over 2017–2019 (or its share of `meetings`), a need per 5
// meetings (at most 100 an ORP) and a declared tie per 5 actors.
Result<RecordBatch> GenerateNetwork(const Territory& territory, const ReferenceData& reference,
                                    const GeneratorOptions& options);

// The demo dataset: Pardubický kraj's 15 ORPs; the seven ORPs the seeds describe use the
// facts of data/demo/seed-facts.json (its text is `seed_facts_json`), the rest and the
// everyday services (schools, doctors…) are generated. At least 300 service cards.
// The seven ORPs also get the networker's meetings from the day networking started there
// until 2019-06-30, the needs of data/demo/seed-networking.json (`seed_networking_json`)
// found at those meetings, and declared ties between their actors.
Result<RecordBatch> BuildDemoNetwork(const Territory& territory, const ReferenceData& reference,
                                     const std::string& seed_facts_json,
                                     const std::string& seed_networking_json, uint64_t seed);

}  // namespace prosit
