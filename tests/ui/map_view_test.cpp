// The city map on the air and water screens: a station that has not reported is grey and says "no
// data", never shown in a level's colour; every station with a position on the map can be tapped.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kiosk/ui/theme.hpp"
#include "kiosk/ui/widgets.hpp"
#include "support/run_command.hpp"
#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

using test::shows_exactly;

namespace fs = std::filesystem;

// The demo content plus one air and one river station that no source reports.
struct SilentStations {
  test::TempDir dir;
  std::string content() const { return dir / "content"; }
  SilentStations() {
    fs::copy(KIOSK_CONTENT_DIR, dir / "content", fs::copy_options::recursive);
    std::ofstream(dir / "content/stations.toml", std::ios::app)
        << "\n[[station]]\nid = \"air-silent\"\nkind = \"air\"\n"
           "name = { zh = \"静默站\", en = \"Silent station\" }\nlat = 37.50\nlon = 121.56\nsource = "
           "\"demo-air\"\n"
           "\n[[station]]\nid = \"river-silent\"\nkind = \"river\"\n"
           "name = { zh = \"静默断面\", en = \"Silent section\" }\nlat = 37.40\nlon = 121.30\nsource = "
           "\"demo-water\"\n";
  }
};

const ui::FrameRecord::Tappable* tappable(const ui::FrameRecord& r, const std::string& label) {
  for (const auto& t : r.tappables)
    if (t.label == label) return &t;
  return nullptr;
}

struct Colours {
  int grey = 0;      // the "no data" fill
  int coloured = 0;  // any level or class colour
};

Colours colours_in(const SDL_Surface* s, ImVec2 min, ImVec2 max) {
  Colours c;
  for (int y = std::max(0, static_cast<int>(min.y)); y < std::min(s->h, static_cast<int>(max.y)); ++y)
    for (int x = std::max(0, static_cast<int>(min.x)); x < std::min(s->w, static_cast<int>(max.x)); ++x) {
      const auto* p = static_cast<const unsigned char*>(s->pixels) + y * s->pitch + x * 4;
      if (p[0] == 112 && p[1] == 122 && p[2] == 132) ++c.grey;
      // Saturated colours: every AQI level and water class has a channel spread of 150 or more.
      if (std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) >= 150) ++c.coloured;
    }
  return c;
}

TEST(MapView, AirStationWithoutDataIsGreyAndSaysNoData) {
  SilentStations pack;
  test::HeadlessKiosk k(1920, 1080, Lang::en, pack.content());
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::air);
  const auto* marker = tappable(k.app->record(), "Silent station");
  ASSERT_NE(marker, nullptr) << "the silent station has no marker on the map";
  const Colours c = colours_in(k.display->surface(), marker->min, marker->max);
  EXPECT_GT(c.grey, 200);
  EXPECT_EQ(c.coloured, 0) << "a station without data is drawn in a level's colour";
  EXPECT_TRUE(shows_exactly(k.app->record(), "No data"));
  // A station that reports is coloured.
  const auto* harbour = tappable(k.app->record(), "Harbour Town");
  ASSERT_NE(harbour, nullptr);
  EXPECT_GT(colours_in(k.display->surface(), harbour->min, harbour->max).coloured, 200);
}

TEST(MapView, WaterStationWithoutDataIsGreyAndSaysNoData) {
  SilentStations pack;
  test::HeadlessKiosk k(1280, 800, Lang::en, pack.content());
  ASSERT_TRUE(k.ok) << k.error;
  k.draw(ui::ScreenId::water);
  const auto* marker = tappable(k.app->record(), "Silent section");
  ASSERT_NE(marker, nullptr);
  const Colours c = colours_in(k.display->surface(), marker->min, marker->max);
  EXPECT_GT(c.grey, 100);
  EXPECT_EQ(c.coloured, 0);
}

TEST(MapView, EveryStationIsATouchTargetAtEverySize) {
  for (auto [w, h] : {std::pair{1920, 1080}, {1280, 800}, {800, 480}, {1080, 1920}}) {
    test::HeadlessKiosk k(w, h, Lang::en);
    ASSERT_TRUE(k.ok) << k.error;
    for (ui::ScreenId screen : {ui::ScreenId::air, ui::ScreenId::water}) {
      k.draw(screen);
      for (const Station& s : k.app->content().stations) {
        const bool on_screen = s.kind == "air" ? screen == ui::ScreenId::air : screen == ui::ScreenId::water;
        if (!on_screen) continue;
        const auto* t = tappable(k.app->record(), s.name.en);
        ASSERT_NE(t, nullptr) << s.id << " at " << w << "x" << h;
        const float touch = ui::make_layout(ImVec2(static_cast<float>(w), static_cast<float>(h))).touch;
        EXPECT_GE(t->max.x - t->min.x, touch - 1) << s.id;
        EXPECT_GE(t->max.y - t->min.y, touch - 1) << s.id;
      }
    }
  }
}

// The map is laid out at the size the picture will have while it still loads (the header check at start
// knows it), so the markers never move under a finger when it arrives.
TEST(MapView, AMapStillLoadingTakesThePlaceThePictureWillHave) {
  test::HeadlessKiosk k(1280, 800);
  ASSERT_TRUE(k.ok) << k.error;
  const ContentPack& pack = k.app->content();
  const std::string& map = pack.settings.map_picture;
  ASSERT_EQ(pack.picture_sizes.count(map), 1u) << "the header check knows the map's size";
  const PictureSize size = pack.picture_sizes.at(map);
  const Model model;
  const ui::ScreenState state;
  const ui::Theme theme;
  const ui::Layout layout;
  const ui::FontSet fonts;
  std::vector<ui::Intent> intents;
  ui::FrameRecord record;
  const ui::UiContext ctx{pack, model, state, Lang::zh, 0, 480, theme, layout, fonts, intents, record};
  const ImVec2 box(580, 600);
  const ImVec2 loading = ui::fitted_size(ctx, map, ui::Picture{}, box);
  // The cache's copy is decoded at the drawn size, rounded: its own proportions differ a little.
  const ImVec2 loaded =
      ui::fitted_size(ctx, map, ui::Picture{reinterpret_cast<ImTextureID>(1), 640, 401}, box);
  EXPECT_EQ(loading.x, loaded.x);
  EXPECT_EQ(loading.y, loaded.y);
  EXPECT_FLOAT_EQ(loading.x / loading.y, static_cast<float>(size.width) / static_cast<float>(size.height));
  const ImVec2 broken = ui::fitted_size(ctx, map, ui::Picture{nullptr, 0, 0, true}, box);
  EXPECT_EQ(broken.x, box.x) << "a broken picture's placeholder fills its box";
  EXPECT_EQ(broken.y, box.y);
}

}  // namespace
}  // namespace kiosk
