#pragma once
// Cairo writes its PDF, PNG and SVG output through a write callback; this one appends to
// a std::string, so every renderer returns the file's bytes without touching the disk.

#include <cairo.h>

#include <string>

namespace prosit {

inline cairo_status_t AppendToString(void* closure, const unsigned char* data,
                                     unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace prosit
