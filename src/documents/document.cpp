#include "documents/document.h"

namespace prosit {

std::string PlainText(const RichText& runs) {
  std::string text;
  for (const TextRun& run : runs) text += run.text;
  return text;
}

RichText Plain(std::string text) { return RichText{TextRun{std::move(text)}}; }

}  // namespace prosit
