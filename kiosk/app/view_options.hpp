// Options shared by the commands that draw screens (the kiosk itself, render, replay).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "kiosk/core/parse_util.hpp"
#include "kiosk/core/text.hpp"

namespace kiosk {

struct ViewOptions {
  std::string size = "1920x1080";
  std::string lang;        // zh | en; empty: the content's default
  std::string content;     // empty: default_content_dir()
  std::string now;         // ISO 8601 time to show instead of the real clock (reproducible pictures)
  bool classroom = false;  // classroom mode: the sorting game and the quiz join the navigation
};

struct ResolvedView {
  Size size;
  std::optional<Lang> lang;
  std::filesystem::path content;
  std::optional<UnixTime> now;
  bool classroom = false;
};

void add_view_options(CLI::App* cmd, ViewOptions& options, bool with_size);
// Checks the options; on a bad value `error` is one line naming the option.
std::optional<ResolvedView> resolve_view(const ViewOptions& options, std::string& error);

// --content, else $KIOSK_CONTENT, else ./content, else the installed pack next to the binary.
std::filesystem::path default_content_dir();

}  // namespace kiosk
