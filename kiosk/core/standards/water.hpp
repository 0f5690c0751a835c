// Water quality classes: surface water GB 3838-2002 (single-factor evaluation, 环办〔2011〕22号) and
// seawater GB 3097-1997 (standards.md §3-4). Limits are exact decimals; a value equal to a limit
// meets it (DO: >= for surface water, strictly > for seawater).
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/standards/decimal.hpp"

namespace kiosk::standards {

// ---------------------------------------------------------------------------------------------
// Surface water, GB 3838-2002
// ---------------------------------------------------------------------------------------------

// I..V, then worse than V (劣V).
enum class SurfaceClass { I = 1, II, III, IV, V, worse_than_v };
enum class WaterBody { river, lake };  // lake: lakes and reservoirs (TP limits differ; TN evaluated)

const char* surface_class_name(
    SurfaceClass c);  // "I", "II", "III", "IV", "V", "劣V" (also the levels.toml key)
std::optional<SurfaceClass> parse_surface_class(std::string_view name);
std::optional<WaterBody> parse_water_body(std::string_view name);  // "river" | "lake"

// Keys, in the order results list them: ph do codmn cod bod5 nh3n tp tn (mg/L; pH unitless).
std::span<const std::string_view> surface_keys();

// Class of one item. pH: 6-9 meets class I, outside is 劣V. tn: lakes only (nullopt for a river).
std::optional<SurfaceClass> surface_item_class(std::string_view key, const Decimal& value, WaterBody body);

struct SurfaceItem {
  std::string key;
  Decimal value;
  SurfaceClass cls = SurfaceClass::I;
};

struct SurfaceResult {
  std::optional<SurfaceClass> cls;    // worst class of the evaluated items; empty when none given
  std::vector<std::string> deciding;  // every evaluated item whose class equals cls
  std::vector<SurfaceItem> items;     // evaluated items (tn excluded), in surface_keys order
  // Lakes and reservoirs: total nitrogen, evaluated separately; shown beside the class, not in it.
  std::optional<SurfaceClass> tn_class;
  // Strictly by GB 3838 alone TN counts for lakes: the class with TN included, for reporting both.
  std::optional<SurfaceClass> cls_with_tn;
  std::vector<std::string> ignored;  // keys given but not evaluated (tn for a river, unknown keys)
  std::vector<std::string> invalid;  // values that are not non-negative numbers
};

using WaterTextValues = std::map<std::string, std::string, std::less<>>;
using WaterNumberValues = std::map<std::string, double, std::less<>>;
SurfaceResult classify_surface(const WaterTextValues& values, WaterBody body);
SurfaceResult classify_surface_numbers(const WaterNumberValues& values, WaterBody body);

// Share of sections of class I-III (优良比例), in percent; empty when no section has a class.
struct ClassShare {
  int good = 0;
  int total = 0;
  std::optional<double> percent;
};
ClassShare surface_good_share(std::span<const SurfaceClass> sections);
int count_worse_than_v(std::span<const SurfaceClass> sections);

// ---------------------------------------------------------------------------------------------
// Seawater, GB 3097-1997
// ---------------------------------------------------------------------------------------------

// Classes 1..4, then worse than 4 (劣四类).
enum class SeaClass { one = 1, two, three, four, worse_than_four };

const char* sea_class_name(SeaClass c);  // "1", "2", "3", "4", "劣4" (also the levels.toml key)
std::optional<SeaClass> parse_sea_class(std::string_view name);

// Keys, in the order results list them: do cod din phosphate ph oil (mg/L; pH unitless).
std::span<const std::string_view> sea_keys();

// Class of one item. pH uses the numeric bands only (7.8-8.5 class 1-2, 6.8-8.8 class 3-4): the
// kiosk cannot know the area's normal range, which the standard also limits. Phosphate never gives
// class 3 (its class 3 limit equals class 2's), so 0.031-0.045 is class 4.
std::optional<SeaClass> sea_item_class(std::string_view key, const Decimal& value);

struct SeaItem {
  std::string key;
  Decimal value;
  SeaClass cls = SeaClass::one;
};

struct SeaResult {
  std::optional<SeaClass> cls;
  std::vector<std::string> deciding;
  std::vector<SeaItem> items;
  std::vector<std::string> ignored;
  std::vector<std::string> invalid;
};

SeaResult classify_sea(const WaterTextValues& values);
SeaResult classify_sea_numbers(const WaterNumberValues& values);

// 近岸海域水质优良比例 by stations: (class 1 + class 2) / stations evaluated x 100 (standards.md §4.2).
ClassShare sea_good_share(std::span<const SeaClass> stations);

}  // namespace kiosk::standards
