// One reader per content file. Each reads its parsed TOML into the pack and reports every
// problem to ctx; cross-file checks (references, pictures) happen afterwards in the loader.
#pragma once
#include <toml++/toml.h>

#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/content/toml_reader.hpp"

namespace kiosk::content {

void read_settings(const toml::table& root, FileCtx& ctx, ContentPack& pack);  // kiosk.toml
void read_strings(const toml::table& root, FileCtx& ctx, ContentPack& pack);   // strings.toml
void read_stations(const toml::table& root, FileCtx& ctx, ContentPack& pack);  // stations.toml
void read_sources(const toml::table& root, FileCtx& ctx, ContentPack& pack);   // sources.toml
void read_waste(const toml::table& root, FileCtx& ctx, ContentPack& pack);     // waste.toml
void read_travel(const toml::table& root, FileCtx& ctx, ContentPack& pack);    // travel.toml
void read_targets(const toml::table& root, FileCtx& ctx, ContentPack& pack);   // targets.toml
void read_bays(const toml::table& root, FileCtx& ctx, ContentPack& pack);      // bays.toml
void read_quiz(const toml::table& root, FileCtx& ctx, ContentPack& pack);      // quiz.toml
void read_alerts(const toml::table& root, FileCtx& ctx, ContentPack& pack);    // alerts.toml
void read_levels(const toml::table& root, FileCtx& ctx, ContentPack& pack);    // levels.toml

// "+08:00" -> 480 minutes; nullopt when malformed.
std::optional<int> parse_zone_offset(const std::string& zone);

// Calls fn(reader) for each table of the array `key` ([[key]] in TOML); reports non-tables.
template <typename Fn>
void each_table(TableReader& parent, std::string_view key, std::string_view what, Fn&& fn) {
  const toml::array* arr = parent.array(key);
  if (!arr) return;
  for (const auto& node : *arr) {
    const toml::table* t = node.as_table();
    if (!t) {
      parent.ctx().error(
          node.source(),
          "each '" + std::string(key) + "' must be a table: write it as [[" + std::string(key) +
              "]] on a line of its own",
          "每个 '" + std::string(key) + "' 都必须是一个表：单独一行写 [[" + std::string(key) + "]]");
      continue;
    }
    TableReader reader(*t, parent.ctx(), std::string(what));
    fn(reader);
  }
}

}  // namespace kiosk::content
