// A fresh empty folder for one test, removed with everything in it when the object goes.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace kiosk::test {

class TempDir {
 public:
  TempDir() {
    // mkdtemp picks a name no other test process (ctest -j) can be using.
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-test-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace kiosk::test
