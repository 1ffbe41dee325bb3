#pragma once
// SiteFiles: the public site's own files — templates/*.mustache, messages/*.json and
// assets/* under src/site/ — compiled into the binary by CMake (site_files.cpp.in), so
// the pages a binary serves always match its code.

#include <map>
#include <string_view>

namespace prosit {

// Each file's text by its path relative to src/site ("templates/layout.mustache").
const std::map<std::string_view, std::string_view>& SiteFiles();

}  // namespace prosit
