// Runs a replay script against a headless kiosk on a simulated clock: each action becomes the
// SDL events a real finger would make, fed through the app's one input path.
#pragma once
#include <filesystem>
#include <string>

#include "kiosk/app/view_options.hpp"

namespace kiosk {

struct ReplayResult {
  bool ok = true;
  std::string error;  // "SCRIPT:LINE: …" when a line failed
};

// With `layout` set, each `shot` also appends its layout dump (kiosk/ui/layout_check.hpp) to that file.
ReplayResult run_replay(const std::filesystem::path& script, const std::filesystem::path& out,
                        const ResolvedView& view, const std::filesystem::path& layout = {});

}  // namespace kiosk
