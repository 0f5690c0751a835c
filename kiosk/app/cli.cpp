#include "kiosk/app/cli.hpp"

#include <cstdio>

#include "kiosk/app/commands.hpp"

namespace kiosk {

int run_cli(int argc, char** argv) {
  CLI::App root{
      "Public environment kiosk: live air and water quality, the city plan, waste sorting "
      "and green travel, for touch screens.",
      "kiosk"};
  root.set_version_flag("--version", std::string("kiosk ") + KIOSK_VERSION);
  root.require_subcommand(0, 1);
  CommandAction run;
  add_run_options(root, run);
  add_render_command(root, run);
  add_replay_command(root, run);
  add_check_content_command(root, run);
  add_fetch_command(root, run);
  add_aqi_command(root, run);
  add_water_command(root, run);
  add_admin_pin_command(root, run);
  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return root.exit(e);
  } catch (const CLI::ParseError& e) {
    // One line, not CLI11's usage dump: "kiosk: error: …; see kiosk --help".
    std::fprintf(
        stderr, "kiosk: error: %s (see kiosk %s--help)\n", e.what(),
        root.get_subcommands().empty() ? "" : (root.get_subcommands().front()->get_name() + " ").c_str());
    return kExitFailure;
  }
  return run ? run() : kExitOk;
}

}  // namespace kiosk
