#include "kiosk/core/model.hpp"

#include <algorithm>

namespace kiosk {
namespace {

constexpr const char* kAirMetrics[] = {"pm25_1h", "pm10_1h", "o3_1h", "o3_8h", "no2_1h",
                                       "so2_1h",  "co_1h",   "pm25_24h", "pm10_24h"};
constexpr const char* kRiverMetrics[] = {"ph", "do", "codmn", "cod", "bod5", "nh3n", "tp", "tn"};
constexpr const char* kSeaMetrics[] = {"ph", "do", "cod", "din", "phosphate", "oil"};

Freshness freshness_of(const Reading& r, const DataSnapshot& data, UnixTime now) {
  Freshness f;
  f.observed_at = r.observed_at;
  if (const SourceStatus* s = data.source(r.source)) {
    f.demo = s->demo;
    f.stale = s->stale_seconds > 0 && now - r.observed_at > static_cast<UnixTime>(s->stale_seconds);
  }
  return f;
}

// Collects the listed metrics of one station; freshness is that of its newest value.
template <size_t N>
std::vector<PollutantValue> collect(const Station& station, const char* const (&metrics)[N],
                                    const DataSnapshot& data, UnixTime now, Freshness& fresh) {
  std::vector<PollutantValue> out;
  for (const char* metric : metrics) {
    const Reading* r = data.find(station.id, metric);
    if (!r) continue;
    out.push_back({metric, r->value, r->unit, std::nullopt});
    if (r->observed_at >= fresh.observed_at) fresh = freshness_of(*r, data, now);
  }
  return out;
}

}  // namespace

const AirStationView* Model::headline_air() const {
  const AirStationView* worst = nullptr;
  for (const auto& a : air)
    if (a.aqi && !a.freshness.stale && (!worst || *a.aqi > *worst->aqi)) worst = &a;
  return worst;
}

Model build_model(const ContentPack& content, const DataSnapshot& data, UnixTime now) {
  Model m;
  m.aqi_standard = content.settings.aqi_standard;
  for (const Station& st : content.stations) {
    if (st.kind == "air") {
      AirStationView v;
      v.station = &st;
      v.pollutants = collect(st, kAirMetrics, data, now, v.freshness);
      m.air.push_back(std::move(v));
    } else if (st.kind == "river" || st.kind == "lake") {
      WaterStationView v;
      v.station = &st;
      v.values = collect(st, kRiverMetrics, data, now, v.freshness);
      m.rivers.push_back(std::move(v));
    } else if (st.kind == "sea") {
      WaterStationView v;
      v.station = &st;
      v.values = collect(st, kSeaMetrics, data, now, v.freshness);
      m.sea.push_back(std::move(v));
    }
  }
  for (const StationInfo& info : data.stations) {
    const Reading* bikes = data.find(info.id, "bikes_available");
    const Reading* docks = data.find(info.id, "docks_available");
    if (!bikes && !docks) continue;
    BikeStationView b;
    b.info = info;
    if (bikes) {
      b.bikes = static_cast<int>(bikes->value);
      b.freshness = freshness_of(*bikes, data, now);
    }
    if (docks) b.docks = static_cast<int>(docks->value);
    m.bikes.push_back(std::move(b));
  }
  for (const Target& t : content.targets) m.targets.push_back({&t, std::nullopt, "no_data"});
  for (const Reading& r : data.latest) m.newest_data = std::max(m.newest_data, r.observed_at);
  for (const SourceStatus& s : data.sources) {
    m.any_demo = m.any_demo || s.demo;
    if (s.state == SourceState::failing) ++m.failing_sources;
  }
  auto stale = [](const auto& v) { return v.freshness.stale; };
  m.any_stale = std::any_of(m.air.begin(), m.air.end(), stale) ||
                std::any_of(m.rivers.begin(), m.rivers.end(), stale) || std::any_of(m.sea.begin(), m.sea.end(), stale);
  return m;
}

}  // namespace kiosk
