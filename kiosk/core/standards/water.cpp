// GB 3838-2002 Table 1 and GB 3097-1997 Table 1 as data, and the single-factor evaluation.
#include "kiosk/core/standards/water.hpp"

#include <algorithm>
#include <array>
#include <functional>

namespace kiosk::standards {
namespace {

constexpr std::string_view kSurfaceKeys[] = {"ph", "do", "codmn", "cod", "bod5", "nh3n", "tp", "tn"};
constexpr std::string_view kSeaKeys[] = {"do", "cod", "din", "phosphate", "ph", "oil"};

constexpr Decimal d(std::int64_t units, int scale = 0) {
  return Decimal::of(units, scale);
}

// Upper limits (<=) of classes I..V.
using Limits = std::array<Decimal, 5>;
constexpr Limits kCodMn = {d(2), d(4), d(6), d(10), d(15)};
constexpr Limits kCod = {d(15), d(15), d(20), d(30), d(40)};
constexpr Limits kBod5 = {d(3), d(3), d(4), d(6), d(10)};
constexpr Limits kNh3n = {d(15, 2), d(5, 1), d(1), d(15, 1), d(2)};
constexpr Limits kTpRiver = {d(2, 2), d(1, 1), d(2, 1), d(3, 1), d(4, 1)};
constexpr Limits kTpLake = {d(1, 2), d(25, 3), d(5, 2), d(1, 1), d(2, 1)};
constexpr Limits kTnLake = {d(2, 1), d(5, 1), d(1), d(15, 1), d(2)};
// Dissolved oxygen: lower limits (>=) of classes I..V. Class I also allows "90 % saturation",
// which needs temperature and salinity; the kiosk uses 7.5 mg/L.
constexpr Limits kDo = {d(75, 1), d(6), d(5), d(3), d(2)};

// The first class whose limit the value meets, limits in class order from 1; past the last limit,
// the class after it (worse than V, worse than 4).
template <typename Class, std::size_t N, typename Meets>
Class first_met(const std::array<Decimal, N>& limits, const Decimal& v, Meets meets) {
  for (std::size_t i = 0; i < N; ++i)
    if (meets(v, limits[i])) return static_cast<Class>(i + 1);
  return static_cast<Class>(N + 1);
}

SurfaceClass at_most(const Limits& limits, const Decimal& v) {
  return first_met<SurfaceClass>(limits, v, std::less_equal<>());
}

SurfaceClass at_least(const Limits& limits, const Decimal& v) {
  return first_met<SurfaceClass>(limits, v, std::greater_equal<>());
}

// Seawater limits of classes 1..4.
using SeaLimits = std::array<Decimal, 4>;
constexpr SeaLimits kSeaDo = {d(6), d(5), d(4), d(3)};  // strictly greater than
constexpr SeaLimits kSeaCod = {d(2), d(3), d(4), d(5)};
constexpr SeaLimits kSeaDin = {d(20, 2), d(30, 2), d(40, 2), d(50, 2)};
constexpr SeaLimits kSeaPhosphate = {d(15, 3), d(30, 3), d(30, 3), d(45, 3)};
constexpr SeaLimits kSeaOil = {d(5, 2), d(5, 2), d(30, 2), d(50, 2)};

SeaClass sea_at_most(const SeaLimits& limits, const Decimal& v) {
  return first_met<SeaClass>(limits, v, std::less_equal<>());
}

template <typename Values, typename Convert>
std::vector<std::pair<std::string, std::optional<Decimal>>> convert(const Values& values, Convert&& fn) {
  std::vector<std::pair<std::string, std::optional<Decimal>>> out;
  for (const auto& [key, v] : values) out.emplace_back(key, fn(v));
  return out;
}

using Parsed = std::vector<std::pair<std::string, std::optional<Decimal>>>;

bool known(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The values to evaluate, by key; a key not in `keys` goes to out.ignored, a value that is not a
// number to out.invalid.
template <typename Result>
std::map<std::string_view, Decimal> sort_out(const Parsed& values, std::span<const std::string_view> keys,
                                             Result& out) {
  std::map<std::string_view, Decimal> valid;
  for (const auto& [key, v] : values) {
    if (!known(keys, key))
      out.ignored.push_back(key);
    else if (!v)
      out.invalid.push_back(key);
    else
      valid[key] = *v;
  }
  return valid;
}

// Single-factor evaluation: the worst item's class is the class, and every item of it decides it.
template <typename Result>
void worst_item_decides(Result& out) {
  if (out.items.empty()) return;
  auto worst = out.items.front().cls;
  for (const auto& item : out.items) worst = std::max(worst, item.cls);
  out.cls = worst;
  for (const auto& item : out.items)
    if (item.cls == worst) out.deciding.push_back(item.key);
}

SurfaceResult surface(const Parsed& values, WaterBody body) {
  SurfaceResult out;
  const std::map<std::string_view, Decimal> valid = sort_out(values, kSurfaceKeys, out);
  for (std::string_view key : kSurfaceKeys) {
    auto it = valid.find(key);
    if (it == valid.end()) continue;
    auto cls = surface_item_class(key, it->second, body);
    if (!cls) {
      out.ignored.emplace_back(key);
      continue;
    }
    if (key == "tn") {
      out.tn_class = cls;
      continue;
    }
    out.items.push_back({std::string(key), it->second, *cls});
  }
  worst_item_decides(out);
  if (out.tn_class) out.cls_with_tn = out.cls ? std::max(*out.cls, *out.tn_class) : *out.tn_class;
  return out;
}

SeaResult sea(const Parsed& values) {
  SeaResult out;
  const std::map<std::string_view, Decimal> valid = sort_out(values, kSeaKeys, out);
  for (std::string_view key : kSeaKeys) {
    auto it = valid.find(key);
    if (it == valid.end()) continue;
    if (auto cls = sea_item_class(key, it->second)) out.items.push_back({std::string(key), it->second, *cls});
  }
  worst_item_decides(out);
  return out;
}

// The share of `classes` that are `good` or better (优良比例).
template <typename Class>
ClassShare share_at_most(std::span<const Class> classes, Class good) {
  ClassShare out;
  out.total = static_cast<int>(classes.size());
  out.good =
      static_cast<int>(std::count_if(classes.begin(), classes.end(), [&](Class c) { return c <= good; }));
  if (out.total > 0) out.percent = 100.0 * out.good / out.total;
  return out;
}

std::optional<Decimal> from_text(const std::string& s) {
  return parse_decimal(s);
}
std::optional<Decimal> from_number(double v) {
  return decimal_from_double(v);
}

}  // namespace

const char* surface_class_name(SurfaceClass c) {
  switch (c) {
    case SurfaceClass::I:
      return "I";
    case SurfaceClass::II:
      return "II";
    case SurfaceClass::III:
      return "III";
    case SurfaceClass::IV:
      return "IV";
    case SurfaceClass::V:
      return "V";
    case SurfaceClass::worse_than_v:
      return "劣V";
  }
  return "劣V";
}

std::optional<SurfaceClass> parse_surface_class(std::string_view name) {
  for (int i = 1; i <= 6; ++i)
    if (name == surface_class_name(static_cast<SurfaceClass>(i))) return static_cast<SurfaceClass>(i);
  return std::nullopt;
}

std::optional<WaterBody> parse_water_body(std::string_view name) {
  if (name == "river") return WaterBody::river;
  if (name == "lake") return WaterBody::lake;
  return std::nullopt;
}

std::span<const std::string_view> surface_keys() {
  return kSurfaceKeys;
}

std::optional<SurfaceClass> surface_item_class(std::string_view key, const Decimal& v, WaterBody body) {
  if (key == "ph") return v >= d(6) && v <= d(9) ? SurfaceClass::I : SurfaceClass::worse_than_v;
  if (key == "do") return at_least(kDo, v);
  if (key == "codmn") return at_most(kCodMn, v);
  if (key == "cod") return at_most(kCod, v);
  if (key == "bod5") return at_most(kBod5, v);
  if (key == "nh3n") return at_most(kNh3n, v);
  if (key == "tp") return at_most(body == WaterBody::lake ? kTpLake : kTpRiver, v);
  if (key == "tn" && body == WaterBody::lake) return at_most(kTnLake, v);
  return std::nullopt;
}

SurfaceResult classify_surface(const WaterTextValues& values, WaterBody body) {
  return surface(convert(values, from_text), body);
}

SurfaceResult classify_surface_numbers(const WaterNumberValues& values, WaterBody body) {
  return surface(convert(values, from_number), body);
}

ClassShare surface_good_share(std::span<const SurfaceClass> sections) {
  return share_at_most(sections, SurfaceClass::III);
}

int count_worse_than_v(std::span<const SurfaceClass> sections) {
  return static_cast<int>(std::count(sections.begin(), sections.end(), SurfaceClass::worse_than_v));
}

const char* sea_class_name(SeaClass c) {
  switch (c) {
    case SeaClass::one:
      return "1";
    case SeaClass::two:
      return "2";
    case SeaClass::three:
      return "3";
    case SeaClass::four:
      return "4";
    case SeaClass::worse_than_four:
      return "劣4";
  }
  return "劣4";
}

std::optional<SeaClass> parse_sea_class(std::string_view name) {
  for (int i = 1; i <= 5; ++i)
    if (name == sea_class_name(static_cast<SeaClass>(i))) return static_cast<SeaClass>(i);
  return std::nullopt;
}

std::span<const std::string_view> sea_keys() {
  return kSeaKeys;
}

std::optional<SeaClass> sea_item_class(std::string_view key, const Decimal& v) {
  if (key == "do") return first_met<SeaClass>(kSeaDo, v, std::greater<>());
  if (key == "cod") return sea_at_most(kSeaCod, v);
  if (key == "din") return sea_at_most(kSeaDin, v);
  if (key == "phosphate") return sea_at_most(kSeaPhosphate, v);
  if (key == "oil") return sea_at_most(kSeaOil, v);
  if (key == "ph") {
    if (v >= d(78, 1) && v <= d(85, 1)) return SeaClass::one;
    if (v >= d(68, 1) && v <= d(88, 1)) return SeaClass::three;
    return SeaClass::worse_than_four;
  }
  return std::nullopt;
}

SeaResult classify_sea(const WaterTextValues& values) {
  return sea(convert(values, from_text));
}
SeaResult classify_sea_numbers(const WaterNumberValues& values) {
  return sea(convert(values, from_number));
}

ClassShare sea_good_share(std::span<const SeaClass> stations) {
  return share_at_most(stations, SeaClass::two);
}

}  // namespace kiosk::standards
