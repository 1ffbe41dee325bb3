#include "cli/heap_tuning.h"

#include <unistd.h>

#include <cstdlib>

namespace prosit {

void UseHugePageHeap(char** argv) {
  if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
  setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=268435456", 1);
  execv("/proc/self/exe", argv);
}

}  // namespace prosit
