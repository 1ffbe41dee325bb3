#include "documents/page_breaking.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace prosit::pdf {
namespace {

Box Sized(double height, bool keep = false, double space = 0) {
  Box box;
  box.height = height;
  box.keep_with_next = keep;
  box.space_before = space;
  return box;
}

// The index in `boxes` of each placed box, page by page; -1 for a repeated header.
std::vector<std::vector<int>> Indices(const std::vector<Page>& pages,
                                      const std::vector<Box>& boxes) {
  std::vector<std::vector<int>> out;
  for (const Page& page : pages) {
    out.emplace_back();
    for (const PlacedBox& placed : page) {
      bool own = placed.box >= boxes.data() && placed.box < boxes.data() + boxes.size();
      out.back().push_back(own ? static_cast<int>(placed.box - boxes.data()) : -1);
    }
  }
  return out;
}

TEST(PageBreaking, FillsPagesInOrderAndDropsSpaceAtThePageTop) {
  std::vector<Box> boxes = {Sized(40), Sized(40, false, 10), Sized(40, false, 10)};
  std::vector<Page> pages = BreakIntoPages(boxes, 100);
  EXPECT_EQ(Indices(pages, boxes), (std::vector<std::vector<int>>{{0, 1}, {2}}));
  EXPECT_EQ(pages[0][1].y, 50);
  EXPECT_EQ(pages[1][0].y, 0);  // its space before is dropped
}

TEST(PageBreaking, KeptRunMovesWhole) {
  // A heading (kept with the next line) that would end the page goes with its line.
  std::vector<Box> boxes = {Sized(70), Sized(15, true), Sized(20)};
  EXPECT_EQ(Indices(BreakIntoPages(boxes, 100), boxes),
            (std::vector<std::vector<int>>{{0}, {1, 2}}));
}

TEST(PageBreaking, RunTallerThanAPageBreaksWhereItMust) {
  std::vector<Box> boxes = {Sized(10), Sized(60, true), Sized(60, true), Sized(10)};
  std::vector<Page> pages = BreakIntoPages(boxes, 100);
  EXPECT_EQ(Indices(pages, boxes), (std::vector<std::vector<int>>{{0, 1}, {2, 3}}));
}

TEST(PageBreaking, ForcedBreakAndOversizedBox) {
  std::vector<Box> boxes = {Sized(10), Sized(10), Sized(300), Sized(10)};
  boxes[1].break_before = true;
  EXPECT_EQ(Indices(BreakIntoPages(boxes, 100), boxes),
            (std::vector<std::vector<int>>{{0}, {1}, {2}, {3}}));
}

TEST(PageBreaking, TableHeaderRepeatsAboveARowThatStartsAPage) {
  std::vector<Box> boxes = {Sized(20, true)};  // the header, kept with the first row
  auto header = std::make_shared<const Box>(boxes[0]);
  for (int i = 0; i < 6; ++i) {
    boxes.push_back(Sized(30));
    boxes.back().repeat_header = header;
  }
  std::vector<Page> pages = BreakIntoPages(boxes, 100);
  EXPECT_EQ(Indices(pages, boxes),
            (std::vector<std::vector<int>>{{0, 1, 2}, {-1, 3, 4}, {-1, 5, 6}}));
  EXPECT_EQ(pages[1][0].box, header.get());
  EXPECT_EQ(pages[1][1].y, 20);
}

}  // namespace
}  // namespace prosit::pdf
