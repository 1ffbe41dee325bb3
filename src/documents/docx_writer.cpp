#include "documents/docx_writer.h"

#include <cmath>

#include "documents/office_package.h"

namespace prosit {
namespace {

using office::XmlWriter;

constexpr const char* kRelationships =
    "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* kDocumentRelationship =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const XmlWriter::Attributes kNamespaces = {
    {"xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
    {"xmlns:r", kDocumentRelationship},
    {"xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
    {"xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
    {"xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"},
};

// Word measures the page in twentieths of a point, drawings in EMU.
std::string Twips(double mm) { return std::to_string(std::lround(mm * 1440.0 / 25.4)); }
std::string Emu(double mm) { return std::to_string(std::lround(mm * 36000.0)); }

const char* ParagraphStyleId(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::kLead:
      return "Lead";
    case ParagraphStyle::kNote:
      return "Note";
    case ParagraphStyle::kQuote:
      return "Quote";
    case ParagraphStyle::kWarning:
      return "Warning";
    case ParagraphStyle::kBody:
      break;
  }
  return "BodyText";
}

const char* Justification(CellAlign align) {
  switch (align) {
    case CellAlign::kRight:
      return "right";
    case CellAlign::kCenter:
      return "center";
    case CellAlign::kLeft:
      break;
  }
  return "left";
}

struct Relationship {
  std::string id;
  std::string type;  // the last segment after .../relationships/
  std::string target;
  bool external = false;
};

// word/document.xml's body, with the relationships (images, links) and numbering instances
// it refers to.
class BodyWriter : public office::BlockVisitor {
 public:
  BodyWriter(const Document& document, office::ZipPackage* media)
      : document_(document),
        media_(media),
        words_(office::CaptionWordsFor(document.language)),
        xml_(XmlWriter::Fragment{}) {}

  Status Write() {
    TitleAndContents();
    Walk(document_.blocks);
    return status_;
  }
  std::string Body() { return xml_.Finish(); }
  const std::vector<Relationship>& Relationships() const { return relationships_; }
  int NumberedLists() const { return numbered_lists_; }
  int Images() const { return images_; }

  void OnHeading(const Heading& heading) override {
    Paragraph("Heading" + std::to_string(office::HeadingLevel(heading)));
    Run(heading.text, false, false);
    xml_.Close();
  }

  void OnParagraph(const prosit::Paragraph& paragraph) override {
    Paragraph(ParagraphStyleId(paragraph.style));
    Runs(paragraph.runs);
    xml_.Close();
  }

  void OnList(const BulletList& list) override {
    // Bullets share one numbering instance; each numbered list has its own, so it
    // starts again at 1.
    std::string num = list.numbered ? std::to_string(2 + numbered_lists_++) : "1";
    for (const RichText& item : list.items) {
      xml_.Open("w:p");
      xml_.Open("w:pPr");
      xml_.Empty("w:pStyle", {{"w:val", "ListParagraph"}});
      xml_.Open("w:numPr");
      xml_.Empty("w:ilvl", {{"w:val", "0"}});
      xml_.Empty("w:numId", {{"w:val", num}});
      xml_.Close();
      xml_.Close();
      Runs(item);
      xml_.Close();
    }
  }

  void OnTable(const Table& table, int number) override {
    if (number > 0) Caption(words_.table, "Tabulka", number, table.caption, true);
    double width = document_.page.width_mm - 2 * document_.page.margin_mm;
    std::vector<double> shares = office::ColumnShares(table);
    xml_.Open("w:tbl");
    xml_.Open("w:tblPr");
    xml_.Empty("w:tblW", {{"w:w", Twips(width)}, {"w:type", "dxa"}});
    xml_.Open("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      xml_.Empty(side,
                 {{"w:val", "single"}, {"w:sz", "4"}, {"w:space", "0"}, {"w:color", "9A9A9A"}});
    }
    xml_.Close();
    xml_.Empty("w:tblLayout", {{"w:type", "fixed"}});
    xml_.Open("w:tblCellMar");
    xml_.Empty("w:top", {{"w:w", "28"}, {"w:type", "dxa"}});
    xml_.Empty("w:left", {{"w:w", "85"}, {"w:type", "dxa"}});
    xml_.Empty("w:bottom", {{"w:w", "28"}, {"w:type", "dxa"}});
    xml_.Empty("w:right", {{"w:w", "85"}, {"w:type", "dxa"}});
    xml_.Close();
    xml_.Empty("w:tblLook", {{"w:val", "04A0"},
                             {"w:firstRow", "1"},
                             {"w:lastRow", "0"},
                             {"w:firstColumn", "0"},
                             {"w:lastColumn", "0"},
                             {"w:noHBand", "1"},
                             {"w:noVBand", "1"}});
    xml_.Close();
    xml_.Open("w:tblGrid");
    for (double share : shares) xml_.Empty("w:gridCol", {{"w:w", Twips(width * share)}});
    xml_.Close();

    // The header row repeats on every page the table runs onto (tblHeader).
    xml_.Open("w:tr");
    xml_.Open("w:trPr");
    xml_.Empty("w:cantSplit");
    xml_.Empty("w:tblHeader");
    xml_.Close();
    for (size_t c = 0; c < table.header.size(); ++c) {
      Cell(width * shares[c], 0xDDE4EE, "TableHeading", Align(table, c), Plain(table.header[c]));
    }
    xml_.Close();
    for (size_t r = 0; r < table.rows.size(); ++r) {
      Rgb fill = r < table.row_fill.size() ? table.row_fill[r] : kNoColour;
      xml_.Open("w:tr");
      xml_.Open("w:trPr");
      xml_.Empty("w:cantSplit");
      xml_.Close();
      for (size_t c = 0; c < table.header.size(); ++c) {
        static const RichText kEmpty;
        const RichText& text = c < table.rows[r].size() ? table.rows[r][c] : kEmpty;
        Cell(width * shares[c], fill, "TableText", Align(table, c), text);
      }
      xml_.Close();
    }
    xml_.Close();
    // Word merges two tables that touch; a paragraph keeps them apart.
    xml_.Empty("w:p");
  }

  void OnFigure(const Figure& figure, int number) override {
    Result<office::Image> image = office::FigureImage(figure, document_.page);
    if (!image.ok()) {
      if (status_.ok()) status_ = image.status();
      return;
    }
    Picture(*image, words_.figure + " " + std::to_string(images_ + 1));
    if (number > 0) Caption(words_.figure, "Obrazek", number, figure.caption, false);
  }

  void OnQrCode(const QrCode& qr) override {
    Result<office::Image> image = office::QrImage(qr);
    if (!image.ok()) {
      if (status_.ok()) status_ = image.status();
      return;
    }
    Picture(*image, "QR " + std::to_string(images_ + 1));
    if (!qr.caption.empty()) {
      Paragraph("Caption", "center");
      Run(qr.caption, false, false);
      xml_.Close();
    }
  }

  void OnPageBreak() override {
    xml_.Open("w:p");
    PageBreakRun();
    xml_.Close();
  }

 private:
  static CellAlign Align(const Table& table, size_t column) {
    return column < table.align.size() ? table.align[column] : CellAlign::kLeft;
  }

  // Opens <w:p> with its style (and justification); the caller closes it.
  void Paragraph(const std::string& style, const char* justification = nullptr,
                 bool keep_next = false) {
    xml_.Open("w:p");
    xml_.Open("w:pPr");
    xml_.Empty("w:pStyle", {{"w:val", style}});
    if (keep_next) xml_.Empty("w:keepNext");
    if (justification != nullptr) xml_.Empty("w:jc", {{"w:val", justification}});
    xml_.Close();
  }

  void PageBreakRun() {
    xml_.Open("w:r");
    xml_.Empty("w:br", {{"w:type", "page"}});
    xml_.Close();
  }

  // One run; its line breaks and tabs as Word's elements.
  void Run(std::string_view text, bool bold, bool italic, bool link = false) {
    xml_.Open("w:r");
    if (bold || italic || link) {
      xml_.Open("w:rPr");
      if (link) xml_.Empty("w:rStyle", {{"w:val", "Hyperlink"}});
      if (bold) xml_.Empty("w:b");
      if (italic) xml_.Empty("w:i");
      xml_.Close();
    }
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
      if (i > start)
        xml_.Element("w:t", text.substr(start, i - start), {{"xml:space", "preserve"}});
      if (i < text.size()) xml_.Empty(text[i] == '\n' ? "w:br" : "w:tab");
      start = i + 1;
    }
    xml_.Close();
  }

  void Runs(const RichText& runs) {
    for (const TextRun& run : runs) {
      if (run.link.empty()) {
        Run(run.text, run.bold, run.italic);
        continue;
      }
      std::string id = "rIdLink" + std::to_string(relationships_.size() + 1);
      relationships_.push_back(Relationship{id, "hyperlink", run.link, true});
      xml_.Open("w:hyperlink", {{"r:id", id}, {"w:history", "1"}});
      Run(run.text, run.bold, run.italic, true);
      xml_.Close();
    }
  }

  void Cell(double width_mm, Rgb fill, const char* style, CellAlign align, const RichText& text) {
    xml_.Open("w:tc");
    xml_.Open("w:tcPr");
    xml_.Empty("w:tcW", {{"w:w", Twips(width_mm)}, {"w:type", "dxa"}});
    if (fill != kNoColour) {
      xml_.Empty(
          "w:shd",
          {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", office::HexColour(fill).substr(1)}});
    }
    xml_.Close();
    Paragraph(style, Justification(align));
    Runs(text);
    xml_.Close();
    xml_.Close();
  }

  // "Tabulka 3: …" with the number as a SEQ field, so that it renumbers as the networker
  // inserts tables of their own.
  void Caption(const std::string& word, const char* sequence, int number,
               const std::string& caption, bool keep_next) {
    Paragraph("Caption", nullptr, keep_next);
    Run(word + " ", false, false);
    xml_.Open("w:fldSimple", {{"w:instr", std::string(" SEQ ") + sequence + " \\* ARABIC "}});
    Run(std::to_string(number), false, false);
    xml_.Close();
    Run(": " + caption, false, false);
    xml_.Close();
  }

  void Picture(const office::Image& image, const std::string& name) {
    int n = ++images_;
    std::string id = "rIdImage" + std::to_string(n);
    std::string file = "image" + std::to_string(n) + ".png";
    media_->Add("word/media/" + file, image.png, /*stored=*/true);  // PNG is compressed already
    relationships_.push_back(Relationship{id, "image", "media/" + file, false});
    std::string cx = Emu(image.width_mm), cy = Emu(image.height_mm), n_text = std::to_string(n);
    xml_.Open("w:p");
    xml_.Open("w:pPr");
    xml_.Empty("w:keepNext");
    xml_.Empty("w:spacing", {{"w:before", "120"}, {"w:after", "60"}});
    xml_.Empty("w:jc", {{"w:val", "center"}});
    xml_.Close();
    xml_.Open("w:r");
    xml_.Open("w:drawing");
    xml_.Open("wp:inline", {{"distT", "0"}, {"distB", "0"}, {"distL", "0"}, {"distR", "0"}});
    xml_.Empty("wp:extent", {{"cx", cx}, {"cy", cy}});
    xml_.Empty("wp:docPr", {{"id", n_text}, {"name", name}, {"descr", image.alt}});
    xml_.Open("wp:cNvGraphicFramePr");
    xml_.Empty("a:graphicFrameLocks", {{"noChangeAspect", "1"}});
    xml_.Close();
    xml_.Open("a:graphic");
    xml_.Open("a:graphicData",
              {{"uri", "http://schemas.openxmlformats.org/drawingml/2006/picture"}});
    xml_.Open("pic:pic");
    xml_.Open("pic:nvPicPr");
    xml_.Empty("pic:cNvPr", {{"id", n_text}, {"name", file}, {"descr", image.alt}});
    xml_.Empty("pic:cNvPicPr");
    xml_.Close();
    xml_.Open("pic:blipFill");
    xml_.Empty("a:blip", {{"r:embed", id}});
    xml_.Open("a:stretch");
    xml_.Empty("a:fillRect");
    xml_.Close();
    xml_.Close();
    xml_.Open("pic:spPr");
    xml_.Open("a:xfrm");
    xml_.Empty("a:off", {{"x", "0"}, {"y", "0"}});
    xml_.Empty("a:ext", {{"cx", cx}, {"cy", cy}});
    xml_.Close();
    xml_.Open("a:prstGeom", {{"prst", "rect"}});
    xml_.Empty("a:avLst");
    xml_.Close();
    xml_.Close();
    xml_.Close();  // pic:pic
    xml_.Close();  // a:graphicData
    xml_.Close();  // a:graphic
    xml_.Close();  // wp:inline
    xml_.Close();  // w:drawing
    xml_.Close();  // w:r
    xml_.Close();  // w:p
  }

  void TitleAndContents() {
    const Document& d = document_;
    if (d.title_page) {
      // The section's first page has no footer (titlePg); the date paragraph breaks the page.
      Paragraph("Title", nullptr);
      Run(d.title, false, false);
      xml_.Close();
      if (!d.subtitle.empty()) {
        Paragraph("Subtitle");
        Run(d.subtitle, false, false);
        xml_.Close();
      }
      Paragraph("TitleAuthor");
      Run(d.author, false, false);
      xml_.Close();
      Paragraph("TitleDate");
      Run(d.date, false, false);
      PageBreakRun();
      xml_.Close();
    } else if (!d.title.empty()) {
      Paragraph("Title");
      Run(d.title, false, false);
      xml_.Close();
      if (!d.subtitle.empty()) {
        Paragraph("Subtitle");
        Run(d.subtitle, false, false);
        xml_.Close();
      }
    }
    if (d.contents) Contents();
  }

  // A TOC field holding the headings as its last result; Word updates it with the page
  // numbers when the file opens (settings: updateFields), LibreOffice on Tools ▸ Update.
  void Contents() {
    xml_.Open("w:sdt");
    xml_.Open("w:sdtPr");
    xml_.Open("w:docPartObj");
    xml_.Empty("w:docPartGallery", {{"w:val", "Table of Contents"}});
    xml_.Empty("w:docPartUnique");
    xml_.Close();
    xml_.Close();
    xml_.Open("w:sdtContent");
    Paragraph("TOCHeading");
    Run(words_.contents, false, false);
    xml_.Close();
    std::vector<office::ContentsEntry> entries = office::ContentsEntries(document_);
    auto field_char = [&](const char* type) {
      xml_.Open("w:r");
      xml_.Empty("w:fldChar", {{"w:fldCharType", type}});
      xml_.Close();
    };
    for (size_t i = 0; i < entries.size(); ++i) {
      Paragraph("TOC" + std::to_string(entries[i].level));
      if (i == 0) {
        field_char("begin");
        xml_.Open("w:r");
        xml_.Element("w:instrText", " TOC \\o \"1-2\" \\h \\z \\u ", {{"xml:space", "preserve"}});
        xml_.Close();
        field_char("separate");
      }
      Run(entries[i].text, false, false);
      if (i + 1 == entries.size()) field_char("end");
      xml_.Close();
    }
    if (entries.empty()) {
      xml_.Open("w:p");
      field_char("begin");
      xml_.Open("w:r");
      xml_.Element("w:instrText", " TOC \\o \"1-2\" \\h \\z \\u ", {{"xml:space", "preserve"}});
      xml_.Close();
      field_char("separate");
      field_char("end");
      xml_.Close();
    }
    xml_.Close();
    xml_.Close();
  }

  const Document& document_;
  office::ZipPackage* media_;
  office::CaptionWords words_;
  XmlWriter xml_;
  std::vector<Relationship> relationships_;
  int numbered_lists_ = 0;
  int images_ = 0;
  Status status_;
};

std::string DocumentXml(const Document& document, BodyWriter& body) {
  XmlWriter xml;
  xml.Open("w:document", kNamespaces);
  xml.Open("w:body");
  xml.Raw(body.Body());
  xml.Open("w:sectPr");
  xml.Empty("w:footerReference", {{"w:type", "default"}, {"r:id", "rIdFooter"}});
  xml.Empty("w:pgSz",
            {{"w:w", Twips(document.page.width_mm)}, {"w:h", Twips(document.page.height_mm)}});
  std::string margin = Twips(document.page.margin_mm);
  xml.Empty("w:pgMar", {{"w:top", margin},
                        {"w:right", margin},
                        {"w:bottom", margin},
                        {"w:left", margin},
                        {"w:header", "709"},
                        {"w:footer", Twips(document.page.margin_mm * 0.4)},
                        {"w:gutter", "0"}});
  if (document.title_page) xml.Empty("w:titlePg");
  return xml.Finish();
}

// The named styles a networker sees and reuses: Word's built-in names (heading 1, caption,
// toc 1…), so that the navigator, the contents and the captions work as in any document.
std::string StylesXml(const Document& document) {
  std::string language = office::LanguageTag(document.language);
  XmlWriter xml;
  xml.Open("w:styles", kNamespaces);
  xml.Open("w:docDefaults");
  xml.Open("w:rPrDefault");
  xml.Open("w:rPr");
  xml.Empty("w:rFonts", {{"w:ascii", "DejaVu Sans"},
                         {"w:hAnsi", "DejaVu Sans"},
                         {"w:eastAsia", "DejaVu Sans"},
                         {"w:cs", "DejaVu Sans"}});
  xml.Empty("w:sz", {{"w:val", "20"}});
  xml.Empty("w:szCs", {{"w:val", "20"}});
  xml.Empty("w:lang", {{"w:val", language}, {"w:eastAsia", language}, {"w:bidi", language}});
  xml.Close();
  xml.Close();
  xml.Open("w:pPrDefault");
  xml.Open("w:pPr");
  xml.Empty("w:spacing", {{"w:after", "0"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
  xml.Close();
  xml.Close();
  xml.Close();

  struct Style {
    const char* id;
    const char* name;
    const char* based_on;
    const char* next;
    std::string ppr;  // raw pPr children
    std::string rpr;  // raw rPr children
  };
  auto write = [&](const char* type, const Style& s, bool is_default = false) {
    XmlWriter::Attributes attributes = {{"w:type", type}, {"w:styleId", s.id}};
    if (is_default) attributes.push_back({"w:default", "1"});
    xml.Open("w:style", attributes);
    xml.Empty("w:name", {{"w:val", s.name}});
    if (*s.based_on) xml.Empty("w:basedOn", {{"w:val", s.based_on}});
    if (*s.next) xml.Empty("w:next", {{"w:val", s.next}});
    xml.Empty("w:qFormat");
    if (!s.ppr.empty()) {
      xml.Open("w:pPr");
      xml.Raw(s.ppr);
      xml.Close();
    }
    if (!s.rpr.empty()) {
      xml.Open("w:rPr");
      xml.Raw(s.rpr);
      xml.Close();
    }
    xml.Close();
  };
  const std::string heading_colour = "<w:color w:val=\"1F3B63\"/>";
  write("paragraph", {"Normal", "Normal", "", "", "", ""}, true);
  write("paragraph",
        {"BodyText", "Body Text", "Normal", "",
         "<w:spacing w:after=\"140\" w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>",
         ""});
  const char* sizes[] = {"34", "27", "23"};
  const char* before[] = {"360", "280", "220"};
  const char* names[] = {"heading 1", "heading 2", "heading 3"};
  const char* ids[] = {"Heading1", "Heading2", "Heading3"};
  for (int level = 0; level < 3; ++level) {
    std::string numbering;
    if (document.numbered_headings) {
      numbering = "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
                  std::to_string(1000) + "\"/></w:numPr>";
    }
    write("paragraph",
          {ids[level], names[level], "Normal", "BodyText",
           "<w:keepNext/><w:keepLines/>" + numbering + "<w:spacing w:before=\"" + before[level] +
               "\" w:after=\"140\"/><w:outlineLvl w:val=\"" + std::to_string(level) + "\"/>",
           "<w:b/>" + heading_colour + "<w:sz w:val=\"" + sizes[level] + "\"/>"});
  }
  write("paragraph", {"Title", "Title", "Normal", "Subtitle",
                      "<w:spacing w:before=\"2400\" w:after=\"240\"/><w:jc w:val=\"center\"/>",
                      "<w:b/>" + heading_colour + "<w:sz w:val=\"48\"/>"});
  write("paragraph", {"Subtitle", "Subtitle", "Normal", "BodyText",
                      "<w:spacing w:after=\"180\"/><w:jc w:val=\"center\"/>",
                      "<w:color w:val=\"3C4A5C\"/><w:sz w:val=\"30\"/>"});
  write("paragraph", {"TitleAuthor", "Title Author", "Subtitle", "",
                      "<w:spacing w:before=\"2400\" w:after=\"120\"/>", "<w:sz w:val=\"24\"/>"});
  write("paragraph", {"TitleDate", "Title Date", "Subtitle", "", "", "<w:sz w:val=\"24\"/>"});
  write("paragraph", {"Lead", "Lead", "BodyText", "", "", "<w:sz w:val=\"23\"/>"});
  write("paragraph",
        {"Note", "Note", "BodyText", "", "", "<w:color w:val=\"4A4A4A\"/><w:sz w:val=\"17\"/>"});
  write("paragraph",
        {"Quote", "Quote", "BodyText", "",
         "<w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"8AA0BF\"/></w:pBdr>"
         "<w:ind w:left=\"454\" w:right=\"454\"/>",
         "<w:i/>"});
  write("paragraph",
        {"Warning", "Warning", "BodyText", "",
         "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"B35900\"/>"
         "<w:left w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"B35900\"/>"
         "<w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"B35900\"/>"
         "<w:right w:val=\"single\" w:sz=\"6\" w:space=\"4\" w:color=\"B35900\"/></w:pBdr>"
         "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFF3E0\"/>",
         ""});
  write("paragraph",
        {"ListParagraph", "List Paragraph", "BodyText", "", "<w:spacing w:after=\"60\"/>", ""});
  write("paragraph", {"TableText", "Table Text", "Normal", "", "", "<w:sz w:val=\"18\"/>"});
  write("paragraph", {"TableHeading", "Table Heading", "TableText", "", "", "<w:b/>"});
  write("paragraph",
        {"Caption", "caption", "Normal", "BodyText", "<w:spacing w:before=\"80\" w:after=\"180\"/>",
         "<w:i/><w:sz w:val=\"18\"/>"});
  std::string right_tab = "<w:tabs><w:tab w:val=\"right\" w:pos=\"" +
                          Twips(document.page.width_mm - 2 * document.page.margin_mm) +
                          "\"/></w:tabs>";
  write("paragraph", {"Footer", "footer", "Normal", "", right_tab,
                      "<w:color w:val=\"4A4A4A\"/><w:sz w:val=\"17\"/>"});
  // Not based on heading 1: it would take the headings' numbering and a place in the TOC.
  write("paragraph", {"TOCHeading", "TOC Heading", "Normal", "BodyText",
                      "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"140\"/>",
                      "<w:b/>" + heading_colour + "<w:sz w:val=\"30\"/>"});
  for (int level = 1; level <= 2; ++level) {
    std::string id = "TOC" + std::to_string(level), name = "toc " + std::to_string(level);
    std::string tabs = "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"" +
                       Twips(document.page.width_mm - 2 * document.page.margin_mm) +
                       "\"/></w:tabs>";
    std::string indent = "<w:ind w:left=\"" + std::to_string(283 * (level - 1)) + "\"/>";
    write("paragraph", {id.c_str(), name.c_str(), "Normal", "Normal",
                        tabs + "<w:spacing w:after=\"60\"/>" + indent, ""});
  }
  write("character", {"Hyperlink", "Hyperlink", "", "", "",
                      "<w:color w:val=\"1A5FB4\"/><w:u w:val=\"single\"/>"});
  return xml.Finish();
}

std::string NumberingXml(const Document& document, int numbered_lists) {
  XmlWriter xml;
  xml.Open("w:numbering", kNamespaces);
  auto abstract = [&](int id, bool numbered, bool headings) {
    xml.Open("w:abstractNum", {{"w:abstractNumId", std::to_string(id)}});
    xml.Empty("w:multiLevelType", {{"w:val", headings ? "multilevel" : "hybridMultilevel"}});
    for (int level = 0; level < 3; ++level) {
      xml.Open("w:lvl", {{"w:ilvl", std::to_string(level)}});
      xml.Empty("w:start", {{"w:val", "1"}});
      xml.Empty("w:numFmt", {{"w:val", numbered ? "decimal" : "bullet"}});
      if (headings) {
        xml.Empty("w:pStyle", {{"w:val", "Heading" + std::to_string(level + 1)}});
        xml.Empty("w:suff", {{"w:val", "space"}});
      }
      std::string text;
      if (headings) {
        for (int i = 0; i <= level; ++i)
          text += "%" + std::to_string(i + 1) + (i < level ? "." : "");
      } else {
        text = numbered ? "%" + std::to_string(level + 1) + "." : (level == 1 ? "◦" : "•");
      }
      xml.Empty("w:lvlText", {{"w:val", text}});
      xml.Empty("w:lvlJc", {{"w:val", "left"}});
      xml.Open("w:pPr");
      if (headings) {
        xml.Empty("w:ind", {{"w:left", "0"}, {"w:firstLine", "0"}});
      } else {
        xml.Empty("w:ind", {{"w:left", std::to_string(340 * (level + 1))}, {"w:hanging", "340"}});
      }
      xml.Close();
      if (headings) {
        xml.Open("w:rPr");
        xml.Close();
      }
      xml.Close();
    }
    xml.Close();
  };
  abstract(0, false, false);
  abstract(1, true, false);
  if (document.numbered_headings) abstract(2, true, true);
  xml.Open("w:num", {{"w:numId", "1"}});
  xml.Empty("w:abstractNumId", {{"w:val", "0"}});
  xml.Close();
  for (int i = 0; i < numbered_lists; ++i) {
    xml.Open("w:num", {{"w:numId", std::to_string(2 + i)}});
    xml.Empty("w:abstractNumId", {{"w:val", "1"}});
    xml.Open("w:lvlOverride", {{"w:ilvl", "0"}});
    xml.Empty("w:startOverride", {{"w:val", "1"}});
    xml.Close();
    xml.Close();
  }
  if (document.numbered_headings) {
    xml.Open("w:num", {{"w:numId", "1000"}});
    xml.Empty("w:abstractNumId", {{"w:val", "2"}});
    xml.Close();
  }
  return xml.Finish();
}

std::string SettingsXml(const Document& document) {
  XmlWriter xml;
  xml.Open("w:settings", kNamespaces);
  xml.Empty("w:defaultTabStop", {{"w:val", "709"}});
  xml.Empty("w:autoHyphenation");
  xml.Empty("w:characterSpacingControl", {{"w:val", "doNotCompress"}});
  if (document.contents) xml.Empty("w:updateFields", {{"w:val", "true"}});
  xml.Open("w:compat");
  xml.Empty("w:compatSetting", {{"w:name", "compatibilityMode"},
                                {"w:uri", "http://schemas.microsoft.com/office/word"},
                                {"w:val", "15"}});
  xml.Close();
  xml.Empty("w:themeFontLang", {{"w:val", office::LanguageTag(document.language)}});
  return xml.Finish();
}

std::string FooterXml(const Document& document) {
  XmlWriter xml;
  xml.Open("w:ftr", kNamespaces);
  xml.Open("w:p");
  xml.Open("w:pPr");
  xml.Empty("w:pStyle", {{"w:val", "Footer"}});
  xml.Close();
  if (!document.footer.empty()) {
    xml.Open("w:r");
    xml.Element("w:t", document.footer, {{"xml:space", "preserve"}});
    xml.Close();
  }
  xml.Open("w:r");
  xml.Empty("w:tab");
  xml.Close();
  xml.Open("w:fldSimple", {{"w:instr", " PAGE "}});
  xml.Open("w:r");
  xml.Element("w:t", "1");
  xml.Close();
  return xml.Finish();
}

std::string RelationshipsXml(const std::vector<Relationship>& relationships) {
  XmlWriter xml;
  xml.Open("Relationships", {{"xmlns", kRelationships}});
  for (const Relationship& r : relationships) {
    std::string type = r.type.find("://") != std::string::npos
                           ? r.type
                           : std::string(kDocumentRelationship) + "/" + r.type;
    XmlWriter::Attributes attributes = {{"Id", r.id}, {"Type", type}, {"Target", r.target}};
    if (r.external) attributes.push_back({"TargetMode", "External"});
    xml.Empty("Relationship", attributes);
  }
  return xml.Finish();
}

std::string CoreXml(const Document& document) {
  XmlWriter xml;
  xml.Open("cp:coreProperties",
           {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
            {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
            {"xmlns:dcterms", "http://purl.org/dc/terms/"},
            {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
  if (!document.title.empty()) xml.Element("dc:title", document.title);
  if (!document.subtitle.empty()) xml.Element("dc:subject", document.subtitle);
  if (!document.author.empty()) xml.Element("dc:creator", document.author);
  xml.Element("dc:language", office::LanguageTag(document.language));
  if (document.date.size() >= 10) {
    std::string when = document.date.size() == 10 ? document.date + "T00:00:00Z" : document.date;
    xml.Element("dcterms:created", when, {{"xsi:type", "dcterms:W3CDTF"}});
  }
  return xml.Finish();
}

std::string AppXml() {
  XmlWriter xml;
  xml.Open(
      "Properties",
      {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"}});
  xml.Element("Application", "prosit");
  return xml.Finish();
}

std::string ContentTypesXml(bool images) {
  constexpr const char* kWord = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  XmlWriter xml;
  xml.Open("Types", {{"xmlns", "http://schemas.openxmlformats.org/package/2006/content-types"}});
  xml.Empty("Default",
            {{"Extension", "rels"},
             {"ContentType", "application/vnd.openxmlformats-package.relationships+xml"}});
  xml.Empty("Default", {{"Extension", "xml"}, {"ContentType", "application/xml"}});
  if (images) xml.Empty("Default", {{"Extension", "png"}, {"ContentType", "image/png"}});
  for (const auto& [part, type] : std::vector<std::pair<std::string, std::string>>{
           {"/word/document.xml", std::string(kWord) + "document.main+xml"},
           {"/word/styles.xml", std::string(kWord) + "styles+xml"},
           {"/word/numbering.xml", std::string(kWord) + "numbering+xml"},
           {"/word/settings.xml", std::string(kWord) + "settings+xml"},
           {"/word/footer1.xml", std::string(kWord) + "footer+xml"},
           {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
           {"/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml"}}) {
    xml.Empty("Override", {{"PartName", part}, {"ContentType", type}});
  }
  return xml.Finish();
}

}  // namespace

Result<std::string> WriteDocx(const Document& document) {
  office::ZipPackage media;
  BodyWriter body(document, &media);
  PROSIT_RETURN_IF_ERROR(body.Write());
  std::vector<Relationship> relationships = {
      {"rIdStyles", "styles", "styles.xml", false},
      {"rIdNumbering", "numbering", "numbering.xml", false},
      {"rIdSettings", "settings", "settings.xml", false},
      {"rIdFooter", "footer", "footer1.xml", false},
  };
  relationships.insert(relationships.end(), body.Relationships().begin(),
                       body.Relationships().end());

  office::ZipPackage package;
  package.Add("[Content_Types].xml", ContentTypesXml(body.Images() > 0));
  package.Add(
      "_rels/.rels",
      RelationshipsXml({{"rId1", "officeDocument", "word/document.xml", false},
                        {"rId2",
                         "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                         "core-properties",
                         "docProps/core.xml", false},
                        {"rId3", "extended-properties", "docProps/app.xml", false}}));
  package.Add("word/document.xml", DocumentXml(document, body));
  package.Add("word/_rels/document.xml.rels", RelationshipsXml(relationships));
  package.Add("word/styles.xml", StylesXml(document));
  package.Add("word/numbering.xml", NumberingXml(document, body.NumberedLists()));
  package.Add("word/settings.xml", SettingsXml(document));
  package.Add("word/footer1.xml", FooterXml(document));
  package.Append(std::move(media));
  package.Add("docProps/core.xml", CoreXml(document));
  package.Add("docProps/app.xml", AppXml());
  return package.Build();
}

}  // namespace prosit
