// office_probe: writes the renderers' sample document as ODT and DOCX, and what a reader
// of them should find, for tests/documents/test_office_documents.py to open the files with
// odfpy, python-docx and LibreOffice.
//
//   office_probe OUT_DIR
//
// Writes OUT_DIR/sample.odt, OUT_DIR/sample.docx and OUT_DIR/expected.json:
// {"title", "czech_sentence", "headings": [{"level", "text"}], "table_header", "table_rows",
//  "first_cell", "link", "footer"}.

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "../unit/document_sample.h"
#include "documents/docx_writer.h"
#include "documents/odt_writer.h"

using namespace prosit;
using nlohmann::json;

namespace {

bool Save(const std::string& path, const Result<std::string>& bytes) {
  if (!bytes.ok()) {
    std::cerr << path << ": " << bytes.status().ToString() << "\n";
    return false;
  }
  std::ofstream out(path, std::ios::binary);
  out << *bytes;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: office_probe OUT_DIR\n";
    return 2;
  }
  std::string dir = argv[1];
  Document document = testing::SampleDocument();
  if (!Save(dir + "/sample.odt", WriteOdt(document))) return 1;
  if (!Save(dir + "/sample.docx", WriteDocx(document))) return 1;

  json headings = json::array();
  for (const Block& block : document.blocks) {
    if (const auto* heading = std::get_if<Heading>(&block)) {
      headings.push_back({{"level", heading->level}, {"text", heading->text}});
    }
  }
  Table table = testing::SampleTable();
  json expected = {{"title", document.title},
                   {"czech_sentence", testing::kCzechSentence},
                   {"headings", headings},
                   {"table_header", table.header},
                   {"table_rows", table.rows.size()},
                   {"first_cell", PlainText(table.rows[0][0])},
                   {"link", testing::kSampleLink},
                   {"footer", document.footer}};
  std::ofstream(dir + "/expected.json") << expected.dump(2) << "\n";
  return 0;
}
