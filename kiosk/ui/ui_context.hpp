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
#include "kiosk/ui/pictures.hpp"
#include "kiosk/ui/screen_id.hpp"
#include "kiosk/ui/text_run.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::search {
class SearchIndex;
}

namespace kiosk::ui {

// Something a resident asked for; the app carries it out between frames.
struct Intent {
  enum class Kind {
    go_to,  // screen
    toggle_language,
    toggle_large_text,  // accessibility: bigger text everywhere
    toggle_contrast,    // accessibility: the high-contrast theme
    select,             // id: a station, bay, category or tip, depending on the screen
    select_detail,      // id: a part of the selected item (a hotspot on a bay map)
    back,               // close the open detail
    hold_pointer,       // the finger is dragging something of the screen's: this press is no swipe
    classroom,          // move: a step in the classroom game or quiz
    admin_corner,       // the hidden admin corner is held this frame (the app times the gesture)
    admin_key,          // id: a digit "0".."9", "delete" or "enter", typed on the admin keypad
    admin_action,       // id: "reload", "schedule", "quit" or "close", from the admin view
    search,             // id: the waste search's new text (a key typed, a backspace, or cleared)
    open_item,          // id: the waste item whose card to show; empty closes the card
    search_missed,      // id: the normalised search term for which "nothing found" is on screen
  };
  Kind kind = Kind::go_to;
  ScreenId screen = ScreenId::home;
  std::string id;
  classroom::Move move;
};

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
  std::string selected;            // the station/bay/category/tip open on the current screen, if any
  std::string detail;              // a part of it (a bay map's hotspot), if any
  classroom::Classroom classroom;  // the game round and the quiz (classroom mode)
  AdminView admin;                 // the admin overlay; closed for residents
  std::string search;              // text typed into the waste search
  std::string item;                // the waste item whose card is open, if any
  bool large_text = false;         // accessibility modes, until the next idle reset
  bool high_contrast = false;
};

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

  const std::string& str(const std::string& key) const { return content.strings.get(key, lang); }
  const std::string& tr(const Text& text) const { return text.in(lang); }
  void go_to(ScreenId id) { intents.push_back({Intent::Kind::go_to, id, {}}); }
  void select(std::string id) { intents.push_back({Intent::Kind::select, state.screen, std::move(id)}); }
  void play(classroom::Move move) {
    intents.push_back({Intent::Kind::classroom, state.screen, {}, std::move(move)});
  }
  void hold_pointer() { intents.push_back({Intent::Kind::hold_pointer, state.screen, {}}); }
  void select_detail(std::string id) {
    intents.push_back({Intent::Kind::select_detail, state.screen, std::move(id)});
  }
};

}  // namespace kiosk::ui
