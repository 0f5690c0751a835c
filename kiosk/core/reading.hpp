// Normalised readings: what every source adapter produces and every screen reads.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk {

// Seconds since 1970-01-01 UTC. 64-bit on every architecture (armhf included) so dates after 2038 work.
using UnixTime = std::int64_t;

// One measured value of one metric at one station, converted to the kiosk's canonical unit.
// Canonical metric keys and units:
//   air   pm25_1h pm25_24h pm10_1h pm10_24h so2_1h so2_24h no2_1h no2_24h o3_1h o3_8h  ug/m3
//         co_1h co_24h                                                            mg/m3
//   water ph (pH) do codmn cod bod5 nh3n tp tn din phosphate oil                  mg/L
//   bikes bikes_available docks_available                                         count
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
