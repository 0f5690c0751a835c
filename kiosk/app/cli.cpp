#include "kiosk/app/cli.hpp"

#include <cstdio>

namespace kiosk {

int run_cli(int, char**) {
  std::puts("kiosk " KIOSK_VERSION);
  return 0;
}

}  // namespace kiosk
