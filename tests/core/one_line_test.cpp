// Quoting outside text in an error line keeps the line one readable line.
#include <gtest/gtest.h>

#include "kiosk/core/diagnostics.hpp"
#include "kiosk/core/one_line.hpp"

namespace kiosk {
namespace {

TEST(OneLine, PlainTextInBothLanguagesIsUnchanged) {
  EXPECT_EQ(one_line("PM2.5 超标 (Harbour)"), "PM2.5 超标 (Harbour)");
}

TEST(OneLine, LineBreaksAndTabsBecomeVisibleEscapes) {
  EXPECT_EQ(one_line("saw 'tru\n'\r\tx"), "saw 'tru\\n'\\r\\tx");
}

TEST(OneLine, OtherControlCharactersAreEscaped) {
  EXPECT_EQ(one_line(std::string("a\0b\x1b[2Jc\x7f", 9)), "a\\x00b\\x1b[2Jc\\x7f");
  EXPECT_EQ(one_line("x\u2028y\u0085z"), "x\\u2028y\\x85z");
}

TEST(OneLine, MalformedUtf8BecomesTheReplacementCharacter) {
  EXPECT_EQ(one_line("a\xff"
                     "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(one_line("\xed\xa0\x80"), "\uFFFD");  // a UTF-16 surrogate: decodes, but is not UTF-8
  EXPECT_EQ(one_line("cut \xe4\xb8"), "cut \uFFFD\uFFFD");
}

TEST(OneLine, LongTextIsCutWithAnEllipsis) {
  EXPECT_EQ(one_line("水水水水水", 3), "水水水…");
  EXPECT_EQ(one_line("abc", 3), "abc");
}

TEST(Diagnostics, EveryMessageIsStoredAsOneLine) {
  Diagnostics d;
  d.error("targets.toml", 230, 20, "Error while parsing boolean: expected 'true', saw 'tru\n'");
  d.add({"waste.toml", 1, 1, Severity::warning, "two\nlines"});
  EXPECT_EQ(d.items()[0].format(),
            "targets.toml:230:20: error: Error while parsing boolean: expected 'true', saw 'tru\\n'");
  EXPECT_EQ(d.items()[1].message, "two\\nlines");
}

}  // namespace
}  // namespace kiosk
