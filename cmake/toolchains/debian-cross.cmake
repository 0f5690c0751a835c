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

# GCC notes on ARM that std::pair-like arguments are passed as GCC 7.1 does (-Wpsabi): about mixing
# objects from before 2017, which never happens here, and hundreds of lines of noise.
string(APPEND CMAKE_C_FLAGS_INIT " -Wno-psabi")
string(APPEND CMAKE_CXX_FLAGS_INIT " -Wno-psabi")

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

# The fallback when apt cannot co-install the target's packages (platform/cross.sh unpacks them into
# KIOSK_CROSS_ROOT instead): libraries, pkg-config files and CMake packages come from that folder, and
# qemu runs the binaries inside it. The C library and libstdc++ stay the cross compiler's own.
set(KIOSK_CROSS_ROOT "" CACHE PATH "The target's packages unpacked into a folder (instead of multiarch)")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES KIOSK_CROSS_ROOT)
if(KIOSK_CROSS_ROOT)
  set(CMAKE_FIND_ROOT_PATH ${KIOSK_CROSS_ROOT})
  set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
  set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
  set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)
  set(ENV{PKG_CONFIG_SYSROOT_DIR} ${KIOSK_CROSS_ROOT})
  set(ENV{PKG_CONFIG_LIBDIR}
      "${KIOSK_CROSS_ROOT}/usr/lib/${KIOSK_TRIPLET}/pkgconfig:${KIOSK_CROSS_ROOT}/usr/share/pkgconfig")
  # Multiarch headers (SDL2's _real_SDL_config.h, curl's curlbuild.h) live under include/<triplet>, where
  # the cross compiler looks only in its own /usr/include; the folder's copy must be searched too.
  string(APPEND CMAKE_C_FLAGS_INIT " -isystem ${KIOSK_CROSS_ROOT}/usr/include/${KIOSK_TRIPLET}")
  string(APPEND CMAKE_CXX_FLAGS_INIT " -isystem ${KIOSK_CROSS_ROOT}/usr/include/${KIOSK_TRIPLET}")
  # The libraries' own dependencies, for the linker (SDL's libpulse keeps its private library apart).
  string(APPEND CMAKE_EXE_LINKER_FLAGS_INIT
         " -Wl,-rpath-link,${KIOSK_CROSS_ROOT}/usr/lib/${KIOSK_TRIPLET}:${KIOSK_CROSS_ROOT}/lib/${KIOSK_TRIPLET}:${KIOSK_CROSS_ROOT}/usr/lib/${KIOSK_TRIPLET}/pulseaudio")
endif()

# qemu-user runs the target's binaries (tests, gtest discovery) with the target's loader and libc; the
# libraries from /usr/lib/<triplet> are found by that loader. KIOSK_EMULATED tells tests why a check
# that emulation cannot give (real timing, a display) is skipped.
# The loader and the C library must come from one package: with multiarch, the loader finds libc6:<arch>
# in /lib/<triplet> before the cross compiler's copy, so the loader must be libc6:<arch>'s too (reached
# through -L /). A cross loader (libc6-<arch>-cross) with a newer multiarch libc deadlocks in the first
# pthread_create or fork: their private data (the loader's locks) differ between Debian revisions.
find_program(KIOSK_QEMU_PATH ${KIOSK_QEMU})
if(KIOSK_QEMU_PATH)
  if(KIOSK_CROSS_ROOT)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_PATH} -L ${KIOSK_CROSS_ROOT})
  elseif(EXISTS /lib/${KIOSK_TRIPLET}/libc.so.6)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_PATH} -L /)
  else()
    set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_PATH} -L /usr/${KIOSK_TRIPLET})
  endif()
endif()

# CPack: the package's architecture, and dpkg-shlibdeps reading the target's binaries and shlibs.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${KIOSK_DEB_ARCH})
