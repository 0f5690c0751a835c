// Normalised readings: what every source adapter produces and every screen reads.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk {

// Seconds since 1970-01-01 UTC. 64-bit on every architecture (armhf included) so dates after 2038 work.
using UnixTime = std::int64_t;

// One measured value of one metric at one station, converted to the kiosk's canonical unit. The
// metric keys, their canonical units, precision and plausible ranges are the rows of metrics.hpp.
// A reading that is not a plain measurement. Never a number to compute with (AQI, water class, means,
// charts); screens say what it is instead.
enum class ReadingFlag : std::uint8_t {
  none = 0,
  // Under the instrument's detection limit ("<LOD", "<0.5"): `value` is the limit, or 0 when none was
  // given (then has_limit() is false). Shown as "< 0.5" or "< LOD".
  below_detection = 1,
};

struct Reading {
  std::string source;   // id of the source in sources.toml
  std::string station;  // station id, unique within the kiosk
  std::string metric;
  double value = 0;
  std::string unit;
  UnixTime observed_at = 0;
  UnixTime fetched_at = 0;
  ReadingFlag flag = ReadingFlag::none;

  bool measured() const { return flag == ReadingFlag::none; }
  bool below_detection() const { return flag == ReadingFlag::below_detection; }
  bool has_limit() const { return below_detection() && value > 0; }
};

// Whether a bike-share station lends and takes back bikes now (GBFS is_installed, is_renting,
// is_returning). A station that does not lend never shows its bikes as available.
enum class StationService : std::uint8_t {
  open = 0,
  closed = 1,      // not installed, or neither renting nor returning
  no_rentals = 2,  // returns only
  no_returns = 3,  // rentals only
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
  StationService service = StationService::open;
  bool is_virtual = false;  // GBFS virtual station: no docks, bikes are left within an area

  bool renting() const { return service == StationService::open || service == StationService::no_returns; }
  bool returning() const { return service == StationService::open || service == StationService::no_rentals; }
};

}  // namespace kiosk
