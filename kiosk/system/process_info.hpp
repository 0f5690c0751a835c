// What the process knows about itself, for metrics and the admin view (Linux /proc).
#pragma once
#include <cstdint>

namespace kiosk::sys {

// Resident memory in bytes from /proc/self/statm; 0 when unknown.
std::uint64_t resident_memory_bytes();

// SIGTERM and SIGINT (systemctl stop, Ctrl+C in a terminal) ask the kiosk to stop. SDL's own
// handlers would turn them into SDL_QUIT, which a locked-down kiosk ignores, so the kiosk installs
// its own (call before SDL_Init; it sets SDL_HINT_NO_SIGNAL_HANDLERS).
void install_stop_signal_handlers();
bool stop_requested();

}  // namespace kiosk::sys
