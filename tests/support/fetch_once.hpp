// One fetch of one source over real HTTP (libcurl) at a fixed time, as the loopback portal tests need it.
#pragma once
#include "kiosk/data/http.hpp"
#include "kiosk/data/source_fetch.hpp"

namespace kiosk::test {

inline data::SourceResult fetch_once(const SourceConfig& s, UnixTime now) {
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.network.total_timeout_seconds = 10;
  return data::fetch_source(s, curl, settings, {}, now);
}

}  // namespace kiosk::test
