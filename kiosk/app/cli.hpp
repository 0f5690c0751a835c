// The `kiosk` command line: run (default), render, replay, fetch, check-content, aqi, water.
#pragma once

namespace kiosk {

int run_cli(int argc, char** argv);

}  // namespace kiosk
