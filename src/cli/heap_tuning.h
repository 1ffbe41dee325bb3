#pragma once
// Start-up of `prosit serve` allocates a few hundred MB for the snapshot; on virtual
// machines first-touch page faults then cost more than the work itself. Transparent
// huge pages for the heap cut start-up by about a third (docs/benchmarks.md).

namespace prosit {

// Re-executes the program once with GLIBC_TUNABLES asking malloc for huge pages and a
// large top pad (glibc reads tunables only at start). Does nothing when the variable is
// already set, so the caller's own tuning wins; on failure the program just goes on.
void UseHugePageHeap(char** argv);

}  // namespace prosit
