// UI build time per frame for each screen at 1920x1080 on the demo content and data: NewFrame, the
// screen's draw code and ImGui::Render, as the kiosk does every frame it draws. No rasterising (the
// headless kiosk's set_rasterize(false)): on a Pi the GPU rasterises, so what the CPU pays per frame is
// this. Goal (issue 8): at most 0.5 ms. One extra case rasterises the home screen with SDL's software
// renderer, for comparison only.
//
//   cmake -S . -B build-rel -G Ninja -DCMAKE_BUILD_TYPE=Release -DKIOSK_BUILD_BENCH=ON
//   ninja -C build-rel bench_frames && build-rel/tests/bench/bench_frames
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/log.hpp"

namespace {

using namespace kiosk;

constexpr UnixTime kNow = 1795831200;  // 2026-11-28 10:00 China time, as the UI tests use

// One kiosk for every case: content, data and the font atlas are loaded once.
struct Kiosk {
  ManualClock clock{kNow};
  std::unique_ptr<render::HeadlessDisplay> display;
  std::unique_ptr<KioskApp> app;
  Kiosk() {
    log::set_quiet(true);
    std::string error;
    display = render::HeadlessDisplay::create(1920, 1080, error);
    if (!display) fail(error);
    app = std::make_unique<KioskApp>(*display, clock);
    AppOptions options;
    options.content_dir = KIOSK_CONTENT_DIR;
    options.classroom = true;  // the sorting game and the quiz too
    if (!app->start(options, error)) fail(error);
    app->set_feed(make_data_feed(app->content(), FetchMode::once, clock));
    if (!app->prepare(error)) fail(error);
  }
  [[noreturn]] static void fail(const std::string& error) {
    std::fprintf(stderr, "bench_frames: %s\n", error.c_str());
    std::exit(1);
  }
};

Kiosk& kiosk() {
  static Kiosk k;
  return k;
}

void BM_Frame(benchmark::State& state, ui::ScreenId screen, Lang lang, bool rasterise) {
  Kiosk& k = kiosk();
  k.app->set_lang(lang);
  k.app->show(screen);
  k.app->set_rasterize(false);
  for (int i = 0; i < 3; ++i) {  // new scrolling areas settle in the first frames
    k.clock.advance(1.0 / 60);
    k.app->frame(true);
  }
  k.app->set_rasterize(rasterise);
  for (auto _ : state) {
    k.clock.advance(1.0 / 60);
    benchmark::DoNotOptimize(k.app->frame(true));
  }
  k.app->set_rasterize(false);
  state.counters["texts"] = static_cast<double>(k.app->record().texts.size());
}

void register_all() {
  for (ui::ScreenId id : ui::kAllScreens)
    benchmark::RegisterBenchmark((std::string("BM_Frame/") + ui::screen_name(id)).c_str(), BM_Frame, id,
                                 Lang::zh, false)
        ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Frame/home_en", BM_Frame, ui::ScreenId::home, Lang::en, false)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("BM_Frame/home_software_rasterised", BM_Frame, ui::ScreenId::home, Lang::zh,
                               true)
      ->Unit(benchmark::kMicrosecond);
}

}  // namespace

int main(int argc, char** argv) {
  register_all();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
