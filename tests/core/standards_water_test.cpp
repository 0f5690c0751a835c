// Surface water (GB 3838-2002) and seawater (GB 3097-1997): every class boundary of every item,
// rivers and lakes, the single-factor rule and its deciding items, and the seawater quirks.
// Expected classes are read from standards.md §3.1 and §4.1: a value equal to a limit meets that
// class; one step past it falls to the next class that admits it.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "kiosk/core/standards/water.hpp"

namespace st = kiosk::standards;
using st::SeaClass;
using st::SurfaceClass;
using st::WaterBody;

namespace {

struct SurfaceRow {
  const char* key;
  const char* value;
  SurfaceClass cls;
};

constexpr SurfaceClass I = SurfaceClass::I, II = SurfaceClass::II, III = SurfaceClass::III,
                       IV = SurfaceClass::IV, V = SurfaceClass::V, WorseV = SurfaceClass::worse_than_v;

// Items whose limits are the same for rivers and lakes.
constexpr SurfaceRow kCommon[] = {
    {"ph", "6", I},
    {"ph", "9", I},
    {"ph", "7.5", I},
    {"ph", "5.99", WorseV},
    {"ph", "9.01", WorseV},
    {"ph", "0", WorseV},
    {"do", "7.5", I},
    {"do", "12", I},
    {"do", "7.49", II},
    {"do", "6", II},
    {"do", "5.99", III},
    {"do", "5", III},
    {"do", "4.99", IV},
    {"do", "3", IV},
    {"do", "2.99", V},
    {"do", "2", V},
    {"do", "1.99", WorseV},
    {"do", "0", WorseV},
    {"codmn", "0", I},
    {"codmn", "2", I},
    {"codmn", "2.01", II},
    {"codmn", "4", II},
    {"codmn", "4.01", III},
    {"codmn", "6", III},
    {"codmn", "6.01", IV},
    {"codmn", "10", IV},
    {"codmn", "10.01", V},
    {"codmn", "15", V},
    {"codmn", "15.01", WorseV},
    {"cod", "0", I},
    {"cod", "15", I},
    {"cod", "15.01", III},
    {"cod", "20", III},
    {"cod", "20.01", IV},
    {"cod", "30", IV},
    {"cod", "30.01", V},
    {"cod", "40", V},
    {"cod", "40.01", WorseV},
    {"bod5", "0", I},
    {"bod5", "3", I},
    {"bod5", "3.01", III},
    {"bod5", "4", III},
    {"bod5", "4.01", IV},
    {"bod5", "6", IV},
    {"bod5", "6.01", V},
    {"bod5", "10", V},
    {"bod5", "10.01", WorseV},
    {"nh3n", "0", I},
    {"nh3n", "0.15", I},
    {"nh3n", "0.151", II},
    {"nh3n", "0.5", II},
    {"nh3n", "0.501", III},
    {"nh3n", "1.0", III},
    {"nh3n", "1.001", IV},
    {"nh3n", "1.5", IV},
    {"nh3n", "1.501", V},
    {"nh3n", "2.0", V},
    {"nh3n", "2.001", WorseV},
};

constexpr SurfaceRow kRiverTp[] = {
    {"tp", "0", I},       {"tp", "0.02", I},  {"tp", "0.021", II},     {"tp", "0.1", II},
    {"tp", "0.101", III}, {"tp", "0.2", III}, {"tp", "0.201", IV},     {"tp", "0.3", IV},
    {"tp", "0.301", V},   {"tp", "0.4", V},   {"tp", "0.401", WorseV},
};

constexpr SurfaceRow kLakeTp[] = {
    {"tp", "0", I},       {"tp", "0.01", I},   {"tp", "0.011", II},     {"tp", "0.025", II},
    {"tp", "0.026", III}, {"tp", "0.05", III}, {"tp", "0.051", IV},     {"tp", "0.1", IV},
    {"tp", "0.101", V},   {"tp", "0.2", V},    {"tp", "0.201", WorseV},
};

constexpr SurfaceRow kLakeTn[] = {
    {"tn", "0", I},       {"tn", "0.2", I},   {"tn", "0.201", II},     {"tn", "0.5", II},
    {"tn", "0.501", III}, {"tn", "1.0", III}, {"tn", "1.001", IV},     {"tn", "1.5", IV},
    {"tn", "1.501", V},   {"tn", "2.0", V},   {"tn", "2.001", WorseV},
};

void check_surface(std::span<const SurfaceRow> rows, WaterBody body) {
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(r.key) + "=" + r.value + (body == WaterBody::lake ? " lake" : " river"));
    auto result = st::classify_surface({{r.key, r.value}}, body);
    ASSERT_TRUE(result.cls.has_value());
    EXPECT_EQ(*result.cls, r.cls);
    EXPECT_EQ(result.deciding, std::vector<std::string>{r.key});
  }
}

struct SeaRow {
  const char* key;
  const char* value;
  SeaClass cls;
};

constexpr SeaClass S1 = SeaClass::one, S2 = SeaClass::two, S3 = SeaClass::three, S4 = SeaClass::four,
                   Worse4 = SeaClass::worse_than_four;

constexpr SeaRow kSea[] = {
    // DO must be strictly greater than the limit.
    {"do", "9", S1},
    {"do", "6.01", S1},
    {"do", "6", S2},
    {"do", "5.01", S2},
    {"do", "5", S3},
    {"do", "4.01", S3},
    {"do", "4", S4},
    {"do", "3.01", S4},
    {"do", "3", Worse4},
    {"do", "0", Worse4},
    {"cod", "0", S1},
    {"cod", "2", S1},
    {"cod", "2.01", S2},
    {"cod", "3", S2},
    {"cod", "3.01", S3},
    {"cod", "4", S3},
    {"cod", "4.01", S4},
    {"cod", "5", S4},
    {"cod", "5.01", Worse4},
    {"din", "0", S1},
    {"din", "0.20", S1},
    {"din", "0.201", S2},
    {"din", "0.30", S2},
    {"din", "0.301", S3},
    {"din", "0.40", S3},
    {"din", "0.401", S4},
    {"din", "0.50", S4},
    {"din", "0.501", Worse4},
    // Phosphate: class 3 shares class 2's limit, so just above 0.030 is class 4.
    {"phosphate", "0", S1},
    {"phosphate", "0.015", S1},
    {"phosphate", "0.016", S2},
    {"phosphate", "0.030", S2},
    {"phosphate", "0.031", S4},
    {"phosphate", "0.045", S4},
    {"phosphate", "0.046", Worse4},
    // Petroleum: classes 1 and 2 share 0.05.
    {"oil", "0", S1},
    {"oil", "0.05", S1},
    {"oil", "0.051", S3},
    {"oil", "0.30", S3},
    {"oil", "0.301", S4},
    {"oil", "0.50", S4},
    {"oil", "0.501", Worse4},
    // pH: 7.8-8.5 classes 1-2, 6.8-8.8 classes 3-4.
    {"ph", "7.8", S1},
    {"ph", "8.5", S1},
    {"ph", "8.1", S1},
    {"ph", "7.79", S3},
    {"ph", "8.51", S3},
    {"ph", "6.8", S3},
    {"ph", "8.8", S3},
    {"ph", "6.79", Worse4},
    {"ph", "8.81", Worse4},
};

using Keys = std::vector<std::string>;

}  // namespace

TEST(SurfaceWaterClasses, EveryBoundaryOfEveryItemInARiver) {
  check_surface(kCommon, WaterBody::river);
  check_surface(kRiverTp, WaterBody::river);
}

TEST(SurfaceWaterClasses, EveryBoundaryOfEveryItemInALake) {
  check_surface(kCommon, WaterBody::lake);
  check_surface(kLakeTp, WaterBody::lake);
}

TEST(SurfaceWaterClasses, LakeTotalNitrogenIsClassedOnItsOwn) {
  for (const auto& r : kLakeTn) {
    SCOPED_TRACE(r.value);
    auto result = st::classify_surface({{"tn", r.value}}, WaterBody::lake);
    EXPECT_FALSE(result.cls.has_value());
    ASSERT_TRUE(result.tn_class.has_value());
    EXPECT_EQ(*result.tn_class, r.cls);
  }
}

TEST(SurfaceWater, TotalPhosphorusPointZeroFiveIsClassTwoInARiverAndThreeInALake) {
  EXPECT_EQ(st::classify_surface({{"tp", "0.05"}}, WaterBody::river).cls, II);
  EXPECT_EQ(st::classify_surface({{"tp", "0.05"}}, WaterBody::lake).cls, III);
}

TEST(SurfaceWater, WorstItemDecidesAndEveryTiedItemIsListed) {
  auto r =
      st::classify_surface({{"do", "8"}, {"codmn", "5"}, {"nh3n", "0.8"}, {"tp", "0.05"}}, WaterBody::river);
  EXPECT_EQ(r.cls, III);
  EXPECT_EQ(r.deciding, (Keys{"codmn", "nh3n"}));
  EXPECT_EQ(r.items.size(), 4u);
}

TEST(SurfaceWater, AllCleanIsClassOneAndEveryItemDecides) {
  auto r = st::classify_surface({{"ph", "7.2"}, {"do", "8"}, {"codmn", "1.5"}}, WaterBody::river);
  EXPECT_EQ(r.cls, I);
  EXPECT_EQ(r.deciding, (Keys{"ph", "do", "codmn"}));
}

TEST(SurfaceWater, PhOutsideSixToNineIsWorseThanV) {
  auto r = st::classify_surface({{"ph", "9.2"}, {"do", "8"}, {"nh3n", "1.9"}}, WaterBody::river);
  EXPECT_EQ(r.cls, WorseV);
  EXPECT_EQ(r.deciding, Keys{"ph"});
  EXPECT_STREQ(st::surface_class_name(*r.cls), "劣V");
}

TEST(SurfaceWater, LakeNitrogenIsShownBesideTheClassNotInIt) {
  auto r = st::classify_surface({{"tp", "0.02"}, {"tn", "1.8"}}, WaterBody::lake);
  EXPECT_EQ(r.cls, II);
  EXPECT_EQ(r.deciding, Keys{"tp"});
  EXPECT_EQ(r.tn_class, V);
  EXPECT_EQ(r.cls_with_tn, V);  // strictly by GB 3838 alone, for reporting both
}

TEST(SurfaceWater, RiverIgnoresTotalNitrogen) {
  auto r = st::classify_surface({{"tp", "0.02"}, {"tn", "5"}}, WaterBody::river);
  EXPECT_EQ(r.cls, I);
  EXPECT_FALSE(r.tn_class.has_value());
  EXPECT_EQ(r.ignored, Keys{"tn"});
}

TEST(SurfaceWater, DoublesAreClassedByTheirShortestText) {
  // 0.025 and 0.1 are not exact in binary; the limits must still be met exactly.
  EXPECT_EQ(st::classify_surface_numbers({{"tp", 0.025}}, WaterBody::lake).cls, II);
  EXPECT_EQ(st::classify_surface_numbers({{"tp", 0.1}}, WaterBody::river).cls, II);
  EXPECT_EQ(st::classify_surface_numbers({{"nh3n", 0.1 + 0.05}}, WaterBody::river).cls,
            II);  // 0.15000000000000002
}

TEST(SurfaceWater, InvalidAndUnknownValuesAreNotEvaluated) {
  auto r = st::classify_surface({{"do", "x"}, {"chla", "3"}, {"codmn", "3"}}, WaterBody::river);
  EXPECT_EQ(r.cls, II);
  EXPECT_EQ(r.invalid, Keys{"do"});
  EXPECT_EQ(r.ignored, Keys{"chla"});
}

TEST(SurfaceWater, NothingGivenHasNoClass) {
  EXPECT_FALSE(st::classify_surface({}, WaterBody::river).cls.has_value());
}

TEST(SurfaceWater, ClassNamesRoundTrip) {
  for (int i = 1; i <= 6; ++i) {
    auto c = static_cast<SurfaceClass>(i);
    EXPECT_EQ(st::parse_surface_class(st::surface_class_name(c)), c);
  }
}

TEST(SurfaceWater, GoodShareCountsClassesOneToThree) {
  std::vector<SurfaceClass> sections = {I, II, III, IV, WorseV};
  auto share = st::surface_good_share(sections);
  EXPECT_EQ(share.good, 3);
  EXPECT_EQ(share.total, 5);
  EXPECT_DOUBLE_EQ(*share.percent, 60.0);
  EXPECT_EQ(st::count_worse_than_v(sections), 1);
}

TEST(SeaWaterClasses, EveryBoundaryOfEveryItem) {
  for (const auto& r : kSea) {
    SCOPED_TRACE(std::string(r.key) + "=" + r.value);
    auto result = st::classify_sea({{r.key, r.value}});
    ASSERT_TRUE(result.cls.has_value());
    EXPECT_EQ(*result.cls, r.cls);
  }
}

TEST(SeaWater, DoExactlySixIsClassTwo) {
  EXPECT_EQ(st::classify_sea({{"do", "6.0"}}).cls, S2);
}

TEST(SeaWater, PhosphateNeverGivesClassThree) {
  for (int thousandths = 0; thousandths <= 100; ++thousandths) {
    st::Decimal v = st::Decimal::of(thousandths, 3);
    EXPECT_NE(st::sea_item_class("phosphate", v), S3) << st::to_string(v);
  }
}

TEST(SeaWater, WorstItemDecidesAndTiesAreListed) {
  auto r = st::classify_sea(
      {{"do", "5.5"}, {"cod", "2.5"}, {"din", "0.35"}, {"phosphate", "0.02"}, {"oil", "0.02"}});
  EXPECT_EQ(r.cls, S3);
  EXPECT_EQ(r.deciding, Keys{"din"});
  auto tie = st::classify_sea({{"do", "5.5"}, {"cod", "2.5"}, {"phosphate", "0.02"}});
  EXPECT_EQ(tie.cls, S2);
  EXPECT_EQ(tie.deciding, (Keys{"do", "cod", "phosphate"}));
}

TEST(SeaWater, WorseThanFourIsNamedLieFour) {
  auto r = st::classify_sea({{"din", "0.9"}});
  EXPECT_STREQ(st::sea_class_name(*r.cls), "劣4");
  for (int i = 1; i <= 5; ++i)
    EXPECT_EQ(st::parse_sea_class(st::sea_class_name(static_cast<SeaClass>(i))), static_cast<SeaClass>(i));
}

TEST(SeaWater, GoodShareIsClassOnePlusTwoOverStations) {
  std::vector<SeaClass> stations = {S1, S2, S2, S3, Worse4, S1, S4, S2};
  auto share = st::sea_good_share(stations);
  EXPECT_EQ(share.good, 5);
  EXPECT_EQ(share.total, 8);
  EXPECT_DOUBLE_EQ(*share.percent, 62.5);
  EXPECT_FALSE(st::sea_good_share({}).percent.has_value());
}
