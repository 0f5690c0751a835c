#include "kiosk/render/png_encode.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

#include <zlib.h>

namespace kiosk::render {
namespace {

void put32(std::string& out, std::uint32_t v) {
  const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                     static_cast<char>(v)};
  out.append(b, 4);
}

// A chunk's length, type, data and the CRC of type and data.
void chunk(std::string& out, const char* type, const unsigned char* data, std::size_t size) {
  put32(out, static_cast<std::uint32_t>(size));
  const std::size_t type_at = out.size();
  out.append(type, 4);
  if (size) out.append(reinterpret_cast<const char*>(data), size);
  const auto* crc_from = reinterpret_cast<const Bytef*>(out.data() + type_at);
  put32(out, static_cast<std::uint32_t>(crc32(crc32(0, nullptr, 0), crc_from, static_cast<uInt>(4 + size))));
}

}  // namespace

std::optional<std::string> encode_png_rgb(const RgbaImage& im) {
  std::string out("\x89PNG\r\n\x1a\n", 8);
  unsigned char header[13] = {};
  for (int i = 0; i < 4; ++i) {
    header[i] = static_cast<unsigned char>(static_cast<std::uint32_t>(im.width) >> (24 - 8 * i));
    header[4 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(im.height) >> (24 - 8 * i));
  }
  header[8] = 8;  // bits per channel
  header[9] = 2;  // RGB
  chunk(out, "IHDR", header, sizeof header);

  z_stream z{};
  // Level 1 with the "Up" filter: a frame is mostly rows repeating the row above (panels, bands of
  // colour), so this is several times faster than stb's level 2 and the files are no larger.
  if (deflateInit(&z, 1) != Z_OK) return std::nullopt;
  const std::size_t row_bytes = static_cast<std::size_t>(im.width) * 3;
  std::vector<unsigned char> row(1 + row_bytes), above(row_bytes), here(row_bytes);
  // IDAT chunks of 256 KiB: few chunk headers, and no buffer the size of the file but the file.
  std::vector<unsigned char> data(256 * 1024);
  z.next_out = data.data();
  z.avail_out = static_cast<uInt>(data.size());
  auto emit = [&] {
    chunk(out, "IDAT", data.data(), data.size() - z.avail_out);
    z.next_out = data.data();
    z.avail_out = static_cast<uInt>(data.size());
  };
  auto pump = [&](int flush) {
    while (true) {
      const int status = deflate(&z, flush);
      if (status == Z_STREAM_ERROR) return false;
      if (z.avail_out == 0) {
        emit();
        continue;
      }
      if (flush != Z_FINISH) return true;  // all input taken, output room left
      if (status == Z_STREAM_END) {
        if (z.avail_out < data.size()) emit();
        return true;
      }
    }
  };
  bool ok = true;
  row[0] = 2;  // Up
  for (int y = 0; y < im.height && ok; ++y) {
    const unsigned char* src = im.pixels + static_cast<std::size_t>(y) * im.pitch;
    for (int x = 0; x < im.width; ++x) std::memcpy(&here[x * 3], &src[x * 4], 3);
    for (std::size_t i = 0; i < row_bytes; ++i) row[1 + i] = static_cast<unsigned char>(here[i] - above[i]);
    here.swap(above);
    z.next_in = row.data();
    z.avail_in = static_cast<uInt>(row.size());
    ok = pump(Z_NO_FLUSH);
  }
  ok = ok && pump(Z_FINISH);
  deflateEnd(&z);
  if (!ok) return std::nullopt;
  chunk(out, "IEND", nullptr, 0);
  return out;
}

}  // namespace kiosk::render
