// Loads and validates a whole content pack. Never throws; every problem is a diagnostic.
#pragma once
#include <filesystem>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/diagnostics.hpp"

namespace kiosk {

struct ContentLoad {
  ContentPack pack;
  Diagnostics diags;
  bool readable = true;  // false when the folder itself cannot be read (check-content exits 2)
};

// How far pictures are checked: `full` decodes every pixel (check-content, hot reload off the UI
// thread); `header` reads only type and size, for a fast start (the picture loader decodes later and
// shows a placeholder for a picture that turns out broken).
enum class PictureCheck { full, header };

ContentLoad load_content(const std::filesystem::path& dir, PictureCheck pictures = PictureCheck::full);

// The pictures a loaded pack names (its picture_refs), checked again in `dir`: each problem is an error
// where the picture is first named. Only the pictures: the pack's text files may have changed since.
Diagnostics check_pictures(const std::filesystem::path& dir, const std::map<std::string, SourcePos>& refs,
                           PictureCheck how, std::map<std::string, PictureSize>* sizes = nullptr);

// The operator's site file (/etc/kiosk/kiosk.toml on a kiosk): its [admin], [metrics] and [schedule]
// keys override the pack's kiosk.toml key by key, on every load and reload, so an upgrade or a new pack
// never brings back a PIN or a schedule. Set once at start-up by the running kiosk, before any thread;
// empty (editors, check-content, render, tests): the pack alone.
void set_site_file(const std::filesystem::path& path);
const std::filesystem::path& site_file();
// The tables of the site file the pack's kiosk.toml yields to.
constexpr const char* kSiteTables[] = {"admin", "metrics", "schedule", "data"};

// Largest content text file we read; bigger files are reported, not parsed.
constexpr std::uintmax_t kMaxContentFileBytes = 4u << 20;

}  // namespace kiosk
