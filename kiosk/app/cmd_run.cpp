// `kiosk`: runs the kiosk on a display. Fullscreen by default (a real kiosk: KMSDRM on a Pi
// console, X11 or Wayland on a desktop); `--windowed WxH` for desktops and classrooms.
//
// Under systemd (platform/systemd/kiosk.service) this loop also:
//   - tells systemd READY=1 after the first frame and WATCHDOG=1 while frames come and the fetch
//     worker lives (kiosk/core/watchdog.hpp), so a hang is restarted;
//   - writes the health metrics file for node_exporter (--metrics, or kiosk.toml [metrics] path);
//   - switches the screen through the best way the hardware has (kiosk/system/screen_power.hpp);
//   - stops cleanly on SIGTERM, and ignores every way out a resident could find (lockdown).
#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/view_options.hpp"
#include "kiosk/core/attention.hpp"
#include "kiosk/core/clock_jump.hpp"
#include "kiosk/core/content/content_loader.hpp"
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
  std::string site = "/etc/kiosk/kiosk.toml";  // the operator's settings (see SiteSettings)
};

// The site file's [site] table: where this kiosk keeps things. Its [admin], [metrics] and [schedule]
// are merged into the pack's kiosk.toml by the content loader (set_site_file).
struct SiteSettings {
  std::string content;                    // content folder (operator content, never touched by upgrades)
  std::string cache;                      // cache folder
  std::string secret_dir = "/etc/kiosk";  // `{ file = … }` secrets must be under it
};

std::optional<SiteSettings> read_site_settings(const std::string& path, std::string& error) {
  SiteSettings out;
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return out;
  try {
    toml::table t = toml::parse_file(path);
    if (auto v = t["site"]["content"].value<std::string>()) out.content = *v;
    if (auto v = t["site"]["cache"].value<std::string>()) out.cache = *v;
    if (auto v = t["site"]["secret_dir"].value<std::string>()) out.secret_dir = *v;
  } catch (const toml::parse_error& e) {
    error = path + ":" + std::to_string(e.source().begin.line) + ":" +
            std::to_string(e.source().begin.column) + ": " + std::string(e.description());
    return std::nullopt;
  }
  return out;
}

// A real display: X11, Wayland, or a KMS/DRM card for the console. Without one SDL 2.26 would fall back
// to its offscreen driver and run an invisible kiosk.
bool real_display_available() {
  for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY"})
    if (const char* v = std::getenv(var); v && *v) return true;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec))
    if (entry.path().filename().string().rfind("card", 0) == 0) return true;
  return false;
}

// The state folder (systemd StateDirectory=), for what must outlive a restart: the PIN lockout.
std::filesystem::path state_dir(const std::filesystem::path& cache) {
  if (const char* dir = std::getenv("STATE_DIRECTORY"); dir && *dir) return dir;
  return cache;
}

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
  r.admin_available = app.admin().available();
  r.admin_unavailable_reason = app.admin().unavailable_reason();
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
  const auto site = read_site_settings(o.site, error);
  if (!site) {
    log::error("site settings: " + error);
    return kExitFailure;
  }
  set_site_file(o.site);  // its [admin], [metrics], [schedule] win over the pack's, on every (re)load
  ViewOptions view_options = o.view;
  // --content, then KIOSK_CONTENT (`systemctl edit`), then the site file, then the installed demo.
  const char* content_env = std::getenv("KIOSK_CONTENT");
  if (view_options.content.empty() && !(content_env && *content_env) && !site->content.empty())
    view_options.content = site->content;
  if (!o.windowed.empty()) view_options.size = o.windowed;
  auto view = resolve_view(view_options, error);
  if (!view) {
    log::error(o.windowed.empty() ? error : "--windowed" + error.substr(error.find(' ')));
    return kExitFailure;
  }
  if (const char* driver = std::getenv("SDL_VIDEODRIVER"); !driver || !*driver) {
    if (!real_display_available()) {
      log::error(
          "no display: no X11 (DISPLAY), Wayland (WAYLAND_DISPLAY) or KMS/DRM device (/dev/dri/card*); to "
          "draw "
          "screens without a display use `kiosk render --out DIR`");
      return kExitUnusable;
    }
    // The real drivers only: never SDL's offscreen or dummy fallback (SDL_VIDEODRIVER may still ask).
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11,wayland,KMSDRM");
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
      const std::filesystem::path cache = !o.cache.empty()       ? std::filesystem::path(o.cache)
                                          : !site->cache.empty() ? std::filesystem::path(site->cache)
                                                                 : default_cache_dir();
      app.keep_missed_searches(cache / "missed-searches.tsv");  // for editors: what residents did not find
      if (const auto state = state_dir(cache); !state.empty())
        app.admin().keep_lockout_in(state / "admin-lockout", clock.monotonic());  // a restart keeps a lock
      std::shared_ptr<DataFeed> feed =
          make_data_feed(app.content(), FetchMode::background, clock, cache, site->secret_dir);
      app.set_feed(feed);
      if (!app.prepare(error)) {
        log::error(error);
        status = kExitUnusable;
      }
      // An unavailable view was logged, with its reason, when the PIN was configured.
      if (app.admin().available() && app.admin().uses_demo_pin())
        log::warning(
            "the admin PIN is the demo one (2468), accepted in a window only; a locked-down kiosk "
            "needs its own in /etc/kiosk/kiosk.toml (`kiosk admin-pin`)");

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
  root.add_option("--site", options.site,
                  "The operator's settings, which override the content's kiosk.toml key by key (default: "
                  "/etc/kiosk/kiosk.toml; \"\" for none)")
      ->envname("KIOSK_SITE_CONFIG");
  add_view_options(&root, options.view, false);
  root.callback([&run, &root] {
    if (root.get_subcommands().empty()) run = [] { return run_kiosk(options); };
  });
}

}  // namespace kiosk
