#pragma once
// A sample Document for the renderers' tests and the bench: every kind of block, Czech
// diacritics, a table long enough to run over a page, a figure with labels, a QR code and
// a link, on more than three pages. The PDF, ODT and DOCX tests render this same sample.

#include <string>
#include <utility>
#include <vector>

#include "documents/document.h"

namespace prosit::testing {

// The sentence with every Czech diacritic; tests look for it verbatim in the output.
inline constexpr const char* kCzechSentence = "Příliš žluťoučký kůň úpěl ďábelské ódy.";
inline constexpr const char* kSampleTitle = "Analýza místní sítě služeb v ORP Hlinsko";
inline constexpr const char* kSampleLink = "https://example.org/prosit/hlinsko";
inline constexpr int kSampleTableRows = 70;

inline TextRun Run(std::string text, bool bold = false, bool italic = false,
                   std::string link = "") {
  return TextRun{std::move(text), bold, italic, std::move(link)};
}

inline std::vector<std::string> SampleHeadings() {
  return {"Úvod",
          "O projektu",
          "Síťování v ORP",
          "Potřeby dítěte a úrovně podpory",
          "Pokrytí optimální sítě",
          "Bílá místa",
          "Doporučení",
          "Závěr"};
}

inline Drawing SampleDrawing() {
  Drawing d;
  d.width = 200;
  d.height = 120;
  PathShape area;
  area.rings = {{{10, 10}, {190, 20}, {170, 110}, {20, 100}}, {{60, 40}, {120, 40}, {90, 80}}};
  area.fill = 0xDCEBF7;
  area.stroke = Stroke{0x1F4E79, 1.5, {}};
  d.shapes.push_back(area);
  PathShape road;
  road.closed = false;
  road.rings = {{{10, 60}, {80, 55}, {190, 70}}};
  road.stroke = Stroke{0xC00000, 1, {4, 2}};
  d.shapes.push_back(road);
  d.shapes.push_back(CircleShape{{150, 50}, 8, 0xF4B183, Stroke{0x843C0C, 1, {}}});
  d.shapes.push_back(RectShape{{140, 90}, 40, 10, 0xA9D18E, Stroke{0x000000, 0.5, {}}});
  d.shapes.push_back(LabelShape{{150, 35}, "Hlinsko", 9, 0x000000, TextAnchor::kMiddle, true});
  d.shapes.push_back(LabelShape{{20, 115}, "Česká Třebová — žluťoučký", 7, 0x333333});
  d.shapes.push_back(LabelShape{{190, 115}, "10 km", 7, 0x333333, TextAnchor::kEnd});
  return d;
}

inline Table SampleTable() {
  Table t;
  t.header = {"Obec", "Děti 0–17", "Dostupnost", "Poznámka"};
  t.widths = {3, 1.2, 1.2, 3};
  t.align = {CellAlign::kLeft, CellAlign::kRight, CellAlign::kCenter, CellAlign::kLeft};
  t.caption = "Obce ORP a jejich pokrytí službami";
  for (int i = 1; i <= kSampleTableRows; ++i) {
    std::vector<RichText> row = {Plain("Obec č. " + std::to_string(i) + " (Čáslav)"),
                                 Plain(std::to_string(40 + 7 * i)),
                                 Plain(i % 3 == 0 ? "ne" : "ano"),
                                 Plain(i % 5 == 0 ? "bílé místo: chybí odborné sociální "
                                                    "poradenství pro rodiny s dětmi"
                                                  : "")};
    t.rows.push_back(std::move(row));
    t.row_fill.push_back(i % 5 == 0 ? 0xFCE4D6 : kNoColour);
  }
  return t;
}

inline std::string SampleBody(int chapter) {
  return "Kapitola " + std::to_string(chapter) +
         " popisuje síť služeb pro ohrožené děti a jejich rodiny. Místní síťař mapuje "
         "aktéry, jejich služby a spolupráci, porovnává skutečnou síť s optimálním modelem "
         "a navrhuje doporučení pro obce, poskytovatele sociálních služeb, školy a orgány "
         "sociálně-právní ochrany dětí. Spolupráce mezi resorty je podmínkou včasné pomoci.";
}

inline Document SampleDocument() {
  Document doc;
  doc.title = kSampleTitle;
  doc.subtitle = "Návrh optimální podoby sítě služeb pro děti a rodiny";
  doc.author = "Jana Nováková, místní síťařka";
  doc.date = "2026-11-30";
  doc.footer = "prosit — ORP Hlinsko";
  doc.title_page = true;
  doc.contents = true;
  doc.numbered_headings = true;
  std::vector<std::string> headings = SampleHeadings();
  auto& b = doc.blocks;
  b.push_back(Heading{1, headings[0]});
  b.push_back(Paragraph{Plain(kCzechSentence), ParagraphStyle::kLead});
  b.push_back(Paragraph{Plain(SampleBody(1)), ParagraphStyle::kBody});
  b.push_back(Paragraph{
      {Run("Tučný text, "), Run("zvýrazněný", true), Run(" a "), Run("kurzíva", false, true),
       Run("; odkaz: "), Run("veřejná stránka ORP", false, false, kSampleLink)},
      ParagraphStyle::kBody});
  b.push_back(Heading{1, headings[1]});
  b.push_back(Paragraph{Plain(SampleBody(2)), ParagraphStyle::kBody});
  b.push_back(Heading{2, headings[2]});
  b.push_back(Paragraph{Plain("„Setkávání aktérů nám pomohlo poznat se osobně.“ — síťařka"),
                        ParagraphStyle::kQuote});
  b.push_back(BulletList{{Plain("setkání pracovní skupiny"), Plain("kulatý stůl s obcemi"),
                          Plain("konference pro poskytovatele")},
                         false});
  b.push_back(Heading{2, headings[3]});
  b.push_back(
      BulletList{{Plain("první úroveň: obecná podpora"), Plain("druhá úroveň: cílená podpora"),
                  Plain("třetí úroveň: intenzivní podpora")},
                 true});
  b.push_back(Paragraph{Plain("Údaje vycházejí z vymyšlených ukázkových záznamů."),
                        ParagraphStyle::kWarning});
  b.push_back(Heading{1, headings[4]});
  b.push_back(Paragraph{Plain(SampleBody(3)), ParagraphStyle::kBody});
  b.push_back(SampleTable());
  b.push_back(
      Paragraph{Plain("Zdroj: prosit, model verze 3; doby jízdy OSRM."), ParagraphStyle::kNote});
  b.push_back(Heading{2, headings[5]});
  b.push_back(Figure{SampleDrawing(), "Bílá místa v ORP Hlinsko", "Mapa ORP s bílými místy", 0});
  b.push_back(PageBreak{});
  b.push_back(Heading{1, headings[6]});
  b.push_back(Paragraph{Plain(SampleBody(4)), ParagraphStyle::kBody});
  b.push_back(QrCode{kSampleLink, 30, "Veřejná stránka ORP Hlinsko"});
  b.push_back(Heading{1, headings[7]});
  b.push_back(Paragraph{Plain(SampleBody(5)), ParagraphStyle::kBody});
  return doc;
}

}  // namespace prosit::testing
