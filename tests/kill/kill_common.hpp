// What the kill -9 driver writes and the test checks: one source whose every fetch is a whole
// "generation" of readings (value = generation), observed ten minutes apart.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "kiosk/core/source_config.hpp"
#include "kiosk/core/time_parse.hpp"

namespace kiosk::test {

constexpr UnixTime kKillEpoch = 1795831200;  // 2026-11-28 10:00 China time
constexpr int kKillStations = 40;
constexpr const char* kKillMetrics[] = {"pm25_1h", "pm10_1h", "no2_1h"};
constexpr int kKillReadings = kKillStations * 3;

inline UnixTime observed_at(long long generation) {
  return kKillEpoch + generation * 600;
}

inline SourceConfig kill_source() {
  SourceConfig s;
  s.id = "kill-air";
  s.platform = "kiosk-feed";
  s.url = "https://portal.example.org/air.json";
  s.refresh_seconds = 600;
  return s;
}

inline std::string generation_feed(long long generation) {
  const std::string when = format_iso_utc(observed_at(generation));
  std::string body = R"({"kiosk_feed": 1, "readings": [)";
  for (int s = 0; s < kKillStations; ++s)
    for (const char* metric : kKillMetrics)
      body += std::string(body.back() == '[' ? "" : ",") + R"({"station": "air-)" + std::to_string(s) +
              R"(", "metric": ")" + metric + R"(", "value": )" + std::to_string(generation) +
              R"(, "unit": "ug/m3", "observed_at": ")" + when + "\"}";
  return body + "]}";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace kiosk::test
