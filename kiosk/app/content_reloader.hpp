// Hot reload of the content folder: inotify notices changes, the reloader waits until writes
// settle, validates the whole new pack off the UI thread and hands it over; the app swaps it in
// between frames only when it has no errors. A good pack is also kept as the "last good" copy, so a
// kiosk started on a broken pack can start with what worked before.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {

class ContentReloader {
 public:
  // `last_good_dir`: where the last good pack is copied (empty: not kept).
  ContentReloader(std::filesystem::path content_dir, std::filesystem::path last_good_dir,
                  double settle_seconds = 0.5);
  ~ContentReloader();
  ContentReloader(const ContentReloader&) = delete;
  ContentReloader& operator=(const ContentReloader&) = delete;

  void start();
  // Validate again now, changed or not (the admin view's "reload content").
  void request_reload() { requested_ = true; }
  // UI thread: the result of the latest validation, once.
  std::optional<ContentLoad> take();
  // Keeps a copy of a good pack (called for the pack the kiosk started with, too).
  void keep_as_last_good(const std::filesystem::path& from) const;

 private:
  void run();

  std::filesystem::path dir_;
  std::filesystem::path last_good_;
  double settle_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> requested_{false};
  mutable std::atomic<bool> keep_failing_{false};  // a failure was logged; the next success says so
  std::mutex mu_;
  std::optional<ContentLoad> ready_;
  std::thread thread_;
};

// Where the last good pack lives: $STATE_DIRECTORY (systemd), else $XDG_STATE_HOME/kiosk, else
// ~/.local/state/kiosk; followed by "last-good-content".
std::filesystem::path default_last_good_dir();

// Copies a folder so that `to` is always either the old copy or the complete new one: copied to
// `to.new`, checked there with `validate` (when given; the source may have changed since it was
// validated, so the copy is what counts), every file and folder fsynced, then swapped in and the parent
// fsynced, so a power cut never leaves a copy whose names point at unwritten data.
bool copy_folder_atomically(
    const std::filesystem::path& from, const std::filesystem::path& to, std::string& error,
    const std::function<bool(const std::filesystem::path&, std::string&)>& validate = {});

}  // namespace kiosk
