#include "documents/pdf_renderer.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "document_files.h"
#include "document_sample.h"
#include "documents/hyphenation.h"

namespace prosit {
namespace {

using testing::CommandOutput;
using testing::TempFile;

const std::string kShy = "\xC2\xAD";

// The sample's headings with the numbers the renderer gives them.
const std::vector<std::pair<std::string, std::string>> kNumberedHeadings = {
    {"1", "Úvod"},
    {"2", "O projektu"},
    {"2.1", "Síťování v ORP"},
    {"2.2", "Potřeby dítěte a úrovně podpory"},
    {"3", "Pokrytí optimální sítě"},
    {"3.1", "Bílá místa"},
    {"4", "Doporučení"},
    {"5", "Závěr"}};

// The sample rendered once, with its text page by page (pdftotext -layout).
struct Rendered {
  std::string pdf;
  std::vector<std::string> pages;
};

const Rendered& Sample() {
  static const Rendered rendered = [] {
    Rendered r;
    Result<std::string> pdf = RenderPdf(testing::SampleDocument());
    if (!pdf.ok()) return r;
    r.pdf = *pdf;
    TempFile file(r.pdf, ".pdf");
    std::string text = CommandOutput("pdftotext -layout " + file.path() + " -");
    size_t start = 0;
    for (size_t end; (end = text.find('\f', start)) != std::string::npos; start = end + 1) {
      r.pages.push_back(text.substr(start, end - start));
    }
    return r;
  }();
  return rendered;
}

std::string Info(const std::string& pdf) {
  TempFile file(pdf, ".pdf");
  return CommandOutput("pdfinfo " + file.path());
}

std::string EscapeRegex(const std::string& text) {
  return std::regex_replace(text, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

// Whether a line of `page` starts with the heading's number and text.
bool HasHeadingLine(const std::string& page, const std::string& number, const std::string& text) {
  return std::regex_search(
      page, std::regex("(^|\\n) *" + EscapeRegex(number) + " +" + EscapeRegex(text) + " *(\\n|$)"));
}

TEST(PdfRenderer, SampleHasItsPagesTitleAuthorAndDate) {
  const Rendered& r = Sample();
  ASSERT_FALSE(r.pdf.empty());
  EXPECT_EQ(r.pdf.rfind("%PDF-", 0), 0u);
  std::string info = Info(r.pdf);
  EXPECT_NE(info.find("Title:           " + std::string(testing::kSampleTitle)), std::string::npos)
      << info;
  EXPECT_NE(info.find("Author:          Jana Nováková"), std::string::npos) << info;
  EXPECT_NE(info.find("Nov 30 00:00:00 2026"), std::string::npos) << info;
  EXPECT_NE(info.find("Page size:       595.276 x 841.89 pts (A4)"), std::string::npos);
  std::smatch pages;
  ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages: +(\\d+)")));
  EXPECT_EQ(std::stoi(pages[1]), static_cast<int>(r.pages.size()));
  EXPECT_GE(r.pages.size(), 5u);  // title, contents and at least three pages of text
}

TEST(PdfRenderer, EveryHeadingAndTheCzechSentenceComeOut) {
  const Rendered& r = Sample();
  std::string all;
  for (const std::string& page : r.pages) all += page;
  for (const auto& [number, text] : kNumberedHeadings) {
    EXPECT_TRUE(HasHeadingLine(all, number, text)) << number << " " << text;
  }
  EXPECT_NE(all.find(testing::kCzechSentence), std::string::npos);
  EXPECT_NE(all.find("Tabulka 1: Obce ORP a jejich pokrytí službami"), std::string::npos);
  EXPECT_NE(all.find("Obrázek 1: Bílá místa v ORP Hlinsko"), std::string::npos);
  EXPECT_NE(all.find("30. 11. 2026"), std::string::npos);
}

TEST(PdfRenderer, FooterOnEveryPage) {
  const Rendered& r = Sample();
  ASSERT_FALSE(r.pages.empty());
  std::string total = std::to_string(r.pages.size());
  for (size_t i = 0; i < r.pages.size(); ++i) {
    std::string page_of = "strana " + std::to_string(i + 1) + " z " + total;
    EXPECT_NE(r.pages[i].find(page_of), std::string::npos) << "page " << i + 1;
    EXPECT_NE(r.pages[i].find("prosit — ORP Hlinsko"), std::string::npos) << "page " << i + 1;
  }
}

TEST(PdfRenderer, TableHeaderOnEveryPageTheTableSpans) {
  const Rendered& r = Sample();
  std::regex header("Obec +Děti 0–17 +Dostupnost +Poznámka");
  std::regex row("Obec č\\. \\d+ ");
  int spanned = 0;
  int rows = 0;
  for (const std::string& page : r.pages) {
    int here = 0;
    for (std::sregex_iterator it(page.begin(), page.end(), row), end; it != end; ++it) {
      ++here;
    }
    if (here == 0) continue;
    ++spanned;
    rows += here;
    EXPECT_TRUE(std::regex_search(page, header)) << page;
  }
  EXPECT_GE(spanned, 2);
  EXPECT_EQ(rows, testing::kSampleTableRows);
}

TEST(PdfRenderer, ContentsPageNumbersAreThePagesOfTheHeadings) {
  const Rendered& r = Sample();
  ASSERT_GE(r.pages.size(), 3u);
  const std::string& contents = r.pages[1];
  ASSERT_NE(contents.find("Obsah"), std::string::npos);
  for (const auto& [number, text] : kNumberedHeadings) {
    std::smatch entry;
    ASSERT_TRUE(std::regex_search(
        contents, entry,
        std::regex(EscapeRegex(number) + " +" + EscapeRegex(text) + " +(\\d+) *(\\n|$)")))
        << text;
    int listed = std::stoi(entry[1]);
    int found = 0;
    for (size_t p = 2; p < r.pages.size() && found == 0; ++p) {
      if (HasHeadingLine(r.pages[p], number, text)) found = static_cast<int>(p + 1);
    }
    EXPECT_EQ(listed, found) << text;
  }
}

TEST(PdfRenderer, LinksAndBookmarks) {
  const std::string& pdf = Sample().pdf;
  EXPECT_NE(pdf.find("/URI (" + std::string(testing::kSampleLink) + ")"), std::string::npos);
  EXPECT_NE(pdf.find("/Outlines"), std::string::npos);
  size_t bookmarks = 0;
  for (size_t at = 0; (at = pdf.find("<< /Title ", at)) != std::string::npos; ++at) ++bookmarks;
  EXPECT_EQ(bookmarks, kNumberedHeadings.size());
}

TEST(PdfRenderer, SameDocumentSameBytesOnAnyThread) {
  Document doc = testing::SampleDocument();
  Result<std::string> first = RenderPdf(doc);
  ASSERT_TRUE(first.ok());
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::string& out : outputs) {
    threads.emplace_back([&doc, &out] {
      Result<std::string> pdf = RenderPdf(doc);
      if (pdf.ok()) out = *pdf;
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : outputs) EXPECT_TRUE(out == *first);
  doc.date = "2026-12-01";
  Result<std::string> later = RenderPdf(doc);
  ASSERT_TRUE(later.ok());
  EXPECT_FALSE(*later == *first);
}

// Every line that ends in a hyphen breaks its word where the Czech dictionary allows.
TEST(PdfRenderer, CzechHyphenationBreaksAtTheDictionarysPoints) {
  Document doc;
  doc.page.width_mm = 110;  // a narrow column makes many breaks
  doc.page.height_mm = 297;
  doc.page.margin_mm = 15;
  for (int i = 1; i <= 3; ++i) {
    doc.blocks.push_back(Paragraph{Plain(testing::SampleBody(i) + " " + testing::kCzechSentence)});
  }
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  TempFile file(*pdf, ".pdf");
  std::string text = CommandOutput("pdftotext " + file.path() + " -");
  std::regex broken("(\\S+)(?:\xC2\xAD|-)\\n(\\S+)");
  int breaks = 0;
  for (std::sregex_iterator it(text.begin(), text.end(), broken), end; it != end; ++it) {
    std::string head = (*it)[1], tail = (*it)[2];
    // The fragments' letters: what a word broken by the dictionary looks like hyphenated.
    std::string hyphenated = Hyphenate(head + tail, "cs");
    if (head.find('-') != std::string::npos) continue;  // "sociálně-právní" at its own hyphen
    ++breaks;
    EXPECT_NE(hyphenated.find(head + kShy), std::string::npos) << head << "|" << tail;
  }
  EXPECT_GE(breaks, 2) << text;
}

TEST(PdfRenderer, EnglishWordsAndNoTitlePage) {
  Document doc;
  doc.language = "en";
  doc.title = "Network summary";
  doc.footer = "prosit";
  doc.blocks.push_back(Heading{1, "Introduction"});
  doc.blocks.push_back(Table{{"Name"}, {{Plain("a")}}, {}, {}, {}, "Services"});
  doc.blocks.push_back(Figure{testing::SampleDrawing(), "Map", "map", 40});
  Result<std::string> pdf = RenderPdf(doc);
  ASSERT_TRUE(pdf.ok());
  TempFile file(*pdf, ".pdf");
  std::string text = CommandOutput("pdftotext -layout " + file.path() + " -");
  EXPECT_NE(text.find("Network summary"), std::string::npos);
  EXPECT_NE(text.find("page 1 of 1"), std::string::npos);
  EXPECT_NE(text.find("Table 1: Services"), std::string::npos);
  EXPECT_NE(text.find("Figure 1: Map"), std::string::npos);
}

TEST(PdfRenderer, RefusesNoRoomAndAnOverlongQrPayload) {
  Document doc;
  doc.page.margin_mm = 120;
  EXPECT_FALSE(RenderPdf(doc).ok());
  Document qr;
  qr.blocks.push_back(QrCode{std::string(5000, 'x'), 30, ""});
  EXPECT_FALSE(RenderPdf(qr).ok());
}

}  // namespace
}  // namespace prosit
