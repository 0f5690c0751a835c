// kill -9 at random moments while the kiosk writes its cache, its history and the last good content copy
// (tests/kill/kill_driver.cpp: the kiosk's own FetchWorker, SQLite cache and copy code, writing as fast as
// it can); after every kill, a restart shows the last committed data: the cache opens as it is (never set
// aside as damaged), holds one whole generation of readings that is at least the last one reported
// committed, with its history; the last good content copy is there, whole, and loads without errors.
//
// ctest runs 100 kills; the full proof runs 1,000:
//   KIOSK_KILL_ROUNDS=1000 build-test/tests/kill/test_kill      (or: bash tests/kill/run.sh 1000)
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "kill_common.hpp"
#include "kiosk/core/clock.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/data/cache.hpp"
#include "kiosk/data/fetch_worker.hpp"
#include "support/run_command.hpp"

extern char** environ;

namespace kiosk {
namespace {

namespace fs = std::filesystem;

struct Child {
  pid_t pid = -1;
  int out = -1;  // read end of its standard output
};

Child spawn_driver(const fs::path& state, const fs::path& content, const fs::path& errors) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return {};
  const int err = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err, STDERR_FILENO);
  std::string binary = KIOSK_KILL_DRIVER, a1 = state.string(), a2 = content.string();
  char* argv[] = {binary.data(), a1.data(), a2.data(), nullptr};
  Child c;
  if (posix_spawn(&c.pid, argv[0], &actions, nullptr, argv, environ) != 0) c.pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  ::close(err);
  c.out = fds[0];
  return c;
}

// Blocks until the driver reports its first commit (or 60 s pass); what it read is returned, to be
// counted with the rest after the kill.
std::string await_first_report(int fd) {
  std::string text;
  char buf[256];
  while (text.find('\n') == std::string::npos) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 60000) <= 0) break;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  return text;
}

// Everything the driver reported before it died (`text`: what was already read).
void read_reports(int fd, long long& cache, long long& content, std::string text = {}) {
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
  ::close(fd);
  std::istringstream lines(text);
  std::string what;
  long long g = 0;
  while (lines >> what >> g) {
    if (what == "cache") cache = std::max(cache, g);
    if (what == "content") content = std::max(content, g);
  }
}

// Every file of the pack but kiosk.toml (which carries the generation) equals the original.
std::string differs_from_pack(const fs::path& copy, const fs::path& pack) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(pack, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path rel = fs::relative(it->path(), pack);
    if (rel == "kiosk.toml" || rel.extension() == ".saving") continue;  // the editor's own temp file
    if (!fs::exists(copy / rel)) return rel.string() + " is missing";
    if (test::read_file(copy / rel) != test::read_file(it->path())) return rel.string() + " differs";
  }
  return {};
}

TEST(KillNine, EveryRestartShowsTheLastCommittedData) {
  log::set_quiet(true);
  const bool emulated = std::getenv("KIOSK_EMULATED") != nullptr;
  const char* rounds_env = std::getenv("KIOSK_KILL_ROUNDS");
  const int rounds = rounds_env ? std::atoi(rounds_env) : emulated ? 20 : 100;
  const char* seed_env = std::getenv("KIOSK_KILL_SEED");
  std::mt19937 rng(seed_env ? static_cast<unsigned>(std::atoll(seed_env)) : 20261128u);
  // Most kills land while it writes; some during start-up (opening the cache), some much later.
  std::uniform_real_distribution<double> early(0, 0.015), busy(0, emulated ? 1.5 : 0.2);

  test::TempDir dir;
  const fs::path state = fs::path(dir.path()) / "state", content = fs::path(dir.path()) / "content";
  const fs::path errors = fs::path(dir.path()) / "driver-errors.txt";
  const fs::path last_good = state / "last-good-content";
  fs::copy(KIOSK_CONTENT_DIR, content, fs::copy_options::recursive);
  fs::create_directories(state);

  long long cache = 0, copied = 0;  // the newest generations reported committed
  int killed_before_commit = 0, leftover_new = 0, found_uncommitted = 0, contents_loaded = 0;
  const auto started = std::chrono::steady_clock::now();
  for (int round = 0; round < rounds; ++round) {
    Child child = spawn_driver(state, content, errors);
    ASSERT_GT(child.pid, 0) << "cannot start " << KIOSK_KILL_DRIVER;
    // One kill in five lands during start-up (opening the cache); the others while it writes: after
    // its first commit, so a slow machine (a sanitizer build, an emulator) still tests writing.
    const bool during_start = std::uniform_int_distribution<int>(0, 4)(rng) == 0;
    std::string reported;
    if (!during_start) reported = await_first_report(child.out);
    const double wait = during_start ? early(rng) : busy(rng);
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    ::kill(child.pid, SIGKILL);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": the driver stopped by itself (status "
                                     << status << "): " << test::read_file(errors);
    const long long cache_before = cache, copied_before = copied;
    read_reports(child.out, cache, copied, reported);
    killed_before_commit += cache == cache_before && copied == copied_before;

    // The restart: the cache opens as it is and holds one whole generation, at least the last reported.
    SCOPED_TRACE("round " + std::to_string(round) + ", killed after " + std::to_string(wait * 1000) + " ms");
    ASSERT_FALSE(fs::exists(state / "cache" / "kiosk-cache.sqlite.broken"))
        << "the cache was set aside as damaged";
    std::string error;
    auto db = data::Cache::open(state / "cache", error);
    ASSERT_TRUE(db) << error;
    const UnixTime now = test::observed_at(cache + 1) + 60;
    data::CacheContents contents = db->load(now);
    db.reset();
    if (cache > 0) {
      ASSERT_TRUE(contents.sources.count("kill-air"));
      const std::vector<Reading>& latest = contents.sources.at("kill-air").latest;
      ASSERT_EQ(latest.size(), static_cast<size_t>(test::kKillReadings));
      const double g = latest.front().value;
      for (const Reading& r : latest)
        ASSERT_EQ(r.value, g) << "a half-written generation: " << r.station << " " << r.metric;
      EXPECT_GE(g, cache) << "a committed generation was lost";
      EXPECT_LE(g, cache + 1);
      found_uncommitted += g == cache + 1;
      cache = std::max(cache, static_cast<long long>(g));  // committed, though unreported: never to be lost
      const auto& series = contents.history[{"air-0", "pm25_1h"}];
      ASSERT_FALSE(series.empty());
      EXPECT_EQ(series.rbegin()->second, g) << "history and latest readings were not written together";
      // What the kiosk itself shows after the restart: the fetch worker publishes the cache.
      ManualClock clock(now);
      FetchOptions options;
      options.cache_dir = state / "cache";
      FetchWorker worker({test::kill_source()}, options, clock);
      worker.load_cache();
      const SnapshotPtr snap = worker.snapshot();
      const Reading* shown = snap->find("air-7", "no2_1h");
      ASSERT_TRUE(shown);
      EXPECT_EQ(shown->value, g);
      EXPECT_EQ(shown->observed_at, test::observed_at(static_cast<long long>(g)));
    }
    // The last good content copy: there, whole, and a good pack.
    if (copied > 0) {
      ASSERT_TRUE(fs::is_directory(last_good)) << "the last good content copy is gone";
      const std::string settings = test::read_file(last_good / "kiosk.toml");
      const auto at = settings.find("version = \"kill-");
      ASSERT_NE(at, std::string::npos);
      const long long version = std::atoll(settings.c_str() + at + 16);
      EXPECT_GE(version, copied) << "a committed copy was lost";
      EXPECT_LE(version, cache + 1);
      const std::string diff = differs_from_pack(last_good, content);
      EXPECT_TRUE(diff.empty()) << "the copy is not whole: " << diff;
      if (round % 10 == 0) {
        ContentLoad load = load_content(last_good, PictureCheck::header);
        EXPECT_FALSE(load.diags.has_errors()) << load.diags.items().front().format();
        ++contents_loaded;
      }
    }
    leftover_new += fs::exists(last_good.string() + ".new");
    if (HasFailure()) break;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("kill -9: %d rounds in %.0f s; generations committed: cache %lld, content copies up to %lld\n",
              rounds, seconds, cache, copied);
  std::printf(
      "  killed before the round's first commit: %d; a commit found that was not yet reported: %d;\n"
      "  a copy in progress left behind (cleaned by the next copy): %d; copies loaded as packs: %d\n",
      killed_before_commit, found_uncommitted, leftover_new, contents_loaded);
  EXPECT_GT(cache, rounds / 4) << "the driver rarely committed: the test proved little";
  EXPECT_GT(copied, 0);
}

}  // namespace
}  // namespace kiosk
