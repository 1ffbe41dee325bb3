#pragma once
// Document: a report as content, before any layout — headings, paragraphs, lists,
// tables, drawn figures and QR codes in reading order. The use cases in app/documents/
// assemble one from the snapshot and the analyses; the renderers beside this header
// lay it out as PDF (Cairo and Pango), ODT or DOCX. One model serves every output, so
// a chapter is written once and comes out the same in each format.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace prosit {

// A colour as 0xRRGGBB; kNoColour draws nothing.
using Rgb = uint32_t;
inline constexpr Rgb kNoColour = 0xFFFFFFFFu;

// A piece of text with one style inside a paragraph, a list item or a table cell.
struct TextRun {
  std::string text;  // UTF-8; soft hyphens (U+00AD) are the renderer's to add
  bool bold = false;
  bool italic = false;
  std::string link;  // a URL; empty when the run is not a link
};
using RichText = std::vector<TextRun>;

// The runs' text joined, without styles (alt texts, table sorting, tests).
std::string PlainText(const RichText& runs);
// One unstyled run.
RichText Plain(std::string text);

// A heading; level 1 is a chapter, 2 a section, 3 a subsection. The renderers number
// them only when the document asks for it, and list levels 1–2 in the contents.
struct Heading {
  int level = 1;
  std::string text;
};

enum class ParagraphStyle {
  kBody,
  kLead,     // a larger introductory paragraph
  kNote,     // smaller, e.g. a source or a method note under a figure
  kQuote,    // the networker's own words, set off from the computed text
  kWarning,  // boxed: e.g. "this figure rests on invented demo records"
};

struct Paragraph {
  RichText runs;
  ParagraphStyle style = ParagraphStyle::kBody;
};

struct BulletList {
  std::vector<RichText> items;
  bool numbered = false;
};

enum class CellAlign { kLeft, kRight, kCenter };

// A table whose header repeats on every page it runs onto.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<RichText>> rows;  // each row has header.size() cells
  std::vector<double> widths;               // relative column widths; empty: equal
  std::vector<CellAlign> align;             // per column; empty: left
  std::vector<Rgb> row_fill;                // per row background; empty or kNoColour: none
  std::string caption;                      // "Tabulka 3: …" numbering is the renderer's
};

// A vector drawing in its own coordinates: (0, 0) top left, x right, y down, `width` ×
// `height` units; the renderer scales it to the text width keeping its proportions.
struct Point {
  double x = 0;
  double y = 0;
};
struct Stroke {
  Rgb colour = kNoColour;
  double width = 1;            // in drawing units
  std::vector<double> dashes;  // empty: solid
};
struct PathShape {  // one or more closed rings (holes by even-odd), or an open line
  std::vector<std::vector<Point>> rings;
  bool closed = true;
  Rgb fill = kNoColour;
  Stroke stroke;
};
struct CircleShape {
  Point centre;
  double radius = 1;
  Rgb fill = kNoColour;
  Stroke stroke;
};
struct RectShape {
  Point origin;  // top left
  double width = 0;
  double height = 0;
  Rgb fill = kNoColour;
  Stroke stroke;
};
enum class TextAnchor { kStart, kMiddle, kEnd };
struct LabelShape {
  Point at;  // the baseline's anchor point
  std::string text;
  double size = 10;  // in drawing units
  Rgb colour = 0x000000;
  TextAnchor anchor = TextAnchor::kStart;
  bool bold = false;
};
using Shape = std::variant<PathShape, CircleShape, RectShape, LabelShape>;

struct Drawing {
  double width = 100;
  double height = 100;
  std::vector<Shape> shapes;  // painted in order
};

// A drawing with its caption ("Obrázek 2: …"); `alt` describes it for accessibility
// and for formats that cannot hold vector drawings.
struct Figure {
  Drawing drawing;
  std::string caption;
  std::string alt;
  double max_height_mm = 0;  // 0: the renderer's default share of the page
};

// A QR code of `payload` (a URL), `size_mm` square, with a caption under it.
struct QrCode {
  std::string payload;
  double size_mm = 30;
  std::string caption;
};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, BulletList, Table, Figure, QrCode, PageBreak>;

struct PageSetup {
  double width_mm = 210;  // A4
  double height_mm = 297;
  double margin_mm = 20;
};

struct Document {
  std::string language = "cs";  // for hyphenation and the file's metadata
  std::string title;
  std::string subtitle;
  std::string author;       // e.g. the ORP's networker, or "prosit"
  std::string date;         // ISO date the document reflects
  std::string footer;       // on every page, beside the page number
  bool title_page = false;  // title, subtitle, author and date on a page of their own
  bool contents = false;    // a table of contents after the title
  bool numbered_headings = false;
  PageSetup page;
  std::vector<Block> blocks;
};

}  // namespace prosit
