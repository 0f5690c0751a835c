// Each `kiosk` subcommand lives in its own cmd_*.cpp and registers itself here: it adds its
// options to the root parser and, when chosen, sets `run` to the function that does the work.
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace kiosk {

using CommandAction = std::function<int()>;

void add_run_options(CLI::App& root, CommandAction& run);            // cmd_run.cpp: `kiosk` itself
void add_render_command(CLI::App& root, CommandAction& run);         // cmd_render.cpp
void add_replay_command(CLI::App& root, CommandAction& run);         // cmd_replay.cpp
void add_check_content_command(CLI::App& root, CommandAction& run);  // cmd_check_content.cpp
void add_fetch_command(CLI::App& root, CommandAction& run);          // cmd_fetch.cpp
void add_aqi_command(CLI::App& root, CommandAction& run);            // cmd_standards.cpp
void add_water_command(CLI::App& root, CommandAction& run);          // cmd_standards.cpp
void add_admin_pin_command(CLI::App& root, CommandAction& run);      // cmd_admin.cpp

// Exit codes shared by all commands.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;   // the command ran and found a problem (bad input, failed check)
constexpr int kExitUnusable = 2;  // the command could not run (unreadable folder, no display)

}  // namespace kiosk
