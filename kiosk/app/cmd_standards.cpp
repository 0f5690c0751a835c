// `kiosk aqi` and `kiosk water`: the standards calculations as JSON, for integrators and teachers
// checking numbers. Values are taken as decimal text, so the result is exactly the standard's.
//
//   kiosk aqi --standard cn|cn-2012|us KEY=VALUE…
//     {"standard","aqi","level","category_zh","category_en","color","primary":[…],"iaqi":{…}}
//   kiosk water --standard surface [--body river|lake] KEY=VALUE…
//   {"standard","class","deciding"[,"tn_class"]} kiosk water --standard sea KEY=VALUE…
//   {"standard","class","deciding"}
// Bad input (unknown key, no value, negative or non-numeric value): exit 1, one line on stderr.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kiosk/app/commands.hpp"
#include "kiosk/core/metrics.hpp"
#include "kiosk/core/standards/aqi.hpp"
#include "kiosk/core/standards/water.hpp"

namespace kiosk {
namespace {

namespace st = standards;
using Json = nlohmann::ordered_json;

int fail(const char* command, const std::string& message) {
  std::fprintf(stderr, "kiosk %s: error: %s\n", command, message.c_str());
  return kExitFailure;
}

std::string join(std::span<const std::string_view> keys) {
  std::string out;
  for (auto k : keys) out += (out.empty() ? "" : " ") + std::string(k);
  return out;
}

// Splits and checks KEY=VALUE arguments. On a problem, returns nullopt and sets `error`.
std::optional<std::map<std::string, std::string, std::less<>>> parse_pairs(
    const std::vector<std::string>& args, std::span<const std::string_view> keys, const std::string& where,
    std::string& error) {
  std::map<std::string, std::string, std::less<>> out;
  if (args.empty()) {
    error = "give at least one KEY=VALUE; keys for " + where + ": " + join(keys);
    return std::nullopt;
  }
  for (const std::string& arg : args) {
    auto eq = arg.find('=');
    std::string key = arg.substr(0, eq);
    if (key.empty()) {
      error = "'" + arg + "' has no key; write KEY=VALUE";
      return std::nullopt;
    }
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      error = "unknown key '" + key + "' for " + where + "; keys: " + join(keys);
      return std::nullopt;
    }
    if (eq == std::string::npos || eq + 1 == arg.size()) {
      error = "key '" + key + "' has no value; write " + key + "=VALUE";
      return std::nullopt;
    }
    std::string value = arg.substr(eq + 1);
    st::DecimalError why = st::DecimalError::none;
    if (!st::parse_decimal(value, &why)) {
      error = "value of '" + key + "' " + st::describe(why) + ": '" + value + "'";
      return std::nullopt;
    }
    if (!out.emplace(key, value).second) {
      error = "key '" + key + "' is given twice";
      return std::nullopt;
    }
  }
  return out;
}

struct AqiArgs {
  std::string standard = "cn";
  std::vector<std::string> pairs;
};

int run_aqi(const AqiArgs& args) {
  auto standard = st::parse_aqi_standard(args.standard);
  if (!standard) return fail("aqi", "unknown standard '" + args.standard + "'; use cn, cn-2012 or us");
  std::string error;
  auto values = parse_pairs(args.pairs, st::aqi_keys(*standard), "--standard " + args.standard, error);
  if (!values) return fail("aqi", error);
  st::AqiResult r = st::compute_aqi(*standard, *values);

  Json out;
  out["standard"] = st::standard_key(*standard);
  if (const st::AqiLevelStyle* style = r.style()) {
    out["aqi"] = *r.aqi;
    out["level"] = r.level;
    out["category_zh"] = style->category_zh;
    out["category_en"] = style->category_en;
    out["color"] = style->color;
  } else {
    // No value gave an index (e.g. only an EPA O3 1-hour value below 0.125 ppm).
    for (const char* k : {"aqi", "level", "category_zh", "category_en", "color"}) out[k] = nullptr;
  }
  out["primary"] = Json::array();
  for (const auto& key : r.primary) out["primary"].push_back(key);
  out["iaqi"] = Json::object();
  for (const auto& i : r.iaqi) out["iaqi"][i.key] = i.value;
  std::puts(out.dump().c_str());
  return kExitOk;
}

struct WaterArgs {
  std::string standard;
  std::string body;
  std::vector<std::string> pairs;
};

int run_water(const WaterArgs& args) {
  std::string error;
  Json out;
  if (args.standard == "surface") {
    std::string body_name = args.body.empty() ? "river" : args.body;
    auto body = st::parse_water_body(body_name);
    if (!body) return fail("water", "unknown --body '" + args.body + "'; use river or lake");
    auto values = parse_pairs(args.pairs, st::surface_keys(), "--standard surface", error);
    if (!values) return fail("water", error);
    st::SurfaceResult r = st::classify_surface(*values, *body);
    out["standard"] = "surface";
    out["class"] = r.cls ? Json(st::surface_class_name(*r.cls)) : Json(nullptr);
    out["deciding"] = r.deciding;
    if (*body == st::WaterBody::lake && r.tn_class) out["tn_class"] = st::surface_class_name(*r.tn_class);
  } else if (args.standard == "sea") {
    if (!args.body.empty()) return fail("water", "--body is for --standard surface only");
    auto values = parse_pairs(args.pairs, st::sea_keys(), "--standard sea", error);
    if (!values) return fail("water", error);
    st::SeaResult r = st::classify_sea(*values);
    out["standard"] = "sea";
    out["class"] = r.cls ? Json(st::sea_class_name(*r.cls)) : Json(nullptr);
    out["deciding"] = r.deciding;
  } else {
    return fail("water", "unknown standard '" + args.standard + "'; use surface or sea");
  }
  std::puts(out.dump().c_str());
  return kExitOk;
}

// HJ 633's keys (from the standard) grouped by their canonical unit (from the metric table):
// "pm25_24h … o3_8h (ug/m3) co_24h co_1h (mg/m3)".
std::string china_keys_help() {
  std::vector<std::string_view> units;
  for (std::string_view key : st::aqi_keys(st::AqiStandard::cn2026))
    if (const Metric* m = find_metric(key);
        m && std::find(units.begin(), units.end(), m->unit) == units.end())
      units.push_back(m->unit);
  std::string out;
  for (std::string_view unit : units) {
    for (std::string_view key : st::aqi_keys(st::AqiStandard::cn2026))
      if (const Metric* m = find_metric(key); m && m->unit == unit) out += std::string(key) + " ";
    out += "(" + std::string(unit) + ") ";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace

void add_aqi_command(CLI::App& root, CommandAction& run) {
  auto args = std::make_shared<AqiArgs>();
  auto* cmd = root.add_subcommand("aqi", "Compute an AQI from concentrations and print it as JSON");
  cmd->add_option("--standard", args->standard,
                  "cn = HJ 633-2026 (default), cn-2012 = HJ 633-2012, us = US EPA 2024")
      ->check(CLI::IsMember({"cn", "cn-2012", "us"}));
  cmd->add_option("values", args->pairs,
                  "KEY=VALUE… cn/cn-2012: " + china_keys_help() +
                      "; us: pm25_24h pm10_24h (ug/m3) o3_8h o3_1h co_8h (ppm) so2_1h so2_24h no2_1h (ppb)");
  cmd->callback([&run, args] { run = [args] { return run_aqi(*args); }; });
}

void add_water_command(CLI::App& root, CommandAction& run) {
  auto args = std::make_shared<WaterArgs>();
  auto* cmd = root.add_subcommand("water", "Classify water quality and print it as JSON");
  cmd->add_option("--standard", args->standard, "surface = GB 3838-2002, sea = GB 3097-1997")
      ->required()
      ->check(CLI::IsMember({"surface", "sea"}));
  cmd->add_option("--body", args->body, "surface water body: river (default) or lake (lakes and reservoirs)")
      ->check(CLI::IsMember({"river", "lake"}));
  cmd->add_option("values", args->pairs,
                  "KEY=VALUE… surface: ph do codmn cod bod5 nh3n tp tn; sea: do cod din phosphate ph oil "
                  "(mg/L, pH unitless)");
  cmd->callback([&run, args] { run = [args] { return run_water(*args); }; });
}

}  // namespace kiosk
