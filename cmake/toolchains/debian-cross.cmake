# Shared part of the Debian cross toolchains (aarch64-linux-gnu.cmake, arm-linux-gnueabihf.cmake).
#
# A multiarch build with no sysroot: crossbuild-essential-<arch> gives <triplet>-gcc/g++, and the
# project's -dev packages are installed as :<arch> beside the native ones, so the target's libraries are
# in /usr/lib/<triplet> and its pkg-config files in /usr/lib/<triplet>/pkgconfig. A -dev package Debian
# cannot co-install (not Multi-Arch: same, e.g. libsimdjson-dev) is unpacked instead into
# KIOSK_CROSS_DEPS by platform/cross.sh, with its .pc files pointed there; its runtime library is still
# the :<arch> package. Tests and gtest discovery run through qemu-user with the target's loader.
#
# The including file sets KIOSK_TRIPLET, KIOSK_DEB_ARCH, KIOSK_QEMU and CMAKE_SYSTEM_PROCESSOR.

set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_C_COMPILER ${KIOSK_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${KIOSK_TRIPLET}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${KIOSK_TRIPLET})

# Never pick up a build-machine library or package file by accident.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_IGNORE_PATH /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu)

set(KIOSK_CROSS_DEPS "${CMAKE_CURRENT_LIST_DIR}/../../build-deps/${KIOSK_DEB_ARCH}"
    CACHE PATH "Unpacked -dev packages that cannot be co-installed for ${KIOSK_DEB_ARCH}")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES KIOSK_CROSS_DEPS)

# pkg-config reads only the target's files: the unpacked ones first, then the multiarch folder, then the
# architecture-independent one (header-only libraries).
set(ENV{PKG_CONFIG_LIBDIR}
    "${KIOSK_CROSS_DEPS}/usr/lib/${KIOSK_TRIPLET}/pkgconfig:/usr/lib/${KIOSK_TRIPLET}/pkgconfig:/usr/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# qemu-user runs the target's binaries (tests, gtest discovery) with the target's loader and libc; the
# libraries from /usr/lib/<triplet> are found by that loader. KIOSK_EMULATED tells tests why a check
# that emulation cannot give (real timing, a display) is skipped.
find_program(KIOSK_QEMU_PATH ${KIOSK_QEMU})
if(KIOSK_QEMU_PATH)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_PATH} -L /usr/${KIOSK_TRIPLET})
endif()

# CPack: the package's architecture, and dpkg-shlibdeps reading the target's binaries and shlibs.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${KIOSK_DEB_ARCH})
