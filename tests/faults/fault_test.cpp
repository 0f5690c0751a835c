// A full disk, a read-only disk and a failing fsync while the kiosk writes its cache, its history and the
// last good content copy (fault_driver under fault_shim.so, which fails the chosen calls): the screens
// keep the newest good readings, a restart shows the last data that reached the disk, the log says so in
// one line however long the fault lasts, and writing resumes by itself once the fault clears.
//
// Skipped under the sanitizers (their runtimes must be the first library loaded, and an LD_PRELOAD shim
// would come before them) and under qemu-user (LD_PRELOAD would reach the emulator, not the kiosk).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.hpp"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using test::slurp;
using test::TempDir;

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

struct DriverRun {
  int exit_code = -1;
  std::vector<std::string> steps;  // its standard output, one line a step
  std::string log;                 // its standard error
  std::size_t faults_met = 0;      // calls the shim failed
};

class Faults : public ::testing::Test {
 protected:
  void SetUp() override {
    if (kSanitized) GTEST_SKIP() << "an LD_PRELOAD shim cannot come before a sanitizer's runtime";
    if (std::getenv("KIOSK_EMULATED")) GTEST_SKIP() << "under qemu-user LD_PRELOAD reaches the emulator";
    fs::copy(KIOSK_CONTENT_DIR, content_, fs::copy_options::recursive);
    fs::create_directories(state_);
  }

  // Runs the driver with the steps; `initial_rule` is in force from its first call.
  DriverRun drive(const std::vector<std::string>& steps, const std::string& initial_rule = "") {
    std::ofstream(control_, std::ios::trunc) << initial_rule;
    fs::remove(control_ + ".hits");
    std::vector<std::string> args{KIOSK_FAULT_DRIVER, state_, content_, control_};
    args.insert(args.end(), steps.begin(), steps.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env{std::string("LD_PRELOAD=") + KIOSK_FAULT_SHIM, "KIOSK_FAULTS=" + control_};
    for (char** e = environ; *e; ++e)
      if (std::string(*e).rfind("LD_PRELOAD=", 0) != 0) env.push_back(*e);
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);

    const std::string out = dir_ / "driver.out", err = dir_ / "driver.err";
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
    DriverRun run;
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_fd);
    ::close(err_fd);
    std::istringstream lines(slurp(out));
    for (std::string line; std::getline(lines, line);) run.steps.push_back(line);
    run.log = slurp(err);
    run.faults_met = slurp(control_ + ".hits").size();
    return run;
  }

  static int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }

  TempDir dir_;
  const std::string state_ = dir_ / "state", content_ = dir_ / "content", control_ = dir_ / "faults.txt";
};

TEST_F(Faults, FullCacheDiskKeepsTheNewestReadingsOnScreenLogsOnceAndResumes) {
  DriverRun run = drive({"fetch", "fault", "ENOSPC", "write", "/state/cache/", "fetch", "fetch", "fetch",
                         "restart", "clear", "fetch", "restart"});
  ASSERT_EQ(run.exit_code, 0) << run.log;
  ASSERT_EQ(run.steps.size(), 7u) << run.log;
  EXPECT_GT(run.faults_met, 0u) << "the shim never failed a write";
  EXPECT_EQ(run.steps[0], "fetch 1 shown 1 history 120");
  // In memory the new readings and their history are shown even though none reached the disk.
  EXPECT_EQ(run.steps[1], "fetch 2 shown 2 history 240");
  EXPECT_EQ(run.steps[3], "fetch 4 shown 4 history 480");
  // A restart during the fault shows what the disk holds: the last committed generation, whole.
  EXPECT_EQ(run.steps[4], "restart shown 1 history 120");
  // The fault cleared: the next fetch is saved and survives a restart.
  EXPECT_EQ(run.steps[5], "fetch 5 shown 5 history 240");
  EXPECT_EQ(run.steps[6], "restart shown 5 history 240");
  EXPECT_EQ(count(run.log, "cache: cannot save"), 1) << run.log;
  EXPECT_NE(run.log.find("database or disk is full"), std::string::npos) << run.log;
  EXPECT_EQ(count(run.log, "works again"), 1) << run.log;
}

// Hours fetched while the disk was full are written by the first save that works after it: a restart
// after the fault shows the whole history, not a gap where the fault was.
TEST_F(Faults, HistoryFetchedDuringAFullDiskIsSavedOnceTheDiskIsBack) {
  DriverRun run = drive(
      {"fetch", "fault", "ENOSPC", "write", "/state/cache/", "fetch", "fetch", "clear", "fetch", "restart"});
  ASSERT_EQ(run.exit_code, 0) << run.log;
  ASSERT_EQ(run.steps.size(), 5u) << run.log;
  EXPECT_GT(run.faults_met, 0u) << "the shim never failed a write";
  EXPECT_EQ(run.steps[2], "fetch 3 shown 3 history 360");
  EXPECT_EQ(run.steps[3], "fetch 4 shown 4 history 480");
  EXPECT_EQ(run.steps[4], "restart shown 4 history 480");
}

TEST_F(Faults, ReadOnlyCacheDiskKeepsTheNewestReadingsOnScreenLogsOnceAndResumes) {
  DriverRun run = drive({"fetch", "fault", "EROFS", "write,open,rename", "/state/cache/", "fetch", "fetch",
                         "fetch", "restart", "clear", "fetch", "restart"});
  ASSERT_EQ(run.exit_code, 0) << run.log;
  ASSERT_EQ(run.steps.size(), 7u) << run.log;
  EXPECT_GT(run.faults_met, 0u);
  EXPECT_EQ(run.steps[3], "fetch 4 shown 4 history 480");
  EXPECT_EQ(run.steps[4], "restart shown 1 history 120");
  // What the read-only disk kept from being written is gone after a restart; the rest is whole.
  EXPECT_EQ(run.steps[6], "restart shown 5 history 240");
  EXPECT_EQ(count(run.log, "cache: cannot save"), 1) << run.log;
  EXPECT_EQ(count(run.log, "works again"), 1) << run.log;
}

TEST_F(Faults, FailingCacheFsyncNeverCountsAsSavedAndResumes) {
  DriverRun run = drive(
      {"fetch", "fault", "EIO", "fsync", "/state/cache/", "fetch", "fetch", "clear", "fetch", "restart"});
  ASSERT_EQ(run.exit_code, 0) << run.log;
  ASSERT_EQ(run.steps.size(), 5u) << run.log;
  EXPECT_GT(run.faults_met, 0u);
  EXPECT_EQ(run.steps[2], "fetch 3 shown 3 history 360");
  EXPECT_EQ(run.steps[4].substr(0, 15), "restart shown 4");
  EXPECT_EQ(count(run.log, "cache: cannot save"), 1) << run.log;
  EXPECT_EQ(count(run.log, "works again"), 1) << run.log;
}

TEST_F(Faults, CacheOnAReadOnlyDiskAtStartIsOpenedOnceTheDiskIsBack) {
  DriverRun run =
      drive({"fetch", "fetch", "clear", "fetch", "restart"}, "EROFS write,open,rename /state/cache\n");
  ASSERT_EQ(run.exit_code, 0) << run.log;
  ASSERT_EQ(run.steps.size(), 4u) << run.log;
  EXPECT_GT(run.faults_met, 0u);
  EXPECT_EQ(run.steps[1], "fetch 2 shown 2 history 240");
  // The first save once the disk is back writes the hours fetched while it was not.
  EXPECT_EQ(run.steps[3], "restart shown 3 history 360");
  EXPECT_EQ(count(run.log, "cache: "), 2)
      << "the first open's failure and the first save after it: " << run.log;
}

TEST_F(Faults, LastGoodContentCopyStaysWholeThroughEveryFaultAndIsKeptAgainAfter) {
  for (const std::string rule :
       {"ENOSPC write /last-good-content", "EROFS write,open,rename /last-good-content",
        "EIO fsync /last-good-content"}) {
    SCOPED_TRACE(rule);
    std::istringstream words(rule);
    std::string error, ops, part;
    words >> error >> ops >> part;
    fs::remove_all(state_);
    DriverRun run = drive({"content", "fault", error, ops, part, "content", "content", "clear", "content"});
    ASSERT_EQ(run.exit_code, 0) << run.log;
    ASSERT_EQ(run.steps.size(), 4u) << run.log;
    EXPECT_GT(run.faults_met, 0u);
    EXPECT_EQ(run.steps[0], "content v1 kept v1");
    EXPECT_EQ(run.steps[1], "content v2 kept v1") << "the previous copy stays";
    EXPECT_EQ(run.steps[2], "content v3 kept v1");
    EXPECT_EQ(run.steps[3], "content v4 kept v4");
    EXPECT_EQ(count(run.log, "cannot keep the last good content"), 1) << run.log;
    EXPECT_EQ(count(run.log, "kept again"), 1) << run.log;
  }
}

}  // namespace
}  // namespace kiosk
