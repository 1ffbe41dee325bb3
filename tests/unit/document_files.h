#pragma once
// For the renderers' tests: a rendered file written to a temporary path, and the output
// of a Debian tool (pdfinfo, pdftotext, python3) run on it.

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace prosit::testing {

// `bytes` in a fresh file under the temp folder, removed at the end.
class TempFile {
 public:
  TempFile(const std::string& bytes, const std::string& extension) {
    static int counter = 0;
    path_ = (std::filesystem::temp_directory_path() / ("prosit-doc-" + std::to_string(::getpid()) +
                                                       "-" + std::to_string(++counter) + extension))
                .string();
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The standard output of a shell command; empty when it cannot start.
inline std::string CommandOutput(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  ::pclose(pipe);
  return out;
}

}  // namespace prosit::testing
