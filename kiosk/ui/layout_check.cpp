#include "kiosk/ui/layout_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/ui/fonts.hpp"
#include "kiosk/ui/theme.hpp"

namespace kiosk::ui {
namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(v * 10) / 10);
  return buf;
}

std::string rect(ImVec2 min, ImVec2 max) {
  return "[" + num(min.x) + "," + num(min.y) + "," + num(max.x) + "," + num(max.y) + "]";
}

std::string clip_json(const ImVec4& c) {
  return "[" + num(c.x) + "," + num(c.y) + "," + num(c.z) + "," + num(c.w) + "]";
}

std::string where(const LayoutFrame& f) {
  return f.screen + " " + std::to_string(f.width) + "x" + std::to_string(f.height) + " " + f.lang + " " +
         f.theme;
}

// The part of a run inside its clip and the screen; empty when the run is not visible at all.
bool visible(const TextRun& r, const LayoutFrame& f, ImVec2& lo, ImVec2& hi) {
  lo = ImVec2(std::max({r.min.x, r.clip.x, 0.f}), std::max({r.min.y, r.clip.y, 0.f}));
  hi = ImVec2(std::min({r.max.x, r.clip.z, static_cast<float>(f.width)}),
              std::min({r.max.y, r.clip.w, static_cast<float>(f.height)}));
  return hi.x > lo.x && hi.y > lo.y;
}

}  // namespace

std::string layout_dump(const FrameRecord& record, const LayoutFrame& frame) {
  std::string out;
  const std::string head = "{\"screen\":" + json_string(frame.screen) + ",\"size\":\"" +
                           std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                           "\",\"lang\":" + json_string(frame.lang) +
                           ",\"theme\":" + json_string(frame.theme);
  for (const TextRun& r : record.runs) {
    out += head + ",\"kind\":\"text\",\"text\":" + json_string(r.text) + ",\"x\":" + num(r.min.x) +
           ",\"y\":" + num(r.min.y) + ",\"w\":" + num(r.max.x - r.min.x) +
           ",\"h\":" + num(r.max.y - r.min.y) + ",\"clip\":" + clip_json(r.clip) + ",\"px\":" + num(r.px) +
           ",\"missing_glyphs\":" + std::to_string(r.missing_glyphs) +
           ",\"truncated\":" + (r.truncated ? "true" : "false") + ",\"role\":\"" + role_name(r.role) +
           "\"}\n";
  }
  for (const FrameRecord::Tappable& t : record.tappables) {
    out += head + ",\"kind\":\"tap\",\"text\":" + json_string(t.label) + ",\"x\":" + num(t.min.x) +
           ",\"y\":" + num(t.min.y) + ",\"w\":" + num(t.max.x - t.min.x) +
           ",\"h\":" + num(t.max.y - t.min.y) + ",\"clip\":" + clip_json(t.clip) + "}\n";
  }
  return out;
}

LayoutRules make_layout_rules(int width, int height) {
  const Layout l = make_layout(ImVec2(static_cast<float>(width), static_cast<float>(height)));
  const FontSizes px = font_pixels(l.scale);
  LayoutRules r;
  r.min_text_px = std::max(17.f, px.small);
  r.min_body_px = px.body;
  // A finger: 48 px on the 1280x800 10-inch panels and larger, 40 px on the official 7-inch 800x480.
  r.min_touch = std::min(width, height) >= 800 ? 48.f : 40.f;
  return r;
}

std::vector<LayoutProblem> check_layout(const FrameRecord& record, const LayoutFrame& frame,
                                        const LayoutRules& rules) {
  std::vector<LayoutProblem> problems;
  auto add = [&](const char* what, const std::string& detail) {
    problems.push_back({what, where(frame) + ": " + what + ": " + detail});
  };
  std::vector<std::pair<const TextRun*, std::pair<ImVec2, ImVec2>>> shown;
  for (const TextRun& r : record.runs) {
    ImVec2 lo, hi;
    if (!visible(r, frame, lo, hi)) continue;  // scrolled away or off screen: not drawn
    const std::string run = "'" + r.text + "' at " + rect(r.min, r.max);
    if (r.missing_glyphs > 0)
      add("missing glyph", run + " has " + std::to_string(r.missing_glyphs) + " character(s) drawn as '?'");
    const float s = rules.clip_slack;
    if (r.min.x < r.clip.x - s || r.min.y < r.clip.y - s || r.max.x > r.clip.z + s ||
        r.max.y > r.clip.w + s) {
      // A row half-scrolled out of its list is cut on purpose, along the list's edge and only there. A
      // list is over twice the run's height: a chip or a button is not; the air screen's page under a
      // banner at 800x480 (about 150 px) scrolls its 72 px AQI number.
      const bool scrolled_row =
          r.max.x <= r.clip.z + s && r.min.x >= r.clip.x - s &&
          (r.min.y < r.clip.y - s) != (r.max.y > r.clip.w + s) &&
          (r.clip.w - r.clip.y) > 2 * (r.max.y - r.min.y) &&
          (r.clip.y > s || r.clip.w < static_cast<float>(frame.height) - s);  // a list, not the screen
      if (!scrolled_row) add("outside its clip", run + " clip " + clip_json(r.clip));
    }
    if (r.truncated && !is_secondary(r.role))
      add("truncated",
          run + " (" + role_name(r.role) + ") is shortened (only captions, timestamps and sources may be)");
    // 20.01 px glyphs end between pixel rows and lose their bottom one: 2 reads as 7, B as R.
    if (std::abs(r.px - std::round(r.px)) > 0.01f)
      add("outside its clip",
          run + " at " + num(r.px) + " px, not a whole pixel size: glyph rows fall between pixels");
    const bool fine = r.role == TextRole::timestamp || r.role == TextRole::source;
    const float min_px = fine                       ? rules.min_fine_px
                         : r.role == TextRole::body ? std::max(rules.min_text_px, rules.min_body_px)
                                                    : rules.min_text_px;
    if (r.px + 0.01f < min_px)
      add("too small",
          run + " (" + role_name(r.role) + ") at " + num(r.px) + " px (minimum " + num(min_px) + ")");
    shown.push_back({&r, {lo, hi}});
  }
  for (size_t i = 0; i < shown.size(); ++i)
    for (size_t j = i + 1; j < shown.size(); ++j) {
      const auto& [a, ar] = shown[i];
      const auto& [b, br] = shown[j];
      const float w = std::min(ar.second.x, br.second.x) - std::max(ar.first.x, br.first.x);
      const float h = std::min(ar.second.y, br.second.y) - std::max(ar.first.y, br.first.y);
      // The same run drawn twice at one place (a shadow, a bold pass) is not an overlap.
      if (a->text == b->text && std::abs(a->min.x - b->min.x) < 3 && std::abs(a->min.y - b->min.y) < 3)
        continue;
      if (w > rules.overlap_slack && h > rules.overlap_slack)
        add("overlap",
            "'" + a->text + "' " + rect(a->min, a->max) + " and '" + b->text + "' " + rect(b->min, b->max));
    }
  for (const FrameRecord::Tappable& t : record.tappables) {
    const ImVec2 lo(std::max(t.min.x, t.clip.x), std::max(t.min.y, t.clip.y));
    const ImVec2 hi(std::min(t.max.x, t.clip.z), std::min(t.max.y, t.clip.w));
    if (hi.x <= lo.x || hi.y <= lo.y) continue;  // scrolled away
    const float w = t.max.x - t.min.x, h = t.max.y - t.min.y;
    if (w + 0.5f < rules.min_touch || h + 0.5f < rules.min_touch)
      add("too small", "tap target '" + t.label + "' " + rect(t.min, t.max) + " is " + num(w) + "x" + num(h) +
                           " (minimum " + num(rules.min_touch) + ")");
  }
  return problems;
}

}  // namespace kiosk::ui
