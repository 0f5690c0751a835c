// Connects the app to its data: the fetch worker over the content's sources.
#pragma once
#include <filesystem>
#include <memory>

#include "kiosk/app/data_feed.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content/content_pack.hpp"

namespace kiosk {

enum class FetchMode {
  background,  // the running kiosk: fetch on schedule in a worker thread
  once,        // render and replay: fetch every source once, synchronously, before drawing
};

// The folder for the SQLite cache: $CACHE_DIRECTORY (systemd), else $XDG_CACHE_HOME/kiosk, else
// ~/.cache/kiosk.
std::filesystem::path default_cache_dir();

// cache_dir empty: no cache (nothing is written; render and replay).
// secret_dir: where `{ file = … }` secrets must be (the site file's [site] secret_dir).
std::shared_ptr<DataFeed> make_data_feed(const ContentPack& content, FetchMode mode, const Clock& clock,
                                         const std::filesystem::path& cache_dir = {},
                                         const std::filesystem::path& secret_dir = "/etc/kiosk");

}  // namespace kiosk
