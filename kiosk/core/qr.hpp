// QR codes for "scan to learn more" links in content: text in, a square of dark and light modules
// out (libqrencode). Drawing is the UI's business (kiosk/ui/qr_code.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct QrCode {
  int version = 0;                    // 1..40
  int size = 0;                       // modules per side: 17 + 4 * version
  std::vector<std::uint8_t> modules;  // size * size, row by row from the top left; 1 = dark

  bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

// Modules of light margin a reader needs around the code (ISO/IEC 18004 quiet zone).
constexpr int kQrQuietZone = 4;

// The smallest code that holds `text` as bytes at error correction level M (15 % of the code can
// be damaged or dirty, a fair margin for a public screen). Empty or too long a text (more than
// 2331 bytes, the capacity of version 40 at level M) gives nullopt and, if asked, one line saying why.
std::optional<QrCode> encode_qr(std::string_view text, std::string* error = nullptr);

}  // namespace kiosk
