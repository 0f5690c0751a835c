#include "kiosk/app/full_picture_check.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <set>

#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {

void FullPictureCheck::start(const ContentPack& pack, const Diagnostics& known, Lang lang) {
  forgotten_ = false;
  result_ = std::async(std::launch::async, [dir = pack.dir, refs = pack.picture_refs, known, lang] {
    // Below the UI thread, as the glyph worker is: on a busy machine the first frame comes first.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
    std::set<std::string> seen;
    for (const Diagnostic& d : known.items()) seen.insert(d.format());
    Result out{known, {}};
    const Diagnostics pictures = check_pictures(dir, refs, PictureCheck::full);
    for (const Diagnostic& d : pictures.items())
      if (d.severity == Severity::error && !seen.count(d.format())) {
        out.all.add(d);
        out.new_errors.push_back(d.format(lang));
      }
    return out;
  });
}

std::optional<FullPictureCheck::Result> FullPictureCheck::take(bool wait) {
  if (!result_.valid()) return std::nullopt;
  if (!wait && result_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
  Result r = result_.get();
  if (forgotten_) return std::nullopt;
  return r;
}

}  // namespace kiosk
