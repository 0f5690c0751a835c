// `kiosk render`: draws screens headless (SDL's software renderer, no display, no GPU) and
// writes one PNG per screen: the same pixels a screen of that size would show.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/app/view_options.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {
namespace fs = std::filesystem;
namespace {

struct RenderOptions {
  ViewOptions view;
  std::string out;
  std::string screen;
  std::string layout;  // the layout dump of every saved frame, one JSON object a line
};

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

int run_render(const RenderOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string error;
  auto view = resolve_view(o.view, error);
  if (!view) {
    log::error(error);
    return kExitFailure;
  }
  std::vector<ui::ScreenId> screens;
  if (o.screen.empty()) {
    for (ui::ScreenId id : ui::kAllScreens)
      if (view->classroom || !ui::classroom_only(id)) screens.push_back(id);
  } else if (auto id = ui::screen_from_name(o.screen)) {
    if (ui::classroom_only(*id) && !view->classroom) {
      log::error("--screen '" + o.screen + "' is shown in classroom mode only; add --classroom");
      return kExitFailure;
    }
    screens.push_back(*id);
  } else {
    log::error("--screen '" + o.screen + "' is not a screen; screens are " + ui::screen_names());
    return kExitFailure;
  }
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec || !fs::is_directory(o.out)) {
    log::error("--out '" + o.out + "' cannot be created: " + (ec ? ec.message() : "not a folder"));
    return kExitFailure;
  }
  if (::access(o.out.c_str(), W_OK) != 0) {
    log::error("--out '" + o.out + "' is not writable");
    return kExitFailure;
  }
  auto display = render::HeadlessDisplay::create(view->size.width, view->size.height, error);
  if (!display) {
    log::error(error);
    return kExitUnusable;
  }
  SystemClock system;
  ManualClock clock(view->now.value_or(system.wall()));
  KioskApp app(*display, clock);
  app.set_whole_pack_glyphs(false);
  if (!app.start({view->content, view->lang, view->classroom}, error)) {
    log::error(error);
    return kExitUnusable;
  }
  log::debug("content loaded at " + std::to_string(elapsed_ms(t0)) + " ms");
  app.set_feed(make_data_feed(app.content(), FetchMode::once, clock));
  log::debug("data fetched at " + std::to_string(elapsed_ms(t0)) + " ms");
  if (!app.prepare(error)) {
    log::error(error);
    return kExitUnusable;
  }
  // Every screen, then (for editors checking a pack) every bay page and every waste category.
  struct Page {
    ui::ScreenId screen;
    std::string select;  // item to open, if any
    std::string file;
  };
  std::vector<Page> pages;
  for (ui::ScreenId id : screens) pages.push_back({id, {}, ui::screen_name(id)});
  if (o.screen.empty() || o.screen == "bay")
    for (const BayPage& bay : app.content().bays)
      pages.push_back({ui::ScreenId::bay, bay.id, "bay-" + bay.id});
  if (o.screen.empty() || o.screen == "waste")
    for (const WasteCategory& c : app.content().waste_categories)
      pages.push_back({ui::ScreenId::waste, c.id, "waste-" + c.id});
  std::ofstream layout;
  if (!o.layout.empty()) {
    layout.open(o.layout, std::ios::binary | std::ios::trunc);
    if (!layout) {
      log::error("--layout '" + o.layout + "' cannot be written");
      return kExitFailure;
    }
  }
  for (const Page& page : pages) {
    app.show(page.screen);
    if (!page.select.empty()) app.select(page.select);
    // Two frames: the first lays out new scrolling areas, the second draws them settled.
    app.set_rasterize(false);
    app.frame(true);
    log::debug(page.file + " laid out at " + std::to_string(elapsed_ms(t0)) + " ms");
    app.wait_for_pictures();  // the first frame asked for them; the saved one shows them
    log::debug(page.file + " pictures decoded at " + std::to_string(elapsed_ms(t0)) + " ms");
    clock.advance(1.0 / 60);
    app.set_rasterize(true);
    app.frame(true);
    log::debug(page.file + " drawn at " + std::to_string(elapsed_ms(t0)) + " ms");
    const std::string path = (fs::path(o.out) / (page.file + ".png")).string();
    if (!display->save_png(path, error)) {
      log::error(error);
      return kExitFailure;
    }
    log::debug(path + " written at " + std::to_string(elapsed_ms(t0)) + " ms");
    if (layout.is_open()) layout << ui::layout_dump(app.record(), app.layout_frame());
  }
  if (layout.is_open() && !layout.flush()) {
    log::error("--layout '" + o.layout + "' could not be written");
    return kExitFailure;
  }
  if (app.content_errors() > 0) {
    log::error(
        std::to_string(app.content_errors()) +
        " content problem(s) above; the pictures show what could be read (kiosk check-content lists them)");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_render_command(CLI::App& root, CommandAction& run) {
  static RenderOptions options;
  auto* cmd = root.add_subcommand("render", "Draw screens headless and write one PNG per screen");
  cmd->add_option("--out", options.out, "Folder to write the PNGs into (created if missing)")->required();
  cmd->add_option("--screen", options.screen,
                  "Only this screen: home, air, water, bay, waste or travel (with --classroom: game, quiz)");
  cmd->add_option("--layout", options.layout,
                  "Also write every text run and tappable item of each picture, one JSON object a line");
  add_view_options(cmd, options.view, true);
  cmd->callback([&run] { run = [] { return run_render(options); }; });
}

}  // namespace kiosk
