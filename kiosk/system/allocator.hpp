// glibc malloc settings for a process that runs for months.
#pragma once

namespace kiosk {

// Call first thing in main, before any thread starts. Large short-lived buffers (a fetched body of up
// to a megabyte, its parse) always come from mmap and go back to the system when freed: glibc otherwise
// raises its mmap threshold after the first big free and serves the next ones from the heap, where
// they fragment it. Two arenas at most: the fetch and reload threads need no arena of their own, and
// each arena keeps its own free memory. (The 30-day soak's resident memory showed both.)
void tune_allocator();

}  // namespace kiosk
