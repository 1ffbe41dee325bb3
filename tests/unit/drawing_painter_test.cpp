#include "documents/drawing_painter.h"

#include <gtest/gtest.h>

#include <string>

#include "document_files.h"
#include "document_sample.h"

namespace prosit {
namespace {

uint32_t BigEndian32(const std::string& bytes, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

TEST(DrawingPainter, PngHasTheMagicAndTheScaledSize) {
  Result<std::string> png = RenderDrawingPng(testing::SampleDrawing(), 2.5);
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  ASSERT_GT(png->size(), 24u);
  EXPECT_EQ(png->substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(BigEndian32(*png, 16), 500u);  // IHDR width: 200 units × 2.5
  EXPECT_EQ(BigEndian32(*png, 20), 300u);  // IHDR height: 120 units × 2.5
}

TEST(DrawingPainter, PngOfAnEmptyOrHugeDrawingIsRefused) {
  Drawing empty;
  empty.width = 0;
  EXPECT_FALSE(RenderDrawingPng(empty, 1).ok());
  EXPECT_FALSE(RenderDrawingPng(testing::SampleDrawing(), 1000).ok());
}

TEST(DrawingPainter, PngShowsTheFillColours) {
  Drawing d;
  d.width = 10;
  d.height = 10;
  d.shapes.push_back(RectShape{{0, 0}, 10, 10, 0x1F4E79, Stroke{}});
  Result<std::string> filled = RenderDrawingPng(d, 1);
  d.shapes.clear();
  Result<std::string> blank = RenderDrawingPng(d, 1);
  ASSERT_TRUE(filled.ok() && blank.ok());
  EXPECT_NE(*filled, *blank);
}

TEST(DrawingPainter, SvgParsesWithTheDrawingsSize) {
  Result<std::string> svg = RenderDrawingSvg(testing::SampleDrawing());
  ASSERT_TRUE(svg.ok()) << svg.status().ToString();
  testing::TempFile file(*svg, ".svg");
  std::string out = testing::CommandOutput(
      "/usr/bin/python3 -c \"import sys, xml.etree.ElementTree as E; "
      "r = E.parse(sys.argv[1]).getroot(); print(r.tag, r.get('width'), r.get('height'), "
      "len(list(r.iter())))\" " +
      file.path());
  // Cairo writes sizes in points; the labels' glyphs and the shapes are elements.
  EXPECT_EQ(out.rfind("{http://www.w3.org/2000/svg}svg 200pt 120pt ", 0), 0u) << out;
  EXPECT_GT(std::stoi(out.substr(out.rfind(' '))), 10);
}

}  // namespace
}  // namespace prosit
