// `kiosk`: runs the kiosk on a display. Fullscreen by default (a real kiosk: KMSDRM on a Pi
// console, X11 or Wayland on a desktop); `--windowed WxH` for desktops and classrooms.
//
// Under systemd (platform/systemd/kiosk.service) this loop also:
//   - tells systemd READY=1 after the first frame and WATCHDOG=1 while frames come and the fetch
//     worker lives (kiosk/core/watchdog.hpp), so a hang is restarted;
//   - writes the health metrics file for node_exporter (--metrics, or kiosk.toml [metrics] path);
//   - switches the screen through the best way the hardware has (kiosk/system/screen_power.hpp);
//   - stops cleanly on SIGTERM, and ignores every way out a resident could find (lockdown).
#include <algorithm>
#include <chrono>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/view_options.hpp"
#include "kiosk/core/attention.hpp"
#include "kiosk/core/clock_jump.hpp"
#include "kiosk/core/health_metrics.hpp"
#include "kiosk/core/log.hpp"
#include "kiosk/system/metrics_file.hpp"
#include "kiosk/system/process_info.hpp"
#include "kiosk/system/screen_power.hpp"
#include "kiosk/system/service_notify.hpp"

namespace kiosk {
namespace {

// The admin view's Quit on a locked-down kiosk: the unit's RestartPreventExitStatus= names this
// code, so systemd leaves the kiosk stopped until a reboot or `systemctl start kiosk`.
constexpr int kExitAdminQuit = 75;

struct RunOptions {
  ViewOptions view;
  std::string windowed;  // WxH
  int rotation = 0;      // clockwise degrees: a panel mounted in portrait or upside down
  bool editor = false;   // show content problems on screen (editors previewing on a computer)
  std::string cache;     // empty: default_cache_dir()
  std::string metrics;   // empty: kiosk.toml [metrics] path
};

// Applies the wanted screen state when it changes; logs a failure once.
class ScreenSwitch {
 public:
  explicit ScreenSwitch(std::unique_ptr<sys::ScreenPower> power) : power_(std::move(power)) {}
  void want(bool on) {
    if (on == on_) return;
    on_ = on;
    std::string error;
    failed_ = !power_->set_on(on, error);
    if (failed_) log::warning("screen power (" + power_->method() + "): " + error);
    log::info(std::string("screen ") + (on ? "on" : "off") + " (" + power_->method() + ")");
  }
  bool on() const { return on_; }
  bool failed() const { return failed_; }
  // Off through the hardware (backlight or DPMS); with black frames only, the app draws black itself.
  bool hardware_off() const { return !on_ && !power_->needs_black_frame(); }
  std::string method() const { return power_->method(); }

 private:
  std::unique_ptr<sys::ScreenPower> power_;
  bool on_ = true;
  bool failed_ = false;
};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// What the loop counts besides the app's own numbers.
struct LoopCounts {
  UnixTime last_frame_wall = 0;
  std::uint64_t clock_jumps = 0;
};

HealthReport health(KioskApp& app, const DataFeed& feed, const FrameTimes& frames, FailureCounter& failures,
                    const ScreenSwitch& screen, const Clock& clock, double started, UnixTime start_wall,
                    const LoopCounts& counts) {
  HealthReport r;
  r.version = KIOSK_VERSION;
  r.content_version = app.content().version;
  r.uptime_seconds = clock.monotonic() - started;
  r.start_time = start_wall;
  r.frames_drawn = app.frames_drawn();
  r.last_frame_time = counts.last_frame_wall;
  r.content_rejected = app.content_rejected();
  r.clock_jumps = counts.clock_jumps;
  r.screen_switch_failed = screen.failed();
  r.frame_p50 = frames.percentile(0.5);
  r.frame_p90 = frames.percentile(0.9);
  r.frame_p99 = frames.percentile(0.99);
  r.frame_sum = frames.total_seconds();
  r.frame_count = frames.total_count();
  r.resident_bytes = sys::resident_memory_bytes();
  r.worker_alive = feed.alive();
  // Awake or asleep by the schedule, as the metric's help says: asleep is 0 with off_mode "dim" too,
  // although the panel stays lit, so a fleet sees every kiosk that sleeps when it should not.
  r.screen_on = app.attention() != Attention::asleep;
  r.screen_power = screen.method();
  r.schedule_paused = app.admin().schedule_paused();
  if (SnapshotPtr snap = feed.snapshot()) {
    failures.observe(*snap);
    r.sources = source_health(*snap, clock.wall());
    for (SourceHealth& s : r.sources) s.failures_total = failures.total(s.id);
  }
  return r;
}

int run_kiosk(const RunOptions& o) {
  const auto launched = std::chrono::steady_clock::now();
  std::string error;
  ViewOptions view_options = o.view;
  if (!o.windowed.empty()) view_options.size = o.windowed;
  auto view = resolve_view(view_options, error);
  if (!view) {
    log::error(o.windowed.empty() ? error : "--windowed" + error.substr(error.find(' ')));
    return kExitFailure;
  }
  sys::install_stop_signal_handlers();  // before SDL_Init, so SIGTERM is ours, not an SDL_QUIT
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    log::error(std::string("no display could be opened (") + SDL_GetError() +
               "); to draw screens without a display use `kiosk render --out DIR`");
    return kExitUnusable;
  }
  render::WindowOptions window;
  window.fullscreen = o.windowed.empty();
  window.width = view->size.width;
  window.height = view->size.height;
  window.rotation = o.rotation;
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
    // A fullscreen kiosk in a public place has no way out but the admin view; a window, or a
    // classroom's screen, quits as any program does (Ctrl+Q, closing the window).
    app.set_locked_down(window.fullscreen && !view->classroom);
    app.admin().set_audit_log(true);  // who opened the admin view, and wrong PINs, go to the journal
    AppOptions app_options{view->content, view->lang, view->classroom};
    app_options.watch_content = true;  // editors' changes appear without a restart
    app_options.last_good_dir = default_last_good_dir();
    app_options.editor = o.editor;
    app.set_burn_in_shift(window.fullscreen);
    if (!app.start(app_options, error)) {
      log::error(error);
      status = kExitUnusable;
    } else {
      const std::filesystem::path cache =
          o.cache.empty() ? default_cache_dir() : std::filesystem::path(o.cache);
      app.keep_missed_searches(cache / "missed-searches.tsv");  // for editors: what residents did not find
      std::shared_ptr<DataFeed> feed = make_data_feed(app.content(), FetchMode::background, clock, cache);
      app.set_feed(feed);
      if (!app.prepare(error)) {
        log::error(error);
        status = kExitUnusable;
      }
      if (!app.admin().available())
        log::info(
            "the admin view is off: kiosk.toml has no [admin] pin_hash (make one with `kiosk admin-pin`)");
      else if (app.admin().uses_demo_pin())
        log::warning("the admin PIN is the demo content's (2468); set your own with `kiosk admin-pin`");

      sys::ServiceNotifier notifier(sys::NotifySocket::from_environment(),
                                    sys::watchdog_interval_from_environment());
      sys::MetricsFile metrics(o.metrics.empty() ? app.content().settings.metrics_path : o.metrics,
                               app.content().settings.metrics_interval_seconds);
      if (metrics.enabled()) log::info("metrics: writing " + metrics.path());
      ScreenSwitch screen(sys::open_screen_power(SDL_RenderGetWindow(display->renderer())));
      FrameTimes frames;
      FailureCounter failures;
      ClockJump jump;
      const double started = clock.monotonic();
      const UnixTime start_wall = clock.wall();
      double last_frame_at = started;
      LoopCounts counts;
      app.admin().system_info = [&](ui::AdminView& v) {
        v.frame_p50_ms = frames.percentile(0.5) * 1000;
        v.frame_p99_ms = frames.percentile(0.99) * 1000;
        v.screen_power = screen.method();
      };

      while (status == kExitOk && !app.quit_requested() && !sys::stop_requested()) {
        // Sleep until an event arrives or something needs drawing; a still screen costs no CPU.
        const int timeout_ms = app.wants_frame() ? 0 : 250;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeout_ms)) {
          app.handle_event(e);
          while (SDL_PollEvent(&e)) app.handle_event(e);
        }
        const double now = clock.monotonic();
        // Asleep outside the schedule with off_mode "blank": the panel itself goes off where it can
        // (the app draws black anyway). "dim" keeps it on. An admin's pause keeps the kiosk awake.
        screen.want(
            !(app.attention() == Attention::asleep && app.content().settings.schedule.off_mode == "blank"));
        // While the panel is off, frames are built (the schedule and touches still run) but not
        // presented: a page flip to a powered-down connector can block.
        app.set_rasterize(!screen.hardware_off());
        // A heartbeat frame on a still screen proves to the watchdog that drawing still works.
        const bool heartbeat =
            notifier.enabled() && now - last_frame_at >= notifier.policy().heartbeat_frame_seconds();
        const auto t0 = std::chrono::steady_clock::now();
        if (app.frame(heartbeat)) {
          if (app.frames_drawn() == 1)  // start-up time, for tests/bench and operators (KIOSK_DEBUG=1)
            log::debug("first frame shown " + std::to_string(seconds_since(launched) * 1000) +
                       " ms after start");
          if (!screen.hardware_off()) frames.add(seconds_since(t0));
          last_frame_at = now;
          counts.last_frame_wall = clock.wall();
        }
        notifier.tick(now, app.frames_drawn(), feed->alive(), !screen.on());
        if (metrics.due(now))
          metrics.write(health(app, *feed, frames, failures, screen, clock, started, start_wall, counts),
                        now);
        if (const double j = jump.observe(clock.wall(), now); j != 0) {
          ++counts.clock_jumps;
          log::warning("the wall clock jumped " + std::string(j < 0 ? "back" : "forward") + " by " +
                       std::to_string(static_cast<long long>(std::abs(j))) +
                       " s (NTP or a manual change); data ages follow the new time, timers are unaffected");
        }
      }
      if (sys::stop_requested()) log::info("stopping on a signal");
      notifier.stopping();
      if (app.admin_quit() && window.fullscreen && !view->classroom) status = kExitAdminQuit;
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
  root.add_option(
          "--rotate", options.rotation,
          "Turn the picture clockwise by 0, 90, 180 or 270 degrees, for a panel mounted in portrait or "
          "upside down (touches follow)")
      ->envname("KIOSK_ROTATE")
      ->check(CLI::IsMember({0, 90, 180, 270}));
  root.add_option("--cache", options.cache, "Folder for the offline cache (default: ~/.cache/kiosk)");
  root.add_flag("--editor", options.editor,
                "Show content problems on screen (for editors; never on a public kiosk)");
  root.add_option("--metrics", options.metrics,
                  "Write health metrics for node_exporter's textfile collector to FILE (default: kiosk.toml "
                  "[metrics] path)");
  add_view_options(&root, options.view, false);
  root.callback([&run, &root] {
    if (root.get_subcommands().empty()) run = [] { return run_kiosk(options); };
  });
}

}  // namespace kiosk
