#include "kiosk/ui/keypad.hpp"
#include "kiosk/ui/text_run.hpp"

#include <string>

#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

struct KeypadKey {
  const char* id;  // its button's id; a digit is its own label, the others' labels are admin.<id>
  AdminKey key;
};

constexpr AdminKey digit(int d) {
  return {AdminKey::Kind::digit, d};
}

}  // namespace

void draw_keypad(UiContext& ctx, ImVec2 min, ImVec2 max, bool enabled) {
  // Phone layout: 1 2 3 on top, Delete 0 OK at the bottom.
  static constexpr KeypadKey kKeys[4][3] = {
      {{"1", digit(1)}, {"2", digit(2)}, {"3", digit(3)}},
      {{"4", digit(4)}, {"5", digit(5)}, {"6", digit(6)}},
      {{"7", digit(7)}, {"8", digit(8)}, {"9", digit(9)}},
      {{"delete", {AdminKey::Kind::erase}}, {"0", digit(0)}, {"enter", {AdminKey::Kind::enter}}}};
  const float gap = ctx.layout.px(14);
  const float w = (max.x - min.x - 2 * gap) / 3, h = (max.y - min.y - 3 * gap) / 4;
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 3; ++c) {
      const KeypadKey& k = kKeys[r][c];
      const std::string id = k.id;
      const bool is_digit = k.key.kind == AdminKey::Kind::digit;
      const std::string& label = is_digit ? id : ctx.str("admin." + id);
      const ImVec2 kmin(min.x + static_cast<float>(c) * (w + gap), min.y + static_cast<float>(r) * (h + gap));
      const ImVec2 kmax(kmin.x + w, kmin.y + h);
      if (!enabled) {
        // Locked: the keys are shown but do not take presses, so nothing suggests they work.
        ImDrawList* dl = canvas();
        fill_rounded_rect(dl, kmin, kmax, ctx.theme.track, ctx.layout.radius * 0.7f);
        const ImVec2 size = measure(ctx.fonts.large, label);
        add_text(dl, ctx.fonts.large, ImVec2((kmin.x + kmax.x - size.x) / 2, (kmin.y + kmax.y - size.y) / 2),
                 ctx.theme.text_muted, label);
        continue;
      }
      const ButtonStyle style =
          k.key.kind == AdminKey::Kind::enter ? ButtonStyle::primary : ButtonStyle::secondary;
      if (button(ctx, "admin.key." + id, label, kmin, kmax, style,
                 is_digit ? ctx.fonts.title : ctx.fonts.large))
        ctx.intents.push_back(k.key);
    }
  }
  if (!enabled) return;
  // A keyboard works too (classrooms): digits and Enter.
  for (char ch : ctx.typed)
    if (ch >= '0' && ch <= '9') ctx.intents.push_back(digit(ch - '0'));
  if (ctx.enter) ctx.intents.push_back(AdminKey{AdminKey::Kind::enter});
}

}  // namespace kiosk::ui
