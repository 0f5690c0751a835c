// waste.toml: the four sorting categories and the items residents search for.
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {
namespace {

bool is_hex_colour(const std::string& s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (size_t i = 1; i < 7; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

}  // namespace

void read_waste(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "waste.toml");
  each_table(file, "category", "[[category]]", [&](TableReader& r) {
    WasteCategory c;
    c.pos = r.pos("id");
    c.id = r.string("id", Need::required);
    r.one_of("id", c.id, {"recyclable", "hazardous", "kitchen", "other"});
    c.name = r.text("name", Need::required);
    c.short_name = r.text("short_name");
    c.description = r.text("description");
    c.color = r.string("color", Need::required);
    if (!c.color.empty() && !is_hex_colour(c.color))
      ctx.error(r.region("color"), "'color' must look like \"#1F6FB5\", not '" + c.color + "'",
                "'color' 必须写成 \"#1F6FB5\" 这样（# 加六位十六进制数字），不能是 '" + c.color + "'");
    pack.waste_categories.push_back(std::move(c));
  });
  std::vector<SourcePos> category_at;  // of each item's category, for the check below
  each_table(file, "item", "[[item]]", [&](TableReader& r) {
    category_at.push_back(r.pos("category"));
    WasteItem item;
    item.pos = r.pos("id");
    item.name = r.text("name", Need::required);
    // Editors may leave out ids; the Chinese name identifies the item then.
    item.id = r.string("id", Need::optional, item.name.zh.empty() ? item.name.en : item.name.zh);
    item.category = r.string("category", Need::required);
    item.aliases = r.strings("aliases");
    item.picture = r.picture("picture");
    item.tip = r.text("tip");
    pack.waste_items.push_back(std::move(item));
  });
  // A wrong category points at the value to fix and lists the ones this file defines.
  std::vector<std::string> valid;
  for (const auto& c : pack.waste_categories) valid.push_back(c.id);
  for (size_t i = 0; i < pack.waste_items.size() && i < category_at.size(); ++i) {
    const WasteItem& item = pack.waste_items[i];
    if (item.category.empty() || pack.waste_category(item.category)) continue;
    const ValidIds hint = valid_ids(item.category, valid, "categories", "类别");
    ctx.diags.error(
        ctx.file, category_at[i].line, category_at[i].column,
        "waste item '" + item.id + "' has category '" + item.category +
            "', which waste.toml does not define" + hint.en,
        "物品 '" + item.id + "' 的类别 '" + item.category + "' 在 waste.toml 里没有定义" + hint.zh);
  }
}

}  // namespace kiosk::content
