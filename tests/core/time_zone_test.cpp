// A source's zone: fixed offsets and IANA names from the system's tzdata, read across daylight-saving
// changes in both directions (2026: Los Angeles springs forward on 8 March and falls back on 1 November;
// Paris on 29 March and 25 October).
#include "kiosk/core/time_zone.hpp"

#include <gtest/gtest.h>

#include "kiosk/core/time_parse.hpp"

namespace kiosk {
namespace {

UnixTime utc(const char* iso) {
  return *parse_timestamp(iso, 0);
}

UnixTime in_zone(const char* text, const char* zone) {
  auto z = TimeZone::find(zone);
  EXPECT_TRUE(z) << zone;
  auto t = parse_timestamp(text, z.value_or(TimeZone{}));
  EXPECT_TRUE(t) << text;
  return t.value_or(0);
}

TEST(TimeZone, FixedOffsetsKeepWorking) {
  EXPECT_EQ(in_zone("2026-11-28 10:00:00", "+08:00"), utc("2026-11-28T02:00:00Z"));
  EXPECT_EQ(in_zone("2026-11-28 10:00:00", "-0530"), utc("2026-11-28T15:30:00Z"));
  EXPECT_EQ(in_zone("2026-11-28 10:00:00", "Z"), utc("2026-11-28T10:00:00Z"));
  EXPECT_EQ(in_zone("2026-11-28 10:00:00", "UTC"), utc("2026-11-28T10:00:00Z"));
  EXPECT_TRUE(TimeZone::find("+08:00")->is_fixed());
  EXPECT_TRUE(TimeZone{}.is_fixed());
  EXPECT_EQ(TimeZone{}.instant_from_local(8 * 3600), 0);  // the default is UTC+8
}

TEST(TimeZone, ShanghaiHasNoDaylightSaving) {
  EXPECT_FALSE(TimeZone::find("Asia/Shanghai")->is_fixed());
  EXPECT_EQ(in_zone("2026-01-15 10:00:00", "Asia/Shanghai"), utc("2026-01-15T02:00:00Z"));
  EXPECT_EQ(in_zone("2026-07-15 10:00:00", "Asia/Shanghai"), utc("2026-07-15T02:00:00Z"));
}

TEST(TimeZone, LosAngelesInWinterAndSummer) {
  EXPECT_EQ(in_zone("2026-01-15T10:00:00", "America/Los_Angeles"), utc("2026-01-15T18:00:00Z"));  // PST
  EXPECT_EQ(in_zone("2026-07-15T10:00:00", "America/Los_Angeles"), utc("2026-07-15T17:00:00Z"));  // PDT
}

TEST(TimeZone, SpringForwardHourIsReadWithTheOffsetBeforeTheGap) {
  // 02:00 PST becomes 03:00 PDT: 01:59 and 03:00 are a minute apart; 02:30 never shows on a clock.
  EXPECT_EQ(in_zone("2026-03-08T01:59:00", "America/Los_Angeles"), utc("2026-03-08T09:59:00Z"));
  EXPECT_EQ(in_zone("2026-03-08T03:00:00", "America/Los_Angeles"), utc("2026-03-08T10:00:00Z"));
  EXPECT_EQ(in_zone("2026-03-08T02:30:00", "America/Los_Angeles"), utc("2026-03-08T10:30:00Z"));  // 03:30 PDT
  EXPECT_EQ(in_zone("2026-03-29 02:30:00", "Europe/Paris"), utc("2026-03-29T01:30:00Z"));  // 03:30 CEST
}

TEST(TimeZone, RepeatedHourIsTheEarlierInstant) {
  // 02:00 PDT becomes 01:00 PST: 01:30 is lived twice, at 08:30Z (PDT) and 09:30Z (PST).
  EXPECT_EQ(in_zone("2026-11-01T00:59:00", "America/Los_Angeles"), utc("2026-11-01T07:59:00Z"));
  EXPECT_EQ(in_zone("2026-11-01T01:30:00", "America/Los_Angeles"), utc("2026-11-01T08:30:00Z"));
  EXPECT_EQ(in_zone("2026-11-01T02:00:00", "America/Los_Angeles"), utc("2026-11-01T10:00:00Z"));
  // Paris: 03:00 CEST becomes 02:00 CET; 02:30 is 00:30Z (CEST), not 01:30Z.
  EXPECT_EQ(in_zone("2026-10-25 02:30:00", "Europe/Paris"), utc("2026-10-25T00:30:00Z"));
  EXPECT_EQ(in_zone("2026-10-25 03:00:00", "Europe/Paris"), utc("2026-10-25T02:00:00Z"));
}

TEST(TimeZone, AnOffsetInTheTextWinsOverTheZone) {
  // The second 01:30 of the fall-back night can only be told apart by its offset, and is kept so.
  EXPECT_EQ(in_zone("2026-11-01T01:30:00-08:00", "America/Los_Angeles"), utc("2026-11-01T09:30:00Z"));
  EXPECT_EQ(in_zone("2026-07-15T10:00:00Z", "Europe/Paris"), utc("2026-07-15T10:00:00Z"));
  EXPECT_EQ(in_zone("1784109600", "Europe/Paris"), 1784109600);  // POSIX seconds carry no zone
}

TEST(TimeZone, DatesAndIntervalsAreLocal) {
  EXPECT_EQ(in_zone("2026-07-15", "Europe/Paris"), utc("2026-07-14T22:00:00Z"));  // midnight CEST
  EXPECT_EQ(in_zone("2026-07-15T09:00:00/2026-07-15T10:00:00", "Europe/Paris"), utc("2026-07-15T08:00:00Z"));
}

TEST(TimeZone, UnknownNamesAreRefused) {
  EXPECT_FALSE(TimeZone::find("Mars/Olympus"));
  EXPECT_FALSE(TimeZone::find("Asia/Beijing"));
  EXPECT_FALSE(TimeZone::find("asia/shanghai"));  // tz names are case-sensitive
  EXPECT_FALSE(TimeZone::find("localtime"));      // the machine's own setting, not the source's
  EXPECT_FALSE(TimeZone::find(""));
  EXPECT_FALSE(TimeZone::find("+25:00"));
}

TEST(TimeZone, SuggestionsForMistypedNames) {
  EXPECT_EQ(suggest_zone_name("asia/shanghai"), "Asia/Shanghai");
  EXPECT_EQ(suggest_zone_name("America/Los Angeles"), "America/Los_Angeles");
  EXPECT_EQ(suggest_zone_name("Shanghai"), "Asia/Shanghai");
  EXPECT_EQ(suggest_zone_name("Europe/Pari"), "Europe/Paris");
  EXPECT_EQ(suggest_zone_name("America/Los_Angles"), "America/Los_Angeles");
  EXPECT_EQ(suggest_zone_name("Mars/Olympus"), "");
}

}  // namespace
}  // namespace kiosk
