// Touch-sized building blocks every screen uses. Each draws through the frame's draw list and
// records what it showed (texts, tappable labels) so replay scripts and tests can see the screen.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

ImDrawList* canvas();
// Draws with `fn` onto `dl` instead of the current window (alerts on the foreground layer).
template <typename Fn>
void canvas_override(ImDrawList* dl, Fn&& fn);
void set_canvas_override(ImDrawList* dl);

// --- text ---
ImVec2 measure(ImFont* font, std::string_view s);
void text(UiContext& ctx, ImFont* font, ImVec2 pos, ImU32 color, std::string_view s);
// Wrapped paragraph; returns its height. Lines beyond max_lines (0: no limit) are dropped with "…".
float paragraph(UiContext& ctx, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view s,
                int max_lines = 0);
// One line, shortened with "…" to fit `width`.
void text_fit(UiContext& ctx, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view s);
// Text that matters (a name, a heading): drawn with `font` when it fits, else with the next smaller role
// down to body size (never smaller), and only then shortened. Returns the font used.
ImFont* text_shrink(UiContext& ctx, ImFont* font, ImVec2 pos, float width, ImU32 color, std::string_view s);
// The title role at its normal size: large text draws every role a step up, so the large role has it then.
// For what keeps its size in large text (the status bar's clock, the severe alert's least title).
ImFont* normal_title(const UiContext& ctx);

// The font text_shrink would use for the widest of `texts`: one size for a group of siblings (a list's
// names), so one long name does not leave it smaller than the rest.
ImFont* shrunk_font(const UiContext& ctx, ImFont* font, float width,
                    const std::vector<std::string_view>& texts);
void text_centered(UiContext& ctx, ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, std::string_view s);

// --- surfaces ---
void card(const UiContext& ctx, ImVec2 min, ImVec2 max, ImU32 fill);

// The detail panes' card (a station, a bay, the plan): its content scrolls inside the padding, drawn from
// the area's origin() in a column scrolling_card_width() wide, clear of the scroll bar.
ScrollArea scrolling_card(UiContext& ctx, const char* id, ImVec2 min, ImVec2 max);
float scrolling_card_width(const UiContext& ctx, const ScrollArea& area);
// The pane's name at its top, at title size down to body size; returns how far down the pane goes on.
float pane_heading(UiContext& ctx, std::string_view name, ImVec2 pos, float width);

// The size a picture takes fitted into `box`: from its header (the pack knows it before any pixel is
// decoded) or from `pic`; the whole box when neither knows (a broken picture).
ImVec2 fitted_size(const UiContext& ctx, const std::string& path, const Picture& pic, ImVec2 box);

// A content picture scaled to fit inside [min, max] (centred), or a neutral placeholder while it
// loads or when it is broken. A placeholder takes the place the picture will take, so nothing moves
// when it arrives. Returns the rectangle it used.
void picture(UiContext& ctx, const std::string& path, ImVec2 min, ImVec2 max, ImVec2* used_min = nullptr,
             ImVec2* used_max = nullptr);

// --- interaction ---
struct Press {
  bool clicked = false;
  bool held = false;  // finger is down on it: draw press feedback
};
// An invisible touch area named by its visible label (what `tap "LABEL"` finds).
Press touch_area(UiContext& ctx, std::string_view id, std::string_view label, ImVec2 min, ImVec2 max);

enum class ButtonStyle { primary, secondary, quiet };
bool button(UiContext& ctx, std::string_view id, std::string_view label, ImVec2 min, ImVec2 max,
            ButtonStyle style = ButtonStyle::secondary, ImFont* font = nullptr);

// --- data display ---
// A level or class: coloured pill with its name, plus a shape so it never depends on colour alone.
float grade_pill(UiContext& ctx, const Grade& grade, ImVec2 pos, ImFont* font);
void progress_bar(const UiContext& ctx, ImVec2 min, ImVec2 max, double fraction, ImU32 fill);

// A full-screen window over the screen, dimmed by `dim` (0..1): the admin view and the whole-text card.
// Only what it draws is recorded for replay scripts and tests, since the screen below cannot be tapped.
void begin_overlay(UiContext& ctx, const char* name, float dim);
void end_overlay();
// "12 分钟前" / "12 min ago", "2 天前"…; empty for 0.
std::string age_text(const UiContext& ctx, UnixTime observed_at);
// "label value": joined by a space, or directly after a full-width colon ("来源：余柳").
std::string labelled(const std::string& label, const std::string& value);
// The pattern with "{n}" replaced by n: strings.toml holds "{n} 分钟前" / "{n} min ago".
std::string with_number(const std::string& pattern, long long n);
// `pattern` with every `key` ("{item}", "{q}"…) replaced by `value`.
std::string fill(std::string pattern, std::string_view key, const std::string& value);
// "10:42" in the city's time.
std::string clock_text(UnixTime t, int zone_offset_minutes);
// "11-28 10:00" in the city's time.
std::string date_time_text(UnixTime t, int zone_offset_minutes);
// "最近一次 12:00（5 小时前）" / "last reading 12:00 (5 h ago)": what every place says of a value past
// its source's stale time (the date is added when the reading is from another day).
std::string last_reading_text(const UiContext& ctx, UnixTime observed_at);
// The grey a value past its stale time is drawn in, instead of its level colour.
ImU32 stale_fill(const UiContext& ctx);
// "observed 10:00 · 12 min ago · demo data", or for a stale value the last-reading line.
void freshness_line(UiContext& ctx, const Freshness& f, ImVec2 pos, float width);

// Number formatting without trailing zeros: 0.5, 12, 0.025.
std::string format_number(double v, int max_decimals = 3);
// A measured value as shown: the number at its metric's precision; under the detection limit "< 0.5"
// (the limit as the source gave it, in the canonical unit) or "< LOD" / "< 检出限" when none was given.
std::string value_text(const UiContext& ctx, const PollutantValue& p);

template <typename Fn>
void canvas_override(ImDrawList* dl, Fn&& fn) {
  set_canvas_override(dl);
  fn();
  set_canvas_override(nullptr);
}

}  // namespace kiosk::ui
