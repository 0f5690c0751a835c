// The kiosk's entry point: parses the command line and runs one command.
#include "kiosk/app/cli.hpp"
#include "kiosk/system/allocator.hpp"

int main(int argc, char** argv) {
  kiosk::tune_allocator();
  return kiosk::run_cli(argc, argv);
}
