// libFuzzer target for the picture loader: content::check_picture (header, then every pixel) and
// decode_picture (header check, decode, scale to the screen), on the input written to a file as an
// editor's picture would be. Pictures come from content folders anyone may edit; a broken or hostile
// file must be refused with a message or decoded within the limits, never crash or blow up memory.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/core/content/picture_check.hpp"
#include "kiosk/core/content/picture_decode.hpp"

namespace {

namespace fs = std::filesystem;
fs::path g_file;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string tmpl = (fs::is_directory("/dev/shm") ? "/dev/shm" : fs::temp_directory_path().string()) +
                     "/kiosk-fuzz-picture-XXXXXX";
  if (!::mkdtemp(tmpl.data())) std::abort();
  g_file = fs::path(tmpl) / "picture.png";
  std::atexit([] {
    std::error_code e;
    fs::remove_all(g_file.parent_path(), e);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(g_file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const std::string problem = kiosk::content::check_picture(g_file, true);
  std::string error;
  // A 1080p screen's worth, and a small tile: both scaling paths.
  auto image = kiosk::decode_picture(g_file, (size & 1) ? 1920 : 96, (size & 1) ? 1080 : 64, error);
  if (image) {
    if (image->width < 1 || image->height < 1 || image->width > 1920 || image->height > 1080)
      __builtin_trap();
    if (image->rgba.size() != static_cast<std::size_t>(image->width) * image->height * 4) __builtin_trap();
  } else if (error.empty()) {
    __builtin_trap();
  }
  // What check-content accepts, the loader decodes (it may still scale it).
  if (problem.empty() && !image) __builtin_trap();
  return 0;
}
