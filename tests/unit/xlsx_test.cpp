// The spreadsheet table model, the XLSX writer and the small XLSX reader: cell references,
// shared and inline strings, dates, empty cells, and a round trip through libxlsxwriter.

#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <string>

#include "io/spreadsheet.h"
#include "io/xlsx_reader.h"
#include "io/xlsx_writer.h"

namespace prosit {
namespace {

// An xlsx package built by hand, in memory, from (part name, XML) pairs.
std::string Package(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  for (const auto& [name, xml] : parts) {
    zip_source_t* s = zip_source_buffer(z, xml.data(), xml.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  zip_source_read(src, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&error);
  return bytes;
}

const char* kWorkbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Karty služeb" sheetId="1" r:id="rId1"/><sheet name="Druhý" sheetId="2" r:id="rId2"/></sheets></workbook>)";
const char* kRels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
const char* kShared =
    R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>název</t></si><si><r><t>Poradna </t></r><r><rPr><b/></rPr><t>Chrudim</t></r><rPh><t>x</t></rPh></si></sst>)";
const char* kStyles =
    R"(<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="d\.\ m\.\ yyyy"/><numFmt numFmtId="165" formatCode="&quot;Kč&quot;\ 0"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
const char* kSheet1 =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>věk</t></is></c></row>)"
    R"(<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" s="1"><v>43830</v></c><c r="C3"><v>12.5</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" s="2"><v>61</v></c><c r="F3" s="3"><v>100</v></c><c r="AB3" t="str"><f>A1</f><v>vzorec</v></c></row>)"
    R"(</sheetData></worksheet>)";
const char* kSheet2 =
    R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>)";

TEST(Spreadsheet, ColumnLettersAndCellReferences) {
  EXPECT_EQ(ColumnLetter(0), "A");
  EXPECT_EQ(ColumnLetter(25), "Z");
  EXPECT_EQ(ColumnLetter(26), "AA");
  EXPECT_EQ(ColumnLetter(27), "AB");
  EXPECT_EQ(ColumnLetter(16383), "XFD");
  size_t col = 0, row = 0;
  ASSERT_TRUE(ParseCellRef("AB12", &col, &row));
  EXPECT_EQ(col, 27u);
  EXPECT_EQ(row, 12u);
  ASSERT_TRUE(ParseCellRef("A1", &col, &row));
  EXPECT_EQ(col, 0u);
  EXPECT_EQ(row, 1u);
  EXPECT_FALSE(ParseCellRef("12", &col, &row));
  EXPECT_FALSE(ParseCellRef("AB", &col, &row));
  EXPECT_FALSE(ParseCellRef("A0", &col, &row));
  EXPECT_FALSE(ParseCellRef("ab12", &col, &row));
  EXPECT_FALSE(ParseCellRef("ABCD1", &col, &row));
}

TEST(XlsxReader, ExcelSerialDates) {
  EXPECT_EQ(ExcelSerialToIsoDate(43830), "2019-12-31");
  EXPECT_EQ(ExcelSerialToIsoDate(61), "1900-03-01");
  EXPECT_EQ(ExcelSerialToIsoDate(59), "1900-02-28");
  EXPECT_EQ(ExcelSerialToIsoDate(45000.75), "2023-03-15");
}

TEST(XlsxReader, ReadsSharedAndInlineStringsNumbersDatesAndEmptyCells) {
  std::string bytes = Package({{"xl/workbook.xml", kWorkbook},
                               {"xl/_rels/workbook.xml.rels", kRels},
                               {"xl/sharedStrings.xml", kShared},
                               {"xl/styles.xml", kStyles},
                               {"xl/worksheets/sheet1.xml", kSheet1},
                               {"xl/worksheets/sheet2.xml", kSheet2}});
  auto sheets = ReadXlsx(bytes);
  ASSERT_TRUE(sheets.ok()) << sheets.status().message();
  ASSERT_EQ(sheets->size(), 2u);
  const XlsxSheet& s = (*sheets)[0];
  EXPECT_EQ(s.name, "Karty služeb");
  EXPECT_EQ((*sheets)[1].name, "Druhý");
  EXPECT_TRUE((*sheets)[1].rows.empty());
  ASSERT_EQ(s.rows.size(), 3u);
  ASSERT_EQ(s.rows[0].size(), 28u);  // as wide as the widest row (AB)
  EXPECT_EQ(s.rows[0][0].text, "název");
  EXPECT_EQ(s.rows[0][1].kind, XlsxCell::Kind::kEmpty);                           // B1 is missing
  EXPECT_EQ(s.rows[0][2].text, "věk");                                            // inline string
  for (const XlsxCell& c : s.rows[1]) EXPECT_EQ(c.kind, XlsxCell::Kind::kEmpty);  // row 2
  const auto& r = s.rows[2];
  EXPECT_EQ(r[0].text, "Poradna Chrudim");  // rich text runs joined, phonetic text left out
  EXPECT_EQ(r[1].kind, XlsxCell::Kind::kDate);
  EXPECT_EQ(r[1].text, "2019-12-31");
  EXPECT_EQ(r[2].kind, XlsxCell::Kind::kNumber);
  EXPECT_EQ(r[2].text, "12.5");
  EXPECT_EQ(r[3].kind, XlsxCell::Kind::kBool);
  EXPECT_EQ(r[3].text, "1");
  EXPECT_EQ(r[4].kind, XlsxCell::Kind::kDate);  // built-in format 14
  EXPECT_EQ(r[4].text, "1900-03-01");
  EXPECT_EQ(r[5].kind, XlsxCell::Kind::kNumber);  // "Kč" 0 is no date
  EXPECT_EQ(r[27].text, "vzorec");                // AB3: a formula's cached value
}

TEST(XlsxReader, RefusesWhatIsNoWorkbook) {
  EXPECT_EQ(ReadXlsx("not a zip").status().code(), StatusCode::kMalformed);
  std::string no_workbook = Package({{"a.txt", "x"}});
  EXPECT_EQ(ReadXlsx(no_workbook).status().code(), StatusCode::kMalformed);
  std::string broken = Package({{"xl/workbook.xml", kWorkbook},
                                {"xl/_rels/workbook.xml.rels", kRels},
                                {"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row>"},
                                {"xl/worksheets/sheet2.xml", kSheet2}});
  EXPECT_EQ(ReadXlsx(broken).status().code(), StatusCode::kMalformed);
}

TEST(XlsxWriter, WritesWhatTheReaderReadsBack) {
  Workbook book;
  book.title = "Katalog služeb";
  Sheet sheet;
  sheet.name = "Karty služeb";
  sheet.headers = {"název", "kapacita", "naposledy ověřeno", "zveřejněná", "web", "prázdné"};
  sheet.rows.push_back({Cell::Text("Poradna – Chrudim"), Cell::Number(12.5),
                        Cell::Date("2026-11-24"), Cell::Bool(true),
                        Cell::Url("https://example.cz/poradna"), Cell{}});
  sheet.rows.push_back({Cell::Text("řádek\ndruhý"), Cell::Number(3), Cell::Date(""),
                        Cell::Bool(false), Cell::Url("není odkaz"), Cell{}});
  book.sheets.push_back(sheet);
  book.sheets.push_back(Sheet{"Vysvětlivky", {"sloupec"}, {{Cell::Text("A")}}});
  auto bytes = WriteXlsx(book);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  auto back = ReadXlsx(*bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 2u);
  const XlsxSheet& s = (*back)[0];
  EXPECT_EQ(s.name, "Karty služeb");
  ASSERT_EQ(s.rows.size(), 3u);
  for (size_t c = 0; c < sheet.headers.size(); ++c) EXPECT_EQ(s.rows[0][c].text, sheet.headers[c]);
  EXPECT_EQ(s.rows[1][0].text, "Poradna – Chrudim");
  EXPECT_EQ(s.rows[1][1].text, "12.5");
  EXPECT_EQ(s.rows[1][2].kind, XlsxCell::Kind::kDate);
  EXPECT_EQ(s.rows[1][2].text, "2026-11-24");
  EXPECT_EQ(s.rows[1][3].kind, XlsxCell::Kind::kBool);
  EXPECT_EQ(s.rows[1][4].text, "https://example.cz/poradna");
  EXPECT_EQ(s.rows[1][5].kind, XlsxCell::Kind::kEmpty);
  EXPECT_EQ(s.rows[2][0].text, "řádek\ndruhý");
  EXPECT_EQ(s.rows[2][2].kind, XlsxCell::Kind::kEmpty);
  EXPECT_EQ(s.rows[2][4].text, "není odkaz");
  EXPECT_EQ((*back)[1].rows[1][0].text, "A");
}

TEST(Spreadsheet, CsvHasTheSameColumns) {
  Sheet sheet{
      "x", {"název", "počet", "ano/ne"}, {{Cell::Text("a;b"), Cell::Number(2), Cell::Bool(true)}}};
  EXPECT_EQ(SheetToCsv(sheet), "\xEF\xBB\xBFnázev;počet;ano/ne\r\n\"a;b\";2;ano\r\n");
}

}  // namespace
}  // namespace prosit
