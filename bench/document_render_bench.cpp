// The PDF renderer's pace: the renderers' sample document (every kind of block, a long
// table, a figure, a QR code) with its blocks repeated to about forty pages, rendered R
// times; prints pages per second and milliseconds per page. Beside it, in the same run:
// the same blocks without the title page and contents (one layout pass instead of two or
// three) and the full document on two threads at once (the server renders concurrently).
//
//   prosit_document_render_bench [--repeat 9] [--runs 9]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "../tests/unit/document_sample.h"
#include "bench_stats.h"
#include "documents/pdf_renderer.h"

using namespace prosit;
using bench::Median;
using bench::Ms;
using Clock = std::chrono::steady_clock;

namespace {

Document Repeated(int repeat, bool front_matter) {
  Document doc = testing::SampleDocument();
  std::vector<Block> blocks = doc.blocks;
  for (int i = 1; i < repeat; ++i)
    doc.blocks.insert(doc.blocks.end(), blocks.begin(), blocks.end());
  doc.title_page = front_matter;
  doc.contents = front_matter;
  return doc;
}

int Pages(const std::string& pdf) {
  int pages = 0;
  for (size_t at = 0; (at = pdf.find("/Type /Page %", at)) != std::string::npos; ++at) ++pages;
  return pages;
}

// The median milliseconds of one render of `doc` on each of `threads` threads at once.
double Time(const Document& doc, int runs, int threads, int* pages) {
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    std::vector<std::thread> workers;
    std::vector<std::string> outputs(threads);
    auto start = Clock::now();
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&doc, &outputs, t] { outputs[t] = *RenderPdf(doc); });
    }
    for (std::thread& w : workers) w.join();
    ms.push_back(Ms(start));
    *pages = Pages(outputs[0]);
  }
  return Median(ms);
}

void Report(const char* what, double ms, int pages, int threads) {
  double total_pages = static_cast<double>(pages) * threads;
  std::printf("%-34s %3d pages × %d thread(s): median %7.1f ms, %6.1f pages/s, %5.2f ms/page\n",
              what, pages, threads, ms, total_pages * 1000 / ms, ms / total_pages);
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 9;
  int runs = 9;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::atoi(argv[i + 1]);
  }
  Document full = Repeated(repeat, true);
  Document plain = Repeated(repeat, false);
  int pages = 0;
  RenderPdf(full);  // loads the fonts and the dictionary of this thread
  double ms = Time(full, runs, 1, &pages);
  Report("title page, contents, blocks", ms, pages, 1);
  ms = Time(plain, runs, 1, &pages);
  Report("blocks only (one layout pass)", ms, pages, 1);
  ms = Time(full, runs, 2, &pages);
  Report("title page, contents, blocks", ms, pages, 2);
  return 0;
}
