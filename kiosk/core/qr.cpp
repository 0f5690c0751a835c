#include "kiosk/core/qr.hpp"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include <qrencode.h>

namespace kiosk {

std::optional<QrCode> encode_qr(std::string_view text, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<QrCode> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (text.empty()) return fail("QR code: the text is empty");
  if (text.size() > static_cast<size_t>(INT32_MAX)) return fail("QR code: the text is too long");
  // Byte mode throughout: URLs are case-sensitive, and mixed modes save little on short links.
  errno = 0;
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) {
    if (errno == ERANGE)
      return fail("QR code: " + std::to_string(text.size()) +
                  " bytes do not fit in the largest code (2331 bytes at level M)");
    return fail(std::string("QR code: ") + std::strerror(errno ? errno : EINVAL));
  }
  QrCode out;
  out.version = code->version;
  out.size = code->width;
  out.modules.resize(static_cast<size_t>(out.size) * out.size);
  // libqrencode's bit 0 of each byte is the module's colour; the other bits describe its role.
  for (size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = code->data[i] & 1;
  return out;
}

}  // namespace kiosk
