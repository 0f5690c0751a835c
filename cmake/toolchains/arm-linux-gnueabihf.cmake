# 32-bit Raspberry Pi OS (armhf: ARMv7 with hardware floats; Pi 2 and later). See debian-cross.cmake.
#   cmake -S . -B build-armhf -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-linux-gnueabihf.cmake
set(CMAKE_SYSTEM_PROCESSOR arm)
set(KIOSK_TRIPLET arm-linux-gnueabihf)
set(KIOSK_DEB_ARCH armhf)
set(KIOSK_QEMU qemu-arm-static)
include(${CMAKE_CURRENT_LIST_DIR}/debian-cross.cmake)
