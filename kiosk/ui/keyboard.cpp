#include "kiosk/ui/keyboard.hpp"
#include "kiosk/ui/text_run.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

// Rows in units of one letter key: digits, then QWERTY as on every phone and classroom keyboard;
// Clear and Backspace frame the bottom letter row, space sits under it.
struct KeySpec {
  float x = 0, w = 1;  // in key units from the left edge
  KeyboardKey key;
};

std::vector<std::vector<KeySpec>> rows() {
  std::vector<std::vector<KeySpec>> out;
  auto letters = [](const char* s, float x0) {
    std::vector<KeySpec> row;
    for (int i = 0; s[i]; ++i)
      row.push_back({x0 + static_cast<float>(i), 1, {KeyboardKey::Kind::character, s[i]}});
    return row;
  };
  out.push_back(letters("1234567890", 0));
  out.push_back(letters("qwertyuiop", 0));
  out.push_back(letters("asdfghjkl", 0.5f));
  std::vector<KeySpec> bottom = letters("zxcvbnm", 1.5f);
  bottom.insert(bottom.begin(), {0, 1.5f, {KeyboardKey::Kind::clear, 0}});
  bottom.push_back({8.5f, 1.5f, {KeyboardKey::Kind::backspace, 0}});
  out.push_back(bottom);
  out.push_back({{2, 6, {KeyboardKey::Kind::character, ' '}}});
  return out;
}

float key_gap(const Layout& l) {
  return l.px(10);
}

float key_height(const Layout& l, float width) {
  const float unit = (width - 9 * key_gap(l)) / 10;
  return std::clamp(unit * 0.9f, l.touch, l.px(96));
}

// A key that erases to the left: a tag pointing left with a cross in it.
void backspace_icon(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
  const float t = std::max(1.5f, s * 0.08f);
  const ImVec2 p[5] = {{c.x - s * 0.5f, c.y},
                       {c.x - s * 0.2f, c.y - s * 0.32f},
                       {c.x + s * 0.5f, c.y - s * 0.32f},
                       {c.x + s * 0.5f, c.y + s * 0.32f},
                       {c.x - s * 0.2f, c.y + s * 0.32f}};
  dl->AddPolyline(p, 5, col, ImDrawFlags_Closed, t);
  const float x = c.x + s * 0.14f, d = s * 0.14f;
  dl->AddLine(ImVec2(x - d, c.y - d), ImVec2(x + d, c.y + d), col, t);
  dl->AddLine(ImVec2(x - d, c.y + d), ImVec2(x + d, c.y - d), col, t);
}

std::string label_of(const KeyboardKey& k, const UiContext& ctx) {
  switch (k.kind) {
    case KeyboardKey::Kind::clear:
      return ctx.str("keyboard.clear");
    case KeyboardKey::Kind::backspace:
      return ctx.str("keyboard.backspace");
    default:
      return keyboard_label(k.character, ctx.content.strings, ctx.lang);
  }
}

}  // namespace

float keyboard_min_width(const Layout& l) {
  return 10 * l.touch + 9 * key_gap(l);
}

float keyboard_height(const Layout& l, float width) {
  return 5 * key_height(l, width) + 4 * key_gap(l);
}

std::string keyboard_label(char c, const Strings& strings, Lang lang) {
  if (c >= 'a' && c <= 'z') return std::string(1, static_cast<char>(c - 'a' + 'A'));
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return std::string(1, c);
  if (c == ' ') return strings.get("keyboard.space", lang);
  return {};
}

KeyboardKey draw_keyboard(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float gap = key_gap(l);
  const float width = max.x - min.x;
  const float unit = (width - 9 * gap) / 10;
  const float h = key_height(l, width);
  ImDrawList* dl = canvas();
  KeyboardKey tapped;
  struct Bubble {
    ImVec2 min, max;
    std::string label;
  };
  std::optional<Bubble> bubble;

  const auto all = rows();
  for (size_t r = 0; r < all.size(); ++r) {
    const float y = min.y + static_cast<float>(r) * (h + gap);
    for (const KeySpec& spec : all[r]) {
      const ImVec2 kmin(std::round(min.x + spec.x * (unit + gap)), std::round(y));
      const ImVec2 kmax(std::round(kmin.x + spec.w * unit + (spec.w - 1) * gap), std::round(y + h));
      const std::string label = label_of(spec.key, ctx);
      const std::string id =
          spec.key.kind == KeyboardKey::Kind::character
              ? std::string("key.") +
                    (spec.key.character == ' ' ? "space" : std::string(1, spec.key.character))
          : spec.key.kind == KeyboardKey::Kind::clear ? "key.clear"
                                                      : "key.backspace";
      const Press p = touch_area(ctx, id, label, kmin, kmax);
      const bool function = spec.key.kind != KeyboardKey::Kind::character || spec.key.character == ' ';
      ImU32 fill = function ? t.track : t.surface, fg = t.text;
      if (p.held) {
        fill = t.accent;
        fg = t.on_accent;
      }
      fill_rounded_rect(dl, ImVec2(kmin.x, kmin.y + l.px(3)), ImVec2(kmax.x, kmax.y + l.px(3)), t.border,
                        l.radius * 0.6f);
      fill_rounded_rect(dl, kmin, kmax, fill, l.radius * 0.6f);
      if (spec.key.kind == KeyboardKey::Kind::backspace) {
        // The icon says what the key does in any language; the word says it to those who read.
        const float icon = std::min(h * 0.5f, l.px(44));
        const ImVec2 size = measure(ctx.fonts.small, label);
        const float total = icon + l.px(10) + size.x;
        if (total < kmax.x - kmin.x - l.px(12)) {
          const float x0 = (kmin.x + kmax.x - total) / 2;
          backspace_icon(dl, ImVec2(x0 + icon / 2, (kmin.y + kmax.y) / 2), icon, fg);
          text(ctx, ctx.fonts.small, ImVec2(x0 + icon + l.px(10), (kmin.y + kmax.y - size.y) / 2), fg, label);
        } else {
          backspace_icon(dl, ImVec2((kmin.x + kmax.x) / 2, (kmin.y + kmax.y) / 2), icon, fg);
          ctx.record.texts.push_back(label);
        }
      } else {
        text_centered(ctx, function ? ctx.fonts.body : ctx.fonts.large, kmin, kmax, fg, label);
      }
      if (p.held && !function) bubble = Bubble{kmin, kmax, label};
      if (p.clicked) tapped = spec.key;
    }
  }
  // The finger covers the key it presses: show the letter above it.
  if (bubble) {
    const float w = (bubble->max.x - bubble->min.x) * 1.3f, bh = h * 1.2f;
    const float cx = (bubble->min.x + bubble->max.x) / 2;
    const ImVec2 bmin(std::clamp(cx - w / 2, min.x, max.x - w), bubble->min.y - bh - gap);
    const ImVec2 bmax(bmin.x + w, bmin.y + bh);
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    fill_rounded_rect(fg, ImVec2(bmin.x, bmin.y + l.px(4)), ImVec2(bmax.x, bmax.y + l.px(4)),
                      IM_COL32(16, 46, 68, 60), l.radius * 0.6f);
    fill_rounded_rect(fg, bmin, bmax, t.accent, l.radius * 0.6f);
    ImFont* font = ctx.fonts.title;
    const ImVec2 size = measure(font, bubble->label);
    add_text(fg, font, ImVec2((bmin.x + bmax.x - size.x) / 2, (bmin.y + bmax.y - size.y) / 2), t.on_accent,
             bubble->label);
  }
  ctx.record.keyboard = true;
  return tapped;
}

}  // namespace kiosk::ui
