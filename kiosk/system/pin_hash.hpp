// The admin PIN as a salted hash, through the system's crypt(3) (libxcrypt): yescrypt, the hash
// Debian uses for login passwords. The PIN itself is never stored or logged.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::sys {

// 4 to 12 digits; otherwise an error message for the operator.
std::string check_pin_format(std::string_view pin);
// "$y$…" for `pin` with a fresh random salt; nullopt with `error` when crypt cannot make one.
std::optional<std::string> hash_pin(std::string_view pin, std::string& error);
// True when `pin` matches `hash` (compared in constant time).
bool verify_pin(std::string_view pin, const std::string& hash);
// Whether `hash` looks like something crypt(3) can check ("$y$", "$6$", "$2b$"…).
bool is_crypt_hash(const std::string& hash);

}  // namespace kiosk::sys
