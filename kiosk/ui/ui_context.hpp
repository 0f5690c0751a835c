// What a screen gets to draw one frame, and what it gives back. Screens read the model and
// content, draw, and return intents; they never fetch, parse or write anything.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/model.hpp"
#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/screen_id.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {

// Something a resident asked for; the app carries it out between frames.
struct Intent {
  enum class Kind {
    go_to,            // screen
    toggle_language,
    select,           // id: a station, bay, category or tip, depending on the screen
    back,             // close the open detail
  };
  Kind kind = Kind::go_to;
  ScreenId screen = ScreenId::home;
  std::string id;
};

// Per-visit state the app owns; an idle reset returns it to default.
struct ScreenState {
  ScreenId screen = ScreenId::home;
  std::string selected;  // the station/bay/category/tip open on the current screen, if any
};

// What a frame showed: used by replay (`tap "LABEL"`, `expect text`) and by tests.
struct FrameRecord {
  struct Tappable {
    std::string label;
    ImVec2 min, max;
  };
  std::vector<Tappable> tappables;
  std::vector<std::string> texts;
  void clear() {
    tappables.clear();
    texts.clear();
  }
};

struct UiContext {
  const ContentPack& content;
  const Model& model;
  const ScreenState& state;
  Lang lang = Lang::zh;
  UnixTime now = 0;              // wall clock, UTC
  int zone_offset_minutes = 480;  // the city's offset from UTC, for clock and observation times
  const Theme& theme;
  const Layout& layout;
  const FontSet& fonts;
  std::vector<Intent>& intents;
  FrameRecord& record;

  const std::string& str(const std::string& key) const { return content.strings.get(key, lang); }
  const std::string& tr(const Text& text) const { return text.in(lang); }
  void go_to(ScreenId id) { intents.push_back({Intent::Kind::go_to, id, {}}); }
  void select(std::string id) { intents.push_back({Intent::Kind::select, state.screen, std::move(id)}); }
};

}  // namespace kiosk::ui
