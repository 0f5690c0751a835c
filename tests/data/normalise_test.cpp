// The rules every adapter shares: timestamps in all their forms, numbers that may be strings, no-value
// markers, and unit conversions to the canonical units.
#include <gtest/gtest.h>

#include <cmath>

#include "kiosk/core/time_parse.hpp"
#include "kiosk/data/normalise.hpp"

namespace kiosk {
namespace {

using data::NumberParse;
using data::parse_number;
using data::to_canonical;

const int kBeijing = 8 * 3600;

std::string utc(std::string_view text, int zone = kBeijing) {
  auto t = parse_timestamp(text, zone);
  return t ? format_iso_utc(*t) : "invalid";
}

TEST(Timestamps, EveryFormThePlatformsSend) {
  EXPECT_EQ(utc("2018-02-20T07:00:00"), "2018-02-19T23:00:00Z");      // naive (CNEMC): source zone
  EXPECT_EQ(utc("2014-10-13T00:00:00.000"), "2014-10-12T16:00:00Z");  // Socrata floating
  EXPECT_EQ(utc("2024-09-25T22:00:00Z"), "2024-09-25T22:00:00Z");
  EXPECT_EQ(utc("2024-09-25T16:00:00-06:00"), "2024-09-25T22:00:00Z");
  EXPECT_EQ(utc("2024-09-25T22:00:00+00:00"), "2024-09-25T22:00:00Z");
  EXPECT_EQ(utc("2014-12-31T11:59:59.00+08:00"), "2014-12-31T03:59:59Z");
  EXPECT_EQ(utc("2021-06-22T08:02:59.9541234Z"), "2021-06-22T08:02:59Z");  // 7 fraction digits
  EXPECT_EQ(utc("2026-03-02T14:00:00+0800"), "2026-03-02T06:00:00Z");
  EXPECT_EQ(utc("2026-03-02T14:00+08"), "2026-03-02T06:00:00Z");
  EXPECT_EQ(utc("2026/04/28 10:00:00"), "2026-04-28T02:00:00Z");  // Taiwan MOENV
  EXPECT_EQ(utc("2026-04-28 10:00"), "2026-04-28T02:00:00Z");
  EXPECT_EQ(utc("2019-03-26"), "2019-03-25T16:00:00Z");  // a date: local midnight
  EXPECT_EQ(utc("2010-01-01T00:00:00.000Z/2019-01-13T06:00:00.000Z"),
            "2019-01-13T06:00:00Z");                     // STA interval
  EXPECT_EQ(utc("1640887163"), "2021-12-30T17:59:23Z");  // POSIX seconds as text
  EXPECT_EQ(format_iso_utc(*timestamp_from_number(1640887163)), "2021-12-30T17:59:23Z");
  EXPECT_EQ(format_iso_utc(*timestamp_from_number(1772431200000.0)), "2026-03-02T06:00:00Z");  // epoch ms
  EXPECT_EQ(utc("2024-02-29T12:00:00Z"), "2024-02-29T12:00:00Z");
  EXPECT_EQ(utc("2038-01-19T03:14:08Z"), "2038-01-19T03:14:08Z");  // past 32-bit time_t
}

TEST(Timestamps, GarbageIsRejectedNotGuessed) {
  for (const char* bad : {"", "yesterday", "2023-02-29T00:00:00Z", "2023-13-01", "2023-01-01T25:00:00Z",
                          "2023-01-01T10:00:00+25:00", "2023-01-01X10:00", "20230101", "-"})
    EXPECT_EQ(utc(bad), "invalid") << bad;
  EXPECT_FALSE(timestamp_from_number(std::nan("")));
  EXPECT_FALSE(timestamp_from_number(-5));
}

TEST(Timestamps, ZoneOffsets) {
  EXPECT_EQ(parse_utc_offset("+08:00"), 28800);
  EXPECT_EQ(parse_utc_offset("Z"), 0);
  EXPECT_EQ(parse_utc_offset("-05:30"), -19800);
  EXPECT_EQ(parse_utc_offset("+8"), 28800);
  EXPECT_FALSE(parse_utc_offset("Asia/Shanghai"));
  EXPECT_FALSE(parse_utc_offset("+08:00:00"));
}

TEST(Numbers, StringsAndMarkers) {
  double v = 0;
  EXPECT_EQ(parse_number("-0.2", v), NumberParse::ok);
  EXPECT_EQ(v, -0.2);
  EXPECT_EQ(parse_number("1000000", v), NumberParse::ok);
  EXPECT_EQ(parse_number("1.5e1", v), NumberParse::ok);
  EXPECT_EQ(v, 15);
  EXPECT_EQ(parse_number(" 12.50 ", v), NumberParse::ok);
  EXPECT_EQ(v, 12.5);
  EXPECT_EQ(parse_number("+3", v), NumberParse::ok);
  for (const char* missing : {"", "-", "\xE2\x80\x94", "-;", "NA", "ND", "x", "N/A", "--"})
    EXPECT_EQ(parse_number(missing, v), NumberParse::missing) << missing;
  for (const char* bad : {"abc", "12,5", "1.2.3", "12ug"})
    EXPECT_EQ(parse_number(bad, v), NumberParse::invalid) << bad;
  EXPECT_EQ(parse_number("<DL", v, {"<DL"}), NumberParse::missing);
}

TEST(Units, ConversionsToCanonical) {
  EXPECT_DOUBLE_EQ(*to_canonical("pm25_1h", 35, "µg/m³"), 35);
  EXPECT_DOUBLE_EQ(*to_canonical("pm25_1h", 35, "μg/m3"), 35);  // Greek mu
  EXPECT_DOUBLE_EQ(*to_canonical("pm25_1h", 35, "UG/M3"), 35);
  EXPECT_DOUBLE_EQ(*to_canonical("pm10_1h", 0.05, "mg/m3"), 50);
  EXPECT_NEAR(*to_canonical("no2_1h", 10, "ppb"), 18.816, 1e-3);   // 46.006 / 24.45
  EXPECT_NEAR(*to_canonical("so2_1h", 10, "ppb"), 26.203, 1e-3);   // 64.066 / 24.45
  EXPECT_NEAR(*to_canonical("o3_8h", 0.05, "ppm"), 98.153, 1e-3);  // 47.997 / 24.45 × 1000
  EXPECT_NEAR(*to_canonical("co_1h", 1, "ppm"), 1.1456, 1e-4);     // 28.010 / 24.45
  EXPECT_DOUBLE_EQ(*to_canonical("co_1h", 800, "ug/m3"), 0.8);
  EXPECT_DOUBLE_EQ(*to_canonical("tp", 30, "µg/L"), 0.03);
  EXPECT_DOUBLE_EQ(*to_canonical("nh3n", 0.5, "mg/l"), 0.5);
  EXPECT_DOUBLE_EQ(*to_canonical("ph", 7.8, ""), 7.8);
  EXPECT_DOUBLE_EQ(*to_canonical("bikes_available", 4, "count"), 4);
  EXPECT_FALSE(to_canonical("pm25_1h", 10, "ppb"));  // particles have no molar mass: never guessed
  EXPECT_FALSE(to_canonical("do", 8, "%"));
  EXPECT_FALSE(to_canonical("temperature", 8, "C"));
  EXPECT_EQ(data::canonical_unit("co_24h"), "mg/m3");
  EXPECT_EQ(data::canonical_unit("oil"), "mg/L");
}

TEST(DemoRule, NewestReadingLandsOnTheFetchHour) {
  data::Batch b;
  b.readings = {{"d", "s", "pm25_1h", 1, "ug/m3", 1000, 0},
                {"d", "s", "pm25_1h", 2, "ug/m3", 1000 + 3600, 0}};
  const UnixTime fetch = *parse_timestamp("2027-06-01T10:59:59Z", 0);
  data::apply_demo_rule(b, fetch);
  EXPECT_EQ(format_iso_utc(b.readings[1].observed_at), "2027-06-01T10:00:00Z");
  EXPECT_EQ(b.readings[1].observed_at - b.readings[0].observed_at, 3600);
}

}  // namespace
}  // namespace kiosk
