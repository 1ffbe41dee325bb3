#include "model/status.h"

namespace prosit {

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string s = message_;
  for (const auto& [field, msg] : fields_) s.append("\n  ").append(field).append(": ").append(msg);
  return s;
}

}  // namespace prosit
