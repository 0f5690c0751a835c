// Searches that find nothing are counted per term, so editors can add what residents look for.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kiosk/core/log.hpp"
#include "kiosk/core/search/missed_searches.hpp"
#include "support/run_command.hpp"

namespace kiosk::search {
namespace {

TEST(MissedSearches, NothingFoundCountsOnceItHasBeenOnScreenAWhile) {
  MissedSearches m;
  m.shown("pizza box", 0);
  m.tick(1);
  EXPECT_TRUE(m.counts().empty());
  m.tick(3.5);
  EXPECT_EQ(m.counts().at("pizza box"), 1);
  m.shown("pizza box", 5);  // the same screen drawn again
  m.tick(60);
  EXPECT_EQ(m.counts().at("pizza box"), 1);
}

TEST(MissedSearches, TypingOnDoesNotCountTheHalfTypedWord) {
  MissedSearches m;
  m.shown("pizz", 0);
  m.changed(false);
  m.shown("pizza", 1);
  m.tick(10);
  EXPECT_EQ(m.counts().count("pizz"), 0u);
  EXPECT_EQ(m.counts().at("pizza"), 1);
}

TEST(MissedSearches, GivingUpCountsAtOnce) {
  MissedSearches m;
  m.shown("surfboard", 0);
  m.changed(true);  // cleared, or the resident left the screen
  EXPECT_EQ(m.counts().at("surfboard"), 1);
  m.shown("surfboard", 1);
  m.commit();  // Enter
  EXPECT_EQ(m.counts().at("surfboard"), 2);
  m.commit();  // still the same search: once
  EXPECT_EQ(m.counts().at("surfboard"), 2);
}

TEST(MissedSearches, OverlongInputIsNotATerm) {
  MissedSearches m;
  m.shown(std::string(60, 'a'), 0);
  m.commit();
  EXPECT_TRUE(m.counts().empty());
}

TEST(MissedSearches, TheFileHoldsOnlyTermsAndCountsMostSearchedFirst) {
  test::TempDir dir;
  const std::string file = dir / "state/missed-searches.tsv";
  {
    MissedSearches m;
    m.keep_in(file);
    for (const char* t : {"surfboard", "pizza box", "pizza box"}) {
      m.shown(t, 0);
      m.changed(true);
    }
    m.tick(0);
    m.wait_idle();
    ASSERT_TRUE(std::filesystem::exists(file));
    const std::string text = test::slurp(file);
    EXPECT_NE(text.find("2\tpizza box\n1\tsurfboard\n"), std::string::npos) << text;
    int bad = 0;
    EXPECT_EQ(MissedSearches::parse(text, bad).size(), 2u);
    EXPECT_EQ(bad, 0);
  }
  // A restart goes on counting from the file.
  MissedSearches again;
  again.keep_in(file);
  EXPECT_EQ(again.counts().at("pizza box"), 2);
  again.shown("pizza box", 0);
  again.commit();
  again.flush();
  EXPECT_NE(test::slurp(file).find("3\tpizza box\n"), std::string::npos);
}

TEST(MissedSearches, WhatResidentsTypedIsReadableByTheKioskOnly) {
  test::TempDir dir;
  const std::string file = dir / "missed-searches.tsv";
  MissedSearches m;
  m.keep_in(file);
  m.shown("my neighbour's name", 0);
  m.commit();
  m.flush();
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST(MissedSearches, TheFileIsWrittenAtMostEveryFewMinutes) {
  test::TempDir dir;
  const std::string file = dir / "missed.tsv";
  MissedSearches m({.save_every_seconds = 300});
  m.keep_in(file);
  m.shown("kite", 0);
  m.commit();
  m.tick(0);
  m.wait_idle();
  EXPECT_NE(test::slurp(file).find("1\tkite\n"), std::string::npos);
  m.shown("surfboard", 10);
  m.commit();
  m.tick(10);
  m.wait_idle();
  EXPECT_EQ(test::slurp(file).find("surfboard"), std::string::npos);  // not yet
  m.tick(301);
  m.wait_idle();
  EXPECT_NE(test::slurp(file).find("1\tsurfboard\n"), std::string::npos);
}

TEST(MissedSearches, ABrokenLineIsSkippedAndNamed) {
  int bad = 0;
  auto counts = MissedSearches::parse("# header\n3\tkite\nnot a count\n2\tPizza  Box\n", bad);
  EXPECT_EQ(bad, 3);
  EXPECT_EQ(counts.at("kite"), 3);
  EXPECT_EQ(counts.at("pizza box"), 2);  // read back in the normal form
}

}  // namespace
}  // namespace kiosk::search
