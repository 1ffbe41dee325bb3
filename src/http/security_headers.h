#pragma once
// SecurityHeaders: the headers every answer carries, API and static files alike, so a
// browser never sniffs types, frames prosit, leaks its URLs or runs foreign scripts.

#include <string_view>
#include <utility>
#include <vector>

namespace prosit {

using HeaderList = std::vector<std::pair<std::string_view, std::string_view>>;

// The fixed list; Strict-Transport-Security is absent because prosit serves plain HTTP
// (TLS ends at a proxy, which should add it).
const HeaderList& SecurityHeaders();
// The same for an answer another site may frame or load (the public widget and its
// script): any ancestor may frame it and any origin load it; the rest holds.
const HeaderList& EmbeddableSecurityHeaders();

}  // namespace prosit
