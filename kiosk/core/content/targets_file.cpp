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
                      "'" + std::string(key) + "' is '" + value + "'; expected a date like 2025-12-31");
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
  each_table(file, "action", "[[action]]", [&](TableReader& r) {
    PlanAction a;
    a.number = static_cast<int>(r.integer("number", Need::required).value_or(0));
    a.title = r.text("title", Need::required);
    if (a.number < 1 || a.number > 11) {
      ctx.error(r.region(), "action 'number' must be 1 to 11 (the plan has eleven actions)");
    } else if (auto [it, inserted] = action_lines.emplace(a.number, r.pos().line); !inserted) {
      ctx.error(r.region(), "duplicate action " + std::to_string(a.number) + " (first defined at line " +
                                std::to_string(it->second) + ")");
    }
    pack.actions.push_back(std::move(a));
  });

  std::map<std::string, int> id_lines;
  each_table(file, "target", "[[target]]", [&](TableReader& r) {
    Target t;
    t.id = r.string("id", Need::required);
    if (!t.id.empty() && !is_kebab_id(t.id))
      ctx.error(r.region(), "target id '" + t.id + "' must be lower-case words joined by '-'");
    if (!t.id.empty())
      if (auto [it, inserted] = id_lines.emplace(t.id, r.pos().line); !inserted)
        ctx.error(r.region(), "duplicate target id '" + t.id + "' (first defined at line " +
                                  std::to_string(it->second) + ")");
    t.title = r.text("title", Need::required);
    t.area = r.string("area", Need::required);
    r.one_of("area", t.area, {"air", "bay", "ocean", "water", "transport", "green_life", "soil", "city"});
    t.action = static_cast<int>(r.integer("action").value_or(0));
    if (t.action != 0 && (t.action < 1 || t.action > 11))
      ctx.error(r.region(), "target '" + t.id + "': 'action' must be 1 to 11");
    else if (t.action != 0 && !action_lines.empty() && !action_lines.count(t.action))
      ctx.error(r.region(), "target '" + t.id + "' names action " + std::to_string(t.action) +
                                ", which no [[action]] defines");
    t.unit = r.text("unit");
    t.direction = r.string("direction", Need::required);
    r.one_of("direction", t.direction, {"up", "down", "count", "milestone", "level"});
    t.baseline = r.number("baseline");
    t.baseline_year = static_cast<int>(r.integer("baseline_year").value_or(0));
    if (t.baseline_year != 0 && (t.baseline_year < 1990 || t.baseline_year > 2100))
      ctx.error(r.region(), "target '" + t.id + "': 'baseline_year' must be a year like 2022");
    t.baseline_demo = r.boolean("baseline_demo", false);
    t.target = r.number("target", t.direction == "milestone" ? Need::optional : Need::required);
    t.target_demo = r.boolean("target_demo", false);
    t.target_note = r.text("target_note");
    t.exclusive = r.boolean("exclusive", false);
    t.tolerance = r.number("tolerance");
    if (t.tolerance && t.direction != "level")
      ctx.error(r.region(), "target '" + t.id + "': 'tolerance' is only for direction = \"level\"");
    if (t.tolerance && *t.tolerance < 0)
      ctx.error(r.region(), "target '" + t.id + "': 'tolerance' must not be negative");
    t.deadline = r.string("deadline", Need::required);
    check_date(r, "deadline", t.deadline);
    t.current = r.number("current");
    t.current_date = r.string("current_date");
    check_date(r, "current_date", t.current_date);
    if (t.current && t.current_date.empty())
      ctx.warning(r.region(), "target '" + t.id +
                                  "' has a 'current' value without 'current_date'; "
                                  "its pace cannot be judged");
    t.current_source = r.text("current_source");
    if (t.current && t.current_source.empty())
      ctx.warning(r.region(), "target '" + t.id + "' has a 'current' value without 'current_source'");
    t.demo = r.boolean("demo", false);
    if (t.direction == "milestone" && t.current && (*t.current < 0 || *t.current > 1))
      ctx.error(r.region(), "target '" + t.id + "': a milestone's 'current' is 0 (not done) to 1 (done)");
    t.url = r.string("url");
    pack.targets.push_back(std::move(t));
  });
}

}  // namespace kiosk::content
