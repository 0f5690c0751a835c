// Normalisation rules shared by every adapter (see normalise.hpp for the unit conversions).
#include "kiosk/data/normalise.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "kiosk/core/metrics.hpp"
#include "kiosk/core/time_parse.hpp"
#include "kiosk/core/time_zone.hpp"

namespace kiosk::data {
namespace {

// "µg/m³", "μg/m3", "ug/m^3", "UG/M3" → "ug/m3".
std::string unit_key(std::string_view unit) {
  std::string out;
  for (std::size_t i = 0; i < unit.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(unit[i]);
    if (c == 0xC2 && i + 1 < unit.size() &&
        static_cast<unsigned char>(unit[i + 1]) == 0xB5) {  // µ micro sign
      out += 'u';
      ++i;
    } else if (c == 0xCE && i + 1 < unit.size() && static_cast<unsigned char>(unit[i + 1]) == 0xBC) {  // μ mu
      out += 'u';
      ++i;
    } else if (c == 0xC2 && i + 1 < unit.size() && static_cast<unsigned char>(unit[i + 1]) == 0xB3) {  // ³
      out += '3';
      ++i;
    } else if (c == ' ' || c == '^' || c == '.') {
      continue;
    } else {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

// Short aliases some platforms use for the hourly air metrics (OpenAQ parameter names, SensorThings
// ObservedProperty names): a pollutant's name ("pm2.5", "PM25", "o3") stands for its first row in the
// metric table, the hourly value; matched without case, dots or underscores.
std::string_view alias(std::string_view name) {
  std::string k;
  for (char c : name)
    if (c != '.' && c != '_') k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Metric& m : metrics())
    if (!m.pollutant.empty() && m.pollutant == k) return m.key;
  return {};
}

bool is_missing_marker(std::string_view s, const std::vector<std::string>& extra) {
  static constexpr std::string_view kMarkers[] = {"-",       "\xE2\x80\x94", "-;",   "NA",  "N/A", "na",
                                                  "n/a",     "ND",           "nd",   "x",   "X",   "--",
                                                  "&mdash;", "null",         "NULL", "None"};
  if (s.empty()) return true;
  for (auto m : kMarkers)
    if (s == m) return true;
  for (const auto& m : extra)
    if (s == m) return true;
  return false;
}

}  // namespace

std::string_view canonical_unit(std::string_view metric) {
  const Metric* m = find_metric(metric);
  return m ? m->unit : std::string_view{};
}

bool is_metric(std::string_view metric) {
  return find_metric(metric) != nullptr;
}

std::optional<double> to_canonical(std::string_view metric, double value, std::string_view unit) {
  const Metric* m = find_metric(metric);
  if (!m) return std::nullopt;
  std::string u = unit_key(unit);
  if (m->unit == "count")
    return (u.empty() || u == "count" || u == "bikes" || u == "docks" || u == "vehicles")
               ? std::optional(value)
               : std::nullopt;
  if (m->unit == "pH") return (u.empty() || u == "ph") ? std::optional(value) : std::nullopt;
  if (m->unit == "mg/L") {
    if (u.empty() || u == "mg/l" || u == "ppm") return value;
    if (u == "ug/l" || u == "ppb") return value / 1000.0;
    return std::nullopt;
  }
  // Air. Work in µg/m³, then express in the canonical unit.
  double ug;
  if (u.empty()) return value;  // no unit given: the source is configured to send canonical units
  if (u == "ug/m3")
    ug = value;
  else if (u == "mg/m3")
    ug = value * 1000.0;
  else if ((u == "ppb" || u == "ppm") && m->molar_mass > 0)
    ug = ppb_to_ug_m3(*m, u == "ppm" ? value * 1000.0 : value);
  else
    return std::nullopt;
  return m->unit == "mg/m3" ? ug / 1000.0 : ug;
}

NumberParse parse_number(std::string_view text, double& out, const std::vector<std::string>& extra_missing) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (is_missing_marker(text, extra_missing)) return NumberParse::missing;
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out, std::chars_format::general);
  if (ec != std::errc() || ptr != end) return NumberParse::invalid;
  return NumberParse::ok;
}

std::optional<BelowDetection> parse_below_detection(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  if (text.empty() || text.front() != '<') return std::nullopt;
  text.remove_prefix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '=')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  double limit = 0;
  if (parse_number(text, limit) == NumberParse::ok) {
    if (!std::isfinite(limit) || limit <= 0) return std::nullopt;
    return BelowDetection{limit};
  }
  // A word for the limit ("LOD", "LOQ", "DL", "MDL"): letters only, so "<br>" or "<0.5mg" is not one.
  if (text.size() > 8 || !std::all_of(text.begin(), text.end(),
                                      [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  return BelowDetection{std::nullopt};
}

Normaliser::Normaliser(const SourceConfig& cfg, UnixTime fetched_at, Batch& out)
    : cfg_(cfg), fetched_at_(fetched_at), out_(out) {}

void Normaliser::at(std::string_view records_path, std::size_t index) {
  if (records_path_ != records_path) records_path_ = records_path;
  index_ = index;
  in_record_ = true;
  ++out_.records;
}

std::string Normaliser::where(std::string_view field) const {
  std::string w = "$";
  if (!records_path_.empty()) {
    for (char c : records_path_) w += c == '/' ? '.' : c;
    if (w.size() > 1) w.insert(1, ".");
  }
  if (in_record_) w += "[" + std::to_string(index_) + "]";
  if (!field.empty()) {
    w += '.';
    for (char c : field) w += c == '/' ? '.' : c;
  }
  return w;
}

std::string Normaliser::station_id(std::string_view raw) const {
  auto it = cfg_.station_ids.find(std::string(raw));
  std::string id = it != cfg_.station_ids.end() ? it->second : std::string(raw);
  return cfg_.station_prefix + id;
}

void Normaliser::station(StationInfo info) {
  if (info.id.empty() || !station_ids_.insert(info.id).second) return;
  info.source = cfg_.id;
  out_.stations.push_back(std::move(info));
}

void Normaliser::station(const std::string& id, const JValue& name_zh, const JValue& name_en,
                         const JValue& lat, const JValue& lon) {
  if (id.empty() || station_ids_.count(id)) return;
  StationInfo s;
  s.id = id;
  if (name_zh.kind == JKind::string) s.name_zh = name_zh.str;
  if (name_en.kind == JKind::string) s.name_en = name_en.str;
  bool missing = false;
  auto la = number_of(lat, missing);
  auto lo = number_of(lon, missing);
  if (la && lo && *la >= -90 && *la <= 90 && *lo >= -180 && *lo <= 180) {
    s.lat = *la;
    s.lon = *lo;
    s.has_position = true;
  }
  station(std::move(s));
}

std::string Normaliser::metric(std::string_view source_name) const {
  if (!cfg_.fields.metrics.empty()) {
    auto it = cfg_.fields.metrics.find(std::string(source_name));
    if (it != cfg_.fields.metrics.end()) return it->second;
  }
  if (is_metric(source_name)) return std::string(source_name);
  return std::string(alias(source_name));
}

std::optional<double> Normaliser::number_of(const JValue& v, bool& missing) const {
  missing = false;
  if (v.kind == JKind::number) return v.num;
  if (v.kind == JKind::string) {
    double d = 0;
    switch (parse_number(v.str, d, cfg_.missing_values)) {
      case NumberParse::ok:
        return d;
      case NumberParse::missing:
        missing = true;
        return std::nullopt;
      case NumberParse::invalid:
        return std::nullopt;
    }
  }
  missing = v.kind == JKind::absent || v.kind == JKind::null;
  return std::nullopt;
}

std::optional<UnixTime> Normaliser::time_of(const JValue& v) const {
  if (v.kind == JKind::number) return timestamp_from_number(v.num);
  if (v.kind == JKind::string) return parse_timestamp(v.str, cfg_.time_zone);
  return std::nullopt;
}

void Normaliser::reject(const std::string& message) {
  ++out_.rejected_count;
  if (out_.rejected.size() < 20) out_.rejected.push_back(message);
}

namespace {
std::string shown(const JValue& v) {
  switch (v.kind) {
    case JKind::absent:
      return "nothing (the field is missing)";
    case JKind::null:
      return "null";
    case JKind::string:
      return "\"" + std::string(v.str.substr(0, 40)) + "\"";
    case JKind::boolean:
      return v.boolean ? "true" : "false";
    case JKind::number: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", v.num);
      return buf;
    }
    default:
      return std::string(v.str.substr(0, 40));
  }
}
}  // namespace

bool Normaliser::reading(const std::string& station, const std::string& metric, const JValue& value,
                         std::string_view unit, const JValue& time, std::string_view value_field,
                         std::string_view time_field) {
  if (station.empty()) {
    reject(where() + ": no station id");
    return false;
  }
  bool missing = false;
  std::optional<double> v = number_of(value, missing);
  std::optional<BelowDetection> below;
  if (!v && !missing && value.kind == JKind::string) {
    below = parse_below_detection(value.str);
    if (below) v = below->limit.value_or(0);
  }
  if (!v) {
    if (missing) {  // null, absent or a no-value marker: the station has no value now, which is not 0
      ++out_.missing_count;
      return false;
    }
    reject(where(value_field) + ": value " + shown(value) + " is not a number");
    return false;
  }
  const Metric* row = find_metric(metric);
  // The value as the source gave it, with its unit, for messages that name the station and metric.
  auto as_given = [&] { return shown(value) + (unit.empty() ? "" : " " + std::string(unit)); };
  if (!std::isfinite(*v)) {
    reject(where(value_field) + ": station '" + station + "': " + metric + " value " + as_given() +
           " is not a finite number");
    return false;
  }
  if (*v < 0) {
    reject(where(value_field) + ": negative value " + shown(value) + " for " + metric);
    return false;
  }
  std::optional<double> converted = to_canonical(metric, *v, unit);
  if (!converted) {
    reject(where(value_field) + ": unit '" + std::string(unit) + "' cannot be converted to " +
           std::string(canonical_unit(metric)) + " for " + metric);
    return false;
  }
  // After conversion (1e308 ppm overflows to infinity): only what an instrument can report.
  if (!is_plausible(*row, *converted)) {
    reject(where(value_field) + ": station '" + station + "': " + metric + " value " + as_given() +
           " is outside the plausible range " + plausible_range_text(*row));
    return false;
  }
  std::optional<UnixTime> t = time_of(time);
  if (!t) {
    reject(where(time_field) + ": observation time " + shown(time) + " is not a timestamp");
    return false;
  }
  // A naive time read in the wrong zone lands hours in the future; say so rather than show it.
  if (!cfg_.demo && *t > fetched_at_ + 3600) {
    reject(where(time_field) + ": observation time " + format_iso_utc(*t) +
           " is in the future; check the source's zone (now " + cfg_.zone + ")");
    return false;
  }
  Reading r;
  r.source = cfg_.id;
  r.station = station;
  r.metric = metric;
  r.value = *converted;
  r.unit = std::string(canonical_unit(metric));
  r.observed_at = *t;
  r.fetched_at = fetched_at_;
  if (below) r.flag = ReadingFlag::below_detection;
  out_.readings.push_back(std::move(r));
  return true;
}

void apply_demo_rule(Batch& batch, UnixTime fetched_at) {
  if (batch.readings.empty()) return;
  UnixTime newest = batch.readings.front().observed_at;
  for (const auto& r : batch.readings) newest = std::max(newest, r.observed_at);
  UnixTime target = fetched_at - ((fetched_at % 3600) + 3600) % 3600;
  UnixTime shift = target - newest;
  for (auto& r : batch.readings) r.observed_at += shift;
}

}  // namespace kiosk::data
