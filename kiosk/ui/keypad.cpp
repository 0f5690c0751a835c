#include "kiosk/ui/keypad.hpp"
#include "kiosk/ui/text_run.hpp"

#include <string>

#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

void key(UiContext& ctx, const std::string& id) {
  ctx.intents.push_back({Intent::Kind::admin_key, ctx.state.screen, id});
}

}  // namespace

void draw_keypad(UiContext& ctx, ImVec2 min, ImVec2 max, bool enabled) {
  // Phone layout: 1 2 3 on top, Delete 0 OK at the bottom.
  static const char* const kKeys[4][3] = {
      {"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"delete", "0", "enter"}};
  const float gap = ctx.layout.px(14);
  const float w = (max.x - min.x - 2 * gap) / 3, h = (max.y - min.y - 3 * gap) / 4;
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 3; ++c) {
      const std::string id = kKeys[r][c];
      const bool digit = id.size() == 1;
      const std::string& label = digit ? id : ctx.str("admin." + id);
      const ImVec2 kmin(min.x + static_cast<float>(c) * (w + gap), min.y + static_cast<float>(r) * (h + gap));
      const ImVec2 kmax(kmin.x + w, kmin.y + h);
      if (!enabled) {
        // Locked: the keys are shown but do not take presses, so nothing suggests they work.
        ImDrawList* dl = canvas();
        dl->AddRectFilled(kmin, kmax, ctx.theme.track, ctx.layout.radius * 0.7f);
        const ImVec2 size = measure(ctx.fonts.large, label);
        add_text(dl, ctx.fonts.large, ImVec2((kmin.x + kmax.x - size.x) / 2, (kmin.y + kmax.y - size.y) / 2),
                 ctx.theme.text_muted, label);
        continue;
      }
      const ButtonStyle style = id == "enter" ? ButtonStyle::primary : ButtonStyle::secondary;
      if (button(ctx, "admin.key." + id, label, kmin, kmax, style, digit ? ctx.fonts.title : ctx.fonts.large))
        key(ctx, id);
    }
  }
  if (!enabled) return;
  // A keyboard works too (classrooms): digits and Enter.
  for (char ch : ctx.typed)
    if (ch >= '0' && ch <= '9') key(ctx, std::string(1, ch));
  if (ctx.enter) key(ctx, "enter");
}

}  // namespace kiosk::ui
