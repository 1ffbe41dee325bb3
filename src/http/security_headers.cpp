#include "http/security_headers.h"

namespace prosit {

const HeaderList& SecurityHeaders() {
  // Only our own origin may supply code, styles and data; no plugins, no <base>
  // rewriting, forms post back here only, and no page may frame us.
  static const HeaderList kHeaders = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      // URLs carry search terms and record ids of internal data; no other site needs them.
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},  // frame-ancestors for browsers that predate it
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
  return kHeaders;
}

const HeaderList& EmbeddableSecurityHeaders() {
  static const HeaderList kHeaders = [] {
    HeaderList h;
    for (const auto& [name, value] : SecurityHeaders()) {
      if (name == "X-Frame-Options") continue;  // it has no value that allows every site
      if (name == "Content-Security-Policy")
        h.emplace_back(name,
                       "default-src 'self'; script-src 'self'; style-src 'self'; "
                       "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                       "base-uri 'none'; form-action 'self'; frame-ancestors *");
      else if (name == "Cross-Origin-Resource-Policy")
        h.emplace_back(name, "cross-origin");
      else
        h.emplace_back(name, value);
    }
    return h;
  }();
  return kHeaders;
}

}  // namespace prosit
