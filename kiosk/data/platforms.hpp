// The data layer's view of the platform table (kiosk/core/platforms.hpp): each platform's fetch
// function. fetch_source looks the source's platform up here; nothing else knows the platform names.
#pragma once
#include <span>
#include <string_view>

namespace kiosk::data {

class Session;
using FetchFn = void (*)(Session&);

struct PlatformFetch {
  std::string_view name;  // as in kiosk/core/platforms.cpp
  FetchFn fetch;          // runs the platform's requests; throws SourceError for a source-level failure
};

std::span<const PlatformFetch> platform_fetchers();
FetchFn find_fetch(std::string_view name);  // nullptr for an unknown platform

}  // namespace kiosk::data
