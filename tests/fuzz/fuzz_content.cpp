// libFuzzer target for the content pack's parser and validator: kiosk::load_content on a folder holding
// the demo pack's two required files (kiosk.toml, strings.toml) and its pictures, with one file replaced
// by the input. The first byte picks which file (kiosk.toml, strings.toml, stations.toml, sources.toml,
// waste.toml, travel.toml, targets.toml, bays.toml, quiz.toml, levels.toml, alerts.toml), the rest is
// its text. Editors write these files by hand: every mistake must become a diagnostic, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/log.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kFiles[] = {"kiosk.toml", "strings.toml", "stations.toml", "sources.toml",
                                  "waste.toml", "travel.toml",  "targets.toml",  "bays.toml",
                                  "quiz.toml",  "levels.toml",  "alerts.toml"};

fs::path g_dir;

void write(const fs::path& path, const char* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

void restore(const std::string& name) {
  const fs::path original = fs::path(KIOSK_CONTENT_DIR) / name;
  std::error_code ec;
  if (name == "kiosk.toml" || name == "strings.toml")
    fs::copy_file(original, g_dir / name, fs::copy_options::overwrite_existing, ec);
  else
    fs::remove(g_dir / name, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  kiosk::log::set_quiet(true);
  // tmpfs when there is one: the fuzzer writes a file per input.
  std::string tmpl = (fs::is_directory("/dev/shm") ? "/dev/shm" : fs::temp_directory_path().string()) +
                     "/kiosk-fuzz-content-XXXXXX";
  if (!::mkdtemp(tmpl.data())) std::abort();
  g_dir = tmpl;
  std::error_code ec;
  fs::copy(fs::path(KIOSK_CONTENT_DIR) / "pictures", g_dir / "pictures", fs::copy_options::recursive, ec);
  restore("kiosk.toml");
  restore("strings.toml");
  std::atexit([] {
    std::error_code e;
    fs::remove_all(g_dir, e);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > kiosk::kMaxContentFileBytes) return 0;
  const std::string name = kFiles[data[0] % std::size(kFiles)];
  write(g_dir / name, reinterpret_cast<const char*>(data + 1), size - 1);
  kiosk::ContentLoad load = kiosk::load_content(g_dir, kiosk::PictureCheck::header);
  // Every problem names where it is: a file, and one line of text.
  for (const kiosk::Diagnostic& d : load.diags.items()) {
    const std::string line = d.format();
    if (line.empty() || line.find('\n') != std::string::npos) __builtin_trap();
  }
  restore(name);
  return 0;
}
