// `kiosk aqi` and `kiosk water`, run as a user runs them: stdout, stderr and the exit code.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the built kiosk with `args`, stdout and stderr captured in files (no pipes to deadlock on).
CliRun kiosk(std::vector<std::string> args) {
  static int counter = 0;
  fs::path base = fs::temp_directory_path() /
                  ("kiosk-standards-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
  fs::path out_path = base.string() + ".out", err_path = base.string() + ".err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  args.insert(args.begin(), KIOSK_BINARY);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  CliRun run;
  pid_t pid = 0;
  if (posix_spawn(&pid, KIOSK_BINARY, &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  posix_spawn_file_actions_destroy(&actions);
  run.out = slurp(out_path);
  run.err = slurp(err_path);
  std::error_code ec;
  fs::remove(out_path, ec);
  fs::remove(err_path, ec);
  return run;
}

nlohmann::json json_of(const CliRun& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return nlohmann::json::parse(r.out, nullptr, false);
}

// A bad-input run: exit 1, nothing on stdout, exactly one line on stderr that names `key`.
void expect_rejected(const CliRun& r, const std::string& key) {
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("'" + key + "'"), std::string::npos) << r.err;
}

}  // namespace

TEST(StandardsCli, AqiPrintsExactlyTheSpecifiedJson) {
  CliRun r = kiosk({"aqi", "--standard", "cn", "co_24h=2.2"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "{\"standard\":\"cn\",\"aqi\":55,\"level\":2,\"category_zh\":\"良\",\"category_en\":\"Good\","
            "\"color\":\"#FFFF00\",\"primary\":[\"co_24h\"],\"iaqi\":{\"co_24h\":55}}\n");
  EXPECT_EQ(r.err, "");
}

TEST(StandardsCli, AqiDefaultsToHj633_2026) {
  auto j = json_of(kiosk({"aqi", "pm25_24h=60"}));
  EXPECT_EQ(j["standard"], "cn");
  EXPECT_EQ(j["aqi"], 100);
  auto old = json_of(kiosk({"aqi", "--standard", "cn-2012", "pm25_24h=60"}));
  EXPECT_EQ(old["standard"], "cn-2012");
  EXPECT_EQ(old["aqi"], 82);
}

TEST(StandardsCli, AqiCoHourlyOfficialExamples) {
  auto j = json_of(kiosk({"aqi", "co_1h=65.4", "pm25_1h=36", "pm10_1h=52"}));
  EXPECT_EQ(j["aqi"], 218);
  EXPECT_EQ(j["level"], 5);
  EXPECT_EQ(j["category_zh"], "重度污染");
  EXPECT_EQ(j["color"], "#99004C");
  EXPECT_EQ(j["primary"], nlohmann::json::array({"co_1h"}));
  EXPECT_EQ(j["iaqi"]["pm25_1h"], 52);
  EXPECT_EQ(j["iaqi"]["pm10_1h"], 52);
  EXPECT_EQ(json_of(kiosk({"aqi", "co_1h=66.9"}))["aqi"], 223);
}

TEST(StandardsCli, AqiTiesAreAllPrimaryAndNoneAtFifty) {
  auto tie = json_of(kiosk({"aqi", "pm25_1h=36", "pm10_1h=52"}));
  EXPECT_EQ(tie["primary"], nlohmann::json::array({"pm25_1h", "pm10_1h"}));
  auto clean = json_of(kiosk({"aqi", "pm25_1h=35"}));
  EXPECT_EQ(clean["aqi"], 50);
  EXPECT_EQ(clean["primary"], nlohmann::json::array());
}

TEST(StandardsCli, Aqi2012So2HourAbove800ShowsOnlyTheDailyIndex) {
  auto j = json_of(kiosk({"aqi", "--standard", "cn-2012", "so2_1h=900", "so2_24h=300"}));
  EXPECT_EQ(j["aqi"], 124);
  EXPECT_FALSE(j["iaqi"].contains("so2_1h"));
  EXPECT_EQ(j["iaqi"]["so2_24h"], 124);
  auto j2026 = json_of(kiosk({"aqi", "--standard", "cn", "so2_1h=900"}));
  EXPECT_EQ(j2026["iaqi"]["so2_1h"], 200);
}

TEST(StandardsCli, AqiUsColoursAndTruncation) {
  auto j = json_of(kiosk({"aqi", "--standard", "us", "pm25_24h=125.5"}));
  EXPECT_EQ(j["standard"], "us");
  EXPECT_EQ(j["aqi"], 201);
  EXPECT_EQ(j["category_en"], "Very Unhealthy");
  EXPECT_EQ(j["color"], "#8F3F97");
  EXPECT_EQ(json_of(kiosk({"aqi", "--standard", "us", "pm25_24h=9.09"}))["aqi"], 50);
}

TEST(StandardsCli, AqiUsOneHourOzoneBelowPoint125IsAbsent) {
  auto j = json_of(kiosk({"aqi", "--standard", "us", "o3_1h=0.1", "o3_8h=0.05"}));
  EXPECT_FALSE(j["iaqi"].contains("o3_1h"));
  EXPECT_EQ(j["iaqi"]["o3_8h"], 46);
  auto alone = json_of(kiosk({"aqi", "--standard", "us", "o3_1h=0.1"}));
  EXPECT_TRUE(alone["aqi"].is_null());
  EXPECT_TRUE(alone["level"].is_null());
  EXPECT_EQ(alone["iaqi"], nlohmann::json::object());
}

TEST(StandardsCli, AqiUnknownKeyIsRejected) {
  expect_rejected(kiosk({"aqi", "pm2.5=30"}), "pm2.5");
}
TEST(StandardsCli, AqiUsKeyIsUnknownForChina) {
  expect_rejected(kiosk({"aqi", "co_8h=3"}), "co_8h");
}
TEST(StandardsCli, AqiMissingValueIsRejected) {
  expect_rejected(kiosk({"aqi", "pm25_1h"}), "pm25_1h");
  expect_rejected(kiosk({"aqi", "pm25_1h="}), "pm25_1h");
}
TEST(StandardsCli, AqiNegativeValueIsRejected) {
  CliRun r = kiosk({"aqi", "pm25_1h=-5"});
  expect_rejected(r, "pm25_1h");
  EXPECT_NE(r.err.find("negative"), std::string::npos);
}
TEST(StandardsCli, AqiNonNumericValueIsRejected) {
  expect_rejected(kiosk({"aqi", "no2_1h=12abc"}), "no2_1h");
  expect_rejected(kiosk({"aqi", "--standard", "us", "o3_8h=nan"}), "o3_8h");
}
TEST(StandardsCli, AqiUnknownStandardIsRejected) {
  CliRun r = kiosk({"aqi", "--standard", "eu", "pm25_1h=5"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("eu"), std::string::npos);
}
TEST(StandardsCli, AqiWithoutValuesIsRejected) {
  CliRun r = kiosk({"aqi"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
}

TEST(StandardsCli, WaterSurfaceRiverListsEveryDecidingItem) {
  CliRun r = kiosk({"water", "--standard", "surface", "ph=7.2", "do=5.5", "codmn=5", "nh3n=0.8", "tp=0.15"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "{\"standard\":\"surface\",\"class\":\"III\",\"deciding\":[\"do\",\"codmn\",\"nh3n\",\"tp\"]}\n");
}

TEST(StandardsCli, WaterSurfaceWorseThanV) {
  auto j = json_of(kiosk({"water", "--standard", "surface", "--body", "river", "nh3n=2.5", "ph=7"}));
  EXPECT_EQ(j["class"], "劣V");
  EXPECT_EQ(j["deciding"], nlohmann::json::array({"nh3n"}));
  EXPECT_FALSE(j.contains("tn_class"));
}

TEST(StandardsCli, WaterLakeShowsTotalNitrogenBesideTheClass) {
  CliRun r = kiosk({"water", "--standard", "surface", "--body", "lake", "tp=0.02", "tn=1.8"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "{\"standard\":\"surface\",\"class\":\"II\",\"deciding\":[\"tp\"],\"tn_class\":\"V\"}\n");
  auto river = json_of(kiosk({"water", "--standard", "surface", "tp=0.02", "tn=1.8"}));
  EXPECT_EQ(river["class"], "I");
  EXPECT_FALSE(river.contains("tn_class"));
}

TEST(StandardsCli, WaterSea) {
  CliRun r = kiosk(
      {"water", "--standard", "sea", "do=6", "cod=2", "din=0.35", "phosphate=0.031", "ph=8.1", "oil=0.02"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "{\"standard\":\"sea\",\"class\":\"4\",\"deciding\":[\"phosphate\"]}\n");
  auto worse = json_of(kiosk({"water", "--standard", "sea", "din=0.6", "oil=0.6"}));
  EXPECT_EQ(worse["class"], "劣4");
  EXPECT_EQ(worse["deciding"], nlohmann::json::array({"din", "oil"}));
}

TEST(StandardsCli, WaterBadInputIsRejected) {
  expect_rejected(kiosk({"water", "--standard", "surface", "chla=3"}), "chla");
  expect_rejected(kiosk({"water", "--standard", "sea", "tp=0.1"}), "tp");
  expect_rejected(kiosk({"water", "--standard", "surface", "do="}), "do");
  expect_rejected(kiosk({"water", "--standard", "surface", "do=-1"}), "do");
  expect_rejected(kiosk({"water", "--standard", "sea", "ph=seven"}), "ph");
}

TEST(StandardsCli, WaterBodyIsOnlyForSurfaceWater) {
  CliRun r = kiosk({"water", "--standard", "sea", "--body", "lake", "do=6"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("--body"), std::string::npos);
}
