// libFuzzer target for the replay language (kiosk/core/replay_script.hpp): editors and reviewers write
// these scripts by hand; a bad line must give one "LINE: message" error, never a crash.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kiosk/core/replay_script.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const kiosk::ReplayScript script =
      kiosk::parse_replay(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!script.error.empty()) {
    if (script.error.find('\n') != std::string::npos) __builtin_trap();
    return 0;
  }
  for (const kiosk::ReplayStep& step : script.steps) {
    // What the runner relies on: finite coordinates and durations, time that does not run backwards.
    if (!std::isfinite(step.x1) || !std::isfinite(step.y1) || !std::isfinite(step.x2) ||
        !std::isfinite(step.y2))
      __builtin_trap();
    if (!std::isfinite(step.seconds) || step.seconds < 0) __builtin_trap();
    if (step.line < 1) __builtin_trap();
  }
  return 0;
}
