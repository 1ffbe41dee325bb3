// The public site (src/site): its URL table, messages, escaping, cache, and pages rendered
// from the demo network — a confidential card shows no address, an unpublished card is
// the same 404 as an unknown one.
#include "site/public_site.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "demo_store.h"
#include "site/page_cache.h"
#include "site/public_urls.h"
#include "site/site_messages.h"
#include "site/site_pages.h"

namespace prosit {
namespace {

using testing::RealReference;
using testing::RealTerritory;
namespace pu = public_urls;

// ---- The URL table ----

TEST(PublicUrls, EveryPageHasItsCzechAndEnglishPath) {
  EXPECT_EQ(HomeUrl(Lang::kCs), "/verejne/");
  EXPECT_EQ(HomeUrl(Lang::kEn), "/en/public/");
  EXPECT_EQ(CardUrl(Lang::kCs, 42), "/verejne/sluzba/42");
  EXPECT_EQ(CardUrl(Lang::kEn, 42), "/en/public/service/42");
  EXPECT_EQ(SituationsUrl(Lang::kCs), "/verejne/situace/");
  EXPECT_EQ(SituationUrl(Lang::kEn, "debts"), "/en/public/situations/debts");
  EXPECT_EQ(AnswerUrl(Lang::kCs, "debts", "571164"), "/verejne/situace/debts/571164");
  EXPECT_EQ(LeafletUrl(Lang::kCs, "debts", "571164"), "/verejne/situace/debts/571164/letak.pdf");
  EXPECT_EQ(LeafletUrl(Lang::kEn, "debts", "571164"),
            "/en/public/situations/debts/571164/leaflet.pdf");
  EXPECT_EQ(WhoDoesWhatUrl(Lang::kCs, "5304"), "/verejne/orp/5304/kdo-co-dela");
  EXPECT_EQ(WhoDoesWhatUrl(Lang::kEn, "5304"), "/en/public/orp/5304/who-does-what");
  EXPECT_EQ(EmbedUrl(Lang::kCs, "571164"), "/verejne/vlozit/571164");
  EXPECT_EQ(EmbedGuideUrl(Lang::kEn), "/en/public/embed");
}

TEST(PublicUrls, SearchParametersArePercentEncoded) {
  EXPECT_EQ(SearchUrl(Lang::kCs, "Heřmanův Městec", "a&b"),
            "/verejne/hledat?obec=He%C5%99man%C5%AFv%20M%C4%9Bstec&q=a%26b");
  EXPECT_EQ(SearchUrl(Lang::kCs, "Chrudim"), "/verejne/hledat?obec=Chrudim");
  EXPECT_EQ(SearchUrl(Lang::kEn, "571164", "", 3), "/en/public/search?obec=571164&strana=3");
  EXPECT_EQ(SearchUrl(Lang::kCs, "", "x y"), "/verejne/hledat?q=x%20y");
  EXPECT_EQ(CardUrl(Lang::kCs, 1).find('<'), std::string::npos);
  EXPECT_EQ(FillPattern(pu::kSituation.cs, {{"situation", "a/b\"<"}}),
            "/verejne/situace/a%2Fb%22%3C");
}

TEST(PublicUrls, PatternsMatchSegmentBySegmentWithTheTrailingSlash) {
  std::map<std::string, std::string> params;
  EXPECT_TRUE(MatchPattern(pu::kCard.cs, "/verejne/sluzba/17", &params));
  EXPECT_EQ(params["id"], "17");
  EXPECT_FALSE(MatchPattern(pu::kCard.cs, "/verejne/sluzba/", nullptr));
  EXPECT_FALSE(MatchPattern(pu::kCard.cs, "/verejne/sluzba/17/x", nullptr));
  EXPECT_TRUE(MatchPattern(pu::kHome.cs, "/verejne/"));
  EXPECT_FALSE(MatchPattern(pu::kHome.cs, "/verejne"));
  EXPECT_TRUE(MatchPattern(pu::kSituations.cs, "/verejne/situace/"));
  EXPECT_FALSE(MatchPattern(pu::kSituation.cs, "/verejne/situace/"));
  EXPECT_TRUE(MatchPattern(pu::kLeaflet.en, "/en/public/situations/x/571164/leaflet.pdf", &params));
  EXPECT_EQ(params["municipality"], "571164");
}

TEST(PublicUrls, ThePublicSiteOwnsItsPathsOnly) {
  for (const char* p : {"/verejne", "/verejne/", "/verejne/sluzba/1", "/en/public", "/en/public/",
                        "/sitemap.xml", "/robots.txt", "/verejne/widget.js"})
    EXPECT_TRUE(IsPublicPath(p)) << p;
  for (const char* p :
       {"/", "/api/v1/health", "/verejnex", "/en", "/en/publicx", "/assets/x.js", "/orp/5304"})
    EXPECT_FALSE(IsPublicPath(p)) << p;
  EXPECT_EQ(LangOfPath("/en/public/service/1"), Lang::kEn);
  EXPECT_EQ(LangOfPath("/verejne/sluzba/1"), Lang::kCs);
}

TEST(PublicUrls, BothLanguagesOfAPageTakeTheSameParameters) {
  std::regex param(R"(\{[a-z_]+\})");
  for (const UrlPattern& p :
       {pu::kHome, pu::kSearch, pu::kCard, pu::kSituations, pu::kSituation, pu::kAnswer,
        pu::kLeaflet, pu::kWhoDoesWhat, pu::kEmbed, pu::kEmbedGuide}) {
    auto params_of = [&](std::string_view s) {
      std::string text(s);
      std::vector<std::string> out;
      for (auto it = std::sregex_iterator(text.begin(), text.end(), param);
           it != std::sregex_iterator(); ++it)
        out.push_back(it->str());
      return out;
    };
    EXPECT_EQ(params_of(p.cs), params_of(p.en)) << p.cs;
    EXPECT_TRUE(p.cs.starts_with("/verejne/")) << p.cs;
    EXPECT_TRUE(p.en.starts_with("/en/public/")) << p.en;
  }
}

// ---- Messages ----

TEST(SiteMessages, EveryKeyHasBothLanguages) {
  const SiteMessages& m = SiteMessages::BuiltIn();
  ASSERT_FALSE(m.Keys().empty());
  for (const std::string& key : m.Keys()) {
    EXPECT_FALSE(m.Text(key, Lang::kCs).empty()) << key;
    EXPECT_FALSE(m.Text(key, Lang::kEn).empty()) << key;
    EXPECT_TRUE(m.All(Lang::kCs).contains(key));
    EXPECT_TRUE(m.All(Lang::kEn).contains(key));
  }
}

TEST(SiteMessages, ACatalogWithoutALanguageOrWithADuplicateKeyIsRefused) {
  auto missing = SiteMessages::Parse({{"a.json", R"({"k": {"cs": "ano"}})"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("k needs a text"), std::string::npos);
  auto twice = SiteMessages::Parse({{"a.json", R"({"k": {"cs": "a", "en": "a"}})"},
                                    {"b.json", R"({"k": {"cs": "b", "en": "b"}})"}});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().ToString().find("another catalog"), std::string::npos);
  EXPECT_FALSE(SiteMessages::Parse({{"a.json", "[1]"}}).ok());
}

TEST(SiteMessages, EveryMessageATemplateUsesExists) {
  const SiteMessages& m = SiteMessages::BuiltIn();
  std::set<std::string> keys;
  for (const std::string& k : m.Keys()) keys.insert(k);
  std::regex used(R"(\{\{\{?\s*[#^/]?\s*m\.([A-Za-z0-9_]+))");
  auto templates = PublicSite::TemplateTexts();
  ASSERT_TRUE(templates.contains("layout"));
  ASSERT_TRUE(templates.contains("not_found"));
  for (const auto& [name, text] : templates) {
    std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), used); it != std::sregex_iterator();
         ++it)
      EXPECT_TRUE(keys.contains((*it)[1].str())) << name << " uses m." << (*it)[1].str();
  }
}

TEST(SiteMessages, CzechNumbersTakeTheirPluralForm) {
  auto m = SiteMessages::Parse(
      {{"a.json",
        R"({"n": {"cs": "{n} služba|{n} služby|{n} služeb", "en": "{n} service|{n} services"}})"}});
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->Plural("n", Lang::kCs, 1), "1 služba");
  EXPECT_EQ(m->Plural("n", Lang::kCs, 2), "2 služby");
  EXPECT_EQ(m->Plural("n", Lang::kCs, 4), "4 služby");
  EXPECT_EQ(m->Plural("n", Lang::kCs, 5), "5 služeb");
  EXPECT_EQ(m->Plural("n", Lang::kCs, 0), "0 služeb");
  EXPECT_EQ(m->Plural("n", Lang::kCs, 22), "22 služeb");  // Czech counts the whole number
  EXPECT_EQ(m->Plural("n", Lang::kEn, 1), "1 service");
  EXPECT_EQ(m->Plural("n", Lang::kEn, 0), "0 services");
  EXPECT_EQ(SiteMessages::BuiltIn().Plural("search_count", Lang::kCs, 3), "Nalezeny 3 služby");
}

// ---- Escaping ----

TEST(SiteEscaping, JsonLdCannotCloseItsScript) {
  nlohmann::json doc = {{"name", "</script><script>alert(1)</script><!-- & >"}};
  std::string text = JsonForScript(doc);
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_EQ(text.find('>'), std::string::npos) << text;
  EXPECT_EQ(nlohmann::json::parse(text), doc);  // the same data once parsed
}

TEST(SiteEscaping, HtmlIsEscapedInText) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
}

// ---- The cache ----

std::shared_ptr<const SiteAnswer> AnswerOf(size_t bytes) {
  auto a = std::make_shared<SiteAnswer>();
  a->body.assign(bytes, 'x');
  return a;
}

TEST(PageCache, KeepsTheRecentlyUsedWithinItsBudget) {
  PageCache cache(10'000);
  SiteRevision r{1, 0};
  cache.Put(r, "a", AnswerOf(3000));
  cache.Put(r, "b", AnswerOf(3000));
  cache.Put(r, "c", AnswerOf(3000));
  ASSERT_NE(cache.Find(r, "a"), nullptr);  // a is now the most recent
  cache.Put(r, "d", AnswerOf(3000));       // b goes
  EXPECT_EQ(cache.Find(r, "b"), nullptr);
  EXPECT_NE(cache.Find(r, "a"), nullptr);
  EXPECT_NE(cache.Find(r, "d"), nullptr);
  EXPECT_LE(cache.bytes(), 10'000u);
  cache.Put(r, "huge", AnswerOf(20'000));  // larger than the budget: not kept
  EXPECT_EQ(cache.Find(r, "huge"), nullptr);
}

TEST(PageCache, ANewRevisionEmptiesItAndAnOlderOneIsNotKept) {
  PageCache cache(1 << 20);
  cache.Put({1, 0}, "a", AnswerOf(10));
  EXPECT_EQ(cache.Find({2, 0}, "a"), nullptr);
  cache.Put({2, 0}, "b", AnswerOf(10));
  EXPECT_EQ(cache.size(), 1u);
  cache.Put({1, 0}, "late", AnswerOf(10));  // rendered from a replaced snapshot
  EXPECT_EQ(cache.Find({1, 0}, "late"), nullptr);
  EXPECT_NE(cache.Find({2, 0}, "b"), nullptr);
  cache.Put({2, 1}, "model", AnswerOf(10));  // a new model version
  EXPECT_EQ(cache.Find({2, 0}, "b"), nullptr);
}

// ---- Pages of the demo network ----

class PublicSitePages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testing::TempDatabase();
    store_ = testing::OpenDemoStore(db_->path()).release();
    ASSERT_NE(store_, nullptr);
    keeper_ = new SnapshotKeeper(*store_);
    ASSERT_TRUE(keeper_->Load().ok());
    site_ = MakePublicSite({*keeper_, nullptr, nullptr, "https://prosit.example"}).release();
  }
  static void TearDownTestSuite() {
    delete site_;
    delete keeper_;
    delete store_;
    delete db_;
  }
  static std::shared_ptr<const SiteAnswer> Get(const std::string& path,
                                               std::map<std::string, std::string> query = {}) {
    return site_->Answer(path, query, "ignored.example");
  }
  // The first card for which `pick` holds.
  template <typename Pick>
  static const ServiceCard* FindCard(Pick pick) {
    for (const auto& [id, e] : keeper_->Current()->cards)
      if (pick(e->card)) return &e->card;
    return nullptr;
  }

  static testing::TempDatabase* db_;
  static Store* store_;
  static SnapshotKeeper* keeper_;
  static PublicSite* site_;
};

testing::TempDatabase* PublicSitePages::db_ = nullptr;
Store* PublicSitePages::store_ = nullptr;
SnapshotKeeper* PublicSitePages::keeper_ = nullptr;
PublicSite* PublicSitePages::site_ = nullptr;

TEST_F(PublicSitePages, HomeHasItsCanonicalAndLanguageAlternates) {
  auto cs = Get("/verejne/");
  EXPECT_EQ(cs->status, 200);
  EXPECT_EQ(cs->content_type, "text/html; charset=utf-8");
  EXPECT_NE(cs->body.find("<html lang=\"cs\">"), std::string::npos);
  EXPECT_NE(cs->body.find(R"(<link rel="canonical" href="https://prosit.example/verejne/">)"),
            std::string::npos);
  EXPECT_NE(cs->body.find(R"(hreflang="en" href="https://prosit.example/en/public/")"),
            std::string::npos);
  EXPECT_NE(cs->body.find(site_->stylesheet_url()), std::string::npos);
  auto en = Get("/en/public/");
  EXPECT_NE(en->body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en->body.find("Find help near you"), std::string::npos);
  EXPECT_EQ(cs->etag, Get("/verejne/")->etag);
  EXPECT_NE(cs->etag, en->etag);
}

TEST_F(PublicSitePages, APathOneSlashAwayIsRedirected) {
  auto a = Get("/verejne");
  EXPECT_EQ(a->status, 301);
  EXPECT_EQ(a->location, "/verejne/");
}

TEST_F(PublicSitePages, TheStylesheetIsImmutableUnderItsHash) {
  auto css = Get(site_->stylesheet_url());
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_NE(css->cache_control.find("immutable"), std::string::npos);
  EXPECT_EQ(Get("/verejne/styl.0000000000000000.css")->status, 404);
}

TEST_F(PublicSitePages, UnknownAndUnpublishedCardsAreTheSame404) {
  const ServiceCard* hidden = FindCard([](const ServiceCard& c) { return !c.published; });
  ASSERT_NE(hidden, nullptr) << "the demo has no unpublished card";
  auto unpublished = Get(CardUrl(Lang::kCs, hidden->id));
  auto unknown = Get(CardUrl(Lang::kCs, 999'999'999));
  auto garbage = Get("/verejne/sluzba/abc");
  EXPECT_EQ(unpublished->status, 404);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(unpublished->body, unknown->body);
  EXPECT_EQ(garbage->body, unknown->body);
  EXPECT_EQ(unpublished->body.find(hidden->name), std::string::npos);
  EXPECT_EQ(Get("/verejne/nic-takoveho")->body, unknown->body);
}

TEST_F(PublicSitePages, AConfidentialCardShowsItsOrpAndNoPlace) {
  const ServiceCard* shelter =
      FindCard([](const ServiceCard& c) { return c.published && c.confidential_address; });
  ASSERT_NE(shelter, nullptr) << "the demo has no confidential card";
  for (Lang lang : {Lang::kCs, Lang::kEn}) {
    auto page = Get(CardUrl(lang, shelter->id));
    ASSERT_EQ(page->status, 200);
    for (const DeliveryLocation& l : shelter->locations) {
      if (!l.street.empty()) {
        EXPECT_EQ(page->body.find(EscapeHtml(l.street)), std::string::npos);
      }
      if (l.has_location) {
        EXPECT_EQ(page->body.find(nlohmann::json(l.location.lat).dump()), std::string::npos);
        EXPECT_EQ(page->body.find(nlohmann::json(l.location.lon).dump()), std::string::npos);
      }
      const Orp* orp =
          RealTerritory().FindOrp(RealTerritory().FindMunicipality(l.municipality_code)->orp_code);
      EXPECT_NE(page->body.find("ORP " + orp->name), std::string::npos);
    }
    EXPECT_EQ(page->body.find("PostalAddress"), std::string::npos);
    EXPECT_EQ(page->body.find("GeoCoordinates"), std::string::npos);
    EXPECT_EQ(page->body.find("<circle"), std::string::npos);  // no point on a map
  }
}

TEST_F(PublicSitePages, ACardPageCarriesItsFactsSchemaOrgAndQrCode) {
  const ServiceCard* card = FindCard([](const ServiceCard& c) {
    return c.published && !c.confidential_address && !c.does.empty() && !c.does_not.empty();
  });
  ASSERT_NE(card, nullptr);
  auto page = Get(CardUrl(Lang::kCs, card->id));
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find(EscapeHtml(card->does)), std::string::npos);
  EXPECT_NE(page->body.find(EscapeHtml(card->does_not)), std::string::npos);
  EXPECT_NE(page->body.find("Co služba nedělá"), std::string::npos);
  EXPECT_NE(page->body.find("<div class=\"qr\"><svg"), std::string::npos);
  size_t ld = page->body.find("<script type=\"application/ld+json\">");
  ASSERT_NE(ld, std::string::npos);
  size_t start = ld + std::string("<script type=\"application/ld+json\">").size();
  size_t end = page->body.find("</script>", start);
  auto doc = nlohmann::json::parse(page->body.substr(start, end - start));
  EXPECT_EQ(doc["@type"], "Service");
  EXPECT_EQ(doc["name"], card->name);
  EXPECT_EQ(doc["url"], "https://prosit.example" + CardUrl(Lang::kCs, card->id));
  for (const Contact& c : card->contacts) {
    if (!c.is_public && !c.email.empty()) {
      EXPECT_EQ(page->body.find(c.email), std::string::npos) << "internal contact shown";
    }
  }
}

TEST_F(PublicSitePages, SearchFindsAMunicipalityTypedWithoutDiacritics) {
  auto page = Get(std::string(pu::kSearch.cs), {{"obec", "hermanuv mestec"}});
  ASSERT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("Služby pro obec Heřmanův Městec"), std::string::npos);
  EXPECT_NE(page->body.find("/verejne/sluzba/"), std::string::npos);
  auto namesakes = Get(std::string(pu::kSearch.cs), {{"obec", "Hlinsko"}});
  EXPECT_NE(namesakes->body.find("Vyberte tu svou"), std::string::npos);
  auto none = Get(std::string(pu::kSearch.en), {{"obec", "Xyzzy"}});
  EXPECT_NE(none->body.find("We found no such municipality"), std::string::npos);
}

TEST_F(PublicSitePages, TheSitemapListsPublishedCardsOnly) {
  auto sitemap = Get(std::string(pu::kSitemap));
  ASSERT_EQ(sitemap->status, 200);
  for (const auto& [id, e] : keeper_->Current()->cards) {
    std::string loc = "<loc>https://prosit.example" + CardUrl(Lang::kCs, id) + "</loc>";
    EXPECT_EQ(sitemap->body.find(loc) != std::string::npos, e->card.published) << id;
  }
  EXPECT_NE(sitemap->body.find("<loc>https://prosit.example/verejne/situace/</loc>"),
            std::string::npos);
}

}  // namespace
}  // namespace prosit
