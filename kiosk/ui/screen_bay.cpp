// Bays: the national and provincial beautiful bays with their stories and targets, and the plan
// overview: every target of the city plan grouped by the plan's actions, with progress and status.
#include <algorithm>
#include <cmath>

#include "kiosk/core/target_progress.hpp"
#include "kiosk/ui/qr_code.hpp"
#include "kiosk/ui/screens.hpp"
#include "kiosk/ui/scroll_area.hpp"
#include "kiosk/ui/shapes.hpp"
#include "kiosk/ui/widgets.hpp"

namespace kiosk::ui {
namespace {

constexpr const char* kPlan = "plan";

ImU32 status_color(const Theme& t, const std::string& status) {
  if (status == "achieved") return IM_COL32(0, 122, 61, 255);
  if (status == "on_track") return t.accent;
  if (status == "at_risk") return IM_COL32(184, 92, 0, 255);
  if (status == "missed") return IM_COL32(176, 0, 32, 255);
  return t.text_muted;
}

// One target: title, current vs target, a progress bar and the status in words.
float target_row(UiContext& ctx, const TargetView& tv, ImVec2 min, float width) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const Target& target = *tv.target;
  const float x = min.x;
  float y = min.y;
  const std::string status = ctx.str("status." + tv.status);
  const float sw = measure(ctx.fonts.small, status).x;
  text_fit(ctx, ctx.fonts.body, ImVec2(x, y), width - sw - l.px(24), t.text, ctx.tr(target.title));
  const ImU32 sc = status_color(t, tv.status);
  fill_rounded_rect(canvas(), ImVec2(min.x + width - sw - l.px(16), y), ImVec2(min.x + width, y + l.px(36)),
                    sc, l.px(8));
  text(ctx, ctx.fonts.small, ImVec2(min.x + width - sw - l.px(8), y + l.px(4)), text_on(sc), status);
  y += l.px(44);
  // Baseline, latest (final once judged after the deadline), target and deadline: the bar runs on
  // that scale, baseline at the left end and target at the right, both labelled.
  const std::string unit = ctx.tr(target.unit);
  auto value = [&](double v) { return format_number(v, 1) + unit; };
  auto dated = [&](const std::string& v, const std::string& date) {
    return date.empty() ? v : v + (ctx.lang == Lang::zh ? "（" + date + "）" : " (" + date + ")");
  };
  std::string figures;
  auto add = [&](const std::string& part) { figures += (figures.empty() ? "" : "  ·  ") + part; };
  const bool final_result = tv.status == "achieved" || tv.status == "missed";
  if (target.baseline)
    add(dated(ctx.str("target.baseline") + " " + value(*target.baseline),
              target.baseline_year ? std::to_string(target.baseline_year) : ""));
  if (target.current)
    add(dated(ctx.str(final_result && ctx.model.plan_ended ? "target.final" : "target.latest") + " " +
                  value(*target.current),
              target.current_date));
  if (target.target)
    add(dated(ctx.str("target.goal") + " " + value(*target.target),
              target.deadline.empty() ? "" : ctx.str("target.by") + " " + target.deadline));
  if (target.demo) add(ctx.str("data.demo"));
  const float fh = paragraph(ctx, ctx.fonts.small, ImVec2(x, y), width, t.text_muted, figures, 2);
  y += std::max(fh, l.px(36)) + l.px(4);
  progress_bar(ctx, ImVec2(x, y), ImVec2(x + width, y + l.px(14)), tv.progress.value_or(0), sc);
  y += l.px(18);
  if (target.target && target.direction != "milestone") {
    const std::string from = value(target.baseline.value_or(0)), to = value(*target.target);
    text(ctx, ctx.fonts.small, ImVec2(x, y), t.text_muted, from);
    text(ctx, ctx.fonts.small, ImVec2(x + width - measure(ctx.fonts.small, to).x, y), t.text_muted, to);
    y += ctx.fonts.small->FontSize * 1.2f;
  }
  y += l.px(16);
  // "Scan to learn more", with the caption beside the code.
  if (const float qr = qr_side(ctx, target.url); qr > 0)
    y += qr_code(ctx, target.url, ImVec2(x, y), width - qr - l.px(20)).y + l.px(24);
  return y - min.y;
}

// The bay's map with its hotspots: numbered dots that open their story below the map.
float bay_map(UiContext& ctx, const BayPage& bay, ImVec2 pos, float width) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const float height = width * 0.6f;
  ImVec2 a, b;
  picture(ctx, bay.map_picture, pos, ImVec2(pos.x + width, pos.y + height), &a, &b);
  const float r = std::max(l.touch / 2, l.px(30));
  for (size_t i = 0; i < bay.hotspots.size(); ++i) {
    const Hotspot& h = bay.hotspots[i];
    const ImVec2 c(a.x + static_cast<float>(h.x) * (b.x - a.x), a.y + static_cast<float>(h.y) * (b.y - a.y));
    const std::string id = std::to_string(i);
    const bool open = ctx.state.bay.hotspot == static_cast<int>(i);
    Press p =
        touch_area(ctx, "hotspot." + id, ctx.tr(h.label), ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
    fill_circle(canvas(), c, r * 0.62f, open || p.held ? t.bar : t.accent);
    canvas()->AddCircle(c, r * 0.62f, IM_COL32_WHITE, 0, l.px(3));
    text_centered(ctx, ctx.fonts.body, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), t.on_accent,
                  std::to_string(i + 1));
    if (p.clicked) ctx.intents.push_back(ToggleHotspot{static_cast<int>(i)});
  }
  float y = pos.y + height + l.px(12);
  // Labels under the map, so the numbers mean something without a tap.
  for (size_t i = 0; i < bay.hotspots.size(); ++i) {
    const Hotspot& h = bay.hotspots[i];
    const bool open = ctx.state.bay.hotspot == static_cast<int>(i);
    text_fit(ctx, ctx.fonts.body, ImVec2(pos.x, y), width, open ? t.accent : t.text,
             std::to_string(i + 1) + "  " + ctx.tr(h.label));
    y += ctx.fonts.body->FontSize * 1.4f;
    if (open && !h.body.empty())
      y += paragraph(ctx, ctx.fonts.body, ImVec2(pos.x + l.px(36), y), width - l.px(36), t.text_muted,
                     ctx.tr(h.body)) +
           l.px(8);
  }
  return y - pos.y;
}

void bay_detail(UiContext& ctx, const BayPage& bay, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ScrollArea area = scrolling_card(ctx, "bay.detail", min, max);
  const float x = area.origin().x, width = scrolling_card_width(ctx, area);
  float y = area.origin().y + pane_heading(ctx, ctx.tr(bay.name), area.origin(), width);
  text(ctx, ctx.fonts.small, ImVec2(x, y), t.accent, ctx.str("bay.level." + bay.level));
  y += std::round(ctx.fonts.small->FontSize * 1.3f) + l.px(12);
  y += paragraph(ctx, ctx.fonts.large, ImVec2(x, y), width, t.text, ctx.tr(bay.summary)) + l.px(14);
  // The page's "scan to learn more" code beside the photo, or on its own with the caption beside it.
  const float qr = qr_side(ctx, bay.url);
  const bool beside_photo = qr > 0 && !bay.photos.empty() && width - qr - l.gap >= l.px(480);
  if (!bay.photos.empty()) {
    const float h = std::min(width * 0.5f, l.px(420));
    const float photo_w = beside_photo ? width - qr - l.gap : width;
    ImVec2 a, b;
    picture(ctx, bay.photos.front(), ImVec2(x, y), ImVec2(x + photo_w, y + h), &a, &b);
    float bottom = b.y;
    if (beside_photo) bottom = std::max(bottom, y + qr_code(ctx, bay.url, ImVec2(x + width - qr, y), 0).y);
    y = bottom + l.px(18);
  }
  if (qr > 0 && !beside_photo) {
    y += qr_code(ctx, bay.url, ImVec2(x, y), width - qr - l.px(20)).y + l.px(18);
  }
  y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, ctx.tr(bay.body)) + l.px(24);
  for (const std::string& id : bay.targets)
    for (const TargetView& tv : ctx.model.targets)
      if (tv.target->id == id) y += target_row(ctx, tv, ImVec2(x, y), width) + l.px(8);
  if (!bay.map_picture.empty()) {
    y += l.px(16);
    text(ctx, ctx.fonts.large, ImVec2(x, y), t.text, ctx.str("bay.map"));
    y += l.px(56);
    y += bay_map(ctx, bay, ImVec2(x, y), width);
  }
  area.set_content_height(y - area.origin().y + l.px(8));
}

void plan_overview(UiContext& ctx, ImVec2 min, ImVec2 max) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  ScrollArea area = scrolling_card(ctx, "bay.plan", min, max);
  const float x = area.origin().x, width = scrolling_card_width(ctx, area);
  float y = area.origin().y;
  text(ctx, ctx.fonts.title, ImVec2(x, y), t.text, ctx.str("bay.plan_title"));
  y += l.px(76);
  // A target due after the plan's end belongs to the next plan, which content may add beside it.
  const std::optional<int> plan_end = parse_iso_date(ctx.content.plan.end);
  auto next_plan = [&](const TargetView& tv) {
    const std::optional<int> due = parse_iso_date(tv.target->deadline);
    return plan_end && due && *due > *plan_end;
  };
  if (ctx.model.plan_ended) {
    // Past its end date the plan is not "running": say so, with the final count.
    int achieved = 0, missed = 0;
    for (const TargetView& tv : ctx.model.targets) {
      if (next_plan(tv)) continue;
      achieved += tv.status == "achieved";
      missed += tv.status == "missed";
    }
    std::string line = ctx.str("bay.plan_ended");
    auto put = [&](std::string_view key, const std::string& v) {
      if (auto at = line.find(key); at != std::string::npos) line.replace(at, key.size(), v);
    };
    put("{date}", ctx.content.plan.end);
    put("{achieved}", std::to_string(achieved));
    put("{missed}", std::to_string(missed));
    y += paragraph(ctx, ctx.fonts.body, ImVec2(x, y), width, t.text, line) + l.px(20);
  }
  auto actions = [&](bool next) {
    for (const PlanAction& action : ctx.content.actions) {
      bool any = false;
      for (const TargetView& tv : ctx.model.targets)
        any = any || (tv.target->action == action.number && next_plan(tv) == next);
      if (!any) continue;
      text_fit(ctx, ctx.fonts.large, ImVec2(x, y), width, t.accent,
               std::to_string(action.number) + ". " + ctx.tr(action.title));
      y += l.px(56);
      for (const TargetView& tv : ctx.model.targets)
        if (tv.target->action == action.number && next_plan(tv) == next)
          y += target_row(ctx, tv, ImVec2(x, y), width) + l.px(6);
      y += l.px(12);
    }
  };
  actions(false);
  if (std::any_of(ctx.model.targets.begin(), ctx.model.targets.end(), next_plan)) {
    text(ctx, ctx.fonts.title, ImVec2(x, y), t.text, ctx.str("bay.next_plan"));
    y += l.px(76);
    actions(true);
  }
  area.set_content_height(y - area.origin().y);
}

}  // namespace

void draw_bay(UiContext& ctx) {
  const Layout& l = ctx.layout;
  const Theme& t = ctx.theme;
  const ImVec2 a = l.content_min, b = l.content_max;
  const float list_w = std::min(l.px(520), (b.x - a.x) * 0.36f);
  const auto& bays = ctx.content.bays;
  std::string selected = ctx.state.bay.page;
  if (selected.empty()) selected = bays.empty() ? kPlan : bays.front().id;

  {
    ScrollArea list(ctx, "bay.list", a, ImVec2(a.x + list_w, b.y));
    float y = list.origin().y;
    // The row grows with its text (large-text mode), never below a touch target.
    const float sub_y = l.px(14) + std::round(ctx.fonts.large->FontSize * 1.2f);
    const float row_h = std::max(l.touch, sub_y + std::round(ctx.fonts.small->FontSize * 1.25f) + l.px(12));
    // One size for every row's name.
    std::vector<std::string_view> names{ctx.str("bay.plan_title")};
    for (const BayPage& bay : bays) names.push_back(ctx.tr(bay.name));
    ImFont* name_font = shrunk_font(ctx, ctx.fonts.large, list.width() - l.px(44), names);
    auto row = [&](const std::string& id, const std::string& title, const std::string& sub) {
      ImVec2 min(list.origin().x, y), max(list.origin().x + list.width(), y + row_h);
      Press p = touch_area(ctx, "bay." + id, title, min, max);
      card(ctx, min, max, p.held ? t.surface_pressed : t.surface);
      if (id == selected) canvas()->AddRect(min, max, t.accent, l.radius, 0, l.px(4));
      text_fit(ctx, name_font, ImVec2(min.x + l.px(22), min.y + l.px(14)), list.width() - l.px(44), t.text,
               title);
      text_fit(ctx, ctx.fonts.small, ImVec2(min.x + l.px(22), min.y + sub_y), list.width() - l.px(44),
               t.text_muted, sub);
      if (p.clicked) ctx.intents.push_back(SelectBay{id});
      y += row_h + l.gap * 0.6f;
    };
    row(kPlan, ctx.str("bay.plan_title"), ctx.str("bay.plan_subtitle"));
    for (const BayPage& bay : bays) row(bay.id, ctx.tr(bay.name), ctx.str("bay.level." + bay.level));
    list.set_content_height(y - list.origin().y);
  }

  const ImVec2 dmin(a.x + list_w + l.gap, a.y);
  if (selected == kPlan) {
    plan_overview(ctx, dmin, b);
    return;
  }
  for (const BayPage& bay : bays)
    if (bay.id == selected) return bay_detail(ctx, bay, dmin, b);
  plan_overview(ctx, dmin, b);
}

}  // namespace kiosk::ui
