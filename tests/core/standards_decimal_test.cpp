// Exact decimals: what the AQI and water classes are computed with (standards.md §1.3).
#include <gtest/gtest.h>

#include <limits>

#include "kiosk/core/standards/decimal.hpp"

namespace st = kiosk::standards;
using st::Decimal;

namespace {

std::string text(std::string_view s) {
  auto d = st::parse_decimal(s);
  return d ? st::to_string(*d) : "invalid";
}

st::DecimalError error_of(std::string_view s) {
  st::DecimalError why = st::DecimalError::none;
  EXPECT_FALSE(st::parse_decimal(s, &why).has_value()) << s;
  return why;
}

std::string rounded(std::string_view s, int places) {
  return st::to_string(st::round_half_even(*st::parse_decimal(s), places));
}
std::string truncated(std::string_view s, int places) {
  return st::to_string(st::truncate(*st::parse_decimal(s), places));
}

}  // namespace

TEST(StandardsDecimal, ReadsPlainDecimalText) {
  EXPECT_EQ(text("35"), "35");
  EXPECT_EQ(text("35.50"), "35.5");
  EXPECT_EQ(text("+0.025"), "0.025");
  EXPECT_EQ(text(".5"), "0.5");
  EXPECT_EQ(text("7."), "7");
  EXPECT_EQ(text("0000.100"), "0.1");
  EXPECT_EQ(text("1e-3"), "0.001");
  EXPECT_EQ(text("2.5E2"), "250");
  EXPECT_EQ(text("-0"), "0");
  EXPECT_EQ(*st::parse_decimal("2.45"), Decimal::of(245, 2));
}

TEST(StandardsDecimal, RejectsWhatIsNotANonNegativeNumber) {
  EXPECT_EQ(error_of(""), st::DecimalError::empty);
  EXPECT_EQ(error_of("abc"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("1.2.3"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of(" 5"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("5 "), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("nan"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("inf"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("0x10"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("1e"), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("."), st::DecimalError::not_a_number);
  EXPECT_EQ(error_of("-5"), st::DecimalError::negative);
  EXPECT_EQ(error_of("-0.001"), st::DecimalError::negative);
  EXPECT_EQ(error_of("100000000"), st::DecimalError::too_large);
  EXPECT_EQ(error_of("1e300"), st::DecimalError::too_large);
  EXPECT_EQ(text("99999999.5"), "99999999.5");
}

TEST(StandardsDecimal, DigitsBeyondNinePlacesKeepRoundingExact) {
  // 2.25000000000001 is above the half: it rounds up, although only a sticky digit is kept.
  EXPECT_EQ(rounded("2.25000000000001", 1), "2.3");
  EXPECT_EQ(rounded("2.25000000000000", 1), "2.2");
  EXPECT_EQ(truncated("9.0999999999999996", 1), "9");
  EXPECT_LT(*st::parse_decimal("0.3"), *st::parse_decimal("0.30000000000000004"));
  EXPECT_GT(*st::parse_decimal("1e-20"), Decimal{});
}

TEST(StandardsDecimal, GbT8170RoundsHalvesToEven) {
  EXPECT_EQ(rounded("35.5", 0), "36");
  EXPECT_EQ(rounded("36.5", 0), "36");
  EXPECT_EQ(rounded("2.45", 1), "2.4");
  EXPECT_EQ(rounded("2.35", 1), "2.4");
  EXPECT_EQ(rounded("2.25", 1), "2.2");
  EXPECT_EQ(rounded("2.251", 1), "2.3");
  EXPECT_EQ(rounded("2.349", 1), "2.3");
  EXPECT_EQ(rounded("0.5", 0), "0");
  EXPECT_EQ(rounded("1.5", 0), "2");
  EXPECT_EQ(rounded("799.5", 0), "800");
  EXPECT_EQ(rounded("12", 1), "12");
}

TEST(StandardsDecimal, TruncationDropsDigits) {
  EXPECT_EQ(truncated("9.09", 1), "9");
  EXPECT_EQ(truncated("0.0549", 3), "0.054");
  EXPECT_EQ(truncated("54.99", 0), "54");
  EXPECT_EQ(truncated("35.4", 1), "35.4");
}

TEST(StandardsDecimal, DoubleUsesItsShortestRoundTripText) {
  EXPECT_EQ(st::to_string(*st::decimal_from_double(2.45)), "2.45");
  EXPECT_EQ(st::to_string(*st::decimal_from_double(2.2)), "2.2");
  // 0.1 + 0.2 prints as 0.30000000000000004: above 0.3, below 0.3000000001.
  EXPECT_GT(*st::decimal_from_double(0.1 + 0.2), *st::parse_decimal("0.3"));
  EXPECT_LT(*st::decimal_from_double(0.1 + 0.2), *st::parse_decimal("0.300000001"));
  EXPECT_EQ(st::to_string(*st::decimal_from_double(1e-5)), "0.00001");
  EXPECT_EQ(st::to_string(*st::decimal_from_double(-0.0)), "0");
  st::DecimalError why{};
  EXPECT_FALSE(st::decimal_from_double(-1, &why));
  EXPECT_EQ(why, st::DecimalError::negative);
  EXPECT_FALSE(st::decimal_from_double(std::numeric_limits<double>::quiet_NaN(), &why));
  EXPECT_EQ(why, st::DecimalError::not_a_number);
  EXPECT_FALSE(st::decimal_from_double(std::numeric_limits<double>::infinity()));
}

TEST(StandardsDecimal, InterpolationIsExactBeforeTheCeiling) {
  st::Segment co24{Decimal::of(2), Decimal::of(4), 50, 100};
  EXPECT_EQ(st::interpolate_ceil(co24, Decimal::of(22, 1)), 55);
  EXPECT_EQ(st::interpolate_ceil(co24, Decimal::of(221, 2)), 56);
  st::Segment o3{Decimal::of(106, 3), Decimal::of(200, 3), 201, 300};
  EXPECT_EQ(st::interpolate_round_half_up(o3, Decimal::of(153, 3)), 251);  // 250.5
  EXPECT_EQ(st::interpolate_round_half_up(o3, Decimal::of(152, 3)), 249);  // 249.45
}
