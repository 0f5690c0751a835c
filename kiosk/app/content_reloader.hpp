// Hot reload of the content folder: inotify notices changes, the reloader waits until writes
// settle, validates the whole new pack off the UI thread and, when it has no errors, makes its whole
// ContentSession there too (waste search, font, glyph text). It hands the result over through a
// one-slot mailbox; the app moves the session in between frames, or keeps the one on screen whole. A
// good pack is also kept as the "last good" copy, so a kiosk started on a broken pack can start with
// what worked before.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/app/content_session.hpp"
#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {

// What the worker hands the UI thread: a session ready to move in whole, or why there is none. Owned
// by the UI thread once taken; the worker keeps nothing of it.
struct ReloadResult {
  std::optional<ContentSession> session;  // a readable pack without errors, prepared whole
  bool readable = true;                   // false: the folder itself could not be read
  Diagnostics problems;                   // a refused pack's: its errors (and warnings)
  std::string error;                      // a good pack that could not be prepared (no font): one line
};

class ContentReloader {
 public:
  // `last_good_dir`: where the last good pack is copied (empty: not kept). `recipe`: how the worker
  // makes a good pack's session (the app passes the one it started with).
  ContentReloader(std::filesystem::path content_dir, std::filesystem::path last_good_dir,
                  double settle_seconds = 0.5, SessionRecipe recipe = {});
  ~ContentReloader();
  ContentReloader(const ContentReloader&) = delete;
  ContentReloader& operator=(const ContentReloader&) = delete;

  void start();
  // Validate again now, changed or not (the admin view's "reload content").
  void request_reload() { requested_ = true; }
  // UI thread: the result of the latest validation, once.
  std::optional<ReloadResult> take();
  // Keeps a copy of a good pack (called for the pack the kiosk started with, too).
  void keep_as_last_good(const std::filesystem::path& from) const;

 private:
  void run();
  ReloadResult prepare(ContentLoad load) const;

  std::filesystem::path dir_;
  std::filesystem::path last_good_;
  double settle_;
  SessionRecipe recipe_;  // read by the worker only
  std::atomic<bool> stop_{false};
  std::atomic<bool> requested_{false};
  mutable std::atomic<bool> keep_failing_{false};  // a failure was logged; the next success says so
  std::mutex mu_;
  std::optional<ReloadResult> ready_;  // the mailbox, guarded by mu_
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
