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
  docs["need_areas"] = "[{";  // one of the problems, named by its document
  auto broken = ParseReferenceData(docs);
  ASSERT_FALSE(broken.ok());
  ASSERT_EQ(broken.status().fields().count("need_areas"), 1u) << broken.status().ToString();
  EXPECT_NE(broken.status().fields().at("need_areas").find("JSON"), std::string::npos);
  docs = RealReferenceDocuments();
  docs.erase("service_types");
  EXPECT_FALSE(ParseReferenceData(docs).ok());
}

// A methodologist fixing a model must see every problem at once, not one per attempt.
TEST(ReferenceData, NamesEveryProblemOfEveryDocumentAtOnce) {
  ReferenceDocuments docs = RealReferenceDocuments();
  auto replace = [&](const std::string& doc, const std::string& what, const std::string& with) {
    size_t at = docs[doc].find(what);
    ASSERT_NE(at, std::string::npos) << what;
    docs[doc].replace(at, what.size(), with);
  };
  replace("optimal_model", "\"edu_a00\"", "\"no_such\"");
  replace("optimal_model", "\"max_minutes_pt\": 20", "\"max_minutes_pts\": 20");
  replace("sectors", "[", "[{\"id\": 5},");
  replace("model_situations", "\"safety_first\": \"", "\"safety_first\": \"x");
  docs["need_areas"].insert(docs["need_areas"].rfind(']'),
                            ",{\"id\": \"safety\", \"cs\": \"b\", "
                            "\"en\": \"s\", \"description_cs\": \"\", \"description_en\": \"\"}");
  docs["extra"] = "[]";
  auto r = ParseReferenceData(docs);
  ASSERT_FALSE(r.ok());
  const FieldErrors& f = r.status().fields();
  for (const char* field : {"optimal_model[0].service_types", "optimal_model[0].max_minutes_pts",
                            "optimal_model[0].max_minutes_pt", "sectors[0].id",
                            "model_situations[0].safety_first", "need_areas[6].id", "extra"})
    EXPECT_EQ(f.count(field), 1u) << field << " in " << r.status().ToString();
}

}  // namespace prosit
