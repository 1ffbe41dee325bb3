#pragma once
// Shared fixtures for unit tests: the real territory and reference data of the repo,
// loaded once, and temporary database paths.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "io/reference_json.h"
#include "io/territory_csv.h"

namespace prosit::testing {

inline const Territory& RealTerritory() {
  static const Territory t = [] {
    auto r = LoadTerritoryFolder(PROSIT_SOURCE_DIR "/data/territory");
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(*r);
  }();
  return t;
}

inline const ReferenceDocuments& RealReferenceDocuments() {
  static const ReferenceDocuments d = [] {
    auto r = ReadReferenceFolder(PROSIT_SOURCE_DIR "/data/reference");
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(*r);
  }();
  return d;
}

inline const ReferenceData& RealReference() {
  static const ReferenceData ref = [] {
    auto r = ParseReferenceData(RealReferenceDocuments());
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(*r);
  }();
  return ref;
}

// A fresh path under the system's temp folder, removed (with WAL files) at the end.
class TempDatabase {
 public:
  TempDatabase() {
    static int counter = 0;
    path_ = (std::filesystem::temp_directory_path() /
             ("prosit-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".db"))
                .string();
    Remove();
  }
  ~TempDatabase() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
};

}  // namespace prosit::testing
