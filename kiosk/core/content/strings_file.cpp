// strings.toml: every UI string by key, in both languages. Tables nest: [home] title = {…} is "home.title".
#include "kiosk/core/content/files.hpp"

namespace kiosk::content {
namespace {

bool is_text_leaf(const toml::table& t) {
  if (t.empty()) return false;
  for (const auto& [key, node] : t)
    if (key.str() != "zh" && key.str() != "en") return false;
  return true;
}

void walk(const toml::table& table, const std::string& prefix, FileCtx& ctx, Strings& out) {
  for (const auto& [key, node] : table) {
    std::string full = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    const toml::table* t = node.as_table();
    if (!t) {
      ctx.error(node.source(), "string '" + full + "' must be a table like { zh = \"…\", en = \"…\" }",
                "文字 '" + full + "' 要写成 { zh = \"…\", en = \"…\" } 这样的中英文对照");
      continue;
    }
    if (!is_text_leaf(*t)) {
      walk(*t, full, ctx, out);
      continue;
    }
    TableReader leaf(*t, ctx, "'" + full + "'");
    Text text{leaf.string("zh"), leaf.string("en")};
    if (text.zh.empty())
      ctx.warning(t->source(), "string '" + full + "' has no Chinese text (zh)",
                  "文字 '" + full + "' 没有中文（zh）");
    if (text.en.empty())
      ctx.warning(t->source(), "string '" + full + "' has no English text (en)",
                  "文字 '" + full + "' 没有英文（en）");
    out.by_key[full] = std::move(text);
  }
}

}  // namespace

void read_strings(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  walk(root, "", ctx, pack.strings);
}

}  // namespace kiosk::content
