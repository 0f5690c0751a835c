// The kiosk's entry point: parses the command line and runs one command.
#include "kiosk/app/cli.hpp"

int main(int argc, char** argv) { return kiosk::run_cli(argc, argv); }
