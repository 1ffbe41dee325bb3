// The regional summary and the public leaflet, assembled and rendered as PDF on a real
// database, one core: the largest region (most municipalities) and the ORP with the most
// published cards. The travel times and the service layout are made once before timing,
// as the server keeps them.
//
//   prosit_region_documents_bench --database var/national.db --data data [--runs 5]

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "analysis/great_circle_travel.h"
#include "app/analysis/analysis_basis.h"
#include "app/documents/document_pdfs.h"
#include "app/snapshot/snapshot_keeper.h"
#include "bench_stats.h"
#include "documents/pdf_renderer.h"
#include "io/csv_reader.h"

using namespace prosit;
using bench::Median;
using bench::Ms;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::string database = "var/national.db", data = "data";
  int runs = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--database")) database = argv[i + 1];
    if (!std::strcmp(argv[i], "--data")) data = argv[i + 1];
    if (!std::strcmp(argv[i], "--runs")) runs = std::stoi(argv[i + 1]);
  }
  auto store = OpenStore(database);
  if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
  SnapshotKeeper keeper(**store);
  Status s = keeper.Load();
  if (!s.ok()) return std::fprintf(stderr, "%s\n", s.ToString().c_str()), 1;
  auto snap = keeper.Current();
  auto text = ReadFile(data + "/territory/municipalities.topo.json");
  if (!text.ok()) return std::fprintf(stderr, "%s\n", text.status().ToString().c_str()), 1;
  auto shapes = MunicipalityShapes::Parse(*text);
  if (!shapes.ok()) return std::fprintf(stderr, "%s\n", shapes.status().ToString().c_str()), 1;
  AnalysisBasisKeeper analysis(snap->frame, std::make_shared<GreatCircleTravel>());
  auto basis = analysis.Basis(snap);
  if (!basis.ok()) return std::fprintf(stderr, "%s\n", basis.status().ToString().c_str()), 1;

  const Territory& t = snap->frame->territory;
  std::string region;
  size_t most = 0;
  for (const Region& r : t.regions()) {
    size_t n = 0;
    for (const std::string& orp : t.OrpsOfRegion(r.code)) n += t.MunicipalitiesOfOrp(orp).size();
    if (n > most) most = n, region = r.code;
  }
  std::string orp;
  size_t cards = 0;
  for (const Orp& o : t.orps()) {
    size_t n = 0;
    for (const auto& [id, e] : snap->cards)
      for (const std::string& c : e->searchable.orps) n += e->card.published && c == o.code;
    if (n > cards) cards = n, orp = o.code;
  }
  const Caller admin = Caller::System("bench");
  std::vector<double> summary_ms, assemble_ms, leaflet_ms;
  size_t summary_bytes = 0, leaflet_bytes = 0;
  int leaflet_pages = 0;
  for (int run = 0; run < runs; ++run) {
    auto start = Clock::now();
    auto pdf = RegionSummaryPdf(admin, **basis, shapes->get(), region, "2026-12-03");
    summary_ms.push_back(Ms(start));
    if (!pdf.ok()) return std::fprintf(stderr, "%s\n", pdf.status().ToString().c_str()), 1;
    summary_bytes = pdf->size();
    start = Clock::now();  // the assembly alone, the rest being the layout
    auto doc = RegionSummaryDocument(admin, **basis, shapes->get(), region, "2026-12-03");
    assemble_ms.push_back(Ms(start));
    start = Clock::now();
    auto leaflet = OrpLeafletPdf(*snap, orp, "https://prosit.example", "2026-12-03");
    leaflet_ms.push_back(Ms(start));
    if (!leaflet.ok()) return std::fprintf(stderr, "%s\n", leaflet.status().ToString().c_str()), 1;
    leaflet_bytes = leaflet->size();
    leaflet_pages = PdfPageCount(*leaflet);
  }
  std::printf(
      "regional summary of %s (%zu ORPs, %zu municipalities): median %.0f ms (assembled in "
      "%.0f ms), %zu KB\n",
      region.c_str(), t.OrpsOfRegion(region).size(), most, Median(summary_ms), Median(assemble_ms),
      summary_bytes / 1024);
  std::printf("leaflet of ORP %s (%zu published cards): median %.0f ms, %d pages, %zu KB\n",
              orp.c_str(), cards, Median(leaflet_ms), leaflet_pages, leaflet_bytes / 1024);
  return 0;
}
