// The layout dump and the layout check: what a frame showed, as one JSON object per text run and
// tappable item, and the rules a public screen's frame must keep (no '?' glyph, no text outside its
// clip, no overlapping text, no shortened text that must stay whole, nothing too small to read or tap).
// `kiosk render --layout FILE` and `kiosk replay --layout FILE` write the dump; tests/ui runs the check.
#pragma once
#include <string>
#include <vector>

#include "kiosk/ui/ui_context.hpp"

namespace kiosk::ui {

// Where a frame was drawn: named in every dump line and every problem.
struct LayoutFrame {
  std::string screen;  // air, home…; a state after a colon ("waste:search")
  int width = 0, height = 0;
  std::string lang;   // zh | en
  std::string theme;  // normal | large | contrast
};

// One JSON object per line for every text run and tappable item of `record`.
std::string layout_dump(const FrameRecord& record, const LayoutFrame& frame);

// The minimums, in pixels, for a frame of a given size (see make_layout_rules).
struct LayoutRules {
  float min_text_px = 17;   // any text run but timestamps and sources: nothing at or under 16 px
  float min_fine_px = 12;   // timestamps and sources
  float min_body_px = 0;    // body text: 22 px at 800x480, 26 px at 1280x800 (font_pixels)
  float min_touch = 0;      // both sides of every tappable item
  float overlap_slack = 2;  // pixels two runs may share (anti-aliased edges, tight line pitch)
  float clip_slack = 1;     // pixels a run may pass its clip (rounding)
};
// The rules the kiosk keeps at `width` x `height`, from its own font sizes and touch size.
LayoutRules make_layout_rules(int width, int height);

struct LayoutProblem {
  std::string what;     // "missing glyph", "outside its clip", "overlap", "truncated", "too small"
  std::string message;  // names screen, size, language, theme, text and rectangles
};
std::vector<LayoutProblem> check_layout(const FrameRecord& record, const LayoutFrame& frame,
                                        const LayoutRules& rules);

}  // namespace kiosk::ui
