// Normalised readings: what every source adapter produces and every screen reads.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk {

// Seconds since 1970-01-01 UTC. 64-bit on every architecture (armhf included) so dates after 2038 work.
using UnixTime = std::int64_t;

// One measured value of one metric at one station, converted to the kiosk's canonical unit. The
// metric keys, their canonical units, precision and plausible ranges are the rows of metrics.hpp.
struct Reading {
  std::string source;   // id of the source in sources.toml
  std::string station;  // station id, unique within the kiosk
  std::string metric;
  double value = 0;
  std::string unit;
  UnixTime observed_at = 0;
  UnixTime fetched_at = 0;
};

// A station as a source describes it (content may describe it too; content wins for names).
struct StationInfo {
  std::string source;
  std::string id;
  std::string name_zh;
  std::string name_en;
  double lat = 0;
  double lon = 0;
  bool has_position = false;
};

}  // namespace kiosk
