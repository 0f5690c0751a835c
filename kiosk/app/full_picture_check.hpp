// Every pixel of a started pack's pictures, decoded on a worker while the first frame is drawn: the
// start checks only their headers, so it is quick, and a picture cut short is still an error at start,
// not a grey box nobody reports.
#pragma once
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/diagnostics.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk {

class FullPictureCheck {
 public:
  struct Result {
    Diagnostics all;                      // `known` and the new errors
    std::vector<std::string> new_errors;  // beyond what the header check found, formatted
  };
  // Decodes the pictures `pack` names on a worker; errors not in `known` (the header check's) are new.
  // Only the pictures are read again: a text file an editor breaks meanwhile is the reloader's to report
  // (as "not loaded"), not this check's.
  void start(const ContentPack& pack, const Diagnostics& known, Lang lang);
  // The result, once: when it is ready, or waited for with `wait`. None once forgotten.
  std::optional<Result> take(bool wait);
  // Another pack is on screen: the result, when it comes, is about the old one.
  void forget() { forgotten_ = true; }

 private:
  std::future<Result> result_;
  bool forgotten_ = false;
};

}  // namespace kiosk
