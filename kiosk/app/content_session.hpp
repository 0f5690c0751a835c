// What a pack brings with it, all made before anything on screen changes: the pack (or the good one a
// live kiosk shows instead of a broken one), its waste search and its glyph needs (font and text). At
// start open_content() makes it; on a hot reload the reloader's worker makes it with make_session(), so
// the UI thread only moves it in. A start or reload that fails half-way (an unreadable folder, errors,
// no font) therefore leaves the pack, search, font and the model built from them on screen together;
// the app swaps the whole session in, or nothing.
#pragma once
#include <functional>
#include <future>
#include <optional>
#include <string>

#include "kiosk/app/app_options.hpp"
#include "kiosk/app/kiosk_fonts.hpp"
#include "kiosk/core/content/content_loader.hpp"
#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/diagnostics.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/render/fonts.hpp"

namespace kiosk {

struct ContentSession {
  ContentPack pack;
  search::SearchIndex search;
  // At start the search is built beside the first frame (the pinyin dictionary and the index took
  // about 10 ms of the 150 to the first picture); valid until the app takes it over.
  std::future<search::SearchIndex> search_later;
  GlyphNeeds glyphs;
  Diagnostics diags;            // of the pack shown, as validated (a reload's: its warnings)
  Lang editor_lang = Lang::zh;  // at start: the language its problems are told in
  int errors = 0;               // at start: in the pack given (a fallback may be shown instead)
  std::string notice;           // at start: what the --editor strip says about the pack given
};

// How a session is made from a pack, the same at start and on the reloader's worker. Resolved once on
// the UI thread (the environment is read there), then copied to the worker.
struct SessionRecipe {
  // Debian's, unless the option or $KIOSK_PINYIN_DICTIONARY names another.
  std::string pinyin_dictionary = search::kDefaultPinyinDictionary;
  std::function<std::optional<render::FontFile>(const std::string& configured, std::string& error)>
      find_font = render::find_cjk_font;
};
SessionRecipe session_recipe(const AppOptions& options);

// Loads the pack and makes its session; nullopt with `error` (one line) when the folder cannot be read
// or there is no font. Problems are logged; with options.watch_content a pack with errors gives way to
// the last good pack, else the bundled one.
std::optional<ContentSession> open_content(const AppOptions& options, std::string& error);
// The pack's search, font and glyph text, made on the calling thread (the slow part of a session: the
// pinyin dictionary and the index over every waste item), or with SearchBuild::beside the search on a
// thread of its own (search_later). Nullopt with `error` when there is no font.
enum class SearchBuild { here, beside };
std::optional<ContentSession> make_session(ContentLoad load, const SessionRecipe& recipe, std::string& error,
                                           SearchBuild search = SearchBuild::here);

// Errors and warnings both reach the log (the journal), in the editor's language.
void log_problems(const Diagnostics& diags, Lang lang);
// The --editor strip: "content problem", how many errors and warnings, and the first to fix
// (errors before warnings). Empty when there is nothing to say.
std::string problem_notice(const Diagnostics& diags, Lang lang, bool not_loaded);
// A reloaded pack that passed every check but lost more than half of a list is applied, and said out
// loud: a file saved half-way would otherwise shrink the waste guide without a word.
void warn_of_shrunk_lists(const ContentPack& before, const ContentPack& after, Diagnostics& diags);
bool same_sources(const ContentPack& a, const ContentPack& b);

}  // namespace kiosk
