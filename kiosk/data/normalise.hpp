// From platform values to kiosk readings: numbers that may be strings, no-value markers, units
// converted to the canonical ones of reading.hpp, timestamps in the source's zone, and per-record
// rejection with a message that names the JSON path and record index.
//
// Unit conversions (every one the kiosk applies; canonical units and molar masses are the rows of
// kiosk/core/metrics.hpp):
//   gases, ppb → µg/m³:  µg/m³ = ppb × M / 24.45   (25 °C and 101.325 kPa, the reference state of
//                        GB 3095-2012 as amended in 2018; 24.45 L/mol is the molar volume there)
//   gases, ppm → µg/m³:  × 1000 of the above;  CO ppm → mg/m³ = ppm × M / 24.45
//   mg/m³ ↔ µg/m³:       × 1000 / ÷ 1000 (CO is canonical in mg/m³, everything else in µg/m³)
//   µg/L → mg/L:         ÷ 1000 (water); mg/L, mg/l, ppm (water) → mg/L: × 1
//   pH and counts are unitless: "", "pH", "count", "bikes", "docks", "vehicles" are accepted as they are
// After conversion a value must be plausible for its metric (finite, within the row's range, whole
// for counts); otherwise the record is rejected with the station, metric and value.
// Particulate matter cannot be given in ppb/ppm: such a record is rejected, never guessed.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "kiosk/core/reading.hpp"
#include "kiosk/core/source_config.hpp"
#include "kiosk/data/json_walk.hpp"

namespace kiosk::data {

// The canonical unit of a metric ("ug/m3", "mg/m3", "mg/L", "pH", "count"); empty for unknown metrics.
std::string_view canonical_unit(std::string_view metric);
bool is_metric(std::string_view metric);

// Converts `value` given in `unit` to the metric's canonical unit; nullopt when the unit does not fit.
std::optional<double> to_canonical(std::string_view metric, double value, std::string_view unit);

// Locale-independent string → double. Missing (a no-value marker) and invalid are told apart.
enum class NumberParse { ok, missing, invalid };
NumberParse parse_number(std::string_view text, double& out,
                         const std::vector<std::string>& extra_missing = {});

// A result under the detection limit: "<LOD", "<LOQ", "< 0.5". `limit` is the number after '<', when
// there is one; nullopt when the text is not such a result.
struct BelowDetection {
  std::optional<double> limit;
};
std::optional<BelowDetection> parse_below_detection(std::string_view text);

// What one fetch of one source produced.
struct Batch {
  std::vector<Reading> readings;
  std::vector<StationInfo> stations;
  std::vector<std::string> rejected;  // the first few rejected records, one line each
  std::size_t records = 0;            // records seen
  std::size_t rejected_count = 0;
  std::size_t missing_count = 0;   // values that were null or a no-value marker (not an error)
  std::size_t ignored_count = 0;   // metrics the kiosk does not show
  std::size_t filtered_count = 0;  // records [source.filter] left out
  // The feed's own "come back in" hint (GBFS station_status ttl; 0: every cycle); empty: none given.
  std::optional<double> ttl_seconds;
  std::vector<std::string> notes;  // things an integrator should know (e.g. "stopped at 10000 records")
};

// Turns captured record values into readings and station descriptions, enforcing every rule once.
class Normaliser {
 public:
  Normaliser(const SourceConfig& cfg, UnixTime fetched_at, Batch& out);

  // Where the current record is, for messages: "$.result.records[12]".
  void at(std::string_view records_path, std::size_t index);
  std::string where(std::string_view field = {}) const;

  // The kiosk id of a station the source calls `raw` (stations map, then prefix).
  std::string station_id(std::string_view raw) const;

  // Adds a station once (the first description of an id wins).
  void station(const std::string& id, const JValue& name_zh, const JValue& name_en, const JValue& lat,
               const JValue& lon);
  void station(StationInfo info);

  // The metric the source's name stands for ("" when the kiosk does not show it).
  std::string metric(std::string_view source_name) const;

  // Adds one reading; a bad value or time rejects it with a message naming the field.
  // `value_field` and `time_field` name the fields in messages.
  bool reading(const std::string& station, const std::string& metric, const JValue& value,
               std::string_view unit, const JValue& time, std::string_view value_field,
               std::string_view time_field);

  void reject(const std::string& message);
  std::optional<UnixTime> time_of(const JValue& v) const;
  std::optional<double> number_of(const JValue& v, bool& missing) const;

  const SourceConfig& config() const { return cfg_; }
  UnixTime fetched_at() const { return fetched_at_; }

 private:
  const SourceConfig& cfg_;
  UnixTime fetched_at_;
  Batch& out_;
  std::string records_path_;
  std::size_t index_ = 0;
  bool in_record_ = false;
  std::unordered_set<std::string> station_ids_;
};

// The demo rule: for sources with demo = true, every observation time is shifted by one amount so the
// newest reading falls on the fetch time rounded down to the hour. Bundled demo files then look live.
void apply_demo_rule(Batch& batch, UnixTime fetched_at);

}  // namespace kiosk::data
