// The regional summary and the public leaflet as Documents (their content before any
// layout), the map they draw, and the pieces beneath: the regions' locatives and the
// municipalities' rings.

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "analysis/great_circle_travel.h"
#include "app/clock.h"
#include "app/database_setup.h"
#include "app/documents/czech_figures.h"
#include "app/documents/public_leaflet.h"
#include "app/documents/region_summary.h"
#include "app/documents/share_map.h"
#include "app/records/record_batch.h"
#include "app/snapshot/snapshot_keeper.h"
#include "datasets/generator.h"
#include "demo_store.h"
#include "io/csv_reader.h"
#include "model/region_names.h"
#include "test_data.h"

namespace prosit {
namespace {

using testing::RealReference;
using testing::RealTerritory;

constexpr const char* kDemoRegion = "CZ053";

const MunicipalityShapes& Shapes() {
  static const std::unique_ptr<MunicipalityShapes> shapes = [] {
    auto r =
        MunicipalityShapes::Parse(testing::SourceText("data/territory/municipalities.topo.json"));
    if (!r.ok()) throw std::runtime_error(r.status().ToString());
    return std::move(*r);
  }();
  return *shapes;
}

// Every text a document shows, joined: what a reader (or pdftotext) would find.
std::string TextOf(const Document& doc) {
  std::string out = doc.title + "\n" + doc.subtitle + "\n";
  for (const Block& b : doc.blocks) {
    if (auto* h = std::get_if<Heading>(&b)) out += h->text + "\n";
    if (auto* p = std::get_if<Paragraph>(&b)) out += PlainText(p->runs) + "\n";
    if (auto* l = std::get_if<BulletList>(&b))
      for (const RichText& item : l->items) out += PlainText(item) + "\n";
    if (auto* t = std::get_if<Table>(&b)) {
      for (const std::string& h : t->header) out += h + "\t";
      for (const auto& row : t->rows)
        for (const RichText& cell : row) out += PlainText(cell) + "\t";
      out += t->caption + "\n";
    }
    if (auto* f = std::get_if<Figure>(&b)) {
      out += f->caption + "\n";
      for (const Shape& s : f->drawing.shapes)
        if (auto* label = std::get_if<LabelShape>(&s)) out += label->text + "\n";
    }
    if (auto* q = std::get_if<QrCode>(&b)) out += q->payload + "\n" + q->caption + "\n";
  }
  return out;
}

// The demo network in a store, its snapshot and an analysis basis over it.
class DemoDocuments : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TempDatabase();
    store_ = testing::OpenDemoStore(db_->path()).release();
    ASSERT_NE(store_, nullptr);
    keeper_ = new SnapshotKeeper(*store_);
    ASSERT_TRUE(keeper_->Load().ok());
    analysis_ =
        new AnalysisBasisKeeper(keeper_->Current()->frame, std::make_shared<GreatCircleTravel>());
  }
  static void TearDownTestSuite() {
    delete analysis_;
    delete keeper_;
    delete store_;
    delete db_;
  }
  static std::shared_ptr<const AnalysisBasis> Basis() {
    auto b = analysis_->Basis(keeper_->Current());
    EXPECT_TRUE(b.ok());
    return *b;
  }
  static Caller As(Role role, std::vector<std::string> territories) {
    Principal p;
    p.user.login = "u";
    p.user.role = role;
    p.user.territories = std::move(territories);
    return Caller::Of(p, keeper_->Current()->frame->territory);
  }
  // The ORPs the demo networks (those with a participation).
  static std::set<std::string> DemoOrps() {
    std::set<std::string> out;
    for (const auto& [id, p] : keeper_->Current()->participations)
      if (!IsRegionCode(p->orp_code)) out.insert(p->orp_code);
    return out;
  }

  static testing::TempDatabase* db_;
  static Store* store_;
  static SnapshotKeeper* keeper_;
  static AnalysisBasisKeeper* analysis_;
};
testing::TempDatabase* DemoDocuments::db_ = nullptr;
Store* DemoDocuments::store_ = nullptr;
SnapshotKeeper* DemoDocuments::keeper_ = nullptr;
AnalysisBasisKeeper* DemoDocuments::analysis_ = nullptr;

TEST(RegionNames, EveryRegionOfTheTerritoryHasItsLocative) {
  for (const Region& r : RealTerritory().regions()) {
    std::string loc = RegionLocative(r.code);
    ASSERT_FALSE(loc.empty()) << r.code;
    EXPECT_TRUE(loc.rfind("v ", 0) == 0 || loc.rfind("ve ", 0) == 0) << loc;
  }
  EXPECT_EQ(RegionLocative("CZ053"), "v Pardubickém kraji");
  EXPECT_EQ(RegionLocative("CZ020"), "ve Středočeském kraji");
  EXPECT_EQ(RegionLocative("CZ063"), "v Kraji Vysočina");
  EXPECT_EQ(RegionLocative("CZ010"), "v hlavním městě Praze");
  EXPECT_EQ(RegionLocative("5304"), "");
}

TEST(CzechFigures, GroupThousandsAndRoundPercentages) {
  EXPECT_EQ(CzechCount(0), "0");
  EXPECT_EQ(CzechCount(999), "999");
  EXPECT_EQ(CzechCount(12345), "12\u00A0345");
  EXPECT_EQ(CzechCount(1234567), "1\u00A0234\u00A0567");
  EXPECT_EQ(CzechPercent(0.875), "88\u00A0%");
  EXPECT_EQ(CzechPercent(std::nullopt), "–");
}

TEST(MunicipalityRings, DecodeClosedRingsInsideTheCountry) {
  const Territory& t = RealTerritory();
  size_t checked = 0;
  for (size_t i : t.MunicipalitiesOfOrp("5304")) {
    const Municipality& m = t.municipalities()[i];
    auto rings = Shapes().Rings(m.code);
    ASSERT_FALSE(rings.empty()) << m.code;
    for (const auto& ring : rings) {
      EXPECT_GE(ring.size(), 4u);
      EXPECT_NEAR(ring.front().lon, ring.back().lon, 1e-9) << m.code;  // closed
      EXPECT_NEAR(ring.front().lat, ring.back().lat, 1e-9) << m.code;
      for (const auto& p : ring) {
        EXPECT_GT(p.lon, 12.0);
        EXPECT_LT(p.lon, 19.0);
        EXPECT_GT(p.lat, 48.5);
        EXPECT_LT(p.lat, 51.1);
      }
    }
    // The municipality's point lies within its rings' bounding box.
    double lon_min = 99, lon_max = -99, lat_min = 99, lat_max = -99;
    for (const auto& ring : rings)
      for (const auto& p : ring) {
        lon_min = std::min(lon_min, p.lon), lon_max = std::max(lon_max, p.lon);
        lat_min = std::min(lat_min, p.lat), lat_max = std::max(lat_max, p.lat);
      }
    EXPECT_TRUE(m.location.lon > lon_min - 0.01 && m.location.lon < lon_max + 0.01) << m.code;
    EXPECT_TRUE(m.location.lat > lat_min - 0.01 && m.location.lat < lat_max + 0.01) << m.code;
    ++checked;
  }
  EXPECT_GT(checked, 10u);
  EXPECT_TRUE(Shapes().Rings("000000").empty());
}

TEST(ShareMap, ColoursByClassWithLegendAndScaleBar) {
  EXPECT_EQ(ShareColour(0.0), ShareColour(0.19));
  EXPECT_NE(ShareColour(0.19), ShareColour(0.21));
  EXPECT_EQ(ShareColour(1.0), ShareColour(0.8));
  EXPECT_NE(ShareColour(std::nullopt), ShareColour(0.0));
  EXPECT_EQ(ScaleBarKm(100), 20);
  EXPECT_EQ(ScaleBarKm(30), 5);
  EXPECT_EQ(ScaleBarKm(3), 1);

  const Territory& t = RealTerritory();
  ShareMapInput in;
  in.legend_title = "Legenda";
  std::vector<size_t> places = t.MunicipalitiesOfOrp("5304");
  for (size_t k = 0; k < places.size(); ++k)
    in.share_by_municipality[t.municipalities()[places[k]].code] = (k % 6) / 5.0;
  in.orps.push_back(t.FindOrp("5304"));
  Drawing d = DrawShareMap(Shapes(), in);
  size_t paths = 0;
  std::set<Rgb> fills;
  std::vector<std::string> labels;
  for (const Shape& s : d.shapes) {
    if (auto* p = std::get_if<PathShape>(&s)) {
      ++paths;
      fills.insert(p->fill);
      for (const auto& ring : p->rings)
        for (const Point& pt : ring) {
          EXPECT_GE(pt.x, -1e-6);
          EXPECT_LE(pt.x, d.width + 1e-6);
          EXPECT_GE(pt.y, -1e-6);
          EXPECT_LE(pt.y, d.height);
        }
    }
    if (auto* l = std::get_if<LabelShape>(&s)) labels.push_back(l->text);
  }
  EXPECT_EQ(paths, places.size());
  EXPECT_EQ(fills.size(), 5u);  // shares 0, .2, .4, .6, .8 and 1 (with .8) fall in 5 classes
  auto has = [&](const std::string& text) {
    return std::find(labels.begin(), labels.end(), text) != labels.end();
  };
  EXPECT_TRUE(has("Legenda"));
  EXPECT_TRUE(has("Chrudim"));  // ORP 5304 at its seat
  EXPECT_TRUE(has("0–20\u00A0%"));
  EXPECT_TRUE(has("80–100\u00A0%"));
  bool scale = false;
  for (const std::string& l : labels) scale |= l.find("\u00A0km") != std::string::npos;
  EXPECT_TRUE(scale);
}

TEST_F(DemoDocuments, RegionSummaryHasEverySectionAndEveryOrpOfTheRegion) {
  auto basis = Basis();
  auto doc = RegionSummaryDocument(As(Role::kRegionalCoordinator, {kDemoRegion}), *basis, &Shapes(),
                                   kDemoRegion, "2026-12-03");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->title, "Síťování služeb pro děti a jejich rodiny v Pardubickém kraji");
  std::string text = TextOf(*doc);
  for (const char* h : kRegionSummaryHeadings) EXPECT_NE(text.find(h), std::string::npos) << h;
  const Territory& t = basis->frame().territory;
  for (const std::string& code : t.OrpsOfRegion(kDemoRegion))
    EXPECT_NE(text.find(t.FindOrp(code)->name), std::string::npos) << code;
  bool map = false;
  for (const Block& b : doc->blocks)
    if (auto* f = std::get_if<Figure>(&b)) map |= f->drawing.shapes.size() > 100;
  EXPECT_TRUE(map);
}

TEST_F(DemoDocuments, RegionSummaryIsTheRegionsToRead) {
  auto basis = Basis();
  // A networker of another region, and one of a single ORP of the region (the summary
  // holds every ORP's internal records), are refused; the public too.
  EXPECT_EQ(RegionSummaryDocument(As(Role::kNetworker, {"2101"}), *basis, &Shapes(), kDemoRegion,
                                  "2026-12-03")
                .status()
                .code(),
            StatusCode::kForbidden);
  EXPECT_EQ(RegionSummaryDocument(As(Role::kNetworker, {"5304"}), *basis, &Shapes(), kDemoRegion,
                                  "2026-12-03")
                .status()
                .code(),
            StatusCode::kForbidden);
  EXPECT_FALSE(
      RegionSummaryDocument(Caller::Public(), *basis, &Shapes(), kDemoRegion, "2026-12-03").ok());
  EXPECT_TRUE(
      RegionSummaryDocument(As(Role::kAdmin, {}), *basis, nullptr, kDemoRegion, "2026-12-03").ok());
  EXPECT_EQ(RegionSummaryDocument(As(Role::kAdmin, {}), *basis, nullptr, "CZ999", "2026-12-03")
                .status()
                .code(),
            StatusCode::kNotFound);
}

TEST_F(DemoDocuments, LeafletNamesEverySituationAndNoInternalRecord) {
  auto snap = keeper_->Current();
  std::set<std::string> orps = DemoOrps();
  ASSERT_FALSE(orps.empty());
  for (const std::string& code : orps) {
    auto doc = OrpLeafletDocument(*snap, code, {"https://prosit.example", 3});
    ASSERT_TRUE(doc.ok()) << code;
    std::string text = TextOf(*doc);
    for (const ModelSituation& s : snap->frame->reference.situations)
      EXPECT_NE(text.find(s.label.cs), std::string::npos) << code << " " << s.id;
    EXPECT_NE(text.find("https://prosit.example/verejne/orp/" + code), std::string::npos);
    // Nothing internal: no unpublished card's name (unless a published card shares it),
    // no non-public contact, no confidential street.
    std::set<std::string> published_names, public_contacts;
    for (const auto& [id, e] : snap->cards)
      if (e->card.published) {
        published_names.insert(e->card.name);
        for (const Contact& k : e->card.contacts)
          if (k.is_public) public_contacts.insert({k.phone, k.email});
      }
    size_t listed = 0;
    for (const auto& [id, e] : snap->cards) {
      const ServiceCard& c = e->card;
      if (!c.published && !published_names.count(c.name)) {
        EXPECT_EQ(text.find(c.name), std::string::npos) << code << " internal " << c.name;
      }
      for (const Contact& k : c.contacts)
        if (!k.is_public) {
          if (!k.phone.empty() && !public_contacts.count(k.phone)) {
            EXPECT_EQ(text.find(k.phone), std::string::npos) << k.phone;
          }
          if (!k.email.empty() && !public_contacts.count(k.email)) {
            EXPECT_EQ(text.find(k.email), std::string::npos) << k.email;
          }
        }
      if (c.confidential_address)
        for (const auto& l : c.locations) {
          if (l.street.empty()) continue;
          EXPECT_EQ(text.find(l.street), std::string::npos) << l.street;
        }
      listed += c.published && text.find(c.name) != std::string::npos;
    }
    EXPECT_GT(listed, 0u) << code;
  }
}

TEST_F(DemoDocuments, LeafletPutsOspodFirstWhereSafetyIsAtStake) {
  auto snap = keeper_->Current();
  auto doc = OrpLeafletDocument(*snap, "5304", {"https://prosit.example", 3});
  ASSERT_TRUE(doc.ok());
  // The list after the heading "Někdo ubližuje dítěti" starts with an OSPOD card.
  std::string abuse;
  for (const ModelSituation& s : snap->frame->reference.situations)
    if (s.id == "child_abuse") abuse = s.label.cs;
  std::set<std::string> ospod;  // the names of the published OSPOD cards
  for (const auto& [id, e] : snap->cards)
    if (e->card.published && e->card.service_type == "ospod_spod") ospod.insert(e->card.name);
  ASSERT_FALSE(ospod.empty());
  bool after = false, checked = false;
  for (const Block& b : doc->blocks) {
    if (auto* h = std::get_if<Heading>(&b)) after = h->text == abuse;
    if (auto* l = std::get_if<BulletList>(&b); l && after && !checked) {
      ASSERT_FALSE(l->items.empty());
      EXPECT_TRUE(ospod.count(l->items.front().front().text)) << PlainText(l->items.front());
      checked = true;
    }
  }
  EXPECT_TRUE(checked);
  // Fewer cards per situation make a shorter leaflet.
  auto one = OrpLeafletDocument(*snap, "5304", {"https://prosit.example", 1});
  ASSERT_TRUE(one.ok());
  EXPECT_LT(TextOf(*one).size(), TextOf(*doc).size());
  EXPECT_EQ(OrpLeafletDocument(*snap, "0000", {}).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace prosit
