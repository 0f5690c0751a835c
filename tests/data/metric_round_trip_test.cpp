// What a resident sees from a source's numbers, through the whole path: a feed (fetch) → normalised
// readings in the canonical units of the metric table → the model's AQI. Every breakpoint edge of
// every gas gives the index the standard gives the number as published, from every unit sources use;
// and values no instrument can report are rejected with the station, metric and value.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <memory>

#include <toml++/toml.h>

#include "kiosk/core/content/files.hpp"
#include "kiosk/core/metrics.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/core/standards/aqi_tables.hpp"
#include "kiosk/data/normalise.hpp"
#include "kiosk/data/source_fetch.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

using standards::AqiStandard;
using standards::Decimal;

const UnixTime kNow = test::at("2026-03-02T07:00:00Z");  // HJ 633-2026 is in force

// One value as a source publishes it: the number's text exactly as in the JSON, and its unit.
struct Published {
  std::string station;
  std::string metric;
  std::string value;
  std::string unit;
};

data::SourceResult fetch(const std::vector<Published>& values) {
  std::string json = R"({"kiosk_feed": 1, "readings": [)";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Published& p = values[i];
    json += (i ? ",\n" : "") + std::string(R"({"station": ")") + p.station + R"(", "metric": ")" + p.metric +
            R"(", "value": )" + p.value + R"(, "unit": ")" + p.unit +
            R"(", "observed_at": "2026-03-02T06:00:00Z"})";
  }
  json += "]}";
  test::CannedTransport t;
  t.on("feed.json", json);
  data::FetchSettings settings;
  settings.content_dir = KIOSK_CONTENT_DIR;
  return data::fetch_source(test::source("city", "kiosk-feed", "https://example.org/feed.json"), t, settings,
                            {}, kNow);
}

// The content a model points into lives as long as the model.
struct Seen {
  ContentPack content;
  Model model;
  // The IAQI the model gives `metric` at `station`; nullopt when it gives none.
  std::optional<int> iaqi(const std::string& station, const std::string& metric) const {
    for (const AirStationView& a : model.air)
      if (a.station->id == station)
        for (const PollutantValue& p : a.pollutants)
          if (p.metric == metric) return p.iaqi;
    return std::nullopt;
  }
  bool has(const std::string& station, const std::string& metric) const {
    for (const AirStationView& a : model.air)
      if (a.station->id == station)
        for (const PollutantValue& p : a.pollutants)
          if (p.metric == metric) return true;
    return false;
  }
};

std::unique_ptr<Seen> through_model(const std::vector<Published>& values, const std::string& standard) {
  data::SourceResult r = fetch(values);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.rejected_count, 0u) << (r.batch.rejected.empty() ? "" : r.batch.rejected.front());
  auto seen = std::make_unique<Seen>();
  seen->content.settings.aqi_standard = standard;
  for (const Published& p : values) {
    Station s;
    s.id = p.station;
    s.kind = "air";
    s.source = "city";
    if (std::none_of(seen->content.stations.begin(), seen->content.stations.end(),
                     [&](const Station& x) { return x.id == s.id; }))
      seen->content.stations.push_back(s);
  }
  DataSnapshot data;
  data.latest = r.batch.readings;
  seen->model = build_model(seen->content, data, kNow);
  return seen;
}

std::string digits(double v, int significant) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, significant);
  return std::string(buf, end);
}

// A breakpoint edge, and the index the standard's table gives exactly there.
struct Edge {
  Decimal c;
  int index = 0;
};
std::vector<Edge> edges_of(const std::vector<standards::Segment>& segments) {
  std::vector<Edge> out;
  for (const auto& s : segments) {
    out.push_back({s.c_lo, s.i_lo});
    out.push_back({s.c_hi, s.i_hi});
  }
  return out;
}

// The index the standard gives the value as published (exact decimal, no unit conversion).
std::optional<int> direct(AqiStandard standard, const std::string& key, const std::string& text) {
  return standards::compute_aqi(standard, {{key, text}}, standards::AqiReport::realtime).iaqi_of(key);
}

// --- the cases the issue names -------------------------------------------------------------------

TEST(UsAqiFromPpm, OzoneAt0071PpmIsUnhealthyForSensitiveGroupsNotModerate) {
  auto seen = through_model({{"a", "o3_8h", "0.071", "ppm"}, {"b", "o3_8h", "0.070", "ppm"}}, "us");
  EXPECT_EQ(seen->iaqi("a", "o3_8h"), 101);
  EXPECT_EQ(seen->iaqi("b", "o3_8h"), 100);
}

TEST(UsAqiFromPpb, So2At76PpbAndNo2At101PpbStartTheThirdBand) {
  auto seen = through_model({{"s", "so2_1h", "76", "ppb"},
                             {"s0", "so2_1h", "75", "ppb"},
                             {"n", "no2_1h", "101", "ppb"},
                             {"n0", "no2_1h", "100", "ppb"}},
                            "us");
  EXPECT_EQ(seen->iaqi("s", "so2_1h"), 101);
  EXPECT_EQ(seen->iaqi("s0", "so2_1h"), 100);
  EXPECT_EQ(seen->iaqi("n", "no2_1h"), 101);
  EXPECT_EQ(seen->iaqi("n0", "no2_1h"), 100);
}

// --- every edge ----------------------------------------------------------------------------------

// One published value per edge and unit; the model must give what the standard gives the edge.
struct EdgeCase {
  Published published;
  std::string key;
  std::string edge_text;  // the edge in the standard's own unit
  int table_index = 0;
};

void expect_every_edge(AqiStandard standard, const std::string& setting, const std::vector<EdgeCase>& cases) {
  std::vector<Published> values;
  for (const EdgeCase& c : cases) values.push_back(c.published);
  auto seen = through_model(values, setting);
  int indexed = 0;
  for (const EdgeCase& c : cases) {
    SCOPED_TRACE(c.key + " edge " + c.edge_text + " published as " + c.published.value + " " +
                 c.published.unit);
    ASSERT_TRUE(seen->has(c.published.station, c.key));
    const std::optional<int> expected = direct(standard, c.key, c.edge_text);
    EXPECT_EQ(seen->iaqi(c.published.station, c.key), expected);
    if (expected) {
      EXPECT_EQ(*expected, c.table_index);  // the expectation itself is the table's index at the edge
      ++indexed;
    }
  }
  EXPECT_GT(indexed, static_cast<int>(cases.size()) / 3);  // most edges give an index
}

TEST(UsAqiRoundTrip, EveryEpaEdgeOfEveryGasFromPpmPpbAndMicrograms) {
  std::vector<EdgeCase> cases;
  int n = 0;
  for (std::string key : {"o3_8h", "o3_1h", "so2_1h", "so2_24h", "no2_1h"}) {
    const Metric& m = *find_metric(key);
    const bool in_ppm = key.starts_with("o3");
    for (const Edge& e : edges_of(standards::us_segments(key))) {
      const std::string text = standards::to_string(e.c);
      const double ppb = standards::to_double(e.c) * (in_ppm ? 1000 : 1);
      auto add = [&](std::string value, std::string unit) {
        cases.push_back({{"st" + std::to_string(n++), key, value, unit}, key, text, e.index});
      };
      add(text, in_ppm ? "ppm" : "ppb");                                               // as EPA writes it
      add(in_ppm ? digits(ppb, 12) : digits(ppb / 1000, 12), in_ppm ? "ppb" : "ppm");  // the other one
      add(digits(ppb_to_ug_m3(m, ppb), 15), "µg/m³");  // a µg/m³ source, to 15 digits
    }
  }
  expect_every_edge(AqiStandard::us, "us", cases);
}

void hj633_edges(AqiStandard standard, const std::string& setting) {
  std::vector<EdgeCase> cases;
  int n = 0;
  for (std::string_view k : standards::aqi_keys(standard)) {
    const std::string key(k);
    const Metric& m = *find_metric(key);
    const bool co = m.unit == "mg/m3";
    for (const Edge& e : edges_of(standards::cn_segments(standard, key))) {
      const std::string text = standards::to_string(e.c);
      const double ug = standards::to_double(e.c) * (co ? 1000 : 1);
      auto add = [&](std::string value, std::string unit) {
        cases.push_back({{"st" + std::to_string(n++), key, value, unit}, key, text, e.index});
      };
      add(text, co ? "mg/m3" : "μg/m3");                                         // as CNEMC publishes it
      add(co ? digits(ug, 12) : digits(ug / 1000, 12), co ? "ug/m3" : "mg/m³");  // the other mass unit
      if (m.molar_mass > 0) add(digits(ug_m3_to_ppb(m, ug), 15), "ppb");         // an OpenAQ-style source
    }
  }
  expect_every_edge(standard, setting, cases);
}

TEST(ChinaAqiRoundTrip, EveryHj633_2026EdgeFromTheUnitsSourcesPublish) {
  hj633_edges(AqiStandard::cn2026, "cn-2026");
}

TEST(ChinaAqiRoundTrip, EveryHj633_2012EdgeFromTheUnitsSourcesPublish) {
  hj633_edges(AqiStandard::cn2012, "cn-2012");
}

// --- plausibility --------------------------------------------------------------------------------

bool rejected_with(const data::SourceResult& r, const std::vector<std::string>& parts) {
  return std::any_of(r.batch.rejected.begin(), r.batch.rejected.end(), [&](const std::string& line) {
    return std::all_of(parts.begin(), parts.end(),
                       [&](const std::string& p) { return line.find(p) != std::string::npos; });
  });
}

TEST(Plausibility, ValuesNoInstrumentReportsAreRejectedNamingStationMetricAndValue) {
  data::SourceResult r = fetch({{"ok", "pm25_1h", "2000", "ug/m3"},
                                {"huge", "pm25_1h", "1e308", "ug/m3"},
                                {"dust", "pm10_1h", "2001", "ug/m3"},
                                {"overflow", "o3_1h", "1e308", "ppm"},
                                {"inf", "so2_1h", "\"inf\"", "ug/m3"},
                                {"nan", "no2_1h", "\"NaN\"", "ug/m3"},
                                {"co", "co_1h", "151", "mg/m3"},
                                {"acid", "ph", "14.5", "pH"},
                                {"oxygen", "do", "30", "mg/L"},
                                {"bikes", "bikes_available", "1e10", "count"},
                                {"half", "docks_available", "2.5", "count"},
                                {"many", "docks_available", "100000", "count"}});
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.batch.readings.size(), 2u);  // "ok" and "many"
  EXPECT_EQ(r.batch.rejected_count, 10u);
  EXPECT_TRUE(rejected_with(r, {"station 'huge'", "pm25_1h", "1e+308 ug/m3", "0–2000 ug/m3"}));
  EXPECT_TRUE(rejected_with(r, {"station 'dust'", "pm10_1h", "2001"}));
  EXPECT_TRUE(rejected_with(r, {"station 'overflow'", "o3_1h", "1e+308 ppm", "plausible range"}));
  EXPECT_TRUE(rejected_with(r, {"station 'inf'", "so2_1h", "\"inf\"", "not a finite number"}));
  EXPECT_TRUE(rejected_with(r, {"station 'nan'", "no2_1h", "\"NaN\"", "not a finite number"}));
  EXPECT_TRUE(rejected_with(r, {"station 'co'", "co_1h", "151 mg/m3", "0–150 mg/m3"}));
  EXPECT_TRUE(rejected_with(r, {"station 'acid'", "ph", "14.5", "0–14 pH"}));
  EXPECT_TRUE(rejected_with(r, {"station 'oxygen'", "do", "30 mg/L", "0–25 mg/L"}));
  EXPECT_TRUE(rejected_with(r, {"station 'bikes'", "bikes_available", "1e+10", "whole numbers"}));
  EXPECT_TRUE(rejected_with(r, {"station 'half'", "docks_available", "2.5"}));
}

TEST(Plausibility, TheRejectionLogLineNamesTheSource) {
  data::SourceResult r = fetch({{"ok", "pm25_1h", "20", "ug/m3"}, {"huge", "pm25_1h", "1e308", "ug/m3"}});
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.batch.rejected.size(), 1u);
  // One line: the worker logs "source 'city': record rejected: " before it.
  EXPECT_EQ(r.batch.rejected[0].find('\n'), std::string::npos);
  EXPECT_EQ(r.batch.rejected[0],
            "$.readings[1].value: station 'huge': pm25_1h value 1e+308 ug/m3 is outside the plausible range "
            "0–2000 ug/m3");
}

// --- the normaliser reads the table --------------------------------------------------------------

TEST(MetricTableInData, TheNormaliserKnowsEveryMetricInItsCanonicalUnit) {
  for (const Metric& m : metrics()) {
    EXPECT_TRUE(data::is_metric(m.key)) << m.key;
    EXPECT_EQ(data::canonical_unit(m.key), m.unit) << m.key;
    // A value in the canonical unit passes unchanged.
    EXPECT_EQ(data::to_canonical(m.key, 1, m.unit), 1.0) << m.key;
    // Gases convert from ppb with the table's molar mass, and nothing else does.
    const auto from_ppb = data::to_canonical(m.key, 1000, "ppb");
    if (m.molar_mass > 0) {
      EXPECT_DOUBLE_EQ(*from_ppb, 1000 * m.molar_mass / kMolarVolume25C / (m.unit == "mg/m3" ? 1000 : 1));
    } else if (m.unit != "mg/L") {
      EXPECT_FALSE(from_ppb) << m.key;
    }
  }
}

TEST(MetricTableInData, APollutantsNameStandsForItsHourlyMetric) {
  SourceConfig cfg;
  data::Batch batch;
  data::Normaliser n(cfg, kNow, batch);
  EXPECT_EQ(n.metric("PM2.5"), "pm25_1h");
  EXPECT_EQ(n.metric("pm2_5"), "pm25_1h");
  EXPECT_EQ(n.metric("pm25"), "pm25_1h");
  EXPECT_EQ(n.metric("PM10"), "pm10_1h");
  EXPECT_EQ(n.metric("o3"), "o3_1h");
  EXPECT_EQ(n.metric("NO2"), "no2_1h");
  EXPECT_EQ(n.metric("so2"), "so2_1h");
  EXPECT_EQ(n.metric("CO"), "co_1h");
  EXPECT_EQ(n.metric("pm10_24h"), "pm10_24h");  // a canonical key is itself
  EXPECT_EQ(n.metric("temperature"), "");       // not shown by the kiosk
}

// sources.toml's check accepts exactly the table's keys, and names them all when one is wrong.
TEST(MetricTableInData, SourcesTomlAcceptsEveryMetricOfTheTableAndNoOther) {
  std::string text = R"([[source]]
id = "city"
platform = "ckan"
url = "https://data.example.gov.cn/api/3/action/datastore_search"
[source.fields]
layout = "wide"
station = "code"
observed_at = "time"
[source.columns]
)";
  for (const Metric& m : metrics()) text += std::string(m.key) + " = \"c_" + std::string(m.key) + "\"\n";
  auto check = [](const std::string& toml_text) {
    ContentPack pack;
    Diagnostics diags;
    toml::table root = toml::parse(toml_text, std::string_view("sources.toml"));
    content::FileCtx ctx{"sources.toml", KIOSK_CONTENT_DIR, diags, {}};
    content::read_sources(root, ctx, pack);
    std::string out;
    for (const auto& d : diags.items()) out += d.format() + "\n";
    return out;
  };
  EXPECT_EQ(check(text), "");
  const std::string wrong = check(text + "pm1_1h = \"pm1\"\n");
  EXPECT_NE(wrong.find("'columns.pm1_1h' is not a kiosk metric"), std::string::npos) << wrong;
  for (const Metric& m : metrics()) EXPECT_NE(wrong.find(std::string(m.key)), std::string::npos) << m.key;
}

}  // namespace
}  // namespace kiosk
