#include "kiosk/core/content/content_loader.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/core/content/files.hpp"
#include "kiosk/core/content/picture_check.hpp"

namespace kiosk {
namespace fs = std::filesystem;
using content::FileCtx;

namespace {

fs::path g_site_file;

// The site file's tables, read again on every load; a problem is a diagnostic against the site file.
void merge_site(toml::table& root, ContentLoad& out) {
  const fs::path& path = g_site_file;
  std::error_code ec;
  if (path.empty() || !fs::exists(path, ec)) return;
  toml::table site;
  try {
    site = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    out.diags.error(path.string(), static_cast<int>(b.line), static_cast<int>(b.column),
                    std::string(e.description()));
    return;
  }
  for (const char* name : kSiteTables) {
    const toml::table* from = site[name].as_table();
    if (!from) continue;
    if (!root[name].as_table()) root.insert_or_assign(name, toml::table{});
    toml::table& into = *root[name].as_table();
    for (const auto& [key, value] : *from) into.insert_or_assign(key, value);  // key by key
  }
}

struct FileSpec {
  const char* name;
  bool required;
  void (*read)(const toml::table&, FileCtx&, ContentPack&);
};

constexpr FileSpec kFiles[] = {
    {"kiosk.toml", true, content::read_settings},   {"strings.toml", true, content::read_strings},
    {"stations.toml", false, content::read_stations}, {"sources.toml", false, content::read_sources},
    {"waste.toml", false, content::read_waste},     {"travel.toml", false, content::read_travel},
    {"targets.toml", false, content::read_targets}, {"bays.toml", false, content::read_bays},
    {"quiz.toml", false, content::read_quiz},
    {"levels.toml", false, content::read_levels},
    {"alerts.toml", false, content::read_alerts},
};

void read_file(const FileSpec& spec, const fs::path& dir, ContentLoad& out, std::map<std::string, SourcePos>& pictures) {
  fs::path path = dir / spec.name;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (spec.required) out.diags.error(spec.name, 0, 0, "file is missing");
    return;
  }
  std::string problem = content::check_content_path(dir, spec.name);
  if (!problem.empty()) {
    out.diags.error(spec.name, 0, 0, problem);
    return;
  }
  auto size = fs::file_size(path, ec);
  if (ec) {
    out.diags.error(spec.name, 0, 0, "cannot be read: " + ec.message());
    return;
  }
  if (size > kMaxContentFileBytes) {
    out.diags.error(spec.name, 0, 0,
                    "file is " + std::to_string(size >> 20) + " MB; content files must be under 4 MB");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in.good() && !in.eof()) {
    out.diags.error(spec.name, 0, 0, "cannot be read");
    return;
  }
  std::string text = buffer.str();
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(spec.name));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    out.diags.error(spec.name, static_cast<int>(b.line), static_cast<int>(b.column),
                    std::string(e.description()));
    return;
  }
  if (root.empty() && spec.required) {
    out.diags.error(spec.name, 0, 0, "file is empty");
    return;
  }
  if (std::string_view(spec.name) == "kiosk.toml") merge_site(root, out);
  FileCtx ctx{spec.name, dir, out.diags, {}};
  spec.read(root, ctx, out.pack);
  pictures.insert(ctx.pictures.begin(), ctx.pictures.end());
}

template <typename T>
void check_duplicate_ids(const std::vector<T>& items, const char* what, Diagnostics& diags) {
  std::map<std::string, const SourcePos*> seen;
  for (const auto& item : items) {
    if (item.id.empty()) continue;
    auto [it, inserted] = seen.emplace(item.id, &item.pos);
    if (!inserted)
      diags.error(item.pos.file, item.pos.line, item.pos.column,
                  std::string("duplicate ") + what + " id '" + item.id + "' (first defined at line " +
                      std::to_string(it->second->line) + ")");
  }
}

void check_references(ContentLoad& out) {
  const ContentPack& pack = out.pack;
  auto& diags = out.diags;
  check_duplicate_ids(pack.stations, "station", diags);
  check_duplicate_ids(pack.waste_categories, "category", diags);
  check_duplicate_ids(pack.waste_items, "waste item", diags);
  check_duplicate_ids(pack.tips, "tip", diags);
  check_duplicate_ids(pack.bays, "bay", diags);
  check_duplicate_ids(pack.quiz, "question", diags);
  check_duplicate_ids(pack.alerts, "alert", diags);

  if (!pack.stations.empty() && pack.levels.aqi.empty())
    diags.error("levels.toml", 0, 0,
                "file is missing or empty: AQI levels and water classes would be shown without their names and advice");
  std::set<std::string> source_ids;
  for (const auto& s : pack.sources) source_ids.insert(s.id);
  for (const auto& st : pack.stations)
    if (!st.source.empty() && !source_ids.count(st.source))
      diags.error(st.pos.file, st.pos.line, st.pos.column,
                  "station '" + st.id + "' names source '" + st.source + "', which sources.toml does not define");
  for (const auto& item : pack.waste_items)
    if (!item.category.empty() && !pack.waste_category(item.category))
      diags.error(item.pos.file, item.pos.line, item.pos.column,
                  "waste item '" + item.id + "' has category '" + item.category +
                      "', which waste.toml does not define");
  for (const auto& bay : pack.bays)
    for (const auto& t : bay.targets)
      if (!pack.target(t))
        diags.error(bay.pos.file, bay.pos.line, bay.pos.column,
                    "bay '" + bay.id + "' shows target '" + t + "', which targets.toml does not define");
}

}  // namespace

void set_site_file(const fs::path& path) {
  g_site_file = path;
}

const fs::path& site_file() {
  return g_site_file;
}

ContentLoad load_content(const fs::path& dir, PictureCheck picture_check) {
  ContentLoad out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.readable = false;
    out.diags.error(dir.string(), 0, 0, "content folder cannot be read");
    return out;
  }
  out.pack.dir = fs::absolute(dir, ec).lexically_normal().string();
  std::map<std::string, SourcePos> pictures;
  for (const auto& spec : kFiles) read_file(spec, dir, out, pictures);
  check_references(out);
  for (const auto& [rel, where] : pictures) {
    std::string problem = content::check_picture(dir / rel, picture_check == PictureCheck::full);
    if (!problem.empty())
      out.diags.error(where.file, where.line, where.column, "picture '" + rel + "' " + problem);
  }
  return out;
}

const std::string& Strings::get(const std::string& key, Lang lang) const {
  auto it = by_key.find(key);
  if (it == by_key.end()) return key;
  return it->second.in(lang);
}

const Station* ContentPack::station(const std::string& id) const {
  for (const auto& s : stations)
    if (s.id == id) return &s;
  return nullptr;
}

const WasteCategory* ContentPack::waste_category(const std::string& id) const {
  for (const auto& c : waste_categories)
    if (c.id == id) return &c;
  return nullptr;
}

const Alert* ContentPack::active_alert(UnixTime now) const {
  auto rank = [](const std::string& level) { return level == "severe" ? 3 : level == "warning" ? 2 : 1; };
  const Alert* best = nullptr;
  for (const Alert& a : alerts)
    if (a.starts <= now && now < a.expires && (!best || rank(a.level) > rank(best->level))) best = &a;
  return best;
}

const Target* ContentPack::target(const std::string& id) const {
  for (const auto& t : targets)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace kiosk
