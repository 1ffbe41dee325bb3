#include "http/static_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace prosit {

namespace fs = std::filesystem;

namespace {

// Larger files are not UI assets; refusing them keeps a stray file from filling memory.
constexpr uintmax_t kMaxFileBytes = 32u << 20;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX once; a malformed escape makes the whole path unsafe.
std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = HexValue(s[i + 1]);
    int lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

bool IsSafeSegment(std::string_view segment) {
  // Hidden files (.git, .env) are never UI assets; this also excludes "." and "..".
  if (segment.empty() || segment.front() == '.') return false;
  for (char c : segment)
    if (c == '\0' || c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20) return false;
  return true;
}

// Immutable names: Vite puts content-hashed files under assets/.
bool IsHashedAsset(const fs::path& relative) {
  return !relative.empty() && *relative.begin() == "assets";
}

}  // namespace

std::optional<fs::path> SafeRelativePath(std::string_view target) {
  std::string_view raw = target.substr(0, target.find_first_of("?#"));
  if (raw.empty() || raw.front() != '/') return std::nullopt;
  auto decoded = PercentDecode(raw);
  if (!decoded) return std::nullopt;
  fs::path relative;
  std::string_view rest = std::string_view(*decoded).substr(1);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (!IsSafeSegment(segment)) return std::nullopt;
    relative /= std::string(segment);
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
    if (rest.empty()) return std::nullopt;  // a trailing slash names a folder
  }
  return relative;
}

std::string ContentTypeOf(const fs::path& file) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes)
    if (ext == e) return type;
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Open(const fs::path& root) {
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec || !fs::is_directory(canonical, ec))
    return Status::Invalid("the static folder " + root.string() + " is not a folder");
  return StaticFiles(canonical);
}

std::optional<StaticFile> StaticFiles::Find(std::string_view target) const {
  auto relative = SafeRelativePath(target);
  if (!relative) return std::nullopt;
  if (relative->empty()) return Read("index.html");
  if (auto file = Read(*relative)) return file;
  // A client-side route such as /orp/5304: the app's page answers it.
  if (!relative->has_extension() && NamesNothing(*relative)) return Read("index.html");
  return std::nullopt;
}

bool StaticFiles::NamesNothing(const fs::path& relative) const {
  fs::path p = root_;
  std::error_code ec;
  for (const auto& part : relative) {
    p /= part;
    auto st = fs::symlink_status(p, ec);
    if (!fs::exists(st)) return true;
    if (fs::is_symlink(st)) return false;  // never look beyond a link: it may lead out
  }
  return false;
}

std::optional<StaticFile> StaticFiles::Read(const fs::path& relative) const {
  std::error_code ec;
  // The real path, symlinks resolved, must still lie inside the root.
  fs::path real = fs::weakly_canonical(root_ / relative, ec);
  if (ec) return std::nullopt;
  auto [root_end, real_it] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
  if (root_end != root_.end() || real_it == real.end()) return std::nullopt;
  if (!fs::is_regular_file(real, ec) || fs::file_size(real, ec) > kMaxFileBytes || ec)
    return std::nullopt;
  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  if (!in && !in.eof()) return std::nullopt;
  return StaticFile{body.str(), ContentTypeOf(real),
                    IsHashedAsset(relative) ? "public, max-age=31536000, immutable" : "no-cache"};
}

}  // namespace prosit
