// `kiosk replay SCRIPT --out DIR`: runs a replay script headless on a simulated clock.
#include "kiosk/app/commands.hpp"
#include "kiosk/app/replay_runner.hpp"
#include "kiosk/core/log.hpp"

namespace kiosk {
namespace {

struct ReplayOptions {
  ViewOptions view;
  std::string script;
  std::string out;
  std::string layout;
};

int run(const ReplayOptions& o) {
  std::string error;
  auto view = resolve_view(o.view, error);
  if (!view) {
    log::error(error);
    return kExitFailure;
  }
  ReplayResult result = run_replay(o.script, o.out, *view, o.layout);
  if (!result.ok) {
    log::error(result.error);
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void add_replay_command(CLI::App& root, CommandAction& run_action) {
  static ReplayOptions options;
  auto* cmd =
      root.add_subcommand("replay", "Run a replay script of touches and checks headless (see README)");
  cmd->add_option("script", options.script, "The replay script")->required();
  cmd->add_option("--out", options.out, "Folder for the pictures of `shot` lines")->required();
  cmd->add_option("--layout", options.layout,
                  "Also write every text run and tappable item of each `shot`, one JSON object a line");
  add_view_options(cmd, options.view, true);
  cmd->callback([&run_action] { run_action = [] { return run(options); }; });
}

}  // namespace kiosk
