// The ODT and DOCX writers: the packages read back with libzip, their XML parts with
// libxml2 — the structure an editor relies on (mimetype first and stored, every part in the
// manifest or the content types, every relationship's target present), and the document's
// content in the elements an editor understands (outline headings, repeating table headers,
// numbered lists, images with alt text, the language).

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "document_sample.h"
#include "documents/docx_writer.h"
#include "documents/odt_writer.h"
#include "documents/office_package.h"

namespace prosit {
namespace {

struct Entry {
  std::string name;
  std::string bytes;
  bool stored = false;
};

std::vector<Entry> ReadZip(const std::string& bytes) {
  std::vector<Entry> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive =
      source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  EXPECT_NE(archive, nullptr) << zip_error_strerror(&error);
  if (archive == nullptr) return entries;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    zip_stat_index(archive, i, 0, &stat);
    Entry entry{stat.name, std::string(stat.size, '\0'), stat.comp_method == ZIP_CM_STORE};
    zip_file_t* file = zip_fopen_index(archive, i, 0);
    EXPECT_EQ(zip_fread(file, entry.bytes.data(), stat.size), static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    entries.push_back(std::move(entry));
  }
  zip_discard(archive);
  return entries;
}

std::map<std::string, std::string> Parts(const std::string& bytes) {
  std::map<std::string, std::string> parts;
  for (Entry& entry : ReadZip(bytes)) parts[entry.name] = std::move(entry.bytes);
  return parts;
}

const std::map<std::string, std::string> kNamespaces = {
    {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"xlink", "http://www.w3.org/1999/xlink"},
    {"dc", "http://purl.org/dc/elements/1.1/"},
    {"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
    {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
    {"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
    {"wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    {"a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
    {"ct", "http://schemas.openxmlformats.org/package/2006/content-types"},
    {"rel", "http://schemas.openxmlformats.org/package/2006/relationships"},
};

// A parsed XML part; Strings() evaluates XPath to the string values of the nodes found.
class Xml {
 public:
  explicit Xml(const std::string& text)
      : doc_(xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc) {}
  bool ok() const { return doc_ != nullptr; }

  std::vector<std::string> Strings(const std::string& path) const {
    std::vector<std::string> values;
    if (!ok()) return values;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(
        xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
    for (const auto& [prefix, uri] : kNamespaces) {
      xmlXPathRegisterNs(context.get(), BAD_CAST prefix.c_str(), BAD_CAST uri.c_str());
    }
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(BAD_CAST path.c_str(), context.get()), xmlXPathFreeObject);
    EXPECT_NE(result, nullptr) << path;
    if (result == nullptr || result->nodesetval == nullptr) return values;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      xmlChar* content = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
      values.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
      xmlFree(content);
    }
    return values;
  }
  size_t Count(const std::string& path) const { return Strings(path).size(); }
  std::string First(const std::string& path) const {
    std::vector<std::string> values = Strings(path);
    return values.empty() ? "" : values[0];
  }

 private:
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
};

bool IsXmlPart(const std::string& name) {
  return name.ends_with(".xml") || name.ends_with(".rels");
}

std::string WriteSampleOdt(const Document& document = testing::SampleDocument()) {
  Result<std::string> odt = WriteOdt(document);
  EXPECT_TRUE(odt.ok()) << odt.status().ToString();
  return odt.ok() ? *odt : "";
}

std::string WriteSampleDocx(const Document& document = testing::SampleDocument()) {
  Result<std::string> docx = WriteDocx(document);
  EXPECT_TRUE(docx.ok()) << docx.status().ToString();
  return docx.ok() ? *docx : "";
}

// The sample's headings as (level, text) in reading order.
std::vector<std::pair<int, std::string>> SampleHeadingLevels() {
  std::vector<std::pair<int, std::string>> headings;
  for (const Block& block : testing::SampleDocument().blocks) {
    if (const auto* heading = std::get_if<Heading>(&block))
      headings.emplace_back(heading->level, heading->text);
  }
  return headings;
}

TEST(OfficeXml, EscapesMarkupAndDropsCharactersXmlForbids) {
  office::XmlWriter writer;
  writer.Open("root", {{"title", "\"<a & 'b'>\""}});
  writer.Text("x < y && z > \x01w\x1f]]>");
  writer.Element("empty", "");
  Xml xml(writer.Finish());
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(xml.First("/root/@title"), "\"<a & 'b'>\"");
  EXPECT_EQ(xml.First("/root/text()"), "x < y && z > w]]>");
}

TEST(OfficePackage, ReadsBackEveryPartInOrderWithItsCompression) {
  office::ZipPackage package;
  package.Add("mimetype", "application/x-test", /*stored=*/true);
  package.Add("dir/a.xml", std::string(5000, 'a'));
  package.Add("dir/b.bin", std::string("\0\1\2binary", 9), /*stored=*/true);
  Result<std::string> bytes = package.Build();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  std::vector<Entry> entries = ReadZip(*bytes);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].name, "mimetype");
  EXPECT_TRUE(entries[0].stored);
  EXPECT_EQ(entries[1].bytes, std::string(5000, 'a'));
  EXPECT_FALSE(entries[1].stored);
  EXPECT_LT(bytes->size(), 5000u);  // deflated
  EXPECT_EQ(entries[2].bytes, std::string("\0\1\2binary", 9));
  // The same parts give the same bytes: entries carry a fixed time, not the clock's.
  EXPECT_EQ(*package.Build(), *bytes);
}

TEST(Odt, MimetypeIsTheFirstEntryStoredAtItsFixedOffset) {
  std::string odt = WriteSampleOdt();
  std::vector<Entry> entries = ReadZip(odt);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].name, "mimetype");
  EXPECT_TRUE(entries[0].stored);
  EXPECT_EQ(entries[0].bytes, "application/vnd.oasis.opendocument.text");
  // Readers sniff the type at offset 38, right after the 30-byte header and the name.
  ASSERT_GT(odt.size(), 38u + 39u);
  EXPECT_EQ(odt.substr(30, 8), "mimetype");
  EXPECT_EQ(odt.substr(38, 39), "application/vnd.oasis.opendocument.text");
}

TEST(Odt, ManifestListsEveryPartAndEveryXmlPartIsWellFormed) {
  std::map<std::string, std::string> parts = Parts(WriteSampleOdt());
  for (const char* required : {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"}) {
    EXPECT_TRUE(parts.count(required)) << required;
  }
  for (const auto& [name, bytes] : parts) {
    if (IsXmlPart(name)) EXPECT_TRUE(Xml(bytes).ok()) << name << " is not well-formed";
  }
  Xml manifest(parts["META-INF/manifest.xml"]);
  std::vector<std::string> listed = manifest.Strings("//manifest:file-entry/@manifest:full-path");
  std::set<std::string> listed_set(listed.begin(), listed.end());
  for (const auto& [name, bytes] : parts) {
    if (name == "mimetype" || name == "META-INF/manifest.xml") continue;
    EXPECT_TRUE(listed_set.count(name)) << name << " is not in the manifest";
  }
  for (const std::string& path : listed) {
    if (path != "/") EXPECT_TRUE(parts.count(path)) << path << " is listed but missing";
  }
  EXPECT_EQ(manifest.First("//manifest:file-entry[@manifest:full-path='/']/@manifest:media-type"),
            "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(
      manifest.First(
          "//manifest:file-entry[@manifest:full-path='Pictures/image1.png']/@manifest:media-type"),
      "image/png");
}

TEST(Odt, HeadingsTablesListsAndImagesAreTheEditorsOwnElements) {
  std::map<std::string, std::string> parts = Parts(WriteSampleOdt());
  Xml content(parts["content.xml"]);
  Xml styles(parts["styles.xml"]);
  Xml meta(parts["meta.xml"]);
  ASSERT_TRUE(content.ok() && styles.ok() && meta.ok());

  // Headings: text:h with their outline level and a heading style of that level.
  std::vector<std::string> texts = content.Strings("//office:text/text:h");
  std::vector<std::string> levels = content.Strings("//office:text/text:h/@text:outline-level");
  std::vector<std::string> style_names = content.Strings("//office:text/text:h/@text:style-name");
  auto expected = SampleHeadingLevels();
  ASSERT_EQ(texts.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(texts[i], expected[i].second);
    EXPECT_EQ(levels[i], std::to_string(expected[i].first));
    EXPECT_EQ(style_names[i], "Heading_20_" + std::to_string(expected[i].first));
  }
  EXPECT_EQ(styles.First("//style:style[@style:name='Heading_20_2']/@style:default-outline-level"),
            "2");
  // Numbered headings come from the outline style, as in a document written in the editor.
  EXPECT_EQ(styles.First(
                "//text:outline-style/text:outline-level-style[@text:level='2']/@style:num-format"),
            "1");
  // The contents: an index over levels 1–2, filled with the headings until it is updated.
  EXPECT_EQ(
      content.First("//text:table-of-content/text:table-of-content-source/@text:outline-level"),
      "2");
  EXPECT_EQ(
      content.Strings("//text:table-of-content/text:index-body/text:p"),
      (std::vector<std::string>{"1 Úvod", "2 O projektu", "2.1 Síťování v ORP",
                                "2.2 Potřeby dítěte a úrovně podpory", "3 Pokrytí optimální sítě",
                                "3.1 Bílá místa", "4 Doporučení", "5 Závěr"}));

  EXPECT_EQ(content.Count("//text:p[.='Příliš žluťoučký kůň úpěl ďábelské ódy.']"), 1u);
  EXPECT_EQ(content.First("//text:span[@text:style-name='T_b']"), "zvýrazněný");
  EXPECT_EQ(content.First("//text:span[@text:style-name='T_i']"), "kurzíva");
  EXPECT_EQ(content.First("//text:a/@xlink:href"), testing::kSampleLink);

  // Lists: a bullet list and a numbered one, with the document's list styles.
  EXPECT_EQ(content.Strings("//text:list/@text:style-name"),
            (std::vector<std::string>{"List_20_Bullet", "Numbering_20_123"}));
  EXPECT_EQ(content.Count("//text:list[@text:style-name='Numbering_20_123']/text:list-item"), 3u);

  // The table: the header row in table-header-rows (it repeats), the widths, the fills.
  EXPECT_EQ(content.Strings("//table:table-header-rows/table:table-row/table:table-cell"),
            testing::SampleTable().header);
  EXPECT_EQ(content.Count("//table:table/table:table-row"),
            static_cast<size_t>(testing::kSampleTableRows));
  EXPECT_EQ(content.First("//table:table/table:table-row[1]/table:table-cell[1]"),
            "Obec č. 1 (Čáslav)");
  EXPECT_EQ(
      content.First(
          "//style:style[@style:name='Tab1.1']/style:table-column-properties/@style:column-width"),
      "60.71mm");  // 3 of 8.4 shares of 170 mm
  EXPECT_EQ(content.First("//style:style[@style:name='Cell_fce4d6']//@fo:background-color"),
            "#fce4d6");
  EXPECT_EQ(content.First("//style:style[@style:name='P_cell_right']//@fo:text-align"), "end");
  EXPECT_EQ(content.First("//text:p[@text:style-name='Table']"),
            "Tabulka 1: Obce ORP a jejich pokrytí službami");
  EXPECT_EQ(content.First("//text:p[@text:style-name='Figure']"),
            "Obrázek 1: Bílá místa v ORP Hlinsko");

  // Figures and QR codes: embedded PNGs with their alt text.
  EXPECT_EQ(content.Strings("//draw:frame/draw:image/@xlink:href"),
            (std::vector<std::string>{"Pictures/image1.png", "Pictures/image2.png"}));
  EXPECT_EQ(content.First("//draw:frame[1]/svg:title"), "Mapa ORP s bílými místy");
  EXPECT_EQ(parts["Pictures/image1.png"].substr(1, 3), "PNG");

  // The page: a footer with the page number; the language; a title page without the footer.
  EXPECT_EQ(
      styles.Count("//style:master-page[@style:name='Standard']/style:footer//text:page-number"),
      1u);
  EXPECT_EQ(
      styles.First(
          "//style:default-style[@style:family='paragraph']/style:text-properties/@fo:language"),
      "cs");
  EXPECT_EQ(
      styles.First(
          "//style:default-style[@style:family='paragraph']/style:text-properties/@fo:country"),
      "CZ");
  EXPECT_EQ(meta.First("//dc:language"), "cs-CZ");
  EXPECT_EQ(meta.First("//dc:title"), testing::kSampleTitle);
}

TEST(Docx, EveryPartHasAContentTypeAndEveryRelationshipItsTarget) {
  std::map<std::string, std::string> parts = Parts(WriteSampleDocx());
  for (const char* required :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/numbering.xml", "word/footer1.xml", "docProps/core.xml"}) {
    EXPECT_TRUE(parts.count(required)) << required;
  }
  for (const auto& [name, bytes] : parts) {
    if (IsXmlPart(name)) EXPECT_TRUE(Xml(bytes).ok()) << name << " is not well-formed";
  }
  Xml types(parts["[Content_Types].xml"]);
  std::vector<std::string> defaults = types.Strings("//ct:Default/@Extension");
  std::vector<std::string> overrides = types.Strings("//ct:Override/@PartName");
  for (const auto& [name, bytes] : parts) {
    if (name == "[Content_Types].xml") continue;
    std::string extension = name.substr(name.rfind('.') + 1);
    bool typed = std::find(overrides.begin(), overrides.end(), "/" + name) != overrides.end() ||
                 std::find(defaults.begin(), defaults.end(), extension) != defaults.end();
    EXPECT_TRUE(typed) << name << " has no content type";
  }
  for (const std::string& part : overrides)
    EXPECT_TRUE(parts.count(part.substr(1))) << part << " is missing";

  EXPECT_EQ(Xml(parts["_rels/.rels"])
                .First("//rel:Relationship[contains(@Type,'/officeDocument')]/@Target"),
            "word/document.xml");
  Xml rels(parts["word/_rels/document.xml.rels"]);
  std::vector<std::string> targets =
      rels.Strings("//rel:Relationship[not(@TargetMode='External')]/@Target");
  EXPECT_GE(targets.size(), 6u);
  for (const std::string& target : targets) EXPECT_TRUE(parts.count("word/" + target)) << target;
  EXPECT_EQ(rels.Strings("//rel:Relationship[@TargetMode='External']/@Target"),
            std::vector<std::string>{testing::kSampleLink});
  // Every r:id the document uses is a relationship.
  Xml document(parts["word/document.xml"]);
  std::vector<std::string> ids = rels.Strings("//rel:Relationship/@Id");
  for (const std::string& id : document.Strings("//@r:id | //@r:embed")) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end()) << id;
  }
}

TEST(Docx, HeadingsTablesListsAndImagesAreTheEditorsOwnElements) {
  std::map<std::string, std::string> parts = Parts(WriteSampleDocx());
  Xml document(parts["word/document.xml"]);
  Xml styles(parts["word/styles.xml"]);
  Xml numbering(parts["word/numbering.xml"]);
  ASSERT_TRUE(document.ok() && styles.ok() && numbering.ok());

  std::vector<std::string> heading_styles =
      document.Strings("//w:body/w:p/w:pPr/w:pStyle[starts-with(@w:val,'Heading')]/@w:val");
  std::vector<std::string> heading_texts =
      document.Strings("//w:body/w:p[w:pPr/w:pStyle[starts-with(@w:val,'Heading')]]");
  auto expected = SampleHeadingLevels();
  ASSERT_EQ(heading_styles.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(heading_styles[i], "Heading" + std::to_string(expected[i].first));
    EXPECT_EQ(heading_texts[i], expected[i].second);
  }
  // Word's built-in heading names, with outline levels (the navigator and TOC use them).
  EXPECT_EQ(styles.First("//w:style[@w:styleId='Heading2']/w:name/@w:val"), "heading 2");
  EXPECT_EQ(styles.First("//w:style[@w:styleId='Heading2']/w:pPr/w:outlineLvl/@w:val"), "1");
  EXPECT_EQ(styles.First("//w:docDefaults//w:lang/@w:val"), "cs-CZ");
  EXPECT_EQ(document.Count("//w:instrText[contains(., 'TOC')]"), 1u);

  EXPECT_EQ(document.Count("//w:p[.='Příliš žluťoučký kůň úpěl ďábelské ódy.']"), 1u);
  EXPECT_EQ(document.First("//w:r[w:rPr/w:b]"), "zvýrazněný");
  EXPECT_EQ(document.First("//w:r[w:rPr/w:i and not(w:rPr/w:rStyle)][not(ancestor::w:tbl)]"),
            "kurzíva");
  EXPECT_EQ(document.First("//w:hyperlink"), "veřejná stránka ORP");

  // Lists: bullets use one numbering instance, the numbered list its own (restarting at 1).
  std::vector<std::string> num_ids =
      document.Strings("//w:p[w:pPr/w:pStyle/@w:val='ListParagraph']//w:numId/@w:val");
  EXPECT_EQ(num_ids, (std::vector<std::string>{"1", "1", "1", "2", "2", "2"}));
  EXPECT_EQ(numbering.First("//w:abstractNum[@w:abstractNumId=0]/w:lvl[@w:ilvl=0]/w:numFmt/@w:val"),
            "bullet");
  EXPECT_EQ(numbering.First("//w:abstractNum[@w:abstractNumId=1]/w:lvl[@w:ilvl=0]/w:numFmt/@w:val"),
            "decimal");
  EXPECT_EQ(numbering.First("//w:num[@w:numId=2]/w:abstractNumId/@w:val"), "1");

  // The table: a fixed grid in the sample's proportions, the header row repeating.
  EXPECT_EQ(document.Count("//w:tbl"), 1u);
  std::vector<std::string> grid = document.Strings("//w:tbl/w:tblGrid/w:gridCol/@w:w");
  EXPECT_EQ(grid, (std::vector<std::string>{"3442", "1377", "1377", "3442"}));
  EXPECT_EQ(document.Count("//w:tbl/w:tr[1]/w:trPr/w:tblHeader"), 1u);
  EXPECT_EQ(document.Count("//w:tbl/w:tr[w:trPr/w:tblHeader]"), 1u);
  EXPECT_EQ(document.Strings("//w:tbl/w:tr[1]/w:tc"), testing::SampleTable().header);
  EXPECT_EQ(document.Count("//w:tbl/w:tr"), static_cast<size_t>(testing::kSampleTableRows) + 1);
  EXPECT_EQ(document.First("//w:tbl/w:tr[6]/w:tc[1]/w:tcPr/w:shd/@w:fill"), "fce4d6");
  EXPECT_EQ(document.First("//w:tbl/w:tr[2]/w:tc[2]/w:p/w:pPr/w:jc/@w:val"), "right");
  EXPECT_EQ(document.First("//w:p[w:pPr/w:pStyle/@w:val='Caption'][w:fldSimple]"),
            "Tabulka 1: Obce ORP a jejich pokrytí službami");
  EXPECT_EQ(document.Strings("//w:fldSimple/@w:instr"),
            (std::vector<std::string>{" SEQ Tabulka \\* ARABIC ", " SEQ Obrazek \\* ARABIC "}));

  // Figures and QR codes: inline PNGs with their alt text.
  EXPECT_EQ(document.Strings("//wp:inline/wp:docPr/@descr")[0], "Mapa ORP s bílými místy");
  EXPECT_EQ(document.Count("//wp:inline//a:blip"), 2u);
  EXPECT_EQ(parts["word/media/image1.png"].substr(1, 3), "PNG");

  // The footer's page number; no footer on the title page.
  EXPECT_EQ(Xml(parts["word/footer1.xml"]).First("//w:fldSimple/@w:instr"), " PAGE ");
  EXPECT_EQ(document.Count("//w:sectPr/w:titlePg"), 1u);
  Xml core(parts["docProps/core.xml"]);
  EXPECT_EQ(core.First("//dc:language"), "cs-CZ");
  EXPECT_EQ(core.First("//dc:title"), testing::kSampleTitle);
}

// Record text reaches the file as text: markup, ampersands in links and control characters
// cannot break the XML an editor has to parse.
TEST(OfficeDocuments, HostileTextStaysWellFormedInBothFormats) {
  Document document;
  document.title = "A <b>&amp; \x02title";
  document.footer = "]]> & <";
  document.blocks.push_back(Heading{1, "<h1>\x1b & \"quoted\""});
  document.blocks.push_back(
      Paragraph{{TextRun{"a\tb\nc  d \x07", true, true, "https://x.test/?a=1&b=<2>"}}});
  Table table;
  table.header = {"<&>"};
  table.rows = {{Plain("'\x0c'")}};
  table.caption = "&";
  document.blocks.push_back(table);
  for (const std::string& file : {WriteSampleOdt(document), WriteSampleDocx(document)}) {
    std::map<std::string, std::string> parts = Parts(file);
    ASSERT_FALSE(parts.empty());
    for (const auto& [name, bytes] : parts) {
      if (IsXmlPart(name)) EXPECT_TRUE(Xml(bytes).ok()) << name;
    }
  }
  Xml content(Parts(WriteSampleOdt(document))["content.xml"]);
  EXPECT_EQ(content.First("//text:h"), "<h1> & \"quoted\"");
  EXPECT_EQ(content.First("//text:a/@xlink:href"), "https://x.test/?a=1&b=<2>");
}

}  // namespace
}  // namespace prosit
