#include "kiosk/system/allocator.hpp"

#include <malloc.h>

namespace kiosk {

void tune_allocator() {
  ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);  // a fixed threshold: glibc stops moving it
  ::mallopt(M_ARENA_MAX, 2);
}

}  // namespace kiosk
