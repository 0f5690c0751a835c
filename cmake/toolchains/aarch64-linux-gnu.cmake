# 64-bit Raspberry Pi OS (Pi 3, 4, 5, Zero 2 W): Debian arm64. See debian-cross.cmake.
#   cmake -S . -B build-arm64 -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(KIOSK_TRIPLET aarch64-linux-gnu)
set(KIOSK_DEB_ARCH arm64)
set(KIOSK_QEMU qemu-aarch64-static)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
