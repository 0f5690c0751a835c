#include "kiosk/render/png_encode.hpp"

#include <png.h>

namespace kiosk::render {
namespace {

void append(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}

void flush(png_structp) {}

// libpng reports errors by longjmp: nothing in this frame has a destructor to skip.
bool write_rows(png_structp png, png_infop info, const RgbaImage& im, std::string* out) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_write_fn(png, out, append, flush);
  png_set_IHDR(png, info, static_cast<png_uint_32>(im.width), static_cast<png_uint_32>(im.height), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  // Level 1 with the "Up" filter: a frame is mostly rows repeating the row above (panels, bands of
  // colour), so this is several times faster than the default and the files are no larger.
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_write_info(png, info);
  png_set_filler(png, 0, PNG_FILLER_AFTER);  // on writing: each pixel's fourth byte is left out
  for (int y = 0; y < im.height; ++y)
    png_write_row(png, const_cast<png_bytep>(im.pixels + static_cast<std::size_t>(y) * im.pitch));
  png_write_end(png, nullptr);
  return true;
}

}  // namespace

std::optional<std::string> encode_png_rgb(const RgbaImage& im) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return std::nullopt;
  png_infop info = png_create_info_struct(png);
  std::string out;
  const bool ok = info && write_rows(png, info, im, &out);
  png_destroy_write_struct(&png, &info);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace kiosk::render
