#include "kiosk/app/replay_runner.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "kiosk/app/data_setup.hpp"
#include "kiosk/app/kiosk_app.hpp"
#include "kiosk/core/replay_script.hpp"
#include "kiosk/core/search/search_text.hpp"
#include "kiosk/ui/keyboard.hpp"

namespace kiosk {
namespace fs = std::filesystem;
namespace {

constexpr double kFrame = 1.0 / 60;

class Player {
 public:
  Player(KioskApp& app, ManualClock& clock, render::HeadlessDisplay& display)
      : app_(app), clock_(clock), display_(display) {}

  // One simulated display refresh: time passes and the app draws if it needs to.
  void tick() {
    clock_.advance(kFrame);
    app_.frame();
  }
  // Makes sure what the record says is what is on screen now: pictures asked for are in (one arriving
  // under the finger would move the map's markers between the press and the release), and the frames
  // they and the last input asked for are drawn.
  void settle() {
    app_.wait_for_pictures();
    for (int i = 0; i < 8 && app_.wants_frame(); ++i) {
      tick();
      app_.wait_for_pictures();
    }
  }
  void mouse(Uint32 type, float x, float y) {
    if (type != SDL_MOUSEMOTION) down_ = type == SDL_MOUSEBUTTONDOWN;
    app_.handle_event(finger_event(type, x, y, clock_.monotonic(), down_));
  }
  void tap(float x, float y) {
    mouse(SDL_MOUSEMOTION, x, y);
    mouse(SDL_MOUSEBUTTONDOWN, x, y);
    tick();
    for (int i = 0; i < 5; ++i) tick();  // a finger rests about 80 ms
    mouse(SDL_MOUSEBUTTONUP, x, y);
    tick();
    settle();
  }
  void drag(float x1, float y1, float x2, float y2, double seconds) {
    mouse(SDL_MOUSEMOTION, x1, y1);
    mouse(SDL_MOUSEBUTTONDOWN, x1, y1);
    tick();
    const int steps = std::max(1, static_cast<int>(std::ceil(seconds / kFrame)));
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      mouse(SDL_MOUSEMOTION, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
      tick();
    }
    mouse(SDL_MOUSEBUTTONUP, x2, y2);
    tick();
    settle();
  }
  // `text`: what the key types, sent between press and release as SDL does for a physical keyboard.
  void key(SDL_Keycode code, const std::string& text = {}) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = code;
    e.key.state = SDL_PRESSED;
    app_.handle_event(e);
    if (!text.empty()) {
      SDL_Event t{};
      t.type = SDL_TEXTINPUT;
      std::snprintf(t.text.text, sizeof t.text.text, "%s", text.c_str());
      app_.handle_event(t);
    }
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    app_.handle_event(e);
    tick();
    settle();
  }
  void wait(double seconds) {
    const int steps = static_cast<int>(std::llround(seconds / kFrame));
    for (int i = 0; i < steps; ++i) tick();
  }

 private:
  KioskApp& app_;
  ManualClock& clock_;
  render::HeadlessDisplay& display_;
  bool down_ = false;
};

std::string visible_labels(const ui::FrameRecord& record) {
  std::string out;
  int n = 0;
  for (const auto& t : record.tappables) {
    if (n++ == 12) {
      out += ", …";
      break;
    }
    out += (out.empty() ? "\"" : ", \"") + t.label + "\"";
  }
  return out.empty() ? "none" : out;
}

}  // namespace

ReplayResult run_replay(const fs::path& script_path, const fs::path& out, const ResolvedView& view,
                        const fs::path& layout_path) {
  ReplayResult result;
  const std::string name = script_path.string();
  auto fail = [&](int line, const std::string& message) {
    result.ok = false;
    result.error = name + ":" + std::to_string(line) + ": " + message;
    return result;
  };
  std::ifstream in(script_path, std::ios::binary);
  if (!in) return fail(0, "cannot be read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  ReplayScript script = parse_replay(buffer.str());
  if (!script.error.empty()) {
    result.ok = false;
    result.error = name + ":" + script.error;
    return result;
  }
  std::string error;
  auto display = render::HeadlessDisplay::create(view.size.width, view.size.height, error);
  if (!display) return fail(0, error);
  SystemClock system;
  ManualClock clock(view.now.value_or(system.wall()));
  KioskApp app(*display, clock);
  if (!app.start({view.content, view.lang, view.classroom}, error)) return fail(0, error);
  app.set_feed(make_data_feed(app.content(), FetchMode::once, clock));
  if (!app.prepare(error)) return fail(0, error);
  std::ofstream layout;
  if (!layout_path.empty()) {
    layout.open(layout_path, std::ios::binary | std::ios::trunc);
    if (!layout) return fail(0, "--layout '" + layout_path.string() + "' cannot be written");
  }
  Player player(app, clock, *display);
  app.set_rasterize(false);  // frames are built as on a screen; pixels only for `shot`
  app.frame(true);
  player.settle();

  for (const ReplayStep& step : script.steps) {
    using K = ReplayStep::Kind;
    switch (step.kind) {
      case K::tap_at:
        player.tap(step.x1, step.y1);
        break;
      case K::tap_label: {
        player.settle();
        const ui::FrameRecord::Tappable* hit = nullptr;
        for (const auto& t : app.record().tappables)
          if (t.label == step.text) {
            hit = &t;
            break;
          }
        if (!hit)
          return fail(step.line, "tap \"" + step.text + "\": nothing tappable is labelled so on screen '" +
                                     ui::screen_name(app.screen()) +
                                     "'; tappable: " + visible_labels(app.record()));
        player.tap((hit->min.x + hit->max.x) / 2, (hit->min.y + hit->max.y) / 2);
        break;
      }
      case K::swipe: {
        const float w = static_cast<float>(view.size.width), h = static_cast<float>(view.size.height);
        if (step.text == "left") player.drag(w * 0.8f, h * 0.5f, w * 0.2f, h * 0.5f, 0.25);
        if (step.text == "right") player.drag(w * 0.2f, h * 0.5f, w * 0.8f, h * 0.5f, 0.25);
        if (step.text == "up") player.drag(w * 0.5f, h * 0.75f, w * 0.5f, h * 0.3f, 0.25);
        if (step.text == "down") player.drag(w * 0.5f, h * 0.3f, w * 0.5f, h * 0.75f, 0.25);
        break;
      }
      case K::drag:
        player.drag(step.x1, step.y1, step.x2, step.y2, step.seconds);
        break;
      case K::type: {
        // As if typed on the on-screen keyboard: one tap a character on the key labelled with it.
        for (size_t i = 0; i < step.text.size();) {
          const size_t at = i;
          const char32_t c = search::next_code_point(step.text, i);
          player.settle();
          if (!app.record().keyboard)
            return fail(step.line, "type: there is no on-screen keyboard on screen '" +
                                       std::string(ui::screen_name(app.screen())) +
                                       "' (the waste screen has one)");
          const std::string label =
              c < 0x80 ? ui::keyboard_label(static_cast<char>(c), app.content().strings, app.lang())
                       : std::string();
          const ui::FrameRecord::Tappable* key = nullptr;
          for (const auto& t : app.record().tappables)
            if (!label.empty() && t.label == label) {
              key = &t;
              break;
            }
          if (!key)
            return fail(step.line, "type: the on-screen keyboard has no key for '" +
                                       step.text.substr(at, i - at) + "' (it has letters, digits and space)");
          player.tap((key->min.x + key->max.x) / 2, (key->min.y + key->max.y) / 2);
        }
        break;
      }
      case K::key: {
        if (step.text.size() == 1) {  // a letter or digit
          player.key(static_cast<SDL_Keycode>(std::tolower(static_cast<unsigned char>(step.text[0]))),
                     step.text);
          break;
        }
        SDL_Keycode code = step.text == "escape"      ? SDLK_ESCAPE
                           : step.text == "left"      ? SDLK_LEFT
                           : step.text == "right"     ? SDLK_RIGHT
                           : step.text == "backspace" ? SDLK_BACKSPACE
                                                      : SDLK_RETURN;
        player.key(code);
        break;
      }
      case K::wait:
        player.wait(step.seconds);
        break;
      case K::shot: {
        player.settle();
        app.wait_for_pictures();
        app.set_rasterize(true);
        app.frame(true);
        app.set_rasterize(false);
        std::error_code ec;
        fs::create_directories(out, ec);
        if (!display->save_png((out / (step.text + ".png")).string(), error)) return fail(step.line, error);
        if (layout.is_open()) {
          ui::LayoutFrame frame = app.layout_frame();
          frame.screen += " (" + step.text + ")";
          layout << ui::layout_dump(app.record(), frame) << std::flush;
          if (!layout) return fail(step.line, "--layout '" + layout_path.string() + "' could not be written");
        }
        break;
      }
      case K::expect_screen:
        player.settle();
        if (!ui::screen_from_name(step.text))
          return fail(step.line,
                      "expect screen: '" + step.text + "' is not a screen (" + ui::screen_names() + ")");
        if (step.text != ui::screen_name(app.screen()))
          return fail(step.line, "expected screen '" + step.text + "', but the screen is '" +
                                     ui::screen_name(app.screen()) + "'");
        break;
      case K::expect_intent: {
        player.settle();
        const std::string name = step.text.substr(0, step.text.find(' '));
        if (std::find(ui::kIntentNames.begin(), ui::kIntentNames.end(), name) == ui::kIntentNames.end()) {
          std::string names;
          for (std::string_view n : ui::kIntentNames) names += (names.empty() ? "" : ", ") + std::string(n);
          return fail(step.line, "expect intent: '" + name + "' is not an intent (" + names + ")");
        }
        // A name alone matches any payload; a name with a payload matches exactly.
        const auto& seen = app.intents_carried_out();
        const bool found = std::any_of(seen.begin(), seen.end(), [&](const std::string& s) {
          return s == step.text || (name == step.text && s.starts_with(step.text + " "));
        });
        if (!found) {
          std::string list;
          for (const std::string& s : seen) list += (list.empty() ? "" : ", ") + s;
          return fail(step.line, "expected intent '" + step.text +
                                     "', but the intents carried out since the last one expected were: " +
                                     (list.empty() ? "none" : list));
        }
        app.forget_intents();
        break;
      }
      case K::expect_text: {
        player.settle();
        bool found = false;
        for (const auto& t : app.record().texts) found = found || t.find(step.text) != std::string::npos;
        if (!found) {
          std::string seen;
          for (const auto& t : app.record().texts) {
            if (seen.size() > 200) {
              seen += " …";
              break;
            }
            seen += (seen.empty() ? "\"" : ", \"") + t + "\"";
          }
          return fail(step.line, "expected text \"" + step.text + "\" is not on screen '" +
                                     ui::screen_name(app.screen()) + "'; visible: " + seen);
        }
        break;
      }
    }
  }
  return result;
}

}  // namespace kiosk
