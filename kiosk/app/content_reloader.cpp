// [SECTION] Watching the folder
// [SECTION] The worker: settle, validate, make the session, hand it over
// [SECTION] The last good copy
#include "kiosk/app/content_reloader.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>

#include "kiosk/core/log.hpp"

namespace kiosk {
namespace fs = std::filesystem;

// [SECTION] Watching the folder

namespace {

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                             IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

double seconds_now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Watches the folder and every folder inside it (pictures/, demo/ …); symbolic links inside are not
// followed. When the folder itself is a symbolic link (platform/fleet's content pull swaps one with
// rename(2)), the folder holding the link is watched too: any change there re-reads the link.
class Watch {
 public:
  Watch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Watch() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }
  bool add_tree(const fs::path& root) {
    clear();
    if (fd_ < 0 || inotify_add_watch(fd_, root.c_str(), kEvents | IN_ONLYDIR) < 0) return false;
    std::error_code ec;
    if (fs::is_symlink(root, ec)) {
      const fs::path parent = root.parent_path().empty() ? fs::path(".") : root.parent_path();
      int wd = inotify_add_watch(fd_, parent.c_str(), IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_ONLYDIR);
      if (wd >= 0) watches_.push_back(wd);
    }
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        int wd = inotify_add_watch(fd_, it->path().c_str(), kEvents | IN_ONLYDIR);
        if (wd >= 0) watches_.push_back(wd);
      }
    return true;
  }
  // Drains pending events; true when any arrived. `root_gone` when the folder itself went away.
  bool drain(bool& root_gone) {
    alignas(inotify_event) char buffer[8192];
    bool any = false;
    while (true) {
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      for (char* p = buffer; p < buffer + n;) {
        auto* e = reinterpret_cast<inotify_event*>(p);
        any = true;
        if (e->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) root_gone = true;
        p += sizeof(inotify_event) + e->len;
      }
    }
    return any;
  }

 private:
  void clear() {
    watches_.clear();
    // Re-creating the inotify instance drops every old watch at once.
    if (fd_ >= 0) ::close(fd_);
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  }
  int fd_;
  std::vector<int> watches_;
};

// Every file's path, size and modification time: equal before and after a validation means no file
// changed while it was read (an editor saving in two steps, a copy still running).
std::string fingerprint(const fs::path& root) {
  std::string out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::error_code e;
    if (!it->is_regular_file(e)) continue;
    out += it->path().string() + '\0' + std::to_string(it->file_size(e)) + '\0' +
           std::to_string(it->last_write_time(e).time_since_epoch().count()) + '\n';
  }
  return out;
}

}  // namespace

// [SECTION] The worker: settle, validate, make the session, hand it over

ContentReloader::ContentReloader(fs::path content_dir, fs::path last_good_dir, double settle_seconds,
                                 SessionRecipe recipe)
    : dir_(std::move(content_dir)),
      last_good_(std::move(last_good_dir)),
      settle_(settle_seconds),
      recipe_(std::move(recipe)) {}

ContentReloader::~ContentReloader() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

void ContentReloader::start() {
  thread_ = std::thread([this] { run(); });
}

std::optional<ReloadResult> ContentReloader::take() {
  std::lock_guard lock(mu_);
  return std::exchange(ready_, std::nullopt);
}

void ContentReloader::run() {
  Watch watch;
  bool watching = watch.add_tree(dir_);
  double changed_at = -1;  // time of the last change not yet validated
  while (!stop_) {
    if (!watching) {
      // The folder was replaced or removed: watch it again once it is back.
      std::error_code ec;
      if (fs::is_directory(dir_, ec) && watch.add_tree(dir_)) {
        watching = true;
        changed_at = seconds_now();
      } else {
        ::usleep(500 * 1000);
        continue;
      }
    }
    pollfd p{watch.fd(), POLLIN, 0};
    ::poll(&p, 1, 200);
    bool root_gone = false;
    if (watch.drain(root_gone)) {
      changed_at = seconds_now();
      // New subfolders need watches too; re-adding the tree is cheap for a content pack.
      watching = !root_gone && watch.add_tree(dir_);
    }
    if (requested_.exchange(false)) changed_at = 0;
    // Wait until writes settle, so a half-saved file is never validated.
    if (changed_at >= 0 && seconds_now() - changed_at >= settle_) {
      changed_at = -1;
      const std::string before = fingerprint(dir_);
      ContentLoad load = load_content(dir_, PictureCheck::full);
      bool still_changing = false;
      if (watch.drain(root_gone) || fingerprint(dir_) != before) {
        still_changing = true;
      } else if (load.readable && !load.diags.has_errors()) {
        // A good pack is read a second time after the settle time: only a pack that parses cleanly
        // twice, with nothing changed between, is taken (and kept as the last good copy).
        ::usleep(static_cast<useconds_t>(settle_ * 1e6));
        ContentLoad again = load_content(dir_, PictureCheck::header);
        still_changing = watch.drain(root_gone) || fingerprint(dir_) != before || again.diags.has_errors();
      }
      if (still_changing) {
        changed_at = seconds_now();  // wait for it to settle, then validate again
        watching = !root_gone && watch.add_tree(dir_);
        continue;
      }
      if (load.readable && !load.diags.has_errors()) keep_as_last_good(dir_);
      ReloadResult result = prepare(std::move(load));
      std::lock_guard lock(mu_);
      ready_ = std::move(result);
    }
  }
}

// A good pack's search index (the pinyin dictionary and every waste item), font and glyph text are made
// here, so the frame that takes the result only moves them.
ReloadResult ContentReloader::prepare(ContentLoad load) const {
  ReloadResult result;
  result.readable = load.readable;
  if (!load.readable || load.diags.has_errors()) {
    result.problems = std::move(load.diags);
    return result;
  }
  result.session = make_session(std::move(load), recipe_, result.error);
  return result;
}

// [SECTION] The last good copy

void ContentReloader::keep_as_last_good(const fs::path& from) const {
  if (last_good_.empty()) return;
  std::error_code ec;
  if (fs::equivalent(from, last_good_, ec)) return;
  std::string error;
  auto validate = [](const fs::path& copy, std::string& problem) {
    ContentLoad load = load_content(copy, PictureCheck::full);
    if (load.readable && !load.diags.has_errors()) return true;
    problem = load.diags.items().empty() ? "the copy cannot be read" : load.diags.items().front().format();
    return false;
  };
  // One line when keeping starts to fail (a full or read-only disk fails every copy alike) and one when
  // it works again; the old copy stays whole meanwhile.
  const bool kept = copy_folder_atomically(from, last_good_, error, validate);
  if (!kept && !keep_failing_.exchange(true))
    log::warning("cannot keep the last good content: " + error + " (the previous copy stays)");
  else if (kept && keep_failing_.exchange(false))
    log::info("the last good content is kept again in " + last_good_.string());
}

namespace {

// fsync one file or folder; false with errno set when the data may not be on disk.
bool sync_path(const fs::path& p, bool directory) {
  int fd = ::open(p.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

bool sync_tree(const fs::path& root, std::string& error) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const bool dir = it->is_directory(ec);
    if ((dir || it->is_regular_file(ec)) && !sync_path(it->path(), dir)) {
      error = "flushing " + it->path().string() + ": " + std::strerror(errno);
      return false;
    }
  }
  if (ec || !sync_path(root, true)) {
    error = "flushing " + root.string() + ": " + (ec ? ec.message() : std::string(std::strerror(errno)));
    return false;
  }
  return true;
}

}  // namespace

bool copy_folder_atomically(const fs::path& from, const fs::path& to, std::string& error,
                            const std::function<bool(const fs::path&, std::string&)>& validate) {
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  const fs::path tmp = to.string() + ".new";
  const fs::path old = to.string() + ".old";
  fs::remove_all(tmp, ec);
  // Killed between the two renames below (an older kiosk, or no RENAME_EXCHANGE): take the old copy back.
  if (!fs::exists(to, ec) && fs::is_directory(old, ec)) fs::rename(old, to, ec);
  fs::copy(from, tmp, fs::copy_options::recursive | fs::copy_options::skip_symlinks, ec);
  if (ec) {
    error = "copying " + from.string() + " to " + tmp.string() + ": " + ec.message();
    fs::remove_all(tmp, ec);
    return false;
  }
  std::string problem;
  if (validate && !validate(tmp, problem)) {
    error = "the copy in " + tmp.string() + " did not validate (" + problem + "); the old copy stays";
    fs::remove_all(tmp, ec);
    return false;
  }
  if (!sync_tree(tmp, error)) {
    fs::remove_all(tmp, ec);
    return false;
  }
  const fs::path parent = to.parent_path().empty() ? fs::path(".") : to.parent_path();
  // One atomic exchange swaps the new copy in: `to` is never missing, even if the kiosk is killed here
  // (tmp then holds the old copy, and the next copy removes it).
  if (fs::exists(to) && ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, to.c_str(), RENAME_EXCHANGE) == 0) {
    sync_path(parent, true);  // the exchange itself is durable once the parent is flushed
    fs::remove_all(tmp, ec);
    return true;
  }
  // The first copy, or a file system without RENAME_EXCHANGE: the old copy steps aside first.
  fs::remove_all(old, ec);
  if (fs::exists(to)) fs::rename(to, old, ec);
  fs::rename(tmp, to, ec);
  if (ec) {
    error = "replacing " + to.string() + ": " + ec.message();
    if (fs::exists(old)) fs::rename(old, to, ec);
    return false;
  }
  sync_path(parent, true);
  fs::remove_all(old, ec);
  return true;
}

fs::path default_last_good_dir() {
  fs::path base;
  if (const char* dir = std::getenv("STATE_DIRECTORY"); dir && *dir)
    base = dir;
  else if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
    base = fs::path(xdg) / "kiosk";
  else if (const char* home = std::getenv("HOME"); home && *home)
    base = fs::path(home) / ".local" / "state" / "kiosk";
  return base.empty() ? base : base / "last-good-content";
}

}  // namespace kiosk
