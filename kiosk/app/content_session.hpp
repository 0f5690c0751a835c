// What a started pack brings with it, all made before anything on screen changes: the pack (or the
// good one a live kiosk shows instead of a broken one), its waste search and its font. A start that
// fails half-way (an unreadable folder, no font) therefore leaves the pack, search, font and the model
// built from them on screen together; the app swaps the whole session in, or nothing.
#pragma once
#include <optional>
#include <string>

#include "kiosk/app/app_options.hpp"
#include "kiosk/core/content/content_pack.hpp"
#include "kiosk/core/diagnostics.hpp"
#include "kiosk/core/search/search_index.hpp"
#include "kiosk/render/fonts.hpp"

namespace kiosk {

struct ContentSession {
  ContentPack pack;
  search::SearchIndex search;
  render::FontFile font;
  std::string pinyin_dictionary;  // the search's, kept to build it again on a hot reload
  Diagnostics diags;              // of the pack shown, as the header check found them
  Lang editor_lang = Lang::zh;    // the language its problems are told in
  int errors = 0;                 // in the pack given (a fallback may be shown instead)
  std::string notice;             // what the --editor strip says about the pack given
};

// Loads the pack and finds its font; nullopt with `error` (one line) when the folder cannot be read or
// there is no font. Problems are logged; with options.watch_content a pack with errors gives way to the
// last good pack, else the bundled one.
std::optional<ContentSession> open_content(const AppOptions& options, std::string& error);

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
