// The ORP analysis as content: every chapter in order with the catalog's headings, the
// networker's texts in their chapters, the figures drawn from the data, and the file name.

#include "app/documents/orp_analysis.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analysis/great_circle_travel.h"
#include "app/database_setup.h"
#include "app/documents/orp_analysis_figures.h"
#include "app/records/record_commands.h"
#include "app/snapshot/snapshot_keeper.h"
#include "model/analysis_text.h"
#include "test_data.h"

namespace prosit {

namespace {

class OrpAnalysisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TempDatabase();
    store_ = std::move(*OpenStore(db_->path()));
    keeper_ = new SnapshotKeeper(*store_);
    commands_ = new RecordCommands(*store_, *keeper_, FixedClock("2026-11-24T00:00:00Z"));
    ASSERT_TRUE(
        InitDatabase(*store_, PROSIT_SOURCE_DIR "/data", {"test", "2026-11-24T00:00:00Z"}).ok());
    ASSERT_TRUE(keeper_->Load().ok());
    nlohmann::json text = {{"orp_code", "5304"},
                           {"introduction", "Úvodní slovo síťařky z Chrudimi."},
                           {"cooperation", "První odstavec.\n\nDruhý odstavec o spolupráci."}};
    ASSERT_TRUE(
        commands_->Create(EntityKind::kAnalysisText, text.dump(), Caller::System("test")).ok());
    analysis_ =
        new AnalysisBasisKeeper(keeper_->Current()->frame, std::make_shared<GreatCircleTravel>());
    std::ifstream in(PROSIT_SOURCE_DIR "/data/territory/municipalities.topo.json");
    std::stringstream buf;
    buf << in.rdbuf();
    shapes_ = std::move(*MunicipalityShapes::Parse(buf.str()));
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete commands_;
    delete keeper_;
    store_.reset();
    shapes_.reset();
    delete db_;
  }

  static Document Build(const std::string& code, Lang lang) {
    auto basis = analysis_->Basis(keeper_->Current());
    EXPECT_TRUE(basis.ok());
    auto doc = OrpAnalysisDocument(Caller::System("test"), **basis, shapes_.get(),
                                   {code, lang, "2026-11-24"});
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    return doc.ok() ? *doc : Document{};
  }

  static testing::TempDatabase* db_;
  static std::unique_ptr<Store> store_;
  static SnapshotKeeper* keeper_;
  static RecordCommands* commands_;
  static AnalysisBasisKeeper* analysis_;
  static std::unique_ptr<MunicipalityShapes> shapes_;
};

testing::TempDatabase* OrpAnalysisTest::db_ = nullptr;
std::unique_ptr<Store> OrpAnalysisTest::store_;
SnapshotKeeper* OrpAnalysisTest::keeper_ = nullptr;
RecordCommands* OrpAnalysisTest::commands_ = nullptr;
AnalysisBasisKeeper* OrpAnalysisTest::analysis_ = nullptr;
std::unique_ptr<MunicipalityShapes> OrpAnalysisTest::shapes_;

std::vector<std::string> Chapters(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks)
    if (const auto* h = std::get_if<Heading>(&b); h && h->level == 1) out.push_back(h->text);
  return out;
}

std::vector<std::string> Quotes(const Document& d) {
  std::vector<std::string> out;
  for (const Block& b : d.blocks)
    if (const auto* p = std::get_if<Paragraph>(&b); p && p->style == ParagraphStyle::kQuote)
      out.push_back(PlainText(p->runs));
  return out;
}

std::vector<const Figure*> Figures(const Document& d) {
  std::vector<const Figure*> out;
  for (const Block& b : d.blocks)
    if (const auto* f = std::get_if<Figure>(&b)) out.push_back(f);
  return out;
}

}  // namespace

TEST_F(OrpAnalysisTest, HasEveryChapterInOrderWithTheCatalogsHeadings) {
  std::vector<std::string> want;
  for (const AnalysisChapter& c : kAnalysisChapters) {
    if (std::string_view(c.key) == "annex") want.push_back("Zdroje");
    want.push_back(c.heading_cs);
  }
  Document d = Build("5304", Lang::kCs);
  EXPECT_EQ(Chapters(d), want);
  EXPECT_EQ(d.title, "Analýza místní sítě služeb a návrh její optimální podoby");
  EXPECT_NE(d.subtitle.find("Chrudim"), std::string::npos);

  std::vector<std::string> want_en;
  for (const AnalysisChapter& c : kAnalysisChapters) {
    if (std::string_view(c.key) == "annex") want_en.push_back("Sources");
    want_en.push_back(c.heading_en);
  }
  EXPECT_EQ(Chapters(Build("5304", Lang::kEn)), want_en);
}

TEST_F(OrpAnalysisTest, PlacesTheNetworkersTextsOfItsOwnOrpOnly) {
  EXPECT_EQ(Quotes(Build("5304", Lang::kCs)),
            (std::vector<std::string>{"Úvodní slovo síťařky z Chrudimi.", "První odstavec.",
                                      "Druhý odstavec o spolupráci."}));
  EXPECT_TRUE(Quotes(Build("5302", Lang::kCs)).empty());  // Hlinsko has no text
}

TEST_F(OrpAnalysisTest, DrawsTheMapOfEveryMunicipalityWithAScaleBar) {
  Document d = Build("5304", Lang::kCs);
  const Territory& t = keeper_->Current()->frame->territory;
  size_t municipalities = t.MunicipalitiesOfOrp("5304").size();
  const Figure* map = nullptr;
  for (const Figure* f : Figures(d))
    if (f->caption.find("Obce ORP") == 0) map = f;
  ASSERT_NE(map, nullptr);
  size_t filled = 0;
  bool scale = false;
  for (const Shape& s : map->drawing.shapes) {
    if (const auto* p = std::get_if<PathShape>(&s); p && p->closed && !p->rings.empty()) ++filled;
    if (const auto* l = std::get_if<LabelShape>(&s); l && l->text.find("km") != std::string::npos)
      scale = true;
  }
  EXPECT_EQ(filled, municipalities);
  EXPECT_TRUE(scale);
}

TEST_F(OrpAnalysisTest, ColoursTheCoverageMatrixByStatus) {
  Document d = Build("5304", Lang::kCs);
  const Figure* matrix = nullptr;
  for (const Figure* f : Figures(d))
    if (f->caption.find("Pokrytí") == 0) matrix = f;
  ASSERT_NE(matrix, nullptr);
  const ReferenceData& ref = keeper_->Current()->frame->reference;
  // Without any service every cell of the model is a white spot, drawn white.
  size_t white = 0, cells = 0;
  for (const Shape& s : matrix->drawing.shapes)
    if (const auto* l = std::get_if<LabelShape>(&s); l && l->text == "bílé místo") ++white;
  for (const ModelCell& c : ref.model_cells) cells += c.level > 0;
  EXPECT_EQ(white, cells + 1);  // and once in the legend
  size_t white_fills = 0;
  for (const Shape& s : matrix->drawing.shapes)
    if (const auto* r = std::get_if<RectShape>(&s); r && r->fill == 0xFFFFFFu) ++white_fills;
  EXPECT_EQ(white_fills, cells + 1);
}

TEST_F(OrpAnalysisTest, RefusesACallerWhoMayNotReadTheOrp) {
  auto basis = analysis_->Basis(keeper_->Current());
  ASSERT_TRUE(basis.ok());
  auto doc = OrpAnalysisDocument(Caller::Public(), **basis, shapes_.get(),
                                 {"5304", Lang::kCs, "2026-11-24"});
  EXPECT_FALSE(doc.ok());
}

TEST(OrpAnalysisFileStem, FoldsTheOrpsNameToAscii) {
  EXPECT_EQ(OrpAnalysisFileStem(testing::RealTerritory(), "5304"), "analyza-site-5304-chrudim");
  EXPECT_EQ(OrpAnalysisFileStem(testing::RealTerritory(), "5313"),
            "analyza-site-5313-usti-nad-orlici");
}

}  // namespace prosit
