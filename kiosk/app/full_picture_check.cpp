#include "kiosk/app/full_picture_check.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <set>

#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {

void FullPictureCheck::start(const std::filesystem::path& dir, const Diagnostics& known, Lang lang) {
  std::set<std::string> seen;
  for (const Diagnostic& d : known.items()) seen.insert(d.format());
  result_ = std::async(std::launch::async, [dir, seen = std::move(seen), lang] {
    // Below the UI thread, as the glyph worker is: on a busy machine the first frame comes first.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
    Result out;
    out.all = load_content(dir, PictureCheck::full).diags;
    for (const Diagnostic& d : out.all.items())
      if (d.severity == Severity::error && !seen.count(d.format())) out.new_errors.push_back(d.format(lang));
    return out;
  });
}

std::optional<FullPictureCheck::Result> FullPictureCheck::take(bool wait) {
  if (!result_.valid()) return std::nullopt;
  if (!wait && result_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  return result_.get();
}

}  // namespace kiosk
