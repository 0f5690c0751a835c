// URLs as the fetcher builds, resolves and decodes them (libcurl's URL API underneath).
#include <gtest/gtest.h>

#include <fstream>

#include "kiosk/data/source_fetch.hpp"
#include "kiosk/data/url.hpp"
#include "support/temp_dir.hpp"
#include "test_support.hpp"

namespace kiosk {
namespace {
namespace fs = std::filesystem;

TEST(UrlEscape, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(data::url_escape("PM2.5_~-"), "PM2.5_~-");
  EXPECT_EQ(data::url_escape("a b&c=d/e"), "a%20b%26c%3Dd%2Fe");
  EXPECT_EQ(data::url_escape("$limit"), "%24limit");
  EXPECT_EQ(data::url_escape("烟台"), "%E7%83%9F%E5%8F%B0");
  EXPECT_EQ(data::url_escape(""), "");
}

TEST(UrlParams, AreAppendedBeforeTheFragment) {
  EXPECT_EQ(data::url_with_params("https://a.example/x", {{"limit", "10"}, {"q", "a b"}}),
            "https://a.example/x?limit=10&q=a%20b");
  EXPECT_EQ(data::url_with_params("https://a.example/x?f=json#top", {{"page", "2"}}),
            "https://a.example/x?f=json&page=2#top");
}

// Session redacts a query secret in its escaped form, so the URL must carry exactly that form.
TEST(UrlParams, KeepTheEscapedFormOfASecret) {
  const std::string secret = "ab/cd+ef==";
  const std::string url = data::url_with_params("https://a.example/x", {{"token", secret}});
  EXPECT_NE(url.find(data::url_escape(secret)), std::string::npos) << url;
}

TEST(UrlResolve, RelativeLinksFollowTheBase) {
  const std::string base = "https://bikes.example.com/gbfs/en/gbfs.json?key=1";
  EXPECT_EQ(data::resolve_url(base, "station_status.json"),
            "https://bikes.example.com/gbfs/en/station_status.json");
  EXPECT_EQ(data::resolve_url(base, "../fr/x.json?p=2"), "https://bikes.example.com/gbfs/fr/x.json?p=2");
  EXPECT_EQ(data::resolve_url(base, "/root.json"), "https://bikes.example.com/root.json");
  EXPECT_EQ(data::resolve_url(base, "https://other.example/y"), "https://other.example/y");
  EXPECT_EQ(data::resolve_url("file:///srv/content/gbfs/gbfs.json", "./feeds/../info.json"),
            "file:///srv/content/gbfs/info.json");
}

TEST(FileUrl, RoundTripsPathsWithSpacesAndChinese) {
  const fs::path path = "/srv/content/站点 数据/a#b.json";
  const std::string url = data::file_url(path);
  EXPECT_EQ(url.rfind("file:///srv/content/", 0), 0u) << url;
  EXPECT_EQ(url.find(' '), std::string::npos) << url;
  EXPECT_EQ(data::file_url_path(url), path);
}

TEST(FileUrl, AMalformedEscapeStaysAsWritten) {
  EXPECT_EQ(data::file_url_path("file:///srv/content/feed%zz.json"), fs::path("/srv/content/feed%zz.json"));
  EXPECT_EQ(data::file_url_path("file:///srv/content/feed%2"), fs::path("/srv/content/feed%2"));
  EXPECT_FALSE(data::file_url_path("https://a.example/x"));
}

// A GBFS discovery file in the content folder whose feed link holds "%zz": the link is read as the file
// of that name, where the hand-written decoder used to throw out of std::stoi.
TEST(FileUrl, ALinkWithPercentZzIsReadNotThrown) {
  test::TempDir content;
  std::ofstream(content / "gbfs.json") << R"({"last_updated": 1640887163, "ttl": 0, "version": "2.3",
    "data": {"en": {"feeds": [{"name": "station_information", "url": "info%zz.json"},
                              {"name": "station_status", "url": "status.json"}]}}})";
  std::ofstream(content / "info%zz.json") << test::fixture("gbfs/v2.3_station_information_virtual.json");
  std::ofstream(content / "status.json") << test::fixture("gbfs/v2.3_station_status.json");
  data::CurlTransport curl;
  data::FetchSettings settings;
  settings.content_dir = content.path();
  data::SourceResult r = data::fetch_source(test::source("bikes", "gbfs", "gbfs.json"), curl, settings, {},
                                            test::at("2021-12-30T18:00:00Z"));
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.error.find("unexpected error"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace kiosk
