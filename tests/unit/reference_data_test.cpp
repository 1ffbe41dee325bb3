#include <gtest/gtest.h>

#include "test_data.h"

namespace prosit {

using testing::RealReference;
using testing::RealReferenceDocuments;

TEST(ReferenceData, LoadsTheShippedModel) {
  const ReferenceData& ref = RealReference();
  EXPECT_EQ(ref.need_areas.size(), 6u);
  EXPECT_EQ(ref.support_levels.size(), 4u);
  EXPECT_EQ(ref.model_cells.size(), 24u);
  EXPECT_EQ(ref.situations.size(), 12u);
  ASSERT_NE(ref.FindServiceType("ss65"), nullptr);
  EXPECT_EQ(ref.FindServiceType("ss65")->sector, "social");
  EXPECT_EQ(ref.FindLevel(3)->max_minutes_car, 30);
  for (const auto& cell : ref.model_cells)
    for (const auto& t : cell.service_types) EXPECT_NE(ref.FindServiceType(t), nullptr) << t;
}

TEST(ReferenceData, EveryTypeHasBothLabels) {
  for (const auto& t : RealReference().service_types) {
    EXPECT_FALSE(t.label.cs.empty()) << t.id;
    EXPECT_FALSE(t.label.en.empty()) << t.id;
  }
}

TEST(ReferenceData, RejectsUnknownIdsAcrossDocuments) {
  ReferenceDocuments docs = RealReferenceDocuments();
  auto& cells = docs["optimal_model"];
  size_t at = cells.find("\"edu_a00\"");
  ASSERT_NE(at, std::string::npos);
  cells.replace(at, 9, "\"no_such\"");
  auto r = ParseReferenceData(docs);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalid);
  EXPECT_NE(r.status().ToString().find("no_such"), std::string::npos);
}

TEST(ReferenceData, RejectsBrokenJsonAndWrongTypes) {
  ReferenceDocuments docs = RealReferenceDocuments();
  docs["sectors"] = "[{\"id\": 5}]";
  auto r = ParseReferenceData(docs);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().ToString().find("sectors[0].id"), std::string::npos);
  docs = RealReferenceDocuments();
  docs["need_areas"] = "[{";
  EXPECT_EQ(ParseReferenceData(docs).status().code(), StatusCode::kMalformed);
  docs = RealReferenceDocuments();
  docs.erase("service_types");
  EXPECT_FALSE(ParseReferenceData(docs).ok());
}

}  // namespace prosit
