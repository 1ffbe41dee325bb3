// What the host charges for memory a process touches for the first time: a start from the
// checkpoint fills some 400 MiB of fresh heap (actors, cards, their entries, the indexes),
// and on a virtual machine each fresh page may first have to be provided by the hypervisor.
// Writes 400 MiB of fresh anonymous memory, in 4 KiB pages and in transparent huge pages
// (what `serve` asks glibc for), then the same memory again, and prints the time of each.
//
//   prosit_fresh_memory_bench [--mib N] [--runs R]

#include <sys/mman.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

double Ms(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// Writes `bytes` of fresh memory twice; false when none could be mapped.
bool WriteTwice(size_t bytes, bool huge) {
  void* mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return false;
  char* p = static_cast<char*>(mapped);
  if (huge) ::madvise(p, bytes, MADV_HUGEPAGE);
  auto t0 = std::chrono::steady_clock::now();
  std::memset(p, 1, bytes);
  auto t1 = std::chrono::steady_clock::now();
  std::memset(p, 2, bytes);
  auto t2 = std::chrono::steady_clock::now();
  const double gb = static_cast<double>(bytes) / 1e9;
  std::printf("%-14s first write %7.1f ms (%5.1f GB/s), again %6.1f ms (%5.1f GB/s)\n",
              huge ? "huge pages" : "4 KiB pages", Ms(t1 - t0), gb / (Ms(t1 - t0) / 1e3),
              Ms(t2 - t1), gb / (Ms(t2 - t1) / 1e3));
  ::munmap(p, bytes);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  size_t mib = 400;
  int runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--mib") mib = std::stoul(argv[i + 1]);
    if (a == "--runs") runs = std::stoi(argv[i + 1]);
  }
  std::printf("%zu MiB of fresh anonymous memory, %d runs\n", mib, runs);
  for (int r = 0; r < runs; ++r)
    for (bool huge : {false, true})
      if (!WriteTwice(mib << 20, huge)) {
        std::fprintf(stderr, "cannot map %zu MiB\n", mib);
        return 1;
      }
  return 0;
}
