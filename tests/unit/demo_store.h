#pragma once
// The demo network of the seeds (what `prosit demo` writes) in a fresh store, for the
// unit tests that read pages, documents or answers of a realistic network.

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>

#include "app/clock.h"
#include "app/database_setup.h"
#include "app/records/record_batch.h"
#include "datasets/generator.h"
#include "test_data.h"

namespace prosit::testing {

// A file of the source tree as text.
inline std::string SourceText(const std::string& path) {
  std::ifstream in(std::string(PROSIT_SOURCE_DIR "/") + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The store at `path`, initialised with the data folder and holding the demo network —
// with what `change` plants in it first, if given; nullptr (with the test failed) when any
// step fails.
inline std::unique_ptr<Store> OpenDemoStore(
    const std::string& path, const std::function<void(RecordBatch&)>& change = nullptr) {
  auto store = OpenStore(path);
  EXPECT_TRUE(store.ok());
  if (!store.ok()) return nullptr;
  Author author{"test", SystemClock().now()};
  Status init = InitDatabase(**store, PROSIT_SOURCE_DIR "/data", author);
  EXPECT_TRUE(init.ok()) << init.ToString();
  auto batch =
      BuildDemoNetwork(RealTerritory(), RealReference(), SourceText("data/demo/seed-facts.json"),
                       SourceText("data/demo/seed-networking.json"), 1);
  EXPECT_TRUE(batch.ok());
  if (!init.ok() || !batch.ok()) return nullptr;
  if (change) change(*batch);
  auto written =
      ImportNetworkBatch(**store, std::move(*batch), RealTerritory(), RealReference(), author);
  EXPECT_TRUE(written.ok()) << written.status().ToString();
  return written.ok() ? std::move(*store) : nullptr;
}

}  // namespace prosit::testing
