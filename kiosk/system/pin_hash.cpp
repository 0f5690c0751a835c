#include "kiosk/system/pin_hash.hpp"

#include <crypt.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace kiosk::sys {

std::string check_pin_format(std::string_view pin) {
  if (pin.size() < 4 || pin.size() > 12) return "the PIN must have 4 to 12 digits";
  for (char c : pin)
    if (c < '0' || c > '9') return "the PIN may only contain digits 0-9 (it is typed on a numeric keypad)";
  return {};
}

std::optional<std::string> hash_pin(std::string_view pin, std::string& error) {
  if (std::string e = check_pin_format(pin); !e.empty()) {
    error = e;
    return std::nullopt;
  }
  // Default cost; a null random source makes libxcrypt read the kernel's random bytes.
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn("$y$", 0, nullptr, 0, salt, sizeof salt)) {
    error = std::string("crypt cannot make a yescrypt salt: ") + std::strerror(errno);
    return std::nullopt;
  }
  auto data = std::make_unique<crypt_data>();
  const std::string key(pin);
  const char* out = crypt_r(key.c_str(), salt, data.get());
  if (!out || out[0] == '*') {
    error = "crypt cannot hash the PIN";
    return std::nullopt;
  }
  return std::string(out);
}

bool verify_pin(std::string_view pin, const std::string& hash) {
  if (!is_crypt_hash(hash)) return false;
  auto data = std::make_unique<crypt_data>();
  const std::string key(pin);
  const char* out = crypt_r(key.c_str(), hash.c_str(), data.get());
  if (!out || out[0] == '*') return false;
  const size_t n = std::strlen(out);
  if (n != hash.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(out[i] ^ hash[i]);
  return diff == 0;
}

bool is_crypt_hash(const std::string& hash) {
  if (hash.size() < 13 || hash[0] != '$') return false;
  return crypt_checksalt(hash.c_str()) == CRYPT_SALT_OK;
}

}  // namespace kiosk::sys
