// targets.toml: the city plan's actions and measurable targets.
#include <map>

#include "kiosk/core/content/files.hpp"
#include "kiosk/core/target_progress.hpp"

namespace kiosk::content {
namespace {

bool is_kebab_id(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

void check_date(TableReader& r, const char* key, const std::string& value) {
  if (value.empty() || parse_iso_date(value)) return;
  SourcePos at = r.pos(key);
  r.ctx().diags.error(at.file, at.line, at.column,
                      "'" + std::string(key) + "' is '" + value + "'; expected a date like \"2025-12-31\"",
                      "'" + std::string(key) + "' 是 '" + value +
                          "'；日期要写成 \"2025-12-31\" 这样（年-月-日，加英文引号）");
}

std::string action_numbers(const std::map<int, int>& action_lines) {
  std::string out;
  for (const auto& [number, line] : action_lines) out += (out.empty() ? "" : ", ") + std::to_string(number);
  return out;
}

}  // namespace

void read_targets(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "targets.toml");
  if (const toml::table* t = file.table("plan")) {
    TableReader p(*t, ctx, "[plan]");
    pack.plan.title = p.text("title");
    pack.plan.end = p.string("end");
    check_date(p, "end", pack.plan.end);
  }
  std::map<int, int> action_lines;  // action number -> line
  const std::string action_range_zh = "'number' 只能是 1 到 11（规划共有十一项行动）";
  each_table(file, "action", "[[action]]", [&](TableReader& r) {
    PlanAction a;
    a.number = static_cast<int>(r.integer("number", Need::required).value_or(0));
    a.title = r.text("title", Need::required);
    if (a.number < 1 || a.number > 11) {
      ctx.error(r.region("number"), "action 'number' must be 1 to 11 (the plan has eleven actions)",
                action_range_zh);
    } else if (auto [it, inserted] = action_lines.emplace(a.number, r.pos().line); !inserted) {
      ctx.error(r.region("number"),
                "duplicate action " + std::to_string(a.number) + " (first defined at line " +
                    std::to_string(it->second) + ")",
                "行动 " + std::to_string(a.number) + " 重复了（第 " + std::to_string(it->second) +
                    " 行已经定义过）；请删掉一个或换一个编号");
    }
    pack.actions.push_back(std::move(a));
  });

  std::map<std::string, int> id_lines;
  each_table(file, "target", "[[target]]", [&](TableReader& r) {
    Target t;
    t.id = r.string("id", Need::required);
    if (!t.id.empty() && !is_kebab_id(t.id))
      ctx.error(r.region("id"),
                "target id '" + t.id + "' must be lower-case words joined by '-', like \"pm25-2025\"",
                "目标 id '" + t.id + "' 只能用小写英文字母、数字和 '-'，如 \"pm25-2025\"");
    if (!t.id.empty())
      if (auto [it, inserted] = id_lines.emplace(t.id, r.pos().line); !inserted)
        ctx.error(
            r.region("id"),
            "duplicate target id '" + t.id + "' (first defined at line " + std::to_string(it->second) + ")",
            "目标 id '" + t.id + "' 重复了（第 " + std::to_string(it->second) + " 行已经用过）；请换一个 id");
    t.title = r.text("title", Need::required);
    t.area = r.string("area", Need::required);
    r.one_of("area", t.area, {"air", "bay", "ocean", "water", "transport", "green_life", "soil", "city"});
    t.action = static_cast<int>(r.integer("action").value_or(0));
    if (t.action != 0 && (t.action < 1 || t.action > 11))
      ctx.error(r.region("action"), "target '" + t.id + "': 'action' must be 1 to 11",
                "目标 '" + t.id + "'：'action' 只能是 1 到 11");
    else if (t.action != 0 && !action_lines.empty() && !action_lines.count(t.action))
      ctx.error(r.region("action"),
                "target '" + t.id + "' names action " + std::to_string(t.action) +
                    ", which no [[action]] defines; the actions are: " + action_numbers(action_lines),
                "目标 '" + t.id + "' 的行动 " + std::to_string(t.action) +
                    " 没有对应的 [[action]]；已有的行动：" + action_numbers(action_lines));
    t.unit = r.text("unit");
    t.direction = r.string("direction", Need::required);
    r.one_of("direction", t.direction, {"up", "down", "count", "milestone", "level"});
    t.baseline = r.number("baseline");
    t.baseline_year = static_cast<int>(r.integer("baseline_year").value_or(0));
    if (t.baseline_year != 0 && (t.baseline_year < 1990 || t.baseline_year > 2100))
      ctx.error(r.region("baseline_year"), "target '" + t.id + "': 'baseline_year' must be a year like 2022",
                "目标 '" + t.id + "'：'baseline_year' 要写成 2022 这样的年份");
    t.baseline_demo = r.boolean("baseline_demo", false);
    t.target = r.number("target", t.direction == "milestone" ? Need::optional : Need::required);
    t.target_demo = r.boolean("target_demo", false);
    t.target_note = r.text("target_note");
    t.exclusive = r.boolean("exclusive", false);
    t.tolerance = r.number("tolerance");
    if (t.tolerance && t.direction != "level")
      ctx.error(r.region("tolerance"), "target '" + t.id + "': 'tolerance' is only for direction = \"level\"",
                "目标 '" + t.id + "'：'tolerance' 只用于 direction = \"level\"");
    if (t.tolerance && *t.tolerance < 0)
      ctx.error(r.region("tolerance"), "target '" + t.id + "': 'tolerance' must not be negative",
                "目标 '" + t.id + "'：'tolerance' 不能是负数");
    t.deadline = r.string("deadline", Need::required);
    check_date(r, "deadline", t.deadline);
    t.current = r.number("current");
    t.current_date = r.string("current_date");
    check_date(r, "current_date", t.current_date);
    if (t.current && t.current_date.empty())
      ctx.warning(
          r.region("current"),
          "target '" + t.id + "' has a 'current' value without 'current_date'; its pace cannot be judged",
          "目标 '" + t.id + "' 有 'current' 但没有 'current_date'，无法判断进度快慢；请写上数据的日期");
    t.current_source = r.text("current_source");
    if (t.current && t.current_source.empty())
      ctx.warning(r.region("current"), "target '" + t.id + "' has a 'current' value without 'current_source'",
                  "目标 '" + t.id + "' 有 'current' 但没有 'current_source'（数据来源）");
    t.demo = r.boolean("demo", false);
    if (t.direction == "milestone" && t.current && (*t.current < 0 || *t.current > 1))
      ctx.error(r.region("current"),
                "target '" + t.id + "': a milestone's 'current' is 0 (not done) to 1 (done)",
                "目标 '" + t.id + "'：里程碑的 'current' 只能是 0（未完成）到 1（已完成）");
    t.url = r.string("url");
    pack.targets.push_back(std::move(t));
  });
}

}  // namespace kiosk::content
