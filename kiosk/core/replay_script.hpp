// The replay language: a plain-text script of touches, waits, screenshots and expectations,
// one action a line, run headless on a simulated clock through the kiosk's real input path.
//
//   tap X Y              tap "LABEL"            swipe left|right|up|down
//   drag X1 Y1 X2 Y2 MS  type TEXT              key NAME
//   wait 2.5s            shot NAME              expect screen NAME
//   expect text "TEXT"   expect intent NAME     # comment
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ReplayStep {
  enum class Kind {
    tap_at,
    tap_label,
    swipe,
    drag,
    type,
    key,
    wait,
    shot,
    expect_screen,
    expect_text,
    expect_intent,  // text: an intent's name, or its name and payload ("set_air_view list 7d")
  };
  Kind kind = Kind::wait;
  int line = 0;
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double seconds = 0;  // wait, drag duration
  std::string text;    // label, text, key, shot name, screen name, intent, swipe direction
};

struct ReplayScript {
  std::vector<ReplayStep> steps;
  std::string error;  // "LINE: message" for the first bad line; empty when the script is good
};

ReplayScript parse_replay(std::string_view source);

// Keys `key NAME` accepts, besides one letter or digit.
constexpr const char* kReplayKeys[] = {"escape", "left", "right", "backspace", "enter"};

}  // namespace kiosk
