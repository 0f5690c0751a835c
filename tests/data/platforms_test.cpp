// The platform table: core's rows (names, mapping, keys) and the data layer's fetch bindings agree, and
// every row is complete, so a new platform cannot be half-registered.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "kiosk/core/platforms.hpp"
#include "kiosk/data/platforms.hpp"
#include "kiosk/data/source_fetch.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {

TEST(Platforms, EveryRowIsComplete) {
  std::set<std::string_view> names;
  for (const PlatformInfo& p : platforms()) {
    EXPECT_FALSE(p.name.empty());
    EXPECT_FALSE(p.summary.empty()) << p.name;
    EXPECT_EQ(p.example_url.rfind("https://", 0), 0u) << p.name;
    EXPECT_TRUE(names.insert(p.name).second) << "platform listed twice: " << p.name;
    if (p.field_mapping) {  // a mapped platform reads the mapping tables
      for (std::string_view key : {"fields", "columns", "metrics", "units"})
        EXPECT_TRUE(accepts_key(p, key)) << p.name << " needs '" << key << "'";
    }
    for (std::string_view key : p.keys)
      for (std::string_view common : common_source_keys())
        EXPECT_NE(key, common) << p.name << " repeats a common key";
  }
  EXPECT_GE(names.size(), 8u);
}

TEST(Platforms, CoreAndDataListTheSamePlatformsInOrder) {
  auto core = platforms();
  auto data = data::platform_fetchers();
  ASSERT_EQ(core.size(), data.size());
  for (std::size_t i = 0; i < core.size(); ++i) {
    EXPECT_EQ(core[i].name, data[i].name);
    EXPECT_NE(data[i].fetch, nullptr) << data[i].name;
    EXPECT_EQ(data::find_fetch(core[i].name), data[i].fetch);
    EXPECT_EQ(find_platform(data[i].name), &core[i]);
  }
  EXPECT_EQ(find_platform("ckan2"), nullptr);
  EXPECT_EQ(data::find_fetch("ckan2"), nullptr);
}

TEST(Platforms, AnUnknownPlatformIsOneErrorLine) {
  test::CannedTransport transport;
  data::FetchSettings settings;
  data::SourceResult r = data::fetch_source(test::source("x", "carrier-pigeon", "https://example.org/"),
                                            transport, settings, {}, test::at("2026-11-28T10:00:00Z"));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "source 'x': unknown platform 'carrier-pigeon'");
  EXPECT_TRUE(transport.requests.empty());
}

}  // namespace
}  // namespace kiosk
