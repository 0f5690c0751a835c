// How the kiosk is started: the content folder, the language, the modes and the font finder.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/core/text.hpp"
#include "kiosk/render/fonts.hpp"

namespace kiosk {

struct AppOptions {
  std::filesystem::path content_dir = "content";
  std::optional<Lang> lang;             // start in this language instead of the content's default
  bool classroom = false;               // classroom mode: the sorting game and the quiz join the navigation
  bool watch_content = false;           // hot reload: validate changes off the UI thread, swap in good packs
  std::filesystem::path last_good_dir;  // the last good pack is kept here (empty: not kept)
  bool editor = false;            // editor view: content problems are shown on screen (never to residents)
  std::string pinyin_dictionary;  // for the waste search; empty: $KIOSK_PINYIN_DICTIONARY, else Debian's
  // Finds the font for the pack's `font` setting; tests inject a failure.
  std::function<std::optional<render::FontFile>(const std::string& configured, std::string& error)>
      find_font = render::find_cjk_font;
};

}  // namespace kiosk
