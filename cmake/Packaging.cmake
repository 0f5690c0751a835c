# The Debian package: `cpack` in a build folder writes kiosk_VERSION_ARCH.deb for the build's architecture
# (amd64 natively, arm64 or armhf with a toolchain from cmake/toolchains). platform/package.sh builds all
# three. What it holds:
#   /usr/bin/kiosk                        the binary (kiosk/CMakeLists.txt installs it)
#   /usr/share/kiosk/content              the demo city; the binary finds it as ../share/kiosk/content
#   /lib/systemd/system/kiosk.service     the unit from platform/systemd, enabled by postinst
#   /usr/share/man/man1/kiosk.1.gz        the manual page
#   /usr/share/doc/kiosk/                 copyright, changelog, operators.md (docs/)
#   /etc/kiosk/kiosk.toml                 the operator's site settings (PIN, metrics, schedule, paths):
#                                         a conffile, so upgrades keep it; 0640, group kiosk (postinst)
# and platform/debian/{postinst,prerm,postrm}: the `kiosk` system user, enabling and stopping the unit.
# Depends: comes from dpkg-shlibdeps on the binary, plus the CJK fonts and CA certificates it needs at run
# time, and adduser for postinst.

include(GNUInstallDirs)

set(KIOSK_DEBIAN_DIR ${PROJECT_SOURCE_DIR}/platform/debian)
set(KIOSK_UNIT_FILE ${PROJECT_SOURCE_DIR}/platform/systemd/kiosk.service)

# The generator scripts beside the demo data and pictures are for developers, not for the kiosk.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/kiosk/content
        PATTERN "*.py" EXCLUDE)
# The site file: the operator's, never the pack's (an upgrade keeps the operator's copy).
install(FILES ${PROJECT_SOURCE_DIR}/platform/etc/kiosk.toml DESTINATION /etc/kiosk
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
if(EXISTS ${KIOSK_UNIT_FILE})
  # /lib and not /usr/lib: bookworm's systemd packages still ship units there (merged /usr makes both the
  # same folder on Pi OS).
  install(FILES ${KIOSK_UNIT_FILE} ${PROJECT_SOURCE_DIR}/platform/systemd/kiosk-recover.timer
                ${PROJECT_SOURCE_DIR}/platform/systemd/kiosk-recover.service DESTINATION /lib/systemd/system)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "City environment kiosk")
set(CPACK_PACKAGE_CONTACT "City environment kiosk maintainers <kiosk@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "bilingual touch kiosk for a city's air, water and green-travel data")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kiosk_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 A fullscreen, touch-first kiosk for Raspberry Pi screens in parks, plazas and
 classrooms. It shows residents, in Chinese and English, the city's live air
 quality, the class of its rivers and coastal waters, the progress of the city
 plan's targets, a waste-sorting guide and green-travel tips with live
 bike-share availability.
 .
 The package installs the kiosk, the demo city's content and a systemd service
 that starts the kiosk on the console at boot as the unprivileged user kiosk.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Needed at run time but not linked: the CJK fonts (found through fontconfig), the CA certificates for
# https sources, adduser for postinst, the pinyin dictionary the waste search's initials come from
# (without it pinyin search is silently off), and tzdata, the zone files sources' IANA `zone` names are
# read from (libdate-tz3 pulls it in too; named here because the kiosk reads the files itself).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-noto-cjk | fonts-wqy-microhei, ca-certificates, adduser, rime-data-luna-pinyin, tzdata")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${KIOSK_DEBIAN_DIR}/postinst ${KIOSK_DEBIAN_DIR}/prerm
    ${KIOSK_DEBIAN_DIR}/postrm ${KIOSK_DEBIAN_DIR}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# A cross build's package: its architecture comes from the toolchain; dpkg-shlibdeps must read the
# target's binaries and look the libraries up in the target's multiarch folder and shlibs, which it does
# when told the host architecture. cpack reads this file at packaging time, in its own process.
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
set(KIOSK_CPACK_PROJECT_CONFIG ${CMAKE_BINARY_DIR}/CPackKiosk.cmake)
file(WRITE ${KIOSK_CPACK_PROJECT_CONFIG}
     "set(ENV{DEB_HOST_ARCH} \"${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}\")\n")
set(CPACK_PROJECT_CONFIG_FILE ${KIOSK_CPACK_PROJECT_CONFIG})

# Debian wants gzip -9n for documentation (no name or time stamp inside, so the package is reproducible).
set(KIOSK_DEB_DOC ${CMAKE_BINARY_DIR}/debian-doc)
file(MAKE_DIRECTORY ${KIOSK_DEB_DOC})
string(TIMESTAMP KIOSK_BUILD_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)  # honours SOURCE_DATE_EPOCH
configure_file(${KIOSK_DEBIAN_DIR}/changelog.in ${KIOSK_DEB_DOC}/changelog.Debian @ONLY)
execute_process(COMMAND gzip -9nf changelog.Debian WORKING_DIRECTORY ${KIOSK_DEB_DOC})
execute_process(COMMAND gzip -9nc ${KIOSK_DEBIAN_DIR}/kiosk.1 OUTPUT_FILE ${KIOSK_DEB_DOC}/kiosk.1.gz)
install(FILES ${KIOSK_DEBIAN_DIR}/copyright ${KIOSK_DEB_DOC}/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/kiosk)
# The unit's Documentation= points at the operators' guide.
if(EXISTS ${PROJECT_SOURCE_DIR}/docs/operators.md)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/operators.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/kiosk)
endif()
install(FILES ${KIOSK_DEB_DOC}/kiosk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

include(CPack)
