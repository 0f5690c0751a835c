#include "kiosk/app/content_session.hpp"

#include <algorithm>
#include <cstdlib>

#include "kiosk/app/view_options.hpp"
#include "kiosk/core/content/all_text.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {

SessionRecipe session_recipe(const AppOptions& options) {
  const char* dictionary = std::getenv("KIOSK_PINYIN_DICTIONARY");
  return {!options.pinyin_dictionary.empty() ? options.pinyin_dictionary
          : dictionary && *dictionary        ? dictionary
                                             : search::kDefaultPinyinDictionary,
          options.find_font};
}

std::optional<ContentSession> make_session(ContentLoad load, const SessionRecipe& recipe, std::string& error,
                                           SearchBuild search) {
  std::optional<render::FontFile> font = recipe.find_font(load.pack.settings.font, error);
  if (!font) return std::nullopt;
  ContentSession session;
  if (search == SearchBuild::beside)
    session.search_later = std::async(std::launch::async,
                                      [items = load.pack.waste_items, dictionary = recipe.pinyin_dictionary] {
                                        return search::build_waste_search(items, dictionary);
                                      });
  else
    session.search = search::build_waste_search(load.pack.waste_items, recipe.pinyin_dictionary);
  session.glyphs = {std::move(*font), all_text(load.pack), display_text(load.pack)};
  session.pack = std::move(load.pack);
  session.diags = std::move(load.diags);
  return session;
}

std::optional<ContentSession> open_content(const AppOptions& options, std::string& error) {
  // Pictures' headers are checked now; every pixel is decoded on a worker while the first frame is drawn
  // (FullPictureCheck), so a picture cut short is still an error at start, not a grey box nobody reports.
  ContentLoad load = load_content(options.content_dir, PictureCheck::header);
  if (!load.readable) {
    error = load.diags.items().front().format();
    return std::nullopt;
  }
  const Lang editor_lang = options.lang.value_or(load.pack.settings.default_language);
  log_problems(load.diags, editor_lang);
  const int errors = load.diags.error_count();
  std::string notice = problem_notice(load.diags, editor_lang, false);
  if (load.diags.has_errors() && options.watch_content) {
    // A live kiosk never refuses to start: the last good pack, else the bundled one, else what
    // could be read. (Previews show the pack they were given, problems and all.)
    std::error_code ec;
    const std::filesystem::path bundled = default_content_dir();
    for (const std::filesystem::path& fallback : {options.last_good_dir, bundled}) {
      if (fallback.empty() || !std::filesystem::is_directory(fallback, ec) ||
          std::filesystem::equivalent(fallback, options.content_dir, ec))
        continue;
      ContentLoad other = load_content(fallback, PictureCheck::header);
      if (other.readable && !other.diags.has_errors()) {
        log::warning("the content pack has " + std::to_string(load.diags.error_count()) +
                     " problem(s); showing the pack in " + fallback.string() + " until it is fixed");
        load = std::move(other);
        break;
      }
    }
  }
  if (load.diags.has_errors())
    log::warning("the content pack has " + std::to_string(load.diags.error_count()) +
                 " problem(s); showing what could be read");
  std::optional<ContentSession> session =
      make_session(std::move(load), session_recipe(options), error, SearchBuild::beside);
  if (!session) return std::nullopt;
  session->editor_lang = editor_lang;
  session->errors = errors;
  session->notice = std::move(notice);
  return session;
}

void log_problems(const Diagnostics& diags, Lang lang) {
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::error)
      log::error(d.format(lang));
    else
      log::warning(d.format(lang));
  }
}

std::string problem_notice(const Diagnostics& diags, Lang lang, bool not_loaded) {
  if (diags.items().empty()) return {};
  const Diagnostic* first = &diags.items().front();
  for (const Diagnostic& d : diags.items())
    if (d.severity == Severity::error) {
      first = &d;
      break;
    }
  const std::string errors = std::to_string(diags.error_count()),
                    warnings = std::to_string(diags.warning_count());
  if (lang == Lang::zh)
    return "内容问题：" + errors + " 个错误，" + warnings + " 个警告" + (not_loaded ? "，未载入" : "") +
           "。" + first->format(lang);
  return "content problem: " + errors + " error(s), " + warnings + " warning(s)" +
         (not_loaded ? ", not loaded" : "") + ". " + first->format(lang);
}

void warn_of_shrunk_lists(const ContentPack& before, const ContentPack& after, Diagnostics& diags) {
  struct Shrink {
    const char* file;
    std::size_t before, after;
    const char *en, *zh;
  };
  const Shrink lists[] = {
      {"waste.toml", before.waste_items.size(), after.waste_items.size(), "waste items", "垃圾分类物品"},
      {"waste.toml", before.waste_categories.size(), after.waste_categories.size(), "waste categories",
       "垃圾类别"},
      {"stations.toml", before.stations.size(), after.stations.size(), "stations", "监测站点"},
      {"sources.toml", before.sources.size(), after.sources.size(), "data sources", "数据来源"},
      {"levels.toml", before.levels.aqi.size(), after.levels.aqi.size(), "AQI levels", "空气质量等级"}};
  for (const Shrink& l : lists)
    if (l.after * 2 < l.before)
      diags.warning(l.file, 0, 0,
                    std::string("the new pack has ") + std::to_string(l.after) + " " + l.en + " instead of " +
                        std::to_string(l.before) + "; check that the file was saved completely",
                    std::string("新的内容只有 ") + std::to_string(l.after) + " 个" + l.zh + "（原来 " +
                        std::to_string(l.before) + " 个）；请确认文件已完整保存");
}

bool same_sources(const ContentPack& a, const ContentPack& b) {
  return a.sources.size() == b.sources.size() &&
         std::equal(
             a.sources.begin(), a.sources.end(), b.sources.begin(),
             [](const SourceConfig& x, const SourceConfig& y) { return x.id == y.id && x.url == y.url; });
}

}  // namespace kiosk
