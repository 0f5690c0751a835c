// `kiosk`: runs the kiosk on a display. Fullscreen by default (a real kiosk: KMSDRM on a Pi
// console, X11 or Wayland on a desktop); `--windowed WxH` for desktops and classrooms.
#include <algorithm>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/view_options.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {
namespace {

struct RunOptions {
  ViewOptions view;
  std::string windowed;  // WxH
  std::string cache;     // empty: default_cache_dir()
};

int run_kiosk(const RunOptions& o) {
  std::string error;
  ViewOptions view_options = o.view;
  if (!o.windowed.empty()) view_options.size = o.windowed;
  auto view = resolve_view(view_options, error);
  if (!view) {
    log::error(o.windowed.empty() ? error : "--windowed" + error.substr(error.find(' ')));
    return kExitFailure;
  }
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    log::error(std::string("no display could be opened (") + SDL_GetError() +
               "); to draw screens without a display use `kiosk render --out DIR`");
    return kExitUnusable;
  }
  render::WindowOptions window;
  window.fullscreen = o.windowed.empty();
  window.width = view->size.width;
  window.height = view->size.height;
  auto display = render::open_window(window, error);
  if (!display) {
    log::error(error);
    SDL_Quit();
    return kExitUnusable;
  }
  if (window.fullscreen) SDL_ShowCursor(SDL_DISABLE);
  SystemClock clock;
  int status = kExitOk;
  {
    KioskApp app(*display, clock);
    if (!app.start({view->content, view->lang}, error)) {
      log::error(error);
      status = kExitUnusable;
    } else {
      const std::filesystem::path cache = o.cache.empty() ? default_cache_dir() : std::filesystem::path(o.cache);
      app.set_feed(make_data_feed(app.content(), FetchMode::background, clock, cache));
      if (!app.prepare(error)) {
        log::error(error);
        status = kExitUnusable;
      }
      while (status == kExitOk && !app.quit_requested()) {
        // Sleep until an event arrives or something needs drawing; a still screen costs no CPU.
        const int timeout_ms = app.wants_frame() ? 0 : 250;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeout_ms)) {
          app.handle_event(e);
          while (SDL_PollEvent(&e)) app.handle_event(e);
        }
        app.frame();
      }
    }
  }
  display.reset();
  SDL_Quit();
  return status;
}

}  // namespace

void add_run_options(CLI::App& root, CommandAction& run) {
  static RunOptions options;
  root.add_option("--windowed", options.windowed, "Run in a window of this size, WxH (default: fullscreen)");
  root.add_option("--cache", options.cache, "Folder for the offline cache (default: ~/.cache/kiosk)");
  add_view_options(&root, options.view, false);
  root.callback([&run, &root] {
    if (root.get_subcommands().empty()) run = [] { return run_kiosk(options); };
  });
}

}  // namespace kiosk
