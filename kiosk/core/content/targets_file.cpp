// targets.toml: the city plan's actions and measurable targets.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {

void read_targets(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "targets.toml");
  each_table(file, "action", "[[action]]", [&](TableReader& r) {
    PlanAction a;
    a.number = static_cast<int>(r.integer("number", Need::required).value_or(0));
    a.title = r.text("title", Need::required);
    pack.actions.push_back(std::move(a));
  });
  each_table(file, "target", "[[target]]", [&](TableReader& r) {
    Target t;
    t.id = r.string("id", Need::required);
    t.title = r.text("title", Need::required);
    t.area = r.string("area", Need::required);
    r.one_of("area", t.area, {"air", "bay", "ocean", "water", "transport", "green_life", "soil", "city"});
    t.action = static_cast<int>(r.integer("action").value_or(0));
    t.unit = r.text("unit");
    t.direction = r.string("direction", Need::required);
    r.one_of("direction", t.direction, {"up", "down", "count", "milestone", "level"});
    t.baseline = r.number("baseline");
    t.baseline_year = static_cast<int>(r.integer("baseline_year").value_or(0));
    t.target = r.number("target");
    t.deadline = r.string("deadline", Need::required);
    t.current = r.number("current");
    t.current_date = r.string("current_date");
    t.current_source = r.text("current_source");
    t.demo = r.boolean("demo", false);
    t.url = r.string("url");
    pack.targets.push_back(std::move(t));
  });
}

}  // namespace kiosk::content
