#pragma once
// What the ODT and the DOCX writers share: a zip package built in memory (libzip), an XML
// writer that escapes text and attribute values, and a walk over a Document's blocks that
// numbers tables and figures the same way for both formats.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "documents/document.h"
#include "model/status.h"

namespace prosit::office {

// The parts of an office package, in the order they go into the zip. The first part may be
// stored uncompressed (ODF's `mimetype` must be, so that `file` and unzip-less readers can
// sniff it at a fixed offset).
class ZipPackage {
 public:
  void Add(std::string name, std::string bytes, bool stored = false);
  // Moves the parts of `other` to the end of this package.
  void Append(ZipPackage other);
  // Names of the parts added so far, in order.
  std::vector<std::string> Names() const;
  // The zip archive's bytes.
  Result<std::string> Build() const;

 private:
  struct Part {
    std::string name;
    std::string bytes;
    bool stored = false;
  };
  std::vector<Part> parts_;
};

// Appends well-formed XML to a string. Text and attribute values are escaped, and the
// characters XML 1.0 forbids (most C0 controls) are dropped rather than written, so that no
// record's text can break the file.
class XmlWriter {
 public:
  XmlWriter();  // a document: starts with the XML declaration
  struct Fragment {};
  explicit XmlWriter(Fragment);  // a fragment, to be spliced into a document with Raw
  using Attributes = std::vector<std::pair<std::string_view, std::string_view>>;
  void Open(std::string_view tag, const Attributes& attributes = {});
  void Empty(std::string_view tag, const Attributes& attributes = {});
  void Close();  // the innermost open element
  void Text(std::string_view text);
  // Markup already well-formed, e.g. a fragment's Finish().
  void Raw(std::string_view xml);
  // An element holding only text: <tag ...>text</tag>.
  void Element(std::string_view tag, std::string_view text, const Attributes& attributes = {});
  // Closes every open element and returns the document.
  std::string Finish();

 private:
  void Start(std::string_view tag, const Attributes& attributes);
  std::string out_;
  std::vector<std::string> open_;
};

// `text` escaped for XML content or a quoted attribute value.
std::string Escape(std::string_view text);

// The language tag for a document's language ("cs" → "cs-CZ"), as editors want it to pick
// their spell-checking and hyphenation dictionaries.
std::string LanguageTag(const std::string& language);
// The two halves of a language tag: "cs-CZ" → {"cs", "CZ"}.
std::pair<std::string, std::string> SplitLanguageTag(const std::string& tag);

// Captions' words in the document's language: "Tabulka" / "Obrázek" in Czech.
struct CaptionWords {
  std::string table;
  std::string figure;
  std::string contents;  // the table of contents' title
};
CaptionWords CaptionWordsFor(const std::string& language);

// "#rrggbb" for a colour.
std::string HexColour(Rgb colour);

// The relative column widths of a table, normalised to sum to 1 (equal when not given).
std::vector<double> ColumnShares(const Table& table);

// A PNG image to embed, with its size on the page.
struct Image {
  std::string png;
  double width_mm = 0;
  double height_mm = 0;
  std::string alt;
};

// A figure painted as PNG, as wide as the text (no taller than its max height, by default
// two thirds of the text's height) keeping its proportions.
Result<Image> FigureImage(const Figure& figure, const PageSetup& page);
// A QR code as a PNG of crisp modules, `size_mm` square.
Result<Image> QrImage(const QrCode& qr);

// Maps a Document's blocks to one format's elements: the writers implement one method per
// block kind, and Walk calls them in reading order with the numbers of tables and figures
// counted once for both formats (only captioned ones are numbered; 0 otherwise).
class BlockVisitor {
 public:
  virtual ~BlockVisitor() = default;
  virtual void OnHeading(const Heading& heading) = 0;
  virtual void OnParagraph(const Paragraph& paragraph) = 0;
  virtual void OnList(const BulletList& list) = 0;
  virtual void OnTable(const Table& table, int number) = 0;
  virtual void OnFigure(const Figure& figure, int number) = 0;
  virtual void OnQrCode(const QrCode& qr) = 0;
  virtual void OnPageBreak() = 0;

  void Walk(const std::vector<Block>& blocks);
};

// Heading numbers ("2.1") in reading order, one per Heading block, when the document
// numbers its headings; empty strings otherwise.
std::vector<std::string> HeadingNumbers(const Document& document);

// An entry of the table of contents (headings of levels 1–2), its text numbered when the
// document numbers headings. The writers fill the contents with these, so that the file
// shows them before an editor updates the field with page numbers.
struct ContentsEntry {
  int level = 1;
  std::string text;
};
std::vector<ContentsEntry> ContentsEntries(const Document& document);

// A heading's level clamped to the 1–3 the styles define.
int HeadingLevel(const Heading& heading);

}  // namespace prosit::office
