#include "documents/odt_writer.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <tuple>

#include "documents/office_package.h"

namespace prosit {
namespace {

using office::XmlWriter;

constexpr const char* kMimeType = "application/vnd.oasis.opendocument.text";
constexpr const char* kOdfVersion = "1.3";

const XmlWriter::Attributes kNamespaces = {
    {"xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
    {"xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
    {"xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    {"xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
    {"xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
    {"xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
    {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
    {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
    {"xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
    {"xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    {"xmlns:loext", "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"},
    {"office:version", kOdfVersion},
};

std::string Mm(double mm) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2fmm", mm);
  return text;
}

const char* ParagraphStyleName(ParagraphStyle style) {
  switch (style) {
    case ParagraphStyle::kLead:
      return "Lead";
    case ParagraphStyle::kNote:
      return "Note";
    case ParagraphStyle::kQuote:
      return "Quotations";
    case ParagraphStyle::kWarning:
      return "Warning";
    case ParagraphStyle::kBody:
      break;
  }
  return "Text_20_body";
}

const char* AlignName(CellAlign align) {
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

// Text with its tabs, line breaks and runs of spaces as ODF elements (XML would fold them).
void WriteText(XmlWriter& xml, std::string_view text) {
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : '\0';
    bool space_run = c == ' ' && i + 1 < text.size() && text[i + 1] == ' ';
    if (c != '\0' && c != '\n' && c != '\t' && !space_run) continue;
    xml.Text(text.substr(start, i - start));
    if (c == '\n') xml.Empty("text:line-break");
    if (c == '\t') xml.Empty("text:tab");
    if (space_run) {
      size_t end = i;
      while (end < text.size() && text[end] == ' ') ++end;
      xml.Empty("text:s", {{"text:c", std::to_string(end - i)}});
      i = end - 1;
    }
    start = i + 1;
  }
}

void WriteRuns(XmlWriter& xml, const RichText& runs) {
  for (const TextRun& run : runs) {
    if (!run.link.empty()) {
      xml.Open("text:a", {{"xlink:type", "simple"},
                          {"xlink:href", run.link},
                          {"text:style-name", "Internet_20_link"}});
    }
    const char* style = run.bold && run.italic ? "T_bi"
                        : run.bold             ? "T_b"
                        : run.italic           ? "T_i"
                                               : "";
    if (*style) xml.Open("text:span", {{"text:style-name", style}});
    WriteText(xml, run.text);
    if (*style) xml.Close();
    if (!run.link.empty()) xml.Close();
  }
}

// content.xml's body, and the automatic styles its tables need.
class ContentWriter : public office::BlockVisitor {
 public:
  ContentWriter(const Document& document, office::ZipPackage* package,
                std::vector<std::string>* pictures)
      : document_(document),
        package_(package),
        pictures_(pictures),
        words_(office::CaptionWordsFor(document.language)),
        numbers_(office::HeadingNumbers(document)),
        body_(XmlWriter::Fragment{}),
        styles_(XmlWriter::Fragment{}) {}

  Status Write() {
    TitleAndContents();
    Walk(document_.blocks);
    return status_;
  }
  std::string Body() { return body_.Finish(); }
  std::string TableStyles() { return styles_.Finish(); }
  const std::set<Rgb>& Fills() const { return fills_; }

  void OnHeading(const Heading& heading) override {
    std::string level = std::to_string(office::HeadingLevel(heading));
    body_.Open("text:h",
               {{"text:style-name", "Heading_20_" + level}, {"text:outline-level", level}});
    body_.Text(heading.text);
    body_.Close();
  }

  void OnParagraph(const Paragraph& paragraph) override {
    body_.Open("text:p", {{"text:style-name", ParagraphStyleName(paragraph.style)}});
    WriteRuns(body_, paragraph.runs);
    body_.Close();
  }

  void OnList(const BulletList& list) override {
    body_.Open("text:list",
               {{"text:style-name", list.numbered ? "Numbering_20_123" : "List_20_Bullet"}});
    for (const RichText& item : list.items) {
      body_.Open("text:list-item");
      body_.Open("text:p", {{"text:style-name", "List"}});
      WriteRuns(body_, item);
      body_.Close();
      body_.Close();
    }
    body_.Close();
  }

  void OnTable(const Table& table, int number) override {
    if (number > 0) Caption("Table", "Table", words_.table, number, table.caption);
    std::string name = "Tab" + std::to_string(++tables_);
    double width = document_.page.width_mm - 2 * document_.page.margin_mm;
    styles_.Open("style:style", {{"style:name", name}, {"style:family", "table"}});
    styles_.Empty(
        "style:table-properties",
        {{"style:width", Mm(width)}, {"table:align", "margins"}, {"fo:margin-bottom", "3mm"}});
    styles_.Close();
    std::vector<double> shares = office::ColumnShares(table);
    for (size_t c = 0; c < shares.size(); ++c) {
      styles_.Open("style:style", {{"style:name", name + "." + std::to_string(c + 1)},
                                   {"style:family", "table-column"}});
      styles_.Empty("style:table-column-properties",
                    {{"style:column-width", Mm(width * shares[c])}});
      styles_.Close();
    }

    body_.Open("table:table", {{"table:name", words_.table + std::to_string(tables_)},
                               {"table:style-name", name}});
    for (size_t c = 0; c < shares.size(); ++c) {
      body_.Empty("table:table-column", {{"table:style-name", name + "." + std::to_string(c + 1)}});
    }
    // Rows in table-header-rows repeat on every page the table runs onto.
    body_.Open("table:table-header-rows");
    body_.Open("table:table-row");
    for (size_t c = 0; c < table.header.size(); ++c) {
      Cell("CellHead", std::string("P_head_") + AlignName(Align(table, c)), Plain(table.header[c]));
    }
    body_.Close();
    body_.Close();
    for (size_t r = 0; r < table.rows.size(); ++r) {
      Rgb fill = r < table.row_fill.size() ? table.row_fill[r] : kNoColour;
      std::string cell_style = "Cell";
      if (fill != kNoColour) {
        fills_.insert(fill);
        cell_style = "Cell_" + office::HexColour(fill).substr(1);
      }
      body_.Open("table:table-row");
      for (size_t c = 0; c < table.header.size(); ++c) {
        static const RichText kEmpty;
        const RichText& text = c < table.rows[r].size() ? table.rows[r][c] : kEmpty;
        Cell(cell_style, std::string("P_cell_") + AlignName(Align(table, c)), text);
      }
      body_.Close();
    }
    body_.Close();
  }

  void OnFigure(const Figure& figure, int number) override {
    Result<office::Image> image = office::FigureImage(figure, document_.page);
    if (!image.ok()) {
      if (status_.ok()) status_ = image.status();
      return;
    }
    Frame(*image, words_.figure + " " + std::to_string(++images_));
    if (number > 0) Caption("Figure", "Figure", words_.figure, number, figure.caption);
  }

  void OnQrCode(const QrCode& qr) override {
    Result<office::Image> image = office::QrImage(qr);
    if (!image.ok()) {
      if (status_.ok()) status_ = image.status();
      return;
    }
    Frame(*image, "QR " + std::to_string(++images_));
    if (!qr.caption.empty()) {
      body_.Open("text:p", {{"text:style-name", "P_qr_caption"}});
      body_.Text(qr.caption);
      body_.Close();
    }
  }

  void OnPageBreak() override { body_.Empty("text:p", {{"text:style-name", "P_break"}}); }

 private:
  static CellAlign Align(const Table& table, size_t column) {
    return column < table.align.size() ? table.align[column] : CellAlign::kLeft;
  }

  void Cell(const std::string& cell_style, const std::string& paragraph_style,
            const RichText& text) {
    body_.Open("table:table-cell",
               {{"table:style-name", cell_style}, {"office:value-type", "string"}});
    body_.Open("text:p", {{"text:style-name", paragraph_style}});
    WriteRuns(body_, text);
    body_.Close();
    body_.Close();
  }

  // "Tabulka 3: …" with the number as a sequence field, so that it renumbers as the
  // networker inserts tables of their own.
  void Caption(const char* style, const char* sequence, const std::string& word, int number,
               const std::string& caption) {
    body_.Open("text:p", {{"text:style-name", style}});
    body_.Text(word + " ");
    body_.Element("text:sequence", std::to_string(number),
                  {{"text:ref-name", std::string("ref") + sequence + std::to_string(number - 1)},
                   {"text:name", sequence},
                   {"text:formula", std::string("ooow:") + sequence + "+1"},
                   {"style:num-format", "1"}});
    body_.Text(": " + caption);
    body_.Close();
  }

  void Frame(const office::Image& image, const std::string& name) {
    std::string path = "Pictures/image" + std::to_string(images_) + ".png";
    package_->Add(path, image.png, /*stored=*/true);  // PNG is compressed already
    pictures_->push_back(path);
    body_.Open("text:p", {{"text:style-name", "P_figure"}});
    body_.Open("draw:frame", {{"draw:style-name", "fr_image"},
                              {"draw:name", name},
                              {"text:anchor-type", "as-char"},
                              {"svg:width", Mm(image.width_mm)},
                              {"svg:height", Mm(image.height_mm)},
                              {"draw:z-index", "0"}});
    body_.Empty("draw:image", {{"xlink:href", path},
                               {"xlink:type", "simple"},
                               {"xlink:show", "embed"},
                               {"xlink:actuate", "onLoad"},
                               {"draw:mime-type", "image/png"}});
    body_.Element("svg:title", image.alt);
    body_.Element("svg:desc", image.alt);
    body_.Close();
    body_.Close();
  }

  void TitleAndContents() {
    const Document& d = document_;
    if (d.title_page) {
      // The title page has a master page without the footer; its last paragraph breaks to
      // the next page, which the master's next style makes a Standard page again.
      body_.Element("text:p", d.title, {{"text:style-name", "P_title"}});
      if (!d.subtitle.empty())
        body_.Element("text:p", d.subtitle, {{"text:style-name", "Subtitle"}});
      body_.Element("text:p", d.author, {{"text:style-name", "P_title_author"}});
      body_.Element("text:p", d.date, {{"text:style-name", "P_title_last"}});
    } else if (!d.title.empty()) {
      body_.Element("text:p", d.title, {{"text:style-name", "Title"}});
      if (!d.subtitle.empty())
        body_.Element("text:p", d.subtitle, {{"text:style-name", "Subtitle"}});
    }
    if (d.contents) Contents();
  }

  void Contents() {
    body_.Open("text:table-of-content", {{"text:style-name", "Sect_contents"},
                                         {"text:protected", "true"},
                                         {"text:name", words_.contents}});
    body_.Open("text:table-of-content-source", {{"text:outline-level", "2"}});
    body_.Element("text:index-title-template", words_.contents,
                  {{"text:style-name", "Contents_20_Heading"}});
    for (int level = 1; level <= 2; ++level) {
      body_.Open("text:table-of-content-entry-template",
                 {{"text:outline-level", std::to_string(level)},
                  {"text:style-name", "Contents_20_" + std::to_string(level)}});
      body_.Empty("text:index-entry-link-start", {{"text:style-name", "Index_20_Link"}});
      body_.Empty("text:index-entry-chapter");
      body_.Empty("text:index-entry-text");
      body_.Empty("text:index-entry-tab-stop",
                  {{"style:type", "right"}, {"style:leader-char", "."}});
      body_.Empty("text:index-entry-page-number");
      body_.Empty("text:index-entry-link-end");
      body_.Close();
    }
    body_.Close();
    body_.Open("text:index-body");
    body_.Open("text:index-title",
               {{"text:style-name", "Sect_contents"}, {"text:name", words_.contents + "_Head"}});
    body_.Element("text:p", words_.contents, {{"text:style-name", "Contents_20_Heading"}});
    body_.Close();
    for (const office::ContentsEntry& entry : office::ContentsEntries(document_)) {
      body_.Element("text:p", entry.text,
                    {{"text:style-name", "Contents_20_" + std::to_string(entry.level)}});
    }
    body_.Close();
    body_.Close();
  }

  const Document& document_;
  office::ZipPackage* package_;
  std::vector<std::string>* pictures_;
  office::CaptionWords words_;
  std::vector<std::string> numbers_;
  XmlWriter body_;
  XmlWriter styles_;
  std::set<Rgb> fills_;
  int tables_ = 0;
  int images_ = 0;
  Status status_;
};

void ParagraphStyle(XmlWriter& xml, const std::string& name, const std::string& parent,
                    const XmlWriter::Attributes& paragraph, const XmlWriter::Attributes& text = {},
                    const XmlWriter::Attributes& extra = {}) {
  XmlWriter::Attributes attributes = {
      {"style:name", name}, {"style:family", "paragraph"}, {"style:parent-style-name", parent}};
  attributes.insert(attributes.end(), extra.begin(), extra.end());
  xml.Open("style:style", attributes);
  if (!paragraph.empty()) xml.Empty("style:paragraph-properties", paragraph);
  if (!text.empty()) xml.Empty("style:text-properties", text);
  xml.Close();
}

std::string AutomaticStyles(ContentWriter& content) {
  XmlWriter xml(XmlWriter::Fragment{});
  for (const char* align : {"left", "right", "center"}) {
    const char* fo = std::string_view(align) == "left"    ? "start"
                     : std::string_view(align) == "right" ? "end"
                                                          : "center";
    ParagraphStyle(xml, std::string("P_cell_") + align, "Table_20_Contents",
                   {{"fo:text-align", fo}});
    ParagraphStyle(xml, std::string("P_head_") + align, "Table_20_Heading",
                   {{"fo:text-align", fo}});
  }
  ParagraphStyle(xml, "P_break", "Standard", {{"fo:break-before", "page"}});
  ParagraphStyle(xml, "P_title", "Title", {{"fo:margin-top", "60mm"}}, {},
                 {{"style:master-page-name", "Title_20_Page"}});
  ParagraphStyle(xml, "P_title_author", "Subtitle", {{"fo:margin-top", "40mm"}},
                 {{"fo:font-size", "12pt"}});
  ParagraphStyle(xml, "P_title_last", "Subtitle", {{"fo:break-after", "page"}},
                 {{"fo:font-size", "12pt"}});
  ParagraphStyle(xml, "P_figure", "Standard",
                 {{"fo:text-align", "center"},
                  {"fo:keep-with-next", "always"},
                  {"fo:margin-top", "2mm"},
                  {"fo:margin-bottom", "1mm"}});
  ParagraphStyle(xml, "P_qr_caption", "Caption", {{"fo:text-align", "center"}});
  for (const auto& [name, properties] : std::vector<std::pair<std::string, XmlWriter::Attributes>>{
           {"T_b", {{"fo:font-weight", "bold"}}},
           {"T_i", {{"fo:font-style", "italic"}}},
           {"T_bi", {{"fo:font-weight", "bold"}, {"fo:font-style", "italic"}}}}) {
    xml.Open("style:style", {{"style:name", name}, {"style:family", "text"}});
    xml.Empty("style:text-properties", properties);
    xml.Close();
  }
  auto cell = [&](const std::string& name, const std::string& background) {
    xml.Open("style:style", {{"style:name", name}, {"style:family", "table-cell"}});
    xml.Empty("style:table-cell-properties", {{"fo:padding", "1mm"},
                                              {"fo:border", "0.5pt solid #9a9a9a"},
                                              {"fo:background-color", background}});
    xml.Close();
  };
  cell("Cell", "transparent");
  cell("CellHead", "#dde4ee");
  for (Rgb fill : content.Fills())
    cell("Cell_" + office::HexColour(fill).substr(1), office::HexColour(fill));
  xml.Open("style:style", {{"style:name", "fr_image"},
                           {"style:family", "graphic"},
                           {"style:parent-style-name", "Graphics"}});
  xml.Empty("style:graphic-properties",
            {{"style:vertical-pos", "top"}, {"style:vertical-rel", "baseline"}});
  xml.Close();
  xml.Open("style:style", {{"style:name", "Sect_contents"}, {"style:family", "section"}});
  xml.Empty("style:section-properties", {{"style:editable", "false"}});
  xml.Close();
  xml.Raw(content.TableStyles());
  return xml.Finish();
}

std::string Content(ContentWriter& content) {
  XmlWriter xml;
  xml.Open("office:document-content", kNamespaces);
  xml.Empty("office:scripts");
  xml.Open("office:font-face-decls");
  xml.Empty("style:font-face", {{"style:name", "DejaVu Sans"},
                                {"svg:font-family", "'DejaVu Sans'"},
                                {"style:font-family-generic", "swiss"},
                                {"style:font-pitch", "variable"}});
  xml.Close();
  xml.Open("office:automatic-styles");
  xml.Raw(AutomaticStyles(content));
  xml.Close();
  xml.Open("office:body");
  xml.Open("office:text");
  xml.Open("text:sequence-decls");
  for (const char* name : {"Illustration", "Table", "Text", "Drawing", "Figure"}) {
    xml.Empty("text:sequence-decl", {{"text:display-outline-level", "0"}, {"text:name", name}});
  }
  xml.Close();
  xml.Raw(content.Body());
  return xml.Finish();
}

// The named styles a networker sees and reuses in the editor: the text, headings with
// outline levels, captions, lists; the page with the footer.
std::string Styles(const Document& document) {
  auto [language, country] = office::SplitLanguageTag(office::LanguageTag(document.language));
  double text_width = document.page.width_mm - 2 * document.page.margin_mm;
  XmlWriter xml;
  xml.Open("office:document-styles", kNamespaces);
  xml.Open("office:font-face-decls");
  xml.Empty("style:font-face", {{"style:name", "DejaVu Sans"},
                                {"svg:font-family", "'DejaVu Sans'"},
                                {"style:font-family-generic", "swiss"},
                                {"style:font-pitch", "variable"}});
  xml.Close();

  xml.Open("office:styles");
  xml.Open("style:default-style", {{"style:family", "paragraph"}});
  xml.Empty("style:paragraph-properties",
            {{"fo:hyphenation-ladder-count", "no-limit"}, {"style:writing-mode", "page"}});
  xml.Empty("style:text-properties", {{"style:font-name", "DejaVu Sans"},
                                      {"fo:font-size", "10pt"},
                                      {"fo:language", language},
                                      {"fo:country", country},
                                      {"fo:hyphenate", "true"},
                                      {"fo:hyphenation-remain-char-count", "2"},
                                      {"fo:hyphenation-push-char-count", "2"}});
  xml.Close();
  xml.Open("style:default-style", {{"style:family", "graphic"}});
  xml.Empty("style:graphic-properties", {{"draw:stroke", "none"}, {"draw:fill", "none"}});
  xml.Close();

  auto style = [&](const std::string& name, const std::string& display, const std::string& parent,
                   const XmlWriter::Attributes& paragraph, const XmlWriter::Attributes& text,
                   XmlWriter::Attributes extra = {}) {
    extra.insert(extra.begin(), {"style:display-name", display});
    if (name != "Standard") extra.push_back({"style:class", "text"});
    ParagraphStyle(xml, name, parent, paragraph, text, extra);
  };
  xml.Open("style:style",
           {{"style:name", "Standard"}, {"style:family", "paragraph"}, {"style:class", "text"}});
  xml.Close();
  style("Text_20_body", "Text body", "Standard",
        {{"fo:margin-top", "0mm"},
         {"fo:margin-bottom", "2.5mm"},
         {"fo:line-height", "125%"},
         {"fo:text-align", "justify"},
         {"fo:orphans", "2"},
         {"fo:widows", "2"}},
        {});
  style("Heading", "Heading", "Standard",
        {{"fo:margin-top", "6mm"}, {"fo:margin-bottom", "2.5mm"}, {"fo:keep-with-next", "always"}},
        {{"fo:font-weight", "bold"}, {"fo:color", "#1f3b63"}, {"fo:hyphenate", "false"}},
        {{"style:next-style-name", "Text_20_body"}});
  const char* sizes[] = {"17pt", "13.5pt", "11.5pt"};
  for (int level = 1; level <= 3; ++level) {
    std::string l = std::to_string(level);
    style("Heading_20_" + l, "Heading " + l, "Heading", {}, {{"fo:font-size", sizes[level - 1]}},
          {{"style:next-style-name", "Text_20_body"}, {"style:default-outline-level", l}});
  }
  style("Title", "Title", "Standard", {{"fo:text-align", "center"}, {"fo:margin-bottom", "4mm"}},
        {{"fo:font-size", "24pt"},
         {"fo:font-weight", "bold"},
         {"fo:color", "#1f3b63"},
         {"fo:hyphenate", "false"}},
        {{"style:next-style-name", "Subtitle"}});
  style("Subtitle", "Subtitle", "Standard",
        {{"fo:text-align", "center"}, {"fo:margin-bottom", "3mm"}},
        {{"fo:font-size", "15pt"}, {"fo:color", "#3c4a5c"}, {"fo:hyphenate", "false"}},
        {{"style:next-style-name", "Text_20_body"}});
  style("Lead", "Lead", "Text_20_body", {}, {{"fo:font-size", "11.5pt"}});
  style("Note", "Note", "Text_20_body", {}, {{"fo:font-size", "8.5pt"}, {"fo:color", "#4a4a4a"}});
  style("Quotations", "Quotations", "Text_20_body",
        {{"fo:margin-left", "8mm"},
         {"fo:margin-right", "8mm"},
         {"fo:padding-left", "3mm"},
         {"fo:border-left", "1.5pt solid #8aa0bf"}},
        {{"fo:font-style", "italic"}});
  style("Warning", "Warning", "Text_20_body",
        {{"fo:padding", "2mm"},
         {"fo:border", "0.75pt solid #b35900"},
         {"fo:background-color", "#fff3e0"}},
        {});
  style("List", "List", "Text_20_body", {{"fo:margin-bottom", "1mm"}}, {});
  style("Table_20_Contents", "Table Contents", "Standard", {}, {{"fo:font-size", "9pt"}});
  style("Table_20_Heading", "Table Heading", "Table_20_Contents", {}, {{"fo:font-weight", "bold"}});
  style("Caption", "Caption", "Standard", {{"fo:margin-top", "1.5mm"}, {"fo:margin-bottom", "3mm"}},
        {{"fo:font-size", "9pt"}, {"fo:font-style", "italic"}});
  style("Table", "Table", "Caption", {{"fo:keep-with-next", "always"}}, {});
  style("Figure", "Figure", "Caption", {}, {});
  style("Footer", "Footer", "Standard", {}, {{"fo:font-size", "8.5pt"}, {"fo:color", "#4a4a4a"}});
  style("Contents_20_Heading", "Contents Heading", "Heading", {}, {{"fo:font-size", "15pt"}});
  for (int level = 1; level <= 2; ++level) {
    std::string l = std::to_string(level);
    xml.Open("style:style", {{"style:name", "Contents_20_" + l},
                             {"style:display-name", "Contents " + l},
                             {"style:family", "paragraph"},
                             {"style:parent-style-name", "Standard"},
                             {"style:class", "index"}});
    xml.Open("style:paragraph-properties",
             {{"fo:margin-left", Mm(5.0 * (level - 1))}, {"fo:margin-bottom", "1mm"}});
    xml.Open("style:tab-stops");
    xml.Empty("style:tab-stop", {{"style:position", Mm(text_width - 5.0 * (level - 1))},
                                 {"style:type", "right"},
                                 {"style:leader-style", "dotted"},
                                 {"style:leader-text", "."}});
    xml.Close();
    xml.Close();
    xml.Close();
  }
  for (const auto& [name, display, properties] :
       std::vector<std::tuple<std::string, std::string, XmlWriter::Attributes>>{
           {"Internet_20_link",
            "Internet link",
            {{"fo:color", "#1a5fb4"},
             {"style:text-underline-style", "solid"},
             {"style:text-underline-width", "auto"},
             {"style:text-underline-color", "font-color"}}},
           {"Index_20_Link", "Index Link", {}}}) {
    xml.Open("style:style",
             {{"style:name", name}, {"style:display-name", display}, {"style:family", "text"}});
    if (!properties.empty()) xml.Empty("style:text-properties", properties);
    xml.Close();
  }
  xml.Open("style:style", {{"style:name", "Graphics"}, {"style:family", "graphic"}});
  xml.Empty("style:graphic-properties", {{"text:anchor-type", "as-char"}, {"style:wrap", "none"}});
  xml.Close();

  // Headings get their outline levels (and numbers, when the document numbers them) from
  // the outline style, as in a document written in the editor.
  xml.Open("text:outline-style", {{"style:name", "Outline"}});
  for (int level = 1; level <= 10; ++level) {
    xml.Open("text:outline-level-style",
             {{"text:level", std::to_string(level)},
              {"style:num-format", document.numbered_headings && level <= 3 ? "1" : ""},
              {"text:display-levels",
               std::to_string(document.numbered_headings ? std::min(level, 3) : 1)}});
    xml.Open("style:list-level-properties",
             {{"text:list-level-position-and-space-mode", "label-alignment"}});
    xml.Empty("style:list-level-label-alignment", {{"text:label-followed-by", "space"}});
    xml.Close();
    xml.Close();
  }
  xml.Close();
  auto list_style = [&](const char* name, const char* display, bool numbered) {
    xml.Open("text:list-style", {{"style:name", name}, {"style:display-name", display}});
    for (int level = 1; level <= 3; ++level) {
      std::string l = std::to_string(level);
      if (numbered) {
        xml.Open("text:list-level-style-number",
                 {{"text:level", l}, {"style:num-suffix", "."}, {"style:num-format", "1"}});
      } else {
        xml.Open("text:list-level-style-bullet",
                 {{"text:level", l}, {"text:bullet-char", level == 2 ? "◦" : "•"}});
      }
      xml.Open("style:list-level-properties",
               {{"text:list-level-position-and-space-mode", "label-alignment"}});
      xml.Empty("style:list-level-label-alignment",
                {{"text:label-followed-by", "listtab"},
                 {"text:list-tab-stop-position", Mm(6.0 * level)},
                 {"fo:text-indent", "-6.00mm"},
                 {"fo:margin-left", Mm(6.0 * level)}});
      xml.Close();
      xml.Close();
    }
    xml.Close();
  };
  list_style("List_20_Bullet", "List Bullet", false);
  list_style("Numbering_20_123", "Numbering 123", true);
  xml.Close();  // office:styles

  xml.Open("office:automatic-styles");
  xml.Open("style:page-layout", {{"style:name", "pm1"}});
  std::string margin = Mm(document.page.margin_mm);
  xml.Empty("style:page-layout-properties",
            {{"fo:page-width", Mm(document.page.width_mm)},
             {"fo:page-height", Mm(document.page.height_mm)},
             {"style:print-orientation",
              document.page.width_mm > document.page.height_mm ? "landscape" : "portrait"},
             {"fo:margin-top", margin},
             {"fo:margin-bottom", Mm(document.page.margin_mm * 0.6)},
             {"fo:margin-left", margin},
             {"fo:margin-right", margin}});
  xml.Open("style:footer-style");
  xml.Empty("style:header-footer-properties", {{"fo:min-height", "0mm"}, {"fo:margin-top", "5mm"}});
  xml.Close();
  xml.Close();
  xml.Open("style:style", {{"style:name", "P_footer"},
                           {"style:family", "paragraph"},
                           {"style:parent-style-name", "Footer"}});
  xml.Open("style:paragraph-properties");
  xml.Open("style:tab-stops");
  xml.Empty("style:tab-stop", {{"style:position", Mm(text_width)}, {"style:type", "right"}});
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Close();

  xml.Open("office:master-styles");
  xml.Open("style:master-page", {{"style:name", "Standard"}, {"style:page-layout-name", "pm1"}});
  xml.Open("style:footer");
  xml.Open("text:p", {{"text:style-name", "P_footer"}});
  xml.Text(document.footer);
  xml.Empty("text:tab");
  xml.Element("text:page-number", "1", {{"text:select-page", "current"}});
  xml.Close();
  xml.Close();
  xml.Close();
  xml.Empty("style:master-page", {{"style:name", "Title_20_Page"},
                                  {"style:display-name", "Title Page"},
                                  {"style:page-layout-name", "pm1"},
                                  {"style:next-style-name", "Standard"}});
  xml.Close();
  return xml.Finish();
}

std::string DateTime(const std::string& date) {
  return date.size() == 10 ? date + "T00:00:00" : date;
}

std::string Meta(const Document& document) {
  XmlWriter xml;
  xml.Open("office:document-meta", kNamespaces);
  xml.Open("office:meta");
  xml.Element("meta:generator", "prosit");
  if (!document.title.empty()) xml.Element("dc:title", document.title);
  if (!document.subtitle.empty()) xml.Element("dc:subject", document.subtitle);
  if (!document.author.empty()) {
    xml.Element("meta:initial-creator", document.author);
    xml.Element("dc:creator", document.author);
  }
  if (!document.date.empty()) {
    xml.Element("meta:creation-date", DateTime(document.date));
    xml.Element("dc:date", DateTime(document.date));
  }
  xml.Element("dc:language", office::LanguageTag(document.language));
  return xml.Finish();
}

std::string Manifest(const std::vector<std::pair<std::string, std::string>>& parts) {
  XmlWriter xml;
  xml.Open("manifest:manifest",
           {{"xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
            {"manifest:version", kOdfVersion}});
  xml.Empty("manifest:file-entry", {{"manifest:full-path", "/"},
                                    {"manifest:version", kOdfVersion},
                                    {"manifest:media-type", kMimeType}});
  for (const auto& [path, type] : parts) {
    xml.Empty("manifest:file-entry", {{"manifest:full-path", path}, {"manifest:media-type", type}});
  }
  return xml.Finish();
}

}  // namespace

Result<std::string> WriteOdt(const Document& document) {
  office::ZipPackage package;
  // The mimetype comes first and uncompressed: readers identify the file by it.
  package.Add("mimetype", kMimeType, /*stored=*/true);
  office::ZipPackage pictures_package;
  std::vector<std::string> pictures;
  ContentWriter content(document, &pictures_package, &pictures);
  PROSIT_RETURN_IF_ERROR(content.Write());
  package.Add("content.xml", Content(content));
  package.Add("styles.xml", Styles(document));
  package.Add("meta.xml", Meta(document));
  std::vector<std::pair<std::string, std::string>> parts = {
      {"content.xml", "text/xml"}, {"styles.xml", "text/xml"}, {"meta.xml", "text/xml"}};
  package.Append(std::move(pictures_package));
  for (const std::string& picture : pictures) parts.emplace_back(picture, "image/png");
  package.Add("META-INF/manifest.xml", Manifest(parts));
  return package.Build();
}

}  // namespace prosit
