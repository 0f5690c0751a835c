# Tests of a cross build (cmake/toolchains/*) run under qemu-user: ctest and gtest_discover_tests put
# CMAKE_CROSSCOMPILING_EMULATOR in front of each test binary by themselves. Two things they cannot do:
#   - the command tests start the built `kiosk` (KIOSK_BINARY) themselves, and with no binfmt
#     registration the kernel cannot exec a foreign binary: KIOSK_TEST_BINARY is a shell script the
#     host runs, which starts the kiosk under the same emulator;
#   - a check emulation cannot give (real timing, a display) skips with its reason when KIOSK_EMULATED=1,
#     which KIOSK_TEST_ENVIRONMENT sets for every test.
# Included from tests/CMakeLists.txt; a native build gets the binary itself and no extra environment.
set(KIOSK_TEST_BINARY "$<TARGET_FILE:kiosk>")
set(KIOSK_TEST_ENVIRONMENT "")
if(CMAKE_CROSSCOMPILING_EMULATOR)
  list(JOIN CMAKE_CROSSCOMPILING_EMULATOR " " emulator)
  set(KIOSK_TEST_BINARY ${CMAKE_BINARY_DIR}/kiosk-emulated)
  file(GENERATE OUTPUT ${KIOSK_TEST_BINARY}
       CONTENT "#!/bin/sh\n# The cross-built kiosk under qemu-user, for the command tests.\nexec ${emulator} $<TARGET_FILE:kiosk> \"$@\"\n"
       FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  set(KIOSK_TEST_ENVIRONMENT ENVIRONMENT KIOSK_EMULATED=1)
elseif(CMAKE_CROSSCOMPILING)
  message(WARNING "Cross-compiling with no emulator: the tests build but cannot run here")
endif()
