#pragma once
// Work a server does for later (decoding, travel times, a dummy password hash) runs below
// the threads answering requests, so that the first answers after start-up do not wait
// for it.

namespace prosit {

// Lowers the calling thread, and the threads it starts afterwards, to the lowest CPU
// priority (Linux: nice 19 for this thread alone). It still runs whenever a core is
// free, so it is never starved, only put behind.
void RunBelowRequests();

}  // namespace prosit
