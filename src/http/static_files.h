#pragma once
// StaticFiles: serves the built web UI from one folder and from nothing outside it.
// A request path is refused when it could name anything beyond the folder: "." or ".."
// segments (raw or %-encoded), backslashes, NUL, hidden files, or a symlink whose real
// path leaves the folder.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace prosit {

// One file to send.
struct StaticFile {
  std::string body;
  std::string content_type;
  std::string cache_control;
};

class StaticFiles {
 public:
  // `root` must be an existing folder; it is resolved to its real path once.
  static Result<StaticFiles> Open(const std::filesystem::path& root);

  // The file a GET of `target` (the raw request target, query allowed) names, or, for a
  // safe path without a file extension of which nothing exists, index.html (the
  // single-page app routes it). Nothing when the path is unsafe or names no file.
  std::optional<StaticFile> Find(std::string_view target) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}
  std::optional<StaticFile> Read(const std::filesystem::path& relative) const;
  // Whether no part of `relative` exists here (without following symlinks).
  bool NamesNothing(const std::filesystem::path& relative) const;

  std::filesystem::path root_;  // canonical
};

// The relative path a request path names, or nothing when it is unsafe.
std::optional<std::filesystem::path> SafeRelativePath(std::string_view target);

// The Content-Type for a file name by its extension.
std::string ContentTypeOf(const std::filesystem::path& file);

}  // namespace prosit
