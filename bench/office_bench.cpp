// The ODT and DOCX writers on a long report: the renderers' sample document repeated to
// about forty pages (its figure and QR code each time), written R times in each format,
// alternating; prints the median and p90 per document and the ratio of the two formats.
//
//   prosit_office_bench [--repeat N] [--runs R]

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "../tests/unit/document_sample.h"
#include "bench_stats.h"
#include "documents/docx_writer.h"
#include "documents/odt_writer.h"

using namespace prosit;
using bench::Median;
using bench::Ms;
using bench::Percentile;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  int repeat = 9;  // LibreOffice lays the sample ×9 out on about forty pages (×7: 31)
  int runs = 15;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::stoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::stoi(argv[i + 1]);
  }
  Document document = testing::SampleDocument();
  std::vector<Block> once = document.blocks;
  for (int r = 1; r < repeat; ++r)
    document.blocks.insert(document.blocks.end(), once.begin(), once.end());

  std::vector<double> odt_ms, docx_ms;
  size_t odt_bytes = 0, docx_bytes = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = Clock::now();
    Result<std::string> odt = WriteOdt(document);
    odt_ms.push_back(Ms(start));
    start = Clock::now();
    Result<std::string> docx = WriteDocx(document);
    docx_ms.push_back(Ms(start));
    if (!odt.ok() || !docx.ok()) {
      std::fprintf(stderr, "write failed\n");
      return 1;
    }
    odt_bytes = odt->size();
    docx_bytes = docx->size();
  }
  std::printf("office documents: sample ×%d (%zu blocks), %d runs each, alternating\n", repeat,
              document.blocks.size(), runs);
  std::printf("  ODT   median %7.1f ms  p90 %7.1f ms  %zu KiB\n", Median(odt_ms),
              Percentile(odt_ms, 0.9), odt_bytes / 1024);
  std::printf("  DOCX  median %7.1f ms  p90 %7.1f ms  %zu KiB\n", Median(docx_ms),
              Percentile(docx_ms, 0.9), docx_bytes / 1024);
  std::printf("  DOCX / ODT median: %.2f\n", Median(docx_ms) / Median(odt_ms));
  return 0;
}
