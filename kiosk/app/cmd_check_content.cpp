// `kiosk check-content [DIR]`: validates a whole content pack and prints every problem as
// FILE:LINE:COL: error|warning: message, in the pack's default language or --lang (messages without a
// Chinese text stay English). Exit 0 with no errors, 1 with errors, 2 when DIR is unreadable.
#include <cstdio>

#include "kiosk/app/commands.hpp"
#include "kiosk/app/view_options.hpp"
#include "kiosk/core/content/content_loader.hpp"

namespace kiosk {
namespace {

int run_check(const std::string& dir_option, const std::string& lang_option) {
  const std::filesystem::path dir =
      dir_option.empty() ? default_content_dir() : std::filesystem::path(dir_option);
  if (!lang_option.empty() && lang_option != "zh" && lang_option != "en") {
    std::fprintf(stderr, "kiosk: error: --lang '%s' must be zh or en\n", lang_option.c_str());
    return kExitFailure;
  }
  ContentLoad load = load_content(dir);
  const Lang lang = lang_option == "zh"   ? Lang::zh
                    : lang_option == "en" ? Lang::en
                                          : load.pack.settings.default_language;
  for (const Diagnostic& d : load.diags.items()) std::printf("%s\n", d.format(lang).c_str());
  if (!load.readable) return kExitUnusable;
  const int errors = load.diags.error_count(), warnings = load.diags.warning_count();
  // The count is the editor's last line to read: in their language like every line above it.
  if (lang == Lang::zh)
    std::fprintf(stderr, "%s：%d 个错误，%d 个警告\n", dir.string().c_str(), errors, warnings);
  else
    std::fprintf(stderr, "%s: %d error(s), %d warning(s)\n", dir.string().c_str(), errors, warnings);
  return errors > 0 ? kExitFailure : kExitOk;
}

}  // namespace

void add_check_content_command(CLI::App& root, CommandAction& run) {
  static std::string dir, lang;
  auto* cmd = root.add_subcommand("check-content",
                                  "Validate a content pack and list every problem with its position");
  cmd->add_option("dir", dir, "Content folder (default: ./content)");
  cmd->add_option("--lang", lang,
                  "Language of the messages: zh or en (default: the pack's default language)");
  cmd->callback([&run] { run = [] { return run_check(dir, lang); }; });
}

}  // namespace kiosk
