// Built-in text for every UI string: the bundled content/strings.toml, compiled into the binary.
// A pack whose strings.toml is missing, empty, not UTF-8 or lacks a key still shows words (in both
// languages) instead of keys or nothing.
#pragma once
#include "kiosk/core/content/content_pack.hpp"

namespace kiosk::content {

const Strings& builtin_strings();

// Adds every built-in key `strings` lacks; returns how many were added.
int fill_missing_strings(Strings& strings);

}  // namespace kiosk::content
