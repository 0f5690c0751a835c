// sources.toml: where the kiosk fetches live data and how each platform's records map to readings.
// Every problem is reported with FILE:LINE:COL; secrets are only named here (environment variable or
// file), never read: the fetcher reads them when it needs them.
#include <algorithm>
#include <cmath>
#include <set>

#include "kiosk/core/content/files.hpp"
#include "kiosk/core/metrics.hpp"
#include "kiosk/core/platforms.hpp"
#include "kiosk/core/time_parse.hpp"
#include "kiosk/core/time_zone.hpp"

namespace kiosk::content {
namespace {

// Errors about one key point at that key, not at the start of its table.
void error_at(TableReader& r, std::string_view key, const std::string& message,
              const std::string& message_zh) {
  r.ctx().error(r.region(key), message, message_zh);
}

std::string zone_problem(const std::string& zone) {
  std::string near = suggest_zone_name(zone);
  if (!near.empty())
    return "'zone' is '" + zone + "', which is not a time zone in the system's tzdata; did you mean '" +
           near + "'?";
  return "'zone' is '" + zone +
         "'; expected a UTC offset (\"+08:00\", \"Z\") or an IANA time zone name from the system's tzdata "
         "(\"Asia/Shanghai\", \"America/Los_Angeles\")";
}

std::string zone_problem_zh(const std::string& zone) {
  std::string near = suggest_zone_name(zone);
  if (!near.empty()) return "'zone' 是 '" + zone + "'，系统的时区数据里没有这个时区；是不是 '" + near + "'？";
  return "'zone' 是 '" + zone + "'；要写成 \"+08:00\"、\"Z\" 这样的时差，或 \"Asia/Shanghai\" 这样的时区名";
}

bool known_metric(std::string_view m) {
  return find_metric(m) != nullptr;
}

std::string metric_list() {
  std::string out;
  for (const Metric& m : metrics()) out += (out.empty() ? "" : " ") + std::string(m.key);
  return out;
}

// A value that is a string, a number, or { env = "NAME" } / { file = "/abs/path" }.
bool read_value(const toml::node& node, const std::string& key, FileCtx& ctx, SecretValue& out) {
  if (node.is_string()) {
    out.literal = *node.value<std::string>();
    return true;
  }
  if (node.is_integer()) {
    out.literal = std::to_string(*node.value<long long>());
    return true;
  }
  if (node.is_floating_point()) {
    std::string s = std::to_string(*node.value<double>());
    out.literal = s;
    return true;
  }
  if (const toml::table* t = node.as_table()) {
    TableReader r(*t, ctx, "'" + key + "'");
    out.env = r.string("env");
    out.file = r.string("file");
    if (out.env.empty() == out.file.empty()) {
      ctx.error(node.source(), "'" + key + "' needs exactly one of env = \"NAME\" or file = \"/path\"",
                "'" + key + "' 里要写 env = \"变量名\" 或 file = \"/路径\"，只写其中一个");
      return false;
    }
    if (!out.file.empty() && out.file.front() != '/') {
      ctx.error(node.source(),
                "'" + key + "': the secret file must be an absolute path (e.g. /etc/kiosk/" + key + ".key)",
                "'" + key + "'：密钥文件要写完整路径（如 /etc/kiosk/" + key + ".key）");
      return false;
    }
    return true;
  }
  ctx.error(node.source(),
            "'" + key + "' must be a string, a number, or { env = \"NAME\" } / { file = \"/path\" }",
            "'" + key + "' 只能是文字、数字，或 { env = \"变量名\" } / { file = \"/路径\" }");
  return false;
}

std::vector<NamedValue> read_named_values(TableReader& r, std::string_view key) {
  std::vector<NamedValue> out;
  const toml::table* t = r.table(key);
  if (!t) return out;
  for (const auto& [k, node] : *t) {
    NamedValue nv;
    nv.name = std::string(k.str());
    if (read_value(node, nv.name, r.ctx(), nv.value)) out.push_back(std::move(nv));
  }
  return out;
}

std::map<std::string, std::string> read_string_map(TableReader& r, std::string_view key) {
  std::map<std::string, std::string> out;
  const toml::table* t = r.table(key);
  if (!t) return out;
  for (const auto& [k, node] : *t) {
    if (node.is_string())
      out[std::string(k.str())] = *node.value<std::string>();
    else
      r.ctx().error(node.source(), "'" + std::string(key) + "." + std::string(k.str()) + "' must be a string",
                    "'" + std::string(key) + "." + std::string(k.str()) + "' 必须是文字（写在英文引号里）");
  }
  return out;
}

// A field: one path, several paths (the first present wins), or { value = "constant" }.
void read_field(TableReader& r, const char* key, std::string& path, FieldMap& f) {
  const toml::node* node = r.raw().get(key);
  if (!node) return;
  if (node->is_array()) {
    const toml::array* paths = r.array(key);
    for (const auto& p : *paths) {
      if (!p.is_string()) {
        r.ctx().error(p.source(), "'" + std::string(key) + "' lists paths, which must be strings",
                      "'" + std::string(key) + "' 列出的路径必须是文字（写在英文引号里）");
        continue;
      }
      if (path.empty())
        path = *p.value<std::string>();
      else
        f.alternatives[key].push_back(*p.value<std::string>());
    }
    return;
  }
  if (node->is_table()) {
    TableReader c(*r.table(key), r.ctx(), "'" + std::string(key) + "'");
    std::string value = c.string("value", Need::required);
    if (!value.empty()) f.constants[key] = value;
    return;
  }
  path = r.string(key);
}

void read_fields(TableReader& source, SourceConfig& s) {
  FieldMap& f = s.fields;
  if (const toml::table* t = source.table("fields")) {
    TableReader r(*t, source.ctx(), "[source.fields]");
    f.layout = r.string("layout", Need::optional, "long");
    r.one_of("layout", f.layout, {"long", "wide"});
    f.records = r.string("records");
    for (auto [key, field] : {std::pair{"station", &f.station},
                              {"name_zh", &f.name_zh},
                              {"name_en", &f.name_en},
                              {"lat", &f.lat},
                              {"lon", &f.lon},
                              {"metric", &f.metric},
                              {"value", &f.value},
                              {"unit", &f.unit},
                              {"observed_at", &f.observed_at}})
      read_field(r, key, *field, f);
  }
  // Wide layout: canonical metric = column (toml++ hands keys over sorted, so readings come out sorted).
  if (const toml::table* t = source.table("columns")) {
    for (const auto& [k, node] : *t) {
      std::string metric(k.str());
      if (!known_metric(metric))
        source.ctx().warning(
            k.source(),
            "'columns." + metric +
                "' is not a kiosk metric, so the column is not read; expected one of: " + metric_list(),
            "'columns." + metric + "' 不是 kiosk 认识的指标，这一列不会被读取；可用的指标：" + metric_list());
      else if (!node.is_string())
        source.ctx().error(node.source(), "'columns." + metric + "' must be the name of a column",
                           "'columns." + metric + "' 必须是一列的名字（写在英文引号里）");
      else
        f.columns.emplace_back(metric, *node.value<std::string>());
    }
  }
  f.metrics = read_string_map(source, "metrics");
  for (auto& [from, to] : f.metrics)
    if (!known_metric(to) && !to.empty()) {
      source.ctx().warning(
          source.region("metrics"),
          "metrics: '" + from + "' maps to '" + to +
              "', which is not a kiosk metric, so its values are ignored; expected one of: " + metric_list(),
          "metrics：'" + from + "' 对应的 '" + to +
              "' 不是 kiosk 认识的指标，它的数值会被忽略；可用的指标：" + metric_list());
      to.clear();  // the normaliser counts an empty mapping as "not shown"
    }
  f.units = read_string_map(source, "units");
  if (const toml::table* t = source.table("filter")) {
    for (const auto& [k, node] : *t) {
      std::string path(k.str());
      if (node.is_string())
        f.filter.emplace_back(path, *node.value<std::string>());
      else if (node.is_boolean())
        f.filter.emplace_back(path, *node.value<bool>() ? "true" : "false");
      else if (node.is_integer())
        f.filter.emplace_back(path, std::to_string(*node.value<long long>()));
      else
        source.ctx().error(node.source(), "'filter." + path + "' must be a string, an integer or true/false",
                           "'filter." + path + "' 只能是文字、整数或 true/false");
    }
  }
}

void read_paging(TableReader& source, SourceConfig& s) {
  const toml::table* t = source.table("paging");
  if (!t) return;
  TableReader r(*t, source.ctx(), "[source.paging]");
  Paging& p = s.paging;
  p.mode = r.string("mode", Need::optional, "none");
  r.one_of("mode", p.mode, {"none", "offset", "next"});
  p.offset_param = r.string("offset", Need::optional, "offset");
  p.limit_param = r.string("limit", Need::optional, "limit");
  p.next = r.string("next");
  if (p.mode == "next" && p.next.empty())
    r.ctx().error(r.region("mode"), "[source.paging] mode = \"next\" needs next = \"path/of/the/link\"",
                  "[source.paging] 用 mode = \"next\" 时还要写 next = \"下一页链接的路径\"");
}

// The platforms whose records have no fixed shape need a mapping; say which keys are missing.
void check_mapping(TableReader& r, const SourceConfig& s, const PlatformInfo& platform) {
  if (!platform.field_mapping) return;
  const FieldMap& f = s.fields;
  std::string missing;
  auto none = [&f](const std::string& path, const char* key) {
    return path.empty() && !f.constants.count(key);
  };
  if (none(f.station, "station")) missing += " station";
  if (none(f.observed_at, "observed_at")) missing += " observed_at";
  if (f.layout == "long") {
    if (none(f.value, "value")) missing += " value";
    if (none(f.metric, "metric")) missing += " metric";
  } else if (f.columns.empty()) {
    if (r.table("columns"))
      r.ctx().warning(
          r.region("columns"),
          "source '" + s.id + "' maps no kiosk metric in [source.columns]: it fetches nothing to show",
          "来源 '" + s.id + "' 的 [source.columns] 里没有一个 kiosk 认识的指标：取到的数据没有可显示的");
    else
      missing += " [source.columns]";
  }
  if (!missing.empty())
    r.ctx().error(
        r.region("fields"),
        "source '" + s.id + "' (" + s.platform +
            ") needs a field mapping; missing in [source.fields]:" + missing,
        "来源 '" + s.id + "'（" + s.platform + "）需要字段对应关系；[source.fields] 里缺少：" + missing);
}

// An Observations URL is one Datastream with no Thing in its records: without a station of its own
// the source could only fail at every fetch, so say it now, where it is written.
void check_observations(TableReader& r, const SourceConfig& s) {
  if (s.platform != "sensorthings" || !is_sensorthings_observations_url(s.url)) return;
  const FieldMap& f = s.fields;
  auto none = [&f](const std::string& path, const char* key) {
    return path.empty() && !f.constants.count(key);
  };
  if (none(f.station, "station") || (f.layout == "long" && none(f.metric, "metric")))
    error_at(r, "url",
             "source '" + s.id +
                 "': an Observations URL is one Datastream; give its station and metric in [source.fields] "
                 "(station = { value = \"ST-42\" }, metric = { value = \"pm25_1h\" })",
             "来源 '" + s.id +
                 "'：Observations 地址只有一个数据流；请在 [source.fields] 里写明它的站点和指标（station = { "
                 "value "
                 "= \"ST-42\" }，metric = { value = \"pm25_1h\" }）");
}

// A key this platform never reads is probably meant for another platform: say so rather than ignore it.
void warn_unused_keys(TableReader& r, const PlatformInfo& platform) {
  auto some_platform_reads = [](std::string_view key) {
    for (const PlatformInfo& p : platforms())
      if (accepts_key(p, key)) return true;
    return false;
  };
  for (const auto& [key, node] : r.raw())
    if (!accepts_key(platform, key.str()) && some_platform_reads(key.str()))
      r.ctx().warning(
          node.source(),
          "'" + std::string(key.str()) + "' is not used by platform '" + std::string(platform.name) + "'",
          "平台 '" + std::string(platform.name) + "' 不用 '" + std::string(key.str()) + "' 这个键");
}

// One [[source]] table; problems go to r's context.
SourceConfig read_source(TableReader& r, const ContentPack& pack) {
  SourceConfig s;
  s.id = r.string("id", Need::required);
  s.platform = r.string("platform", Need::required);
  const PlatformInfo* platform = find_platform(s.platform);
  if (!platform && !s.platform.empty())
    error_at(r, "platform", "'platform' is '" + s.platform + "'; expected one of: " + platform_names(),
             "'platform' 是 '" + s.platform + "'；只能是其中之一：" + platform_names());
  s.url = r.string("url", Need::required);
  if (!s.url.empty()) {
    auto scheme_end = s.url.find("://");
    if (scheme_end == std::string::npos) {
      // No scheme: a file inside the content folder, read through the same code path as live data.
      if (const PathProblem problem = check_content_path(r.ctx().root, s.url))
        error_at(r, "url", "'url': " + problem.en, "'url'：" + problem.zh);
    } else {
      std::string scheme = s.url.substr(0, scheme_end);
      if (scheme == "file")
        error_at(r, "url", "'url': file:// URLs are not allowed; give a path inside the content folder",
                 "'url'：不能用 file:// 地址；请写内容文件夹里的路径");
      else if (scheme != "http" && scheme != "https")
        error_at(r, "url",
                 "'url': scheme '" + scheme +
                     "' is not supported; use https://, http:// or a path inside the content folder",
                 "'url'：不支持 '" + scheme + "'；请用 https://、http:// 或内容文件夹里的路径");
    }
  }
  s.query = read_named_values(r, "query");
  s.headers = read_named_values(r, "headers");
  s.refresh_seconds = r.number("refresh_seconds").value_or(600);
  if (s.refresh_seconds < 10) {
    error_at(r, "refresh_seconds", "'refresh_seconds' must be at least 10", "'refresh_seconds' 至少是 10");
    s.refresh_seconds = 10;
  }
  s.stale_seconds = r.number("stale_seconds").value_or(0);
  if (s.stale_seconds < 0)
    error_at(r, "stale_seconds", "'stale_seconds' must not be negative", "'stale_seconds' 不能是负数");
  s.zone = r.string("zone", Need::optional, "+08:00");
  if (auto zone = TimeZone::find(s.zone))
    s.time_zone = *zone;
  else
    error_at(r, "zone", zone_problem(s.zone), zone_problem_zh(s.zone));
  s.demo = r.boolean("demo", false);
  s.name = r.text("name");
  read_fields(r, s);
  read_paging(r, s);
  s.station_ids = read_string_map(r, "stations");
  s.station_prefix = r.string("station_prefix");
  s.language = r.string("language");
  s.ca_file = r.string("ca_file");
  if (!s.ca_file.empty() && s.ca_file.front() != '/')
    error_at(r, "ca_file", "'ca_file' must be an absolute path", "'ca_file' 要写完整路径（以 / 开头）");
  if (auto cap = r.integer("max_body_bytes")) {
    if (*cap < 1024)
      error_at(r, "max_body_bytes", "'max_body_bytes' must be at least 1024", "'max_body_bytes' 至少是 1024");
    else if (static_cast<std::uint64_t>(*cap) > kMaxBodyBytesCeiling)
      error_at(
          r, "max_body_bytes",
          "'max_body_bytes' must be at most " + std::to_string(kMaxBodyBytesCeiling) +
              " (32 MiB, the kiosk's ceiling)",
          "'max_body_bytes' 最多是 " + std::to_string(kMaxBodyBytesCeiling) + "（32 MiB，kiosk 的上限）");
    else
      s.max_body_bytes = static_cast<std::uint64_t>(*cap);
  }
  if (auto n = r.integer("page_size")) {
    if (*n < 1 || *n > 50000)
      error_at(r, "page_size", "'page_size' must be between 1 and 50000", "'page_size' 只能是 1 到 50000");
    else
      s.page_size = static_cast<int>(*n);
  }
  if (auto n = r.integer("max_pages")) {
    if (*n < 1 || *n > kMaxPagesCeiling)
      error_at(
          r, "max_pages",
          "'max_pages' must be between 1 and " + std::to_string(kMaxPagesCeiling) + " (the kiosk's ceiling)",
          "'max_pages' 只能是 1 到 " + std::to_string(kMaxPagesCeiling) + "（kiosk 的上限）");
    else
      s.max_pages = static_cast<int>(*n);
  }
  s.missing_values = r.strings("missing_values");
  if (platform) {
    check_mapping(r, s, *platform);
    check_observations(r, s);
    warn_unused_keys(r, *platform);
  }
  for (const auto& other : pack.sources)
    if (!s.id.empty() && other.id == s.id)
      error_at(r, "id", "duplicate source id '" + s.id + "'", "来源 id '" + s.id + "' 重复了；请换一个 id");
  return s;
}

}  // namespace

// A mistake in one [[source]] turns that source off, not the pack: its problems are reported (as
// warnings, with FILE:LINE:COL) and the fetcher reports the source as failing with the first of them,
// while every other source fetches. Problems outside the tables (no [[source]] array) stay errors.
void read_sources(const toml::table& root, FileCtx& ctx, ContentPack& pack) {
  TableReader file(root, ctx, "sources.toml");
  const toml::array* tables = file.array("source");
  if (!tables) return;
  for (const auto& node : *tables) {
    const toml::table* t = node.as_table();
    if (!t) {
      ctx.error(node.source(), "each 'source' must be a table: write it as [[source]] on a line of its own",
                "每个 'source' 都必须是一个表：单独一行写 [[source]]");
      continue;
    }
    Diagnostics own;
    FileCtx source_ctx{ctx.file, ctx.root, own, {}};
    SourceConfig s;
    {
      TableReader r(*t, source_ctx, "[[source]]");
      s = read_source(r, pack);
    }  // unknown keys are reported when the reader goes
    for (const Diagnostic& d : own.items()) {
      if (d.severity == Severity::warning) {
        ctx.diags.add(d);
        continue;
      }
      const std::string id = s.id.empty() ? std::string("?") : s.id;
      ctx.diags.warning(
          d.file, d.line, d.column, "source '" + id + "' is off until fixed: " + d.message,
          "来源 '" + id + "' 在修好之前停用：" + (d.message_zh.empty() ? d.message : d.message_zh));
      if (s.off.empty()) s.off = Diagnostic{d.file, d.line, d.column, Severity::error, d.message}.format();
    }
    const bool duplicate = std::any_of(pack.sources.begin(), pack.sources.end(),
                                       [&](const SourceConfig& o) { return o.id == s.id; });
    if (!s.id.empty() && !duplicate) pack.sources.push_back(std::move(s));
  }
}

}  // namespace kiosk::content
