#include "documents/page_breaking.h"

namespace prosit::pdf {
namespace {

class PageBreaker {
 public:
  PageBreaker(const std::vector<Box>& boxes, double area_height)
      : boxes_(boxes), area_height_(area_height) {}

  std::vector<Page> Run() {
    pages_.emplace_back();
    for (size_t i = 0; i < boxes_.size(); ++i) {
      const Box& box = boxes_[i];
      if (box.break_before && !pages_.back().empty()) NewPage(box);
      if (!Fresh() && y_ + GroupHeight(i) > area_height_) NewPage(box);
      Place(box);
    }
    return std::move(pages_);
  }

 private:
  // Whether nothing but a repeated header is on the current page.
  bool Fresh() const {
    const Page& page = pages_.back();
    return page.empty() || (page.size() == 1 && header_on_top_);
  }

  double SpaceBefore(const Box& box, double y) const { return y == 0 ? 0 : box.space_before; }

  // The height from the current position to the end of the keep_with_next run from `i`,
  // or of box `i` alone when the run could never fit on a page.
  double GroupHeight(size_t i) const {
    double y = y_;
    size_t j = i;
    for (;;) {
      y += SpaceBefore(boxes_[j], y) + boxes_[j].height;
      if (!boxes_[j].keep_with_next || j + 1 >= boxes_.size() || boxes_[j + 1].break_before) break;
      ++j;
    }
    double alone = SpaceBefore(boxes_[i], y_) + boxes_[i].height;
    return y - y_ > area_height_ ? alone : y - y_;
  }

  void NewPage(const Box& next) {
    pages_.emplace_back();
    y_ = 0;
    header_on_top_ = false;
    if (next.repeat_header) {
      Place(*next.repeat_header);
      header_on_top_ = true;
    }
  }

  void Place(const Box& box) {
    y_ += SpaceBefore(box, y_);
    pages_.back().push_back(PlacedBox{&box, y_});
    y_ += box.height;
  }

  const std::vector<Box>& boxes_;
  double area_height_;
  std::vector<Page> pages_;
  double y_ = 0;
  bool header_on_top_ = false;
};

}  // namespace

std::vector<Page> BreakIntoPages(const std::vector<Box>& boxes, double area_height) {
  return PageBreaker(boxes, area_height).Run();
}

}  // namespace prosit::pdf
