#pragma once
// Provenance: where a record comes from — entered by a person or an import (a real
// record), taken from the seeds (the document the demo retells), or invented by the demo
// or the dataset generator. A record is demo data exactly when it was not entered, so
// `is_demo` and `source` always agree; JSON names it "source".

#include <cstdint>
#include <optional>
#include <string_view>

namespace prosit {

enum class Provenance : uint8_t { kEntered, kSeeds, kInvented };

const char* ToString(Provenance p);  // "entered", "seeds", "invented"
std::optional<Provenance> ParseProvenance(std::string_view text);
inline bool IsDemo(Provenance p) { return p != Provenance::kEntered; }
// The source a record states when written: a demo record made without one was invented
// (as JSON that says "demo" alone is read).
inline Provenance StatedSource(bool is_demo, Provenance source) {
  return is_demo && source == Provenance::kEntered ? Provenance::kInvented : source;
}

// How many records of each provenance a figure rests on: analyses count them while they
// read the records, so that a figure resting on invented data says so.
struct ProvenanceCounts {
  int64_t entered = 0, seeds = 0, invented = 0;

  void Add(Provenance p) {
    if (p == Provenance::kEntered)
      ++entered;
    else if (p == Provenance::kSeeds)
      ++seeds;
    else
      ++invented;
  }
  ProvenanceCounts& operator+=(const ProvenanceCounts& o) {
    entered += o.entered;
    seeds += o.seeds;
    invented += o.invented;
    return *this;
  }
  int64_t total() const { return entered + seeds + invented; }
  bool operator==(const ProvenanceCounts&) const = default;
};

}  // namespace prosit
