// Siblings share one size: the home tiles' headings, the bins' names, the navigation's labels, the bays
// list's names, the travel tips' titles and the waste items' names are each drawn at one size, so one long
// name never looks less important than the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "ui/headless_app.hpp"

namespace kiosk {
namespace {

// The run's centre on the visible part of the target (a scrolled list's target may reach under the bar).
bool on(const ui::TextRun& run, const ui::FrameRecord::Tappable& t) {
  const ImVec2 c((run.min.x + run.max.x) / 2, (run.min.y + run.max.y) / 2);
  return c.x >= std::max(t.min.x, t.clip.x) && c.x <= std::min(t.max.x, t.clip.z) &&
         c.y >= std::max(t.min.y, t.clip.y) && c.y <= std::min(t.max.y, t.clip.w);
}

// The sizes of the runs drawn on the targets labelled with one of `labels`, in the navigation bar (at the
// screen's bottom, not in a scrolling list) or above it, whose text `shows` accepts.
template <typename Shows>
std::set<float> sizes_on(const ui::FrameRecord& r, float bottom, const std::set<std::string>& labels,
                         bool in_navigation, Shows shows) {
  std::set<float> px;
  for (const auto& t : r.tappables)
    if (labels.count(t.label) && (std::abs(t.max.y - bottom) < 1 && t.clip.w >= bottom - 1) == in_navigation)
      for (const ui::TextRun& run : r.runs)
        if (on(run, t) && shows(t.label, run.text)) px.insert(run.px);
  return px;
}

// The sizes of the runs that show one of `texts` whole.
std::set<float> sizes_of(const ui::FrameRecord& r, const std::set<std::string>& texts) {
  std::set<float> px;
  for (const ui::TextRun& run : r.runs)
    if (texts.count(run.text)) px.insert(run.px);
  return px;
}

std::string sizes(const std::set<float>& px) {
  std::string out;
  for (float p : px) out += std::to_string(static_cast<int>(p)) + " px ";
  return out;
}

// Home: the tiles' headings, the bins' names and the navigation's labels.
void expect_home_siblings_share_sizes(test::HeadlessKiosk& k, int h, Lang lang) {
  const ContentPack& pack = k.app->content();
  k.draw(ui::ScreenId::home);
  const ui::FrameRecord& r = k.app->record();
  std::set<std::string> tiles, nav;
  std::map<std::string, std::string> short_name;
  for (const auto& s : kScreens) {
    const std::string& label = pack.strings.get(std::string(s.nav_key), lang);
    nav.insert(label);
    if (s.tile_key.empty()) continue;
    const std::string& title = pack.strings.get(std::string(s.tile_key), lang);
    tiles.insert(title);
    short_name[title] = label;
  }
  const auto heading = [&](const std::string& title, const std::string& text) {
    return text == title || text == short_name[title];
  };
  const auto label = [](const std::string& l, const std::string& text) {
    return l.find(text) != std::string::npos;  // whole, or one of its two lines
  };
  EXPECT_EQ(sizes_on(r, static_cast<float>(h), tiles, false, heading).size(), 1u)
      << "tile headings: " << sizes(sizes_on(r, static_cast<float>(h), tiles, false, heading));
  EXPECT_EQ(sizes_on(r, static_cast<float>(h), nav, true, label).size(), 1u)
      << "navigation labels: " << sizes(sizes_on(r, static_cast<float>(h), nav, true, label));
  // The bins' names on the waste tile, whole or one of their two lines.
  const std::string waste = pack.strings.get(std::string(screen_info(ui::ScreenId::waste).tile_key), lang);
  const auto bin_name = [&](const std::string&, const std::string& text) {
    for (const auto& cat : pack.waste_categories)
      if (!text.empty() && cat.name.in(lang).find(text) != std::string::npos) return true;
    return false;
  };
  // (Under 800x480's large text the bins may be scrolled out of sight.)
  EXPECT_LE(sizes_on(r, static_cast<float>(h), {waste}, false, bin_name).size(), 1u)
      << "bin names: " << sizes(sizes_on(r, static_cast<float>(h), {waste}, false, bin_name));
}

// The bays list's names, the travel tips' titles and the waste items' names: in large text the longest of
// them
// ("Island-Group Waters") no longer fits at heading size, and all of them step down together.
void expect_list_siblings_share_sizes(test::HeadlessKiosk& k, int h, Lang lang) {
  const ContentPack& pack = k.app->content();
  k.draw(ui::ScreenId::bay);
  std::set<std::string> names{pack.strings.get("bay.plan_title", lang)};
  for (const BayPage& bay : pack.bays) names.insert(bay.name.in(lang));
  const auto whole = [](const std::string& label, const std::string& text) { return text == label; };
  EXPECT_EQ(sizes_on(k.app->record(), static_cast<float>(h), names, false, whole).size(), 1u)
      << "bay names: " << sizes(sizes_on(k.app->record(), static_cast<float>(h), names, false, whole));
  k.draw(ui::ScreenId::travel);
  std::set<std::string> titles;
  for (const TravelTip& tip : pack.tips) titles.insert(tip.title.in(lang));
  EXPECT_LE(sizes_of(k.app->record(), titles).size(), 1u)
      << "tip titles: " << sizes(sizes_of(k.app->record(), titles));
  k.draw(ui::ScreenId::waste);
  std::set<std::string> items;
  for (const WasteItem& item : pack.waste_items) items.insert(item.name.in(lang));
  EXPECT_LE(sizes_of(k.app->record(), items).size(), 1u)
      << "waste items' names: " << sizes(sizes_of(k.app->record(), items));
}

TEST(SiblingSizes, HeadingsNamesAndLabelsShareOneSizeAtEverySizeLanguageAndTextSize) {
  test::at_every_size_language_and_text_size([](test::HeadlessKiosk& k, int h, Lang lang) {
    expect_home_siblings_share_sizes(k, h, lang);
    expect_list_siblings_share_sizes(k, h, lang);
  });
}

}  // namespace
}  // namespace kiosk
