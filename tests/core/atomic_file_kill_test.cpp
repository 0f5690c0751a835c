// A power cut or kill -9 while the kiosk rewrites a file (metrics, pictures) leaves the old or
// the new version, never half of one: a child rewrites a file in a loop and is killed at random moments.
#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <string>

#include "kiosk/core/atomic_file.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

// Version n: a header and a trailer naming n around 64 KiB, so a torn write shows.
std::string version(int n) {
  const std::string tag = std::to_string(n);
  return "begin " + tag + "\n" + std::string(64 * 1024, static_cast<char>('a' + n % 26)) + "\nend " + tag +
         "\n";
}

bool is_whole_version(const std::string& s) {
  if (s.rfind("begin ", 0) != 0) return false;
  const int n = std::stoi(s.substr(6));
  return s == version(n);
}

TEST(AtomicFileUnderKill, EveryKillLeavesAWholeOldOrNewVersion) {
  test::TempDir dir;
  const std::string path = dir / "kiosk.prom";
  std::string error;
  ASSERT_TRUE(write_file_atomically(path, version(0), error)) << error;
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> delay_us(0, 4000);
  constexpr int kRounds = 80;
  int changed = 0;
  std::string last = version(0);
  for (int round = 0; round < kRounds; ++round) {
    // The child says when its first write is done, so each kill lands among writes however slow the
    // machine (a sanitizer build, an emulator) and every round proves something.
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(ready[0]);
      std::string e;
      for (int n = round * 100000 + 1;; ++n) {
        write_file_atomically(path, version(n), e);
        if (ready[1] >= 0) {
          (void)!write(ready[1], "w", 1);
          close(ready[1]);
          ready[1] = -1;
        }
      }
    }
    close(ready[1]);
    // Bounded: a writer that never writes (a broken emulator once) fails the test instead of hanging it.
    pollfd first_write{ready[0], POLLIN, 0};
    const bool wrote = poll(&first_write, 1, 60'000) == 1;
    close(ready[0]);
    if (!wrote) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      FAIL() << "round " << round << ": the writer wrote nothing in 60 s";
    }
    usleep(static_cast<useconds_t>(delay_us(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const std::string now = test::slurp(path);
    ASSERT_TRUE(is_whole_version(now)) << "round " << round << ": a torn file of " << now.size() << " bytes";
    changed += now != last;
    last = now;
  }
  EXPECT_GT(changed, 0) << "the child never finished a write: the test proved nothing";
}

}  // namespace
}  // namespace kiosk
