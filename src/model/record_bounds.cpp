#include "model/record_bounds.h"

#include <cstdio>

namespace prosit {

namespace {

std::string CodePoint(unsigned value) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", value);
  return text;
}

// The first control character that `kind` does not allow, as U+XXXX, or "". C1 controls
// (U+0080 to U+009F) count too: no text of a record has a use for them.
std::string ForbiddenControl(std::string_view s, BoundKind kind) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size()) {
      auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return CodePoint(next);
    }
    if (c >= 0x20 && c != 0x7F) continue;
    if (kind == BoundKind::kText &&
        (c == '\n' || c == '\t' || (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n')))
      continue;
    return CodePoint(c);
  }
  return "";
}

}  // namespace

size_t CountCharacters(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string TextProblem(std::string_view text, BoundKind kind, size_t max) {
  // Bytes bound characters from above: most texts are decided without counting.
  if (text.size() > max) {
    size_t chars = CountCharacters(text);
    if (chars > max)
      return "at most " + std::to_string(max) + " characters (" + std::to_string(chars) + " given)";
  }
  std::string control = ForbiddenControl(text, kind);
  if (control.empty()) return "";
  if (kind == BoundKind::kText)
    return "contains the control character " + control + " (only line breaks and tabs may)";
  return "contains the control character " + control + " (one line of text, no tabs)";
}

}  // namespace prosit
