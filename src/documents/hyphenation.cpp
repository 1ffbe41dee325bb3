#include "documents/hyphenation.h"

#include <glib.h>
#include <hyphen.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace prosit {
namespace {

constexpr const char* kSoftHyphen = "\xC2\xAD";
// Czech typography: at least two letters stay on the line, at least three move on.
constexpr int kLeftMin = 2;
constexpr int kRightMin = 3;

// A loaded dictionary and how to turn a lowercase letter into its one-byte code in the
// dictionary's charset (the Czech one is ISO 8859-2). libhyphen only reads the dictionary
// while hyphenating, so one instance serves every thread.
struct Dictionary {
  HyphenDict* dict = nullptr;
  bool utf8 = false;
  std::unordered_map<gunichar, char> to_byte;  // for 8-bit charsets
  ~Dictionary() {
    if (dict != nullptr) hnj_hyphen_free(dict);
  }
};

std::string ReadCharset(const char* path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path, "r"), &std::fclose);
  if (!file) return {};
  char line[64] = {};
  if (std::fgets(line, sizeof line, file.get()) == nullptr) return {};
  std::string charset(line);
  while (!charset.empty() && (charset.back() == '\n' || charset.back() == '\r')) charset.pop_back();
  return charset;
}

// Maps every code point the 8-bit charset holds to its byte.
std::unordered_map<gunichar, char> ByteTable(const std::string& charset) {
  std::unordered_map<gunichar, char> table;
  for (int byte = 1; byte < 256; ++byte) {
    char in = static_cast<char>(byte);
    gsize written = 0;
    gchar* utf8 = g_convert(&in, 1, "UTF-8", charset.c_str(), nullptr, &written, nullptr);
    if (utf8 == nullptr) continue;
    table[g_utf8_get_char(utf8)] = in;
    g_free(utf8);
  }
  return table;
}

std::unique_ptr<Dictionary> Load(const char* path) {
  std::string charset = ReadCharset(path);
  if (charset.empty()) return nullptr;
  auto dictionary = std::make_unique<Dictionary>();
  dictionary->dict = hnj_hyphen_load(path);
  if (dictionary->dict == nullptr) return nullptr;
  dictionary->utf8 = dictionary->dict->utf8 != 0;
  if (!dictionary->utf8) dictionary->to_byte = ByteTable(charset);
  return dictionary;
}

const char* DictionaryPath(std::string_view language) {
  if (language == "cs") return "/usr/share/hyphen/hyph_cs_CZ.dic";
  if (language == "en") return "/usr/share/hyphen/hyph_en_US.dic";
  return nullptr;
}

// The dictionary of `language`, loaded on first use; null when there is none.
const Dictionary* DictionaryFor(std::string_view language) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::unique_ptr<Dictionary>> loaded;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = loaded.find(std::string(language));
  if (it == loaded.end()) {
    const char* path = DictionaryPath(language);
    it = loaded.emplace(std::string(language), path ? Load(path) : nullptr).first;
  }
  return it->second.get();
}

// The word (UTF-8 letters) lowercased in the dictionary's encoding, one byte per letter
// for 8-bit charsets; empty when a letter is not in the charset.
std::string Encode(const Dictionary& dictionary, const std::vector<gunichar>& letters) {
  std::string word;
  for (gunichar letter : letters) {
    gunichar lower = g_unichar_tolower(letter);
    if (dictionary.utf8) {
      char buffer[6];
      word.append(buffer, g_unichar_to_utf8(lower, buffer));
      continue;
    }
    auto it = dictionary.to_byte.find(lower);
    if (it == dictionary.to_byte.end()) return {};
    word.push_back(it->second);
  }
  return word;
}

// After which letters (by index) the word may be broken.
std::vector<bool> BreakPoints(const Dictionary& dictionary, const std::vector<gunichar>& letters) {
  std::vector<bool> breaks(letters.size(), false);
  if (static_cast<int>(letters.size()) < kLeftMin + kRightMin) return breaks;
  std::string word = Encode(dictionary, letters);
  if (word.empty()) return breaks;
  std::vector<char> hyphens(word.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  int failed = hnj_hyphen_hyphenate3(dictionary.dict, word.c_str(), static_cast<int>(word.size()),
                                     hyphens.data(), nullptr, &rep, &pos, &cut, kLeftMin, kRightMin,
                                     kLeftMin, kRightMin);
  if (rep != nullptr) {  // non-standard hyphenation (not used by Czech): ignored
    for (size_t i = 0; i < word.size(); ++i) std::free(rep[i]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  if (failed != 0) return breaks;
  // In UTF-8 mode libhyphen reports the points per character, in 8-bit mode per byte:
  // both are one entry per letter here.
  for (size_t i = 0; i + 1 < letters.size(); ++i) breaks[i] = (hyphens[i] - '0') % 2 == 1;
  return breaks;
}

void AppendWord(const Dictionary& dictionary, const std::vector<gunichar>& letters,
                std::string& out) {
  std::vector<bool> breaks = BreakPoints(dictionary, letters);
  char buffer[6];
  for (size_t i = 0; i < letters.size(); ++i) {
    out.append(buffer, g_unichar_to_utf8(letters[i], buffer));
    if (breaks[i]) out += kSoftHyphen;
  }
}

// Whether the whitespace-separated token must be left alone.
bool Untouchable(std::string_view token) {
  for (char c : token) {
    if ((c >= '0' && c <= '9') || c == '/' || c == '@' || c == ':') return true;
  }
  return token.find(kSoftHyphen) != std::string_view::npos;
}

void AppendToken(const Dictionary& dictionary, std::string_view token, std::string& out) {
  if (Untouchable(token)) {
    out += token;
    return;
  }
  std::vector<gunichar> letters;
  const char* p = token.data();
  const char* end = token.data() + token.size();
  while (p < end) {
    gunichar c = g_utf8_get_char(p);
    const char* next = g_utf8_next_char(p);
    if (g_unichar_isalpha(c)) {
      letters.push_back(c);
    } else {
      AppendWord(dictionary, letters, out);
      letters.clear();
      out.append(p, next - p);
    }
    p = next;
  }
  AppendWord(dictionary, letters, out);
}

}  // namespace

bool CanHyphenate(std::string_view language) { return DictionaryFor(language) != nullptr; }

std::string Hyphenate(std::string_view text, std::string_view language) {
  const Dictionary* dictionary = DictionaryFor(language);
  if (dictionary == nullptr || !g_utf8_validate(text.data(), text.size(), nullptr)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t start = 0;
  while (start < text.size()) {
    size_t space = start;
    while (space < text.size() && !g_ascii_isspace(text[space])) ++space;
    AppendToken(*dictionary, text.substr(start, space - start), out);
    size_t next = space;
    while (next < text.size() && g_ascii_isspace(text[next])) ++next;
    out.append(text.substr(space, next - space));
    start = next;
  }
  return out;
}

}  // namespace prosit
