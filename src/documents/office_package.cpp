#include "documents/office_package.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>

namespace prosit::office {

void ZipPackage::Add(std::string name, std::string bytes, bool stored) {
  parts_.push_back(Part{std::move(name), std::move(bytes), stored});
}

void ZipPackage::Append(ZipPackage other) {
  for (Part& part : other.parts_) parts_.push_back(std::move(part));
}

std::vector<std::string> ZipPackage::Names() const {
  std::vector<std::string> names;
  for (const Part& part : parts_) names.push_back(part.name);
  return names;
}

namespace {

Status ZipError(const char* what, zip_error_t* error) {
  return Status::IoError(std::string("zip: ") + what + ": " + zip_error_strerror(error));
}

// Every entry gets the same fixed time, so one Document always gives the same bytes.
constexpr time_t kEntryTime = 315532800;  // 1980-01-01, the zip format's epoch

}  // namespace

Result<std::string> ZipPackage::Build() const {
  zip_error_t error;
  zip_error_init(&error);
  // The archive is written into this growable buffer source; libzip keeps it alive while
  // the archive is open, so we take a reference of our own to read it back afterwards.
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return ZipError("buffer", &error);
  zip_source_keep(buffer);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) return ZipError("open", &error);

  for (const Part& part : parts_) {
    zip_source_t* data = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
    if (data == nullptr) {
      zip_discard(archive);
      return Status::IoError("zip: cannot hold " + part.name);
    }
    zip_int64_t index = zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(data);
      Status status =
          Status::IoError("zip: cannot add " + part.name + ": " + zip_strerror(archive));
      zip_discard(archive);
      return status;
    }
    zip_set_file_compression(archive, index, part.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    zip_file_set_mtime(archive, index, kEntryTime, 0);
  }
  if (zip_close(archive) != 0) {
    Status status = Status::IoError(std::string("zip: cannot write: ") + zip_strerror(archive));
    zip_discard(archive);
    return status;
  }

  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
    return Status::IoError("zip: cannot read the archive back");
  }
  std::string bytes(stat.size, '\0');
  zip_int64_t read = zip_source_read(buffer, bytes.data(), stat.size);
  zip_source_close(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    return Status::IoError("zip: short read of the archive");
  }
  return bytes;
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default: {
        auto u = static_cast<unsigned char>(c);
        // XML 1.0 allows only tab, newline and carriage return below the space.
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
      }
    }
  }
  return out;
}

XmlWriter::XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"; }

XmlWriter::XmlWriter(Fragment) {}

void XmlWriter::Raw(std::string_view xml) { out_ += xml; }

void XmlWriter::Start(std::string_view tag, const Attributes& attributes) {
  out_ += '<';
  out_ += tag;
  for (const auto& [name, value] : attributes) {
    out_ += ' ';
    out_ += name;
    out_ += "=\"";
    out_ += Escape(value);
    out_ += '"';
  }
}

void XmlWriter::Open(std::string_view tag, const Attributes& attributes) {
  Start(tag, attributes);
  out_ += '>';
  open_.emplace_back(tag);
}

void XmlWriter::Empty(std::string_view tag, const Attributes& attributes) {
  Start(tag, attributes);
  out_ += "/>";
}

void XmlWriter::Close() {
  if (open_.empty()) return;
  out_ += "</";
  out_ += open_.back();
  out_ += '>';
  open_.pop_back();
}

void XmlWriter::Text(std::string_view text) { out_ += Escape(text); }

void XmlWriter::Element(std::string_view tag, std::string_view text, const Attributes& attributes) {
  Open(tag, attributes);
  Text(text);
  Close();
}

std::string XmlWriter::Finish() {
  while (!open_.empty()) Close();
  return std::move(out_);
}

std::string LanguageTag(const std::string& language) {
  if (language.find('-') != std::string::npos) return language;
  if (language == "cs" || language.empty()) return "cs-CZ";
  if (language == "sk") return "sk-SK";
  if (language == "en") return "en-GB";
  if (language == "de") return "de-DE";
  return language;
}

std::pair<std::string, std::string> SplitLanguageTag(const std::string& tag) {
  size_t dash = tag.find('-');
  if (dash == std::string::npos) return {tag, ""};
  return {tag.substr(0, dash), tag.substr(dash + 1)};
}

CaptionWords CaptionWordsFor(const std::string& language) {
  if (language.rfind("en", 0) == 0) return {"Table", "Figure", "Contents"};
  return {"Tabulka", "Obrázek", "Obsah"};
}

std::string HexColour(Rgb colour) {
  char text[8];
  std::snprintf(text, sizeof text, "%06x", static_cast<unsigned>(colour & 0xFFFFFFu));
  return std::string("#") + text;
}

std::vector<double> ColumnShares(const Table& table) {
  size_t columns = table.header.size();
  std::vector<double> shares(columns, 1.0);
  if (table.widths.size() == columns) {
    for (size_t i = 0; i < columns; ++i) shares[i] = table.widths[i] > 0 ? table.widths[i] : 1.0;
  }
  double sum = std::accumulate(shares.begin(), shares.end(), 0.0);
  for (double& share : shares) share /= sum;
  return shares;
}

void BlockVisitor::Walk(const std::vector<Block>& blocks) {
  int tables = 0;
  int figures = 0;
  for (const Block& block : blocks) {
    if (const auto* b = std::get_if<Heading>(&block))
      OnHeading(*b);
    else if (const auto* b = std::get_if<Paragraph>(&block))
      OnParagraph(*b);
    else if (const auto* b = std::get_if<BulletList>(&block))
      OnList(*b);
    else if (const auto* b = std::get_if<Table>(&block))
      OnTable(*b, b->caption.empty() ? 0 : ++tables);
    else if (const auto* b = std::get_if<Figure>(&block))
      OnFigure(*b, b->caption.empty() ? 0 : ++figures);
    else if (const auto* b = std::get_if<QrCode>(&block))
      OnQrCode(*b);
    else
      OnPageBreak();
  }
}

int HeadingLevel(const Heading& heading) { return std::clamp(heading.level, 1, 3); }

std::vector<std::string> HeadingNumbers(const Document& document) {
  std::vector<std::string> numbers;
  int counters[3] = {0, 0, 0};
  for (const Block& block : document.blocks) {
    const auto* heading = std::get_if<Heading>(&block);
    if (heading == nullptr) continue;
    if (!document.numbered_headings) {
      numbers.emplace_back();
      continue;
    }
    int level = HeadingLevel(*heading);
    ++counters[level - 1];
    for (int deeper = level; deeper < 3; ++deeper) counters[deeper] = 0;
    std::string number;
    for (int i = 0; i < level; ++i)
      number += std::to_string(counters[i]) + (i + 1 < level ? "." : "");
    numbers.push_back(number);
  }
  return numbers;
}

std::vector<ContentsEntry> ContentsEntries(const Document& document) {
  std::vector<ContentsEntry> entries;
  std::vector<std::string> numbers = HeadingNumbers(document);
  size_t index = 0;
  for (const Block& block : document.blocks) {
    const auto* heading = std::get_if<Heading>(&block);
    if (heading == nullptr) continue;
    const std::string& number = numbers[index++];
    if (HeadingLevel(*heading) > 2) continue;
    std::string text = number.empty() ? heading->text : number + " " + heading->text;
    entries.push_back(ContentsEntry{HeadingLevel(*heading), std::move(text)});
  }
  return entries;
}

}  // namespace prosit::office
