// What a screen gets to draw one frame, and what it gives back. Screens read the model and
// content, draw, and return intents; they never fetch, parse or write anything.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/core/classroom/classroom.hpp"
#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/core/snapshot.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/intent.hpp"
#include "kiosk/ui/pictures.hpp"
#include "kiosk/ui/screen_id.hpp"
#include "kiosk/ui/text_run.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::search {
class SearchIndex;
}

namespace kiosk::ui {

// The admin overlay (screen_admin.cpp): closed for residents, opened by the hidden gesture, then
// the PIN keypad, then the view. The app fills it; the UI only draws it and returns intents.
struct AdminView {
  enum class Mode { closed, pin, open };
  Mode mode = Mode::closed;
  int pin_digits = 0;      // digits typed so far: shown as dots, never as digits
  bool wrong_pin = false;  // the last PIN was wrong
  int locked_seconds = 0;  // > 0: the keypad is locked for this long after repeated wrong PINs
  // What the open view shows.
  struct Source {
    std::string id;
    SourceState state = SourceState::never_fetched;
    UnixTime last_success = 0;
    int failures = 0;  // in a row
    std::string last_error;
    bool auth_failing = false;  // refused for its key or token: a line of its own
  };
  std::string version, content_version, screen_power;
  std::vector<Source> sources;
  double uptime_seconds = 0;
  double memory_mb = 0;                       // 0: unknown
  double frame_p50_ms = 0, frame_p99_ms = 0;  // 0: not measured (headless)
  bool schedule_paused = false;
  bool locked_down = false;  // fullscreen kiosk: quitting stops the service until restarted
};

// Per-visit state the app owns; an idle reset returns it to default.
struct ScreenState {
  ScreenId screen = ScreenId::home;
  AirState air;  // each screen's own (screen_state.hpp)
  WaterState water;
  BayState bay;
  WasteState waste;
  classroom::Classroom classroom;  // the game round and the quiz (classroom mode)
  AdminView admin;                 // the admin overlay; closed for residents
  bool large_text = false;         // accessibility modes, until the next idle reset
  bool high_contrast = false;
};

// The station, bay page or waste category chosen on the screen on show; empty: none or the default.
inline const std::string& selected_on(const ScreenState& s) {
  static const std::string none;
  switch (s.screen) {
    case ScreenId::air:
      return s.air.station;
    case ScreenId::water:
      return s.water.station;
    case ScreenId::bay:
      return s.bay.page;
    case ScreenId::waste:
      return s.waste.category;
    default:
      return none;
  }
}

// What a frame showed: used by replay (`tap "LABEL"`, `expect text`) and by tests.
struct FrameRecord {
  struct Tappable {
    std::string label;
    ImVec2 min, max;
    ImVec4 clip{-1e9f, -1e9f, 1e9f, 1e9f};  // the visible part of its list, if it scrolls
  };
  std::vector<Tappable> tappables;
  std::vector<std::string> texts;
  struct TextBox {
    ImVec2 min, max;
    ImU32 color;
  };
  std::vector<TextBox> text_boxes;  // where each text was drawn and in which colour (contrast tests)
  std::vector<TextRun> runs;        // every text run as drawn (layout dump and check)
  bool animating = false;           // something moves (a glide, a fade): the app keeps drawing frames
  bool keyboard = false;            // the on-screen keyboard is shown (replay's `type` taps its keys)
  void clear() {
    animating = false;
    text_boxes.clear();
    keyboard = false;
    tappables.clear();
    texts.clear();
    runs.clear();
  }
};

struct UiContext {
  const ContentPack& content;
  const Model& model;
  const ScreenState& state;
  Lang lang = Lang::zh;
  UnixTime now = 0;               // wall clock, UTC
  int zone_offset_minutes = 480;  // the city's offset from UTC, for clock and observation times
  const Theme& theme;
  const Layout& layout;
  const FontSet& fonts;
  std::vector<Intent>& intents;
  FrameRecord& record;
  PictureSource* pictures = nullptr;            // content pictures; null draws placeholders
  const Alert* alert = nullptr;                 // the alert to show over everything, if any
  bool attract = false;                         // attract mode: invite a touch
  const std::string* editor_notice = nullptr;   // editor view only: content problems
  bool classroom = false;                       // classroom mode: the game and the quiz are in the navigation
  std::string typed;                            // text typed on a keyboard since the last frame ("1", "r"…)
  bool enter = false;                           // Enter was pressed since the last frame
  int backspaces = 0;                           // Backspace presses on a keyboard since the last frame
  const search::SearchIndex* search = nullptr;  // the waste search over content.waste_items
  ImFont* tile_heading = nullptr;               // home: the one size of all its tiles' headings

  const std::string& str(const std::string& key) const { return content.strings.get(key, lang); }
  const std::string& tr(const Text& text) const { return text.in(lang); }
  void go_to(ScreenId id) { intents.push_back(GoTo{id}); }
  void play(classroom::Move move) { intents.push_back(Play{std::move(move)}); }
  void hold_pointer() { intents.push_back(HoldPointer{}); }
};

}  // namespace kiosk::ui
