// libFuzzer target for the platform adapters: every platform in the platform table (kiosk/core/platforms.cpp)
// gets each input, so a new platform is fuzzed as soon as it has its row. The input is what the server
// answers, parsed and normalised by fetch_source exactly as a fetch would. An input may
// hold several response bodies separated by a line "#next#" (GBFS discovery, station information and
// status; OpenAQ locations then latest; pages): request n gets body n, later requests the last one.
// The first byte picks the field mapping the source is configured with: bit 0 the layout (long or wide),
// bit 1 records = "features" with alternative position paths (GeoJSON; otherwise each platform's
// default records, "$" for json), bit 2 a
// [source.filter] of ispublish = "true", bit 3 one series: station and metric are constants
// (station = { value = … }) and the value and time paths are the platform's defaults (SensorThings: the
// URL is one Datastream's Observations), bit 4 the source's `zone` is an IANA zone with daylight saving
// (America/Los_Angeles) instead of +08:00, so naive times cross its gaps and overlaps.
// tests/fuzz/seeds/adapter holds seeds written in this form.
// Readings below the detection limit must stay finite and flagged.
//
// Any crash, sanitizer report, hang or unbounded allocation is a bug: adapters see whatever a server
// sends and must answer with readings or one error line.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/log.hpp"
#include "kiosk/core/platforms.hpp"
#include "kiosk/core/time_zone.hpp"
#include "kiosk/data/source_fetch.hpp"

namespace {

using namespace kiosk;

constexpr std::string_view kSeparator = "\n#next#\n";

class FuzzTransport final : public data::Transport {
 public:
  explicit FuzzTransport(std::vector<std::string> bodies) : bodies_(std::move(bodies)) {}
  data::HttpResponse get(const data::HttpRequest&) override {
    data::HttpResponse r;
    r.transport_ok = true;
    r.status = 200;
    r.content_type = "application/json";
    const std::size_t i = std::min(next_++, bodies_.size() - 1);
    r.body.reserve(bodies_[i].size() + 64);  // libcurl's body keeps simdjson's padding room
    r.body = bodies_[i];
    return r;
  }

 private:
  std::vector<std::string> bodies_;
  std::size_t next_ = 0;
};

SourceConfig config(const PlatformInfo& platform, bool wide, bool features, bool filter, bool series,
                    bool iana_zone) {
  SourceConfig cfg;
  cfg.id = "fuzz";
  if (iana_zone) {
    static const std::optional<TimeZone> los_angeles = TimeZone::find("America/Los_Angeles");
    if (los_angeles) {
      cfg.zone = "America/Los_Angeles";
      cfg.time_zone = *los_angeles;
    }
  }
  cfg.platform = std::string(platform.name);
  cfg.url = std::string(platform.example_url);
  if (series && cfg.url.ends_with("/Datastreams")) cfg.url += "(7)/Observations";
  cfg.page_size = 100;
  cfg.max_pages = 5;
  if (!platform.field_mapping) return cfg;  // the platform's own record shape
  FieldMap& f = cfg.fields;
  if (features) {  // GeoJSON: position from the geometry, else from the mapping's own fields
    f.records = "features";
    f.alternatives = {{"lat", {"geometry/coordinates/1"}}, {"lon", {"geometry/coordinates/0"}}};
  }
  if (filter) f.filter = {{"ispublish", "true"}};
  if (wide) {
    f.layout = "wide";
    f.station = "stationcode";
    f.name_zh = "positionname";
    f.observed_at = "timepoint";
    f.lat = "latitude";
    f.lon = "longitude";
    f.columns = {{"pm25_1h", "pm2_5"}, {"pm10_1h", "pm10"}, {"co_1h", "co"}, {"o3_8h", "o3_8h"}};
    f.units = {{"co_1h", "mg/m3"}};
  } else {
    f.station = "site";
    f.name_en = "name";
    f.metric = "parameter";
    f.value = "value";
    f.unit = "unit";
    f.observed_at = "time";
    f.lat = "geo/lat";
    f.lon = "geo/lon";
    f.metrics = {{"PM2.5", "pm25_1h"}};
  }
  if (series) {
    f.constants = {{"station", "ST-42"}, {"metric", "pm25_1h"}};
    f.value.clear();
    f.observed_at.clear();
  }
  cfg.missing_values = {"x"};
  return cfg;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  log::set_quiet(true);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const bool wide = data[0] & 1, features = data[0] & 2, filter = data[0] & 4, series = data[0] & 8,
             iana_zone = data[0] & 16;
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string> bodies;
  for (std::size_t at; (at = rest.find(kSeparator)) != std::string_view::npos && bodies.size() < 8;) {
    bodies.emplace_back(rest.substr(0, at));
    rest.remove_prefix(at + kSeparator.size());
  }
  bodies.emplace_back(rest);
  data::FetchSettings settings;
  settings.network.max_body_bytes = 1u << 20;
  const UnixTime now = 1795831200;  // 2026-11-28 10:00 China time
  for (const PlatformInfo& platform : platforms()) {
    FuzzTransport transport(bodies);
    data::SourceResult r = data::fetch_source(config(platform, wide, features, filter, series, iana_zone),
                                              transport, settings, {}, now);
    // Whatever came out must be usable: an error is one line, readings carry what the model needs.
    if (!r.ok && (r.error.empty() || r.error.find('\n') != std::string::npos)) __builtin_trap();
    for (const Reading& reading : r.batch.readings)
      if (reading.station.empty() || reading.metric.empty() || !std::isfinite(reading.value) ||
          (reading.below_detection() && reading.value < 0))
        __builtin_trap();
  }
  return 0;
}
