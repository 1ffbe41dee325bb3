#include <gtest/gtest.h>

#include "io/label_catalog.h"
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

// The situations as shipped meet the rules of a new version: the navigator has services to
// find for each, and each says for whom it is worded.
TEST(ModelSituations, ShippedOnesArePublishable) {
  const ReferenceData& ref = RealReference();
  FieldErrors problems = PublicationProblems(ref);
  EXPECT_TRUE(problems.empty()) << Status::Invalid("", problems).ToString();
  for (const ModelSituation& s : ref.situations) {
    EXPECT_FALSE(s.service_types.empty()) << s.id;
    EXPECT_FALSE(s.audience.empty()) << s.id;
  }
  const ModelSituation* abuse = nullptr;
  for (const ModelSituation& s : ref.situations)
    if (s.id == "child_abuse") abuse = &s;
  ASSERT_NE(abuse, nullptr);
  EXPECT_EQ(abuse->responsible_service_types.front(), "ospod_spod");
}

namespace {

// Czech readers get every message of the situations' rules in Czech.
void ExpectCzech(const FieldErrors& errors) {
  for (const auto& [field, message] : errors)
    EXPECT_NE(LabelCatalog::BuiltIn().Message(message, Lang::kCs), message) << field;
}

// Replaces the first `what` of the situation `id` in the model_situations document.
void EditSituation(ReferenceDocuments& docs, const std::string& id, const std::string& what,
                   const std::string& with) {
  std::string& text = docs["model_situations"];
  size_t from = text.find("\"id\": \"" + id + "\"");
  ASSERT_NE(from, std::string::npos) << id;
  size_t at = text.find(what, from);
  ASSERT_NE(at, std::string::npos) << what;
  text.replace(at, what.size(), with);
}

// The index of situation `id` in the shipped document, as fields name it.
std::string SituationField(const std::string& id, const std::string& field) {
  const auto& all = RealReference().situations;
  for (size_t i = 0; i < all.size(); ++i)
    if (all[i].id == id) return "model_situations[" + std::to_string(i) + "]." + field;
  ADD_FAILURE() << id;
  return "";
}

}  // namespace

TEST(ModelSituations, UnknownServiceTypeOrAudienceNamesTheSituationAndField) {
  ReferenceDocuments docs = RealReferenceDocuments();
  EditSituation(docs, "debts", "\"ss37_debt\"", "\"ss37_dept\"");
  EditSituation(docs, "child_abuse", "\"police_cr\"", "\"policie\"");
  EditSituation(docs, "teacher_concern", "\"teachers\"", "\"teacher\"");
  auto r = ParseReferenceData(docs);
  ASSERT_FALSE(r.ok());
  const FieldErrors& f = r.status().fields();
  ASSERT_EQ(f.count(SituationField("debts", "service_types")), 1u) << r.status().ToString();
  EXPECT_EQ(f.at(SituationField("debts", "service_types")),
            "debts: unknown service type 'ss37_dept'");
  ASSERT_EQ(f.count(SituationField("child_abuse", "responsible_service_types")), 1u);
  EXPECT_EQ(f.at(SituationField("child_abuse", "responsible_service_types")),
            "child_abuse: unknown service type 'policie'");
  ASSERT_EQ(f.count(SituationField("teacher_concern", "audience")), 1u);
  EXPECT_NE(f.at(SituationField("teacher_concern", "audience")).find("'teacher'"),
            std::string::npos);
  EXPECT_EQ(f.size(), 3u) << r.status().ToString();
  ExpectCzech(f);
}

// Versions stored before situations named their services still load: the rules of a new
// version are not the rules of reading one.
TEST(ModelSituations, OlderVersionsWithoutServicesStillLoad) {
  ReferenceDocuments docs = RealReferenceDocuments();
  // A situation as stored before: no service types, no audience.
  docs["model_situations"] =
      "[{\"id\": \"debts\", \"cs\": \"Máme dluhy\", \"en\": \"Debts\", "
      "\"need_areas\": [\"material\"], \"levels\": [2], \"safety_first\": \"no\", "
      "\"advice_cs\": \"a\", \"advice_en\": \"b\"}]";
  auto r = ParseReferenceData(docs);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  FieldErrors problems = PublicationProblems(*r);
  EXPECT_EQ(problems.at("model_situations[0].service_types"),
            "debts: names no service that can help");
  EXPECT_EQ(problems.count("model_situations[0].audience"), 1u);
  EXPECT_EQ(problems.count("model_situations[0].responsible_service_types"), 0u);
  ExpectCzech(problems);
}

TEST(ModelSituations, PublicationRulesNameEachProblem) {
  ReferenceDocuments docs = RealReferenceDocuments();
  // A housing type for a child being hurt meets none of its areas (safety).
  EditSituation(docs, "child_abuse", "\"service_types\": [",
                "\"service_types\": [\"housing_crisis\", ");
  // A type both responsible and helping.
  EditSituation(docs, "debts", "\"service_types\": [",
                "\"service_types\": [\"lg_social_worker\", ");
  EditSituation(docs, "self_harm", "\"en\": \"My child harms themselves or talks about death\"",
                "\"en\": \"\"");
  EditSituation(docs, "parents_separating", "\"audience\": [\n      \"parents\"",
                "\"audience\": [\n      \"parents\", \"parents\"");
  auto r = ParseReferenceData(docs);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  FieldErrors f = PublicationProblems(*r);
  EXPECT_EQ(f.size(), 4u) << Status::Invalid("", f).ToString();
  EXPECT_NE(f[SituationField("child_abuse", "service_types")].find(
                "child_abuse: 'housing_crisis' meets none of the situation's need areas"),
            std::string::npos);
  EXPECT_NE(f[SituationField("debts", "service_types")].find(
                "debts: 'lg_social_worker' is both responsible and helping"),
            std::string::npos);
  EXPECT_EQ(f[SituationField("self_harm", "en")], "self_harm: the English wording is empty");
  EXPECT_NE(f[SituationField("parents_separating", "audience")].find("is given twice"),
            std::string::npos);
  ExpectCzech(f);
  EXPECT_EQ(LabelCatalog::BuiltIn().Message(f[SituationField("self_harm", "en")], Lang::kCs),
            "self_harm: chybí anglické znění situace");
}

}  // namespace prosit
