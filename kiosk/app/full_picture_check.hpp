// Every pixel of a started pack's pictures, decoded on a worker while the first frame is drawn: the
// start checks only their headers, so it is quick, and a picture cut short is still an error at start,
// not a grey box nobody reports.
#pragma once
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/diagnostics.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk {

class FullPictureCheck {
 public:
  struct Result {
    Diagnostics all;                      // of the pack, pictures decoded in full
    std::vector<std::string> new_errors;  // beyond what the header check found, formatted
  };
  // Checks the pack in `dir` on a worker; errors not in `known` (the header check's) are new.
  void start(const std::filesystem::path& dir, const Diagnostics& known, Lang lang);
  // The result, once: when it is ready, or waited for with `wait`.
  std::optional<Result> take(bool wait);

 private:
  std::future<Result> result_;
};

}  // namespace kiosk
