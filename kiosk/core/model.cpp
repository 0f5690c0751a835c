#include "kiosk/core/model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "kiosk/core/metrics.hpp"
#include "kiosk/core/standards/aqi.hpp"
#include "kiosk/core/standards/water.hpp"
#include "kiosk/core/target_progress.hpp"

namespace kiosk {
namespace {

// What a station view collects, in the metric table's order: every air metric for air stations, and
// for water the items its standard evaluates (GB 3838 for rivers and lakes, GB 3097 for the sea).
std::vector<std::string_view> metrics_of(MetricGroup group,
                                         std::span<const std::string_view> evaluated = {}) {
  std::vector<std::string_view> out;
  for (const Metric& m : metrics())
    if (m.group == group &&
        (evaluated.empty() || std::find(evaluated.begin(), evaluated.end(), m.key) != evaluated.end()))
      out.push_back(m.key);
  return out;
}
const std::vector<std::string_view>& air_metrics() {
  static const auto keys = metrics_of(MetricGroup::air);
  return keys;
}
const std::vector<std::string_view>& river_metrics() {
  static const auto keys = metrics_of(MetricGroup::water, standards::surface_keys());
  return keys;
}
const std::vector<std::string_view>& sea_metrics() {
  static const auto keys = metrics_of(MetricGroup::water, standards::sea_keys());
  return keys;
}

// A count as an int, only when it is plausible (a cached value from before the plausibility rule
// could be anything, and casting 1e10 to int is undefined).
std::optional<int> count_of(const Reading& r) {
  const Metric* m = find_metric(r.metric);
  if (!m || !is_plausible(*m, r.value)) return std::nullopt;
  return static_cast<int>(r.value);
}

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
std::vector<PollutantValue> collect(const Station& station, const std::vector<std::string_view>& metrics,
                                    const DataSnapshot& data, UnixTime now, Freshness& fresh) {
  std::vector<PollutantValue> out;
  for (std::string_view metric : metrics) {
    const Reading* r = data.find(station.id, std::string(metric));
    if (!r) continue;
    out.push_back({std::string(metric), r->value, r->unit, std::nullopt, r->flag});
    if (r->observed_at >= fresh.observed_at) fresh = freshness_of(*r, data, now);
  }
  return out;
}

// Water classes have no official colours; these follow the palette of China's public water-quality
// displays (I-II blue, III green, IV yellow, V orange, worse than V red). Sea: blue to red likewise.
constexpr const char* kSurfaceColors[] = {"#CCFFFF", "#00CCFF", "#00FF00", "#FFFF00", "#FF9B00", "#FF0000"};
constexpr const char* kSeaColors[] = {"#1E6FD9", "#5BC0EB", "#F4D03F", "#F39C12", "#E74C3C"};

// The station's measured values: a below-detection result is never a number to compute with.
std::vector<Reading> readings_of(const Station& station, const DataSnapshot& data) {
  std::vector<Reading> out;
  for (const Reading& r : data.latest)
    if (r.station == station.id && r.measured()) out.push_back(r);
  return out;
}

// Grade, health effects and advice of an AQI result, in the content's words.
void grade_of(const standards::AqiResult& result, standards::AqiStandard standard, const ContentPack& content,
              Grade& grade, Text& health, Text& advice) {
  grade.level = result.level;
  grade.label = std::to_string(result.level);
  if (const auto* style = result.style()) {
    grade.color = style->color;
    grade.name = {style->category_zh, style->category_en};
  }
  if (const auto* text = content.levels.aqi_level(standards::levels_key(standard), result.level)) {
    if (!text->category.empty()) grade.name = text->category;
    health = text->health;
    advice = text->advice;
  }
}

void evaluate_air(AirStationView& v, const ContentPack& content, const DataSnapshot& data) {
  const std::vector<Reading> readings = readings_of(*v.station, data);
  if (readings.empty()) return;
  UnixTime newest = 0;
  for (const Reading& r : readings) newest = std::max(newest, r.observed_at);
  const auto standard = standards::aqi_standard_for(newest, content.settings.aqi_standard);
  const standards::AqiResult result = standards::realtime_aqi(standard, readings);
  for (PollutantValue& p : v.pollutants) p.iaqi = result.iaqi_of(p.metric);
  // A pollutant under its detection limit was measured, and found low: it has a value on screen
  // ("< 0.5"), no sub-index, and is not missing, so it does not hold back the index the way HJ 633-2026
  // §5.3.1 holds it back for a pollutant that was not measured.
  for (const std::string& key : result.missing)
    if (std::none_of(v.pollutants.begin(), v.pollutants.end(),
                     [&](const PollutantValue& p) { return p.metric == key && p.below_detection(); }))
      v.missing.push_back(key);
  const bool publishable = result.publishable || (result.aqi && v.missing.empty());
  if (!result.aqi || !publishable) return;  // shown as NA with the concentrations
  v.aqi = result.aqi;
  v.primary = result.primary;
  grade_of(result, standard, content, v.grade, v.health, v.advice);
}

// HJ 663: the city's concentration of a pollutant is the mean over its valid stations; a station
// without a current value of that pollutant is left out of that mean only. With no current value
// anywhere, the last values give the last city figure, marked stale (shown greyed, never as current).
CityAirView city_air(const ContentPack& content, const DataSnapshot& data, UnixTime now, bool use_stale) {
  CityAirView city;
  city.stale = use_stale;
  std::map<std::string, std::pair<double, int>> sums;  // metric -> (sum, count)
  std::set<std::string> below_limit;  // measured somewhere, and under the detection limit there
  for (const Station& st : content.stations) {
    if (st.kind != "air" || !st.city) continue;
    ++city.city_stations;
    bool gave = false;
    for (std::string_view metric : air_metrics()) {
      const Reading* r = data.find(st.id, std::string(metric));
      if (!r) continue;
      const Freshness f = freshness_of(*r, data, now);
      if (f.stale && !use_stale) continue;
      if (!r->measured()) {
        below_limit.emplace(metric);
        continue;
      }
      auto it = sums.try_emplace(std::string(metric), 0.0, 0).first;
      it->second.first += r->value;
      ++it->second.second;
      city.observed_at = city.observed_at == 0 ? r->observed_at : std::min(city.observed_at, r->observed_at);
      city.demo = city.demo || f.demo;
      gave = true;
    }
    if (gave) ++city.stations;
  }
  if (sums.empty()) return use_stale ? city : city_air(content, data, now, true);
  std::vector<Reading> means;
  for (std::string_view metric : air_metrics()) {
    auto it = sums.find(std::string(metric));
    if (it == sums.end()) continue;
    Reading r;
    r.station = "city";
    r.metric = metric;
    r.value = it->second.first / it->second.second;
    r.unit = find_metric(metric)->unit;
    r.observed_at = city.observed_at;
    means.push_back(r);
  }
  const auto standard = standards::aqi_standard_for(city.observed_at, content.settings.aqi_standard);
  city.standard = standards::standard_key(standard);
  const standards::AqiResult result = standards::realtime_aqi(standard, means);
  for (const Reading& r : means) city.means.push_back({r.metric, r.value, r.unit, result.iaqi_of(r.metric)});
  // As for a station: a pollutant every station found under its limit is low, not missing.
  const bool publishable =
      result.publishable ||
      (result.aqi && std::all_of(result.missing.begin(), result.missing.end(),
                                 [&](const std::string& k) { return below_limit.count(k); }));
  if (!result.aqi || !publishable) return city;
  city.aqi = result.aqi;
  city.primary = result.primary;
  grade_of(result, standard, content, city.grade, city.health, city.advice);
  return city;
}

standards::WaterNumberValues values_of(const std::vector<PollutantValue>& values) {
  standards::WaterNumberValues out;
  for (const PollutantValue& p : values)
    if (!p.below_detection()) out[p.metric] = p.value;
  return out;
}

// A water class as the screens show it: named as levels.toml names it for `scheme` ("surface", "sea"),
// else "II类" / "Class II".
Grade water_grade(std::string_view scheme, int level, std::string label, const char* color,
                  const ContentPack& content) {
  Grade g;
  g.level = level;
  g.label = std::move(label);
  g.color = color;
  if (const auto* t = content.levels.water_class(scheme, g.label)) {
    g.name = t->name;
    g.meaning = t->meaning;
  } else
    g.name = {g.label + "类", "Class " + g.label};
  return g;
}

Grade surface_grade(standards::SurfaceClass cls, const ContentPack& content) {
  const int level = static_cast<int>(cls);
  return water_grade("surface", level, standards::surface_class_name(cls), kSurfaceColors[level - 1],
                     content);
}

Grade sea_grade(standards::SeaClass cls, const ContentPack& content) {
  const int level = static_cast<int>(cls);
  return water_grade("sea", level, standards::sea_class_name(cls), kSeaColors[level - 1], content);
}

void evaluate_river(WaterStationView& v, const ContentPack& content) {
  if (v.values.empty()) return;
  const auto body = v.station->kind == "lake" ? standards::WaterBody::lake : standards::WaterBody::river;
  const standards::SurfaceResult r = standards::classify_surface_numbers(values_of(v.values), body);
  if (r.cls) {
    v.grade = surface_grade(*r.cls, content);
    v.deciding = r.deciding;
  }
  if (r.tn_class) v.tn_grade = surface_grade(*r.tn_class, content);
}

void evaluate_sea(WaterStationView& v, const ContentPack& content) {
  if (v.values.empty()) return;
  const standards::SeaResult r = standards::classify_sea_numbers(values_of(v.values));
  if (!r.cls) return;
  v.grade = sea_grade(*r.cls, content);
  v.deciding = r.deciding;
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
  m.city_air = city_air(content, data, now, false);
  for (const Station& st : content.stations) {
    if (st.kind == "air") {
      AirStationView v;
      v.station = &st;
      v.pollutants = collect(st, air_metrics(), data, now, v.freshness);
      for (std::string_view metric : air_metrics())
        if (auto h = data.history.find({st.id, std::string(metric)});
            h != data.history.end() && !h->second.empty())
          v.history.push_back({std::string(metric), h->second});
      evaluate_air(v, content, data);
      m.air.push_back(std::move(v));
    } else if (st.kind == "river" || st.kind == "lake") {
      WaterStationView v;
      v.station = &st;
      v.values = collect(st, river_metrics(), data, now, v.freshness);
      evaluate_river(v, content);
      m.rivers.push_back(std::move(v));
    } else if (st.kind == "sea") {
      WaterStationView v;
      v.station = &st;
      v.values = collect(st, sea_metrics(), data, now, v.freshness);
      evaluate_sea(v, content);
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
      b.bikes = count_of(*bikes);
      b.freshness = freshness_of(*bikes, data, now);
    }
    if (docks && !info.is_virtual) b.docks = count_of(*docks);
    m.bikes.push_back(std::move(b));
  }
  std::vector<standards::SeaClass> sea_classes;
  for (const WaterStationView& v : m.sea)
    if (v.grade && !v.freshness.stale)
      sea_classes.push_back(static_cast<standards::SeaClass>(v.grade->level));
  const standards::ClassShare share = standards::sea_good_share(sea_classes);
  if (share.total > 0) m.sea_good_share = static_cast<double>(share.good) / share.total;

  const int today = local_day(now, content.settings.zone_offset_minutes);
  if (auto end = parse_iso_date(content.plan.end)) m.plan_ended = today > *end;
  for (const Target& t : content.targets) {
    const TargetProgress p = target_progress(t, today);
    std::optional<double> fraction;
    if (p.percent) fraction = *p.percent / 100.0;
    m.targets.push_back({&t, fraction, status_key(p.status)});
  }
  for (const Reading& r : data.latest) {
    m.newest_data = std::max(m.newest_data, r.observed_at);
    const SourceStatus* s = data.source(r.source);
    if (!s || s->stale_seconds <= 0) continue;
    const UnixTime turns_stale = r.observed_at + static_cast<UnixTime>(s->stale_seconds) + 1;
    if (turns_stale > now && (m.next_stale_at == 0 || turns_stale < m.next_stale_at))
      m.next_stale_at = turns_stale;
  }
  for (const SourceStatus& s : data.sources) {
    m.any_demo = m.any_demo || s.demo;
    if (s.state == SourceState::failing) ++m.failing_sources;
  }
  auto oldest = [&](const auto& views) {
    for (const auto& v : views)
      if (v.freshness.observed_at > 0 && (m.oldest_data == 0 || v.freshness.observed_at < m.oldest_data))
        m.oldest_data = v.freshness.observed_at;
  };
  oldest(m.air);
  oldest(m.rivers);
  oldest(m.sea);
  oldest(m.bikes);
  auto stale = [](const auto& v) { return v.freshness.stale; };
  m.any_stale = std::any_of(m.air.begin(), m.air.end(), stale) ||
                std::any_of(m.rivers.begin(), m.rivers.end(), stale) ||
                std::any_of(m.sea.begin(), m.sea.end(), stale);
  return m;
}

}  // namespace kiosk
