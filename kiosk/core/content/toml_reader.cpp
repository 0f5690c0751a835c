#include "kiosk/core/content/toml_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>
#include <vector>

#include "kiosk/core/time_parse.hpp"

namespace kiosk::content {
namespace fs = std::filesystem;

namespace {

// What a value is, in the words of wrong_type()'s messages.
struct TypeName {
  toml::node_type type;
  const char* en;
  const char* zh;
};
constexpr TypeName kTypeNames[] = {
    {toml::node_type::table, "a table", "表"},
    {toml::node_type::array, "an array", "列表"},
    {toml::node_type::string, "a string", "文字"},
    {toml::node_type::integer, "an integer", "整数"},
    {toml::node_type::floating_point, "a number", "数字"},
    {toml::node_type::boolean, "true/false", "true/false"},
    {toml::node_type::date, "a date", "日期"},
    {toml::node_type::time, "a time", "时间"},
    {toml::node_type::date_time, "a date-time", "日期时间"},
};
constexpr TypeName kNothing{toml::node_type::none, "nothing", "空"};

const TypeName& type_name(const toml::node& node) {
  for (const TypeName& t : kTypeNames)
    if (t.type == node.type()) return t;
  return kNothing;
}

// The words wrong_type() is called with, for the Chinese message.
std::string expected_zh(std::string_view expected) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"a string", "文字（写在英文引号 \" \" 里）"},
      {"a number", "数字（不加引号）"},
      {"a whole number", "整数（不加引号，没有小数点）"},
      {"true or false", "true 或 false"},
      {"a table like { zh = \"…\", en = \"…\" }", "{ zh = \"…\", en = \"…\" } 这样的中英文对照"},
      {"a list of strings", "文字列表，如 [\"a\", \"b\"]"},
      {"a table", "表"},
      {"a list", "列表 [ … ]"},
  };
  for (const auto& [en, zh] : kWords)
    if (en == expected) return std::string(zh);
  return std::string(expected);
}

}  // namespace

void FileCtx::error(const toml::source_region& at, const std::string& message,
                    const std::string& message_zh) {
  diags.error(file, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column), message, message_zh);
}

void FileCtx::warning(const toml::source_region& at, const std::string& message,
                      const std::string& message_zh) {
  diags.warning(file, static_cast<int>(at.begin.line), static_cast<int>(at.begin.column), message,
                message_zh);
}

TableReader::TableReader(const toml::table& table, FileCtx& ctx, std::string what)
    : table_(table), ctx_(ctx), what_(std::move(what)) {}

TableReader::~TableReader() {
  std::vector<std::string> known(used_.begin(), used_.end());
  for (const auto& [key, node] : table_) {
    std::string_view name = key.str();
    if (used_.count(name)) continue;
    std::string message = "unknown key '" + std::string(name) + "' in " + what_;
    std::string message_zh = what_ + " 里没有 '" + std::string(name) + "' 这个键";
    std::string best;
    int best_distance = 3;
    for (const auto& candidate : known) {
      int d = edit_distance(name, candidate);
      if (d < best_distance) {
        best_distance = d;
        best = candidate;
      }
    }
    if (!best.empty()) {
      message += "; did you mean '" + best + "'?";
      message_zh += "；是不是 '" + best + "'？";
    }
    const auto& where = key.source().begin.line ? key.source() : node.source();
    ctx_.error(where, message, message_zh);
  }
}

const toml::node* TableReader::get(std::string_view key, Need need) {
  used_.insert(std::string(key));
  const toml::node* node = table_.get(key);
  if (!node && need == Need::required)
    ctx_.error(table_.source(), "missing required key '" + std::string(key) + "' in " + what_,
               what_ + " 缺少必填的键 '" + std::string(key) + "'");
  return node;
}

void TableReader::wrong_type(const toml::node& node, std::string_view key, std::string_view expected) {
  ctx_.error(node.source(),
             "'" + std::string(key) + "' must be " + std::string(expected) + ", not " + type_name(node).en,
             "'" + std::string(key) + "' 的类型不对：应为" + expected_zh(expected) + "，这里是" +
                 type_name(node).zh);
}

std::string TableReader::string(std::string_view key, Need need, std::string fallback) {
  const toml::node* node = get(key, need);
  if (!node) return fallback;
  if (auto s = node->value<std::string>(); s && node->is_string()) {
    if (s->empty() && need == Need::required)
      ctx_.error(node->source(), "'" + std::string(key) + "' must not be empty",
                 "'" + std::string(key) + "' 不能是空的");
    return *s;
  }
  wrong_type(*node, key, "a string");
  return fallback;
}

std::optional<UnixTime> TableReader::instant(std::string_view key, Need need) {
  const toml::node* node = get(key, need);
  if (!node) return std::nullopt;
  std::optional<UnixTime> t;
  if (const auto* dt = node->as_date_time(); dt && dt->get().offset) {
    // toml++ has read the date-time already: no second parse of the text.
    const toml::date_time& v = dt->get();
    if (auto day = civil_day(v.date.year, v.date.month, v.date.day))
      t = day->time_since_epoch().count() * 86400LL + v.time.hour * 3600 + v.time.minute * 60 +
          v.time.second - v.offset->minutes * 60LL;
  } else if (const auto* s = node->as_string()) {
    t = parse_instant(s->get());
  }
  if (!t)
    ctx_.error(
        node->source(),
        "'" + std::string(key) + "' must be a time with its offset, like \"2026-12-01T08:00:00+08:00\"",
        "'" + std::string(key) + "' 须为带时区偏移的时间，如 \"2026-12-01T08:00:00+08:00\"");
  return t;
}

std::optional<double> TableReader::number(std::string_view key, Need need) {
  const toml::node* node = get(key, need);
  if (!node) return std::nullopt;
  if (node->is_number()) {
    double v = node->value<double>().value_or(0);
    if (!std::isfinite(v)) {
      ctx_.error(node->source(), "'" + std::string(key) + "' must be a finite number",
                 "'" + std::string(key) + "' 必须是一个普通的数字（不能是 inf 或 nan）");
      return std::nullopt;
    }
    return v;
  }
  wrong_type(*node, key, "a number");
  return std::nullopt;
}

std::optional<long long> TableReader::integer(std::string_view key, Need need) {
  const toml::node* node = get(key, need);
  if (!node) return std::nullopt;
  if (node->is_integer()) return node->value<long long>();
  wrong_type(*node, key, "a whole number");
  return std::nullopt;
}

bool TableReader::boolean(std::string_view key, bool fallback) {
  const toml::node* node = get(key, Need::optional);
  if (!node) return fallback;
  if (node->is_boolean()) return *node->value<bool>();
  wrong_type(*node, key, "true or false");
  return fallback;
}

Text TableReader::text(std::string_view key, Need need) {
  const toml::node* node = get(key, need);
  Text out;
  if (!node) return out;
  const toml::table* t = node->as_table();
  if (!t) {
    wrong_type(*node, key, "a table like { zh = \"…\", en = \"…\" }");
    return out;
  }
  TableReader inner(*t, ctx_, "'" + std::string(key) + "'");
  out.zh = inner.string("zh");
  out.en = inner.string("en");
  if (out.zh.empty() && out.en.empty()) {
    if (need == Need::required)
      ctx_.error(node->source(), "'" + std::string(key) + "' has no text",
                 "'" + std::string(key) + "' 没有文字：请写上 zh = \"…\" 和 en = \"…\"");
  } else if (out.zh.empty()) {
    ctx_.warning(node->source(), "'" + std::string(key) + "' has no Chinese text (zh)",
                 "'" + std::string(key) + "' 没有中文（zh）");
  } else if (out.en.empty()) {
    ctx_.warning(node->source(), "'" + std::string(key) + "' has no English text (en)",
                 "'" + std::string(key) + "' 没有英文（en）");
  }
  return out;
}

std::vector<std::string> TableReader::strings(std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = get(key, Need::optional);
  if (!node) return out;
  const toml::array* arr = node->as_array();
  if (!arr) {
    wrong_type(*node, key, "a list of strings");
    return out;
  }
  for (const auto& element : *arr) {
    if (auto s = element.value<std::string>(); s && element.is_string())
      out.push_back(*s);
    else
      wrong_type(element, key, "a list of strings");
  }
  return out;
}

std::string TableReader::picture(std::string_view key, Need need) {
  const toml::node* node = table_.get(key);
  std::string rel = string(key, need);
  if (rel.empty() || !node) return rel;
  if (!check_picture_path(ctx_, *node, key, rel)) return {};
  // Format and size are checked once per picture by the loader; remember where it was first named.
  ctx_.pictures.emplace(rel, pos(key));
  return rel;
}

bool check_picture_path(FileCtx& ctx, const toml::node& node, std::string_view key, const std::string& rel) {
  // A Windows path: TOML reads "pictures\bottle.png" as "pictures", backspace, "ottle.png".
  std::string intended;
  bool windows = false;
  for (char c : rel) {
    const char* escape = c == '\b'   ? "b"
                         : c == '\t' ? "t"
                         : c == '\f' ? "f"
                         : c == '\n' ? "n"
                         : c == '\r' ? "r"
                                     : nullptr;
    windows = windows || escape || c == '\\';
    intended += escape ? std::string("/") + escape : c == '\\' ? std::string("/") : std::string(1, c);
  }
  if (windows) {
    ctx.error(node.source(),
              "'" + std::string(key) +
                  "': a backslash \\ in a path starts an escape in TOML; use / in paths: \"" + intended +
                  "\"",
              "'" + std::string(key) + "'：路径里请用 / 而不是 \\，写成 \"" + intended + "\"");
    return false;
  }
  const PathProblem problem = check_content_path(ctx.root, rel);
  if (problem.missing) {
    std::string near = closest_file(ctx.root, rel);
    const bool only_case =
        !near.empty() && near.size() == rel.size() &&
        std::equal(near.begin(), near.end(), rel.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        });
    std::string en = "'" + std::string(key) + "': " + problem.en;
    std::string zh = "'" + std::string(key) + "'：" + problem.zh;
    if (only_case) {
      en += "; the file is '" + near + "' (capital and small letters must match)";
      zh += "；文件名是 '" + near + "'（大小写必须一致）";
    } else if (!near.empty()) {
      en += "; did you mean '" + near + "'?";
      zh += "；是不是 '" + near + "'？";
    }
    ctx.error(node.source(), en, zh);
    return false;
  }
  if (problem) {
    ctx.error(node.source(), "'" + std::string(key) + "': " + problem.en,
              "'" + std::string(key) + "'：" + problem.zh);
    return false;
  }
  return true;
}

template <typename T>
const T* TableReader::node_as(std::string_view key, Need need, std::string_view expected) {
  const toml::node* node = get(key, need);
  if (!node) return nullptr;
  if (const T* value = node->as<T>()) return value;
  wrong_type(*node, key, expected);
  return nullptr;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
  return node_as<toml::table>(key, need, "a table");
}

const toml::array* TableReader::array(std::string_view key, Need need) {
  return node_as<toml::array>(key, need, "a list");
}

void TableReader::one_of(std::string_view key, const std::string& value,
                         std::initializer_list<std::string_view> allowed) {
  one_of(key, value, std::vector<std::string>(allowed.begin(), allowed.end()));
}

void TableReader::one_of(std::string_view key, const std::string& value,
                         const std::vector<std::string>& allowed) {
  if (value.empty()) return;
  for (auto a : allowed)
    if (a == value) return;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  const toml::node* node = table_.get(key);
  ctx_.error(node ? node->source() : table_.source(),
             "'" + std::string(key) + "' is '" + value + "'; expected one of: " + list,
             "'" + std::string(key) + "' 是 '" + value + "'；只能是其中之一：" + list);
}

SourcePos TableReader::pos() const {
  const auto& b = table_.source().begin;
  return {ctx_.file, static_cast<int>(b.line), static_cast<int>(b.column)};
}

SourcePos TableReader::pos(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (!node) return pos();
  const auto& b = node->source().begin;
  return {ctx_.file, static_cast<int>(b.line), static_cast<int>(b.column)};
}

PathProblem check_content_path(const fs::path& root, const std::string& relative) {
  fs::path p(relative);
  if (relative.empty()) return {"empty path", "路径是空的"};
  const std::string copy_zh = "；请把文件复制到内容文件夹里（图片放进 pictures/），写成 \"pictures/文件名\"";
  if (p.is_absolute())
    return {"absolute path '" + relative + "' is not allowed; give a path inside the content folder",
            "不能用绝对路径 '" + relative + "'" + copy_zh};
  for (const auto& part : p)
    if (part == "..")
      return {"path '" + relative + "' leaves the content folder ('..' is not allowed)",
              "路径 '" + relative + "' 不在内容文件夹里（不能用 ..）" + copy_zh};
  std::error_code ec;
  fs::path full = root / p;
  if (!fs::exists(full, ec))
    return {"'" + relative + "' does not exist", "找不到文件 '" + relative + "'", true};
  fs::path real_root = fs::canonical(root, ec);
  fs::path real = fs::canonical(full, ec);
  if (ec) return {"'" + relative + "' cannot be resolved", "路径 '" + relative + "' 无法读取"};
  auto [r, f] = std::mismatch(real_root.begin(), real_root.end(), real.begin(), real.end());
  if (r != real_root.end())
    return {"'" + relative + "' is a link that leaves the content folder; it is not followed",
            "'" + relative + "' 是指向内容文件夹外面的链接，不会被读取" + copy_zh};
  return {};
}

std::string closest_file(const fs::path& root, const std::string& relative) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string want = lower(relative);
  std::string best;
  int best_distance = std::max(3, static_cast<int>(relative.size()) / 4);
  std::error_code ec;
  int seen = 0;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator() && seen < 2000; it.increment(ec), ++seen) {
    if (!it->is_regular_file(ec)) continue;
    const std::string rel = it->path().lexically_relative(root).generic_string();
    const int d = edit_distance(want, lower(rel));  // a case mismatch alone costs nothing
    if (d < best_distance || (d == best_distance && !best.empty() && rel < best)) {
      best_distance = d;
      best = rel;
    }
  }
  return best;
}

std::string closest_id(std::string_view wrong, const std::vector<std::string>& valid) {
  std::string best;
  int best_distance = std::max(2, static_cast<int>(wrong.size()) / 3) + 1;
  for (const auto& id : valid) {
    int d = edit_distance(wrong, id);
    // A word whose first two thirds are right ("recycle" for "recyclable") is as close as one typo.
    const size_t same = static_cast<size_t>(
        std::mismatch(wrong.begin(), wrong.end(), id.begin(), id.end()).first - wrong.begin());
    if (same >= 4 && same * 3 >= wrong.size() * 2) d = std::min(d, 1);
    if (d < best_distance) {
      best_distance = d;
      best = id;
    }
  }
  return best;
}

std::string list_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out;
}

ValidIds valid_ids(std::string_view wrong, const std::vector<std::string>& valid, const std::string& noun_en,
                   const std::string& noun_zh) {
  const std::string list = valid.empty() ? std::string("(none)") : list_ids(valid);
  const std::string list_zh = valid.empty() ? std::string("（一个也没有）") : list_ids(valid);
  const std::string near = closest_id(wrong, valid);
  if (near.empty()) return {"; the " + noun_en + " are: " + list, "；可用的" + noun_zh + "：" + list_zh};
  return {"; did you mean '" + near + "'? The " + noun_en + " are: " + list,
          "；是不是 '" + near + "'？可用的" + noun_zh + "：" + list_zh};
}

int edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: a transposition ("titel" for "title") counts as one edit.
  const size_t n = a.size(), m = b.size();
  std::vector<int> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> int& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j) {
      at(i, j) =
          std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  return at(n, m);
}

}  // namespace kiosk::content
