// A kiosk drawn headless on the demo content and data, for UI tests.
#pragma once
#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk::test {

// 2026-11-28 10:00 China time: a fixed clock makes every frame reproducible.
constexpr UnixTime kTestNow = 1795831200;

struct HeadlessKiosk {
  explicit HeadlessKiosk(int width = 1920, int height = 1080, Lang lang = Lang::zh,
                         const std::string& content = KIOSK_CONTENT_DIR)
      : clock(kTestNow) {
    std::string error;
    display = render::HeadlessDisplay::create(width, height, error);
    app = std::make_unique<KioskApp>(*display, clock);
    ok = app->start({content, lang}, error);
    this->error = error;
    if (ok) app->set_feed(make_data_feed(app->content(), FetchMode::once, clock));
    if (ok) ok = app->prepare(error);
    if (ok) app->wait_for_fonts();  // every character in, so each test sees the same pages
  }
  void draw(ui::ScreenId screen) {
    app->show(screen);
    app->wait_for_fonts();  // new text (a reload) is in every role, as a kiosk has it a moment later
    app->frame(true);
    clock.advance(1.0 / 60);
    app->frame(true);
  }
  ManualClock clock;
  std::unique_ptr<render::HeadlessDisplay> display;
  std::unique_ptr<KioskApp> app;
  bool ok = false;
  std::string error;
};

// `check(kiosk, height, lang)` at every screen size, in both languages, in normal and then large text:
// one kiosk per size and language, and a failure names all three.
template <typename Check>
void at_every_size_language_and_text_size(Check check) {
  for (auto [w, h] : {std::pair{800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}})
    for (Lang lang : {Lang::en, Lang::zh}) {
      HeadlessKiosk k(w, h, lang);
      ASSERT_TRUE(k.ok) << k.error;
      for (bool large : {false, true}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + (lang == Lang::zh ? " zh" : " en") +
                     (large ? " large text" : ""));
        if (large) k.app->toggle_large_text();
        check(k, h, lang);
      }
    }
}

// Whether some text drawn in the frame contains `part`.
inline bool shows(const ui::FrameRecord& r, const std::string& part) {
  for (const auto& t : r.texts)
    if (t.find(part) != std::string::npos) return true;
  return false;
}

// Whether some text drawn in the frame is `text`, whole.
inline bool shows_exactly(const ui::FrameRecord& r, const std::string& text) {
  for (const auto& t : r.texts)
    if (t == text) return true;
  return false;
}

// Every text of the frame on one line, for a failing test's message.
inline std::string all_texts(const ui::FrameRecord& r) {
  std::string out;
  for (const auto& t : r.texts) out += t + " | ";
  return out;
}

}  // namespace kiosk::test
