#include "kiosk/core/content/content_loader.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <sstream>

#include "kiosk/core/content/builtin_strings.hpp"
#include "kiosk/core/content/files.hpp"
#include "kiosk/core/content/parse_problems.hpp"
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
    std::string text;
    if (std::ifstream in{path, std::ios::binary}) text.assign(std::istreambuf_iterator<char>(in), {});
    content::ParseProblem p = content::explain_parse_error(text, static_cast<int>(b.line),
                                                           static_cast<int>(b.column), e.description());
    out.diags.error(path.string(), p.line, p.column, p.en, p.zh);
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
  // The list the file exists for: empty (or the file missing) is an error unless the file says
  // `allow_empty = true`, so a pack is never emptied by a file saved half-way or deleted by mistake.
  std::size_t (*count)(const ContentPack&) = nullptr;
  const char* list_en = nullptr;
  const char* list_zh = nullptr;
};

std::size_t count_stations(const ContentPack& p) {
  return p.stations.size();
}
std::size_t count_sources(const ContentPack& p) {
  return p.sources.size();
}
std::size_t count_waste(const ContentPack& p) {
  return std::min(p.waste_items.size(), p.waste_categories.size());
}
std::size_t count_levels(const ContentPack& p) {
  return p.levels.aqi.size();
}

const FileSpec kFiles[] = {
    {"kiosk.toml", true, content::read_settings},
    {"strings.toml", true, content::read_strings},
    {"stations.toml", true, content::read_stations, count_stations, "the stations (air and water screens)",
     "监测站点（空气和水质页面）"},
    {"sources.toml", true, content::read_sources, count_sources, "the data sources", "数据来源"},
    {"waste.toml", true, content::read_waste, count_waste, "the waste guide (categories and items)",
     "垃圾分类指南（类别和物品）"},
    {"travel.toml", false, content::read_travel},
    {"targets.toml", false, content::read_targets},
    {"bays.toml", false, content::read_bays},
    {"quiz.toml", false, content::read_quiz},
    {"levels.toml", true, content::read_levels, count_levels, "the AQI levels' names and advice",
     "空气质量等级的名称和建议"},
    {"alerts.toml", false, content::read_alerts},
};

void read_file(const FileSpec& spec, const fs::path& dir, ContentLoad& out,
               std::map<std::string, SourcePos>& pictures) {
  fs::path path = dir / spec.name;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (spec.count)
      out.diags.error(
          spec.name, 0, 0,
          std::string("file is missing, so ") + spec.list_en +
              " would be empty; put the file back, or to show none on purpose create it with the line "
              "allow_empty = true",
          std::string("文件不存在，") + spec.list_zh +
              "将为空；请把文件放回去。如果确实不需要，请新建这个文件，写上一行 allow_empty = true");
    else if (spec.required)
      out.diags.error(spec.name, 0, 0, "file is missing", "文件不存在");
    return;
  }
  if (const content::PathProblem problem = content::check_content_path(dir, spec.name)) {
    out.diags.error(spec.name, 0, 0, problem.en, problem.zh);
    return;
  }
  auto size = fs::file_size(path, ec);
  if (ec) {
    out.diags.error(spec.name, 0, 0, "cannot be read: " + ec.message(), "无法读取：" + ec.message());
    return;
  }
  if (size > kMaxContentFileBytes) {
    out.diags.error(spec.name, 0, 0,
                    "file is " + std::to_string(size >> 20) + " MB; content files must be under 4 MB",
                    "文件有 " + std::to_string(size >> 20) + " MB；内容文件必须小于 4 MB");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  if (!in.good() && !in.eof()) {
    out.diags.error(spec.name, 0, 0, "cannot be read", "无法读取");
    return;
  }
  std::string text = buffer.str();
  if (auto bad = content::find_invalid_utf8(text)) {
    out.diags.error(
        spec.name, bad->line, bad->column,
        "the file is not saved as UTF-8 (perhaps GBK, as Windows Notepad saves Chinese); save it as UTF-8",
        "文件不是 UTF-8 编码（可能是记事本保存的 GBK）：请把文件另存为 UTF-8");
    return;
  }
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(spec.name));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    content::ParseProblem p = content::explain_parse_error(text, static_cast<int>(b.line),
                                                           static_cast<int>(b.column), e.description());
    out.diags.error(spec.name, p.line, p.column, p.en, p.zh);
    return;
  }
  bool allow_empty = false;
  if (const toml::node* flag = root.get("allow_empty")) {
    if (flag->is_boolean() && spec.count) {
      allow_empty = *flag->value<bool>();
    } else {
      const auto& b = flag->source().begin;
      out.diags.error(
          spec.name, static_cast<int>(b.line), static_cast<int>(b.column),
          spec.count ? "'allow_empty' must be true or false" : "'allow_empty' is not used in this file",
          spec.count ? "'allow_empty' 只能是 true 或 false" : "这个文件不用 'allow_empty'");
    }
    root.erase("allow_empty");
  }
  if (root.empty() && spec.required && !allow_empty) {
    if (spec.count)
      out.diags.error(
          spec.name, 0, 0,
          std::string("file is empty, so ") + spec.list_en +
              " would be empty; if the file was being copied, wait and save again; to show none on "
              "purpose write allow_empty = true",
          std::string("文件是空的，") + spec.list_zh +
              "将为空；如果文件还在复制，请等复制完再保存。如果确实不需要，请写上 allow_empty = true");
    else
      out.diags.error(spec.name, 0, 0, "file is empty", "文件是空的");
    return;
  }
  if (std::string_view(spec.name) == "kiosk.toml") merge_site(root, out);
  if (root.empty()) return;
  FileCtx ctx{spec.name, dir, out.diags, {}};
  const int errors_before = out.diags.error_count();
  spec.read(root, ctx, out.pack);
  pictures.insert(ctx.pictures.begin(), ctx.pictures.end());
  if (spec.count && spec.count(out.pack) == 0 && !allow_empty && out.diags.error_count() == errors_before)
    out.diags.error(spec.name, 0, 0,
                    std::string("no entries: ") + spec.list_en +
                        " would be empty; add them, or to show none on purpose write allow_empty = true",
                    std::string("没有任何条目：") + spec.list_zh +
                        "将为空；请补上。如果确实不需要，请写上 allow_empty = true");
}

// An item's pos is its id's value (its heading's when the id is left out): the place to change.
template <typename T>
void check_duplicate_ids(const std::vector<T>& items, const char* what, Diagnostics& diags) {
  std::map<std::string, const SourcePos*> seen;
  for (const auto& item : items) {
    if (item.id.empty()) continue;
    auto [it, inserted] = seen.emplace(item.id, &item.pos);
    if (!inserted)
      diags.error(item.pos.file, item.pos.line, item.pos.column,
                  std::string("duplicate ") + what + " id '" + item.id + "' (first defined at line " +
                      std::to_string(it->second->line) + ")",
                  "id '" + item.id + "' 重复了（第 " + std::to_string(it->second->line) +
                      " 行已经用过）；请换一个 id");
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

  const bool levels_reported = std::any_of(diags.items().begin(), diags.items().end(),
                                           [](const Diagnostic& d) { return d.file == "levels.toml"; });
  if (!pack.stations.empty() && pack.levels.aqi.empty() && !levels_reported)
    diags.error("levels.toml", 0, 0,
                "file is missing or empty: AQI levels and water classes would be shown without their names "
                "and advice",
                "文件不存在或是空的：空气质量等级和水质类别将没有名称和建议；请把文件放回去");
  // A wrong id points at the value to fix, suggests the closest valid id and lists them all.
  auto wrong_id = [&diags](const SourcePos& at, const std::vector<std::string>& valid,
                           const std::string& wrong, const std::string& en, const std::string& zh,
                           const char* noun_en, const char* noun_zh) {
    const content::ValidIds hint = content::valid_ids(wrong, valid, noun_en, noun_zh);
    diags.error(at.file, at.line, at.column, en + hint.en, zh + hint.zh);
  };
  // A file that could not be read at all was reported already; every reference to it would be noise.
  auto unreadable = [&diags](const char* file, bool empty) {
    return empty && std::any_of(diags.items().begin(), diags.items().end(), [file](const Diagnostic& d) {
             return d.file == file && d.severity == Severity::error;
           });
  };
  std::vector<std::string> source_ids;
  for (const auto& s : pack.sources) source_ids.push_back(s.id);
  for (const auto& st : pack.stations)
    if (!st.source.empty() && !unreadable("sources.toml", source_ids.empty()) &&
        std::find(source_ids.begin(), source_ids.end(), st.source) == source_ids.end())
      wrong_id(st.source_pos, source_ids, st.source,
               "station '" + st.id + "' names source '" + st.source + "', which sources.toml does not define",
               "站点 '" + st.id + "' 的来源 '" + st.source + "' 在 sources.toml 里没有定义", "sources",
               "来源");
  std::vector<std::string> target_ids;
  for (const auto& t : pack.targets) target_ids.push_back(t.id);
  for (const auto& bay : pack.bays)
    for (size_t i = 0; i < bay.targets.size(); ++i)
      if (!pack.target(bay.targets[i]) && !unreadable("targets.toml", target_ids.empty()))
        wrong_id(
            i < bay.target_pos.size() ? bay.target_pos[i] : bay.pos, target_ids, bay.targets[i],
            "bay '" + bay.id + "' shows target '" + bay.targets[i] + "', which targets.toml does not define",
            "海湾页 '" + bay.id + "' 的目标 '" + bay.targets[i] + "' 在 targets.toml 里没有定义", "targets",
            "目标");
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
    out.diags.error(dir.string(), 0, 0, "content folder cannot be read",
                    "内容文件夹无法读取（不存在或不是文件夹）");
    return out;
  }
  out.pack.dir = fs::absolute(dir, ec).lexically_normal().string();
  for (const auto& spec : kFiles) read_file(spec, dir, out, out.pack.picture_refs);
  check_references(out);
  // Screens never show a bare key or nothing: what strings.toml lacks comes from the built-in text.
  content::fill_missing_strings(out.pack.strings);
  const Diagnostics pictures =
      check_pictures(dir, out.pack.picture_refs, picture_check, &out.pack.picture_sizes);
  for (const Diagnostic& d : pictures.items()) out.diags.add(d);
  return out;
}

Diagnostics check_pictures(const fs::path& dir, const std::map<std::string, SourcePos>& refs,
                           PictureCheck how, std::map<std::string, PictureSize>* sizes) {
  Diagnostics out;
  for (const auto& [rel, where] : refs) {
    const content::PictureProblem problem = content::picture_problem(dir / rel, how == PictureCheck::full);
    if (problem.en.empty()) {
      if (sizes) (*sizes)[rel] = {problem.width, problem.height};
      continue;
    }
    if (problem.corrupt)  // the decoder's words ("expected marker") mean nothing to an editor
      out.error(where.file, where.line, where.column,
                "picture '" + rel +
                    "': the picture file is cut short or damaged (perhaps not fully copied); copy it again",
                "图片 '" + rel + "'：图片文件不完整（可能没有复制完），请重新复制");
    else
      out.error(where.file, where.line, where.column, "picture '" + rel + "' " + problem.en,
                "图片 '" + rel + "' " + problem.zh);
  }
  return out;
}

const std::string& Strings::get(const std::string& key, Lang lang) const {
  auto it = by_key.find(key);
  if (it != by_key.end()) return it->second.in(lang);
  // The key itself, from a set that outlives the call: callers pass temporaries ("status.updated"),
  // and a reference to one of those was the render crash with no strings.toml.
  static std::mutex mu;
  static std::set<std::string, std::less<>> keys;
  std::lock_guard lock(mu);
  return *keys.insert(key).first;
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
