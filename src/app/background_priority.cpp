#include "app/background_priority.h"

#include <sys/resource.h>

namespace prosit {

// On Linux a thread's nice value is its own (PRIO_PROCESS with 0 names the calling
// thread) and threads it creates inherit it.
void RunBelowRequests() { ::setpriority(PRIO_PROCESS, 0, 19); }

}  // namespace prosit
