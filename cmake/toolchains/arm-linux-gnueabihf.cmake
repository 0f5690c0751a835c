# 32-bit Raspberry Pi OS (armhf: ARMv7 with hardware floats; Pi 2 and later). See debian-cross.cmake.
#   cmake -S . -B build-armhf -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-linux-gnueabihf.cmake
set(CMAKE_SYSTEM_PROCESSOR arm)
set(KIOSK_TRIPLET arm-linux-gnueabihf)
set(KIOSK_DEB_ARCH armhf)
set(KIOSK_QEMU qemu-arm-static)
# simdjson has no fast kernels for 32-bit ARM and says so at every include. Its portable kernel is
# enough for the kiosk's feeds (kilobytes to a few megabytes per fetch, a few fetches a minute).
string(APPEND CMAKE_CXX_FLAGS_INIT " -DSIMDJSON_NO_PORTABILITY_WARNING")
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
