// Files the kiosk writes are replaced whole or not at all.
#include <gtest/gtest.h>

#include <filesystem>

#include "kiosk/core/atomic_file.hpp"
#include "support/run_command.hpp"

namespace kiosk {
namespace {

TEST(AtomicFile, ReplacesTheWholeFileAndLeavesNoTemporaries) {
  test::TempDir dir;
  std::string error;
  ASSERT_TRUE(write_file_atomically(dir / "a.txt", "old", error)) << error;
  ASSERT_TRUE(write_file_atomically(dir / "a.txt", "new contents", error)) << error;
  EXPECT_EQ(test::slurp(dir / "a.txt"), "new contents");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 1);
}

TEST(AtomicFile, UnwritableFolderIsAClearError) {
  std::string error;
  EXPECT_FALSE(write_file_atomically("/proc/no-such-dir/a.txt", "x", error));
  EXPECT_NE(error.find("cannot write /proc/no-such-dir/a.txt"), std::string::npos) << error;
}

}  // namespace
}  // namespace kiosk
