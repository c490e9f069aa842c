# Install rules, the CMake package (eduplan::core, eduplan::plugin_sdk) and pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS eduplan_core eduplan_plugin_sdk EXPORT eduplanTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS eduplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS eduplan_csv eduplan_dot eduplan_xlsx LIBRARY DESTINATION ${EDUPLAN_EXPORTER_INSTALL_DIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/core/include/eduplan ${PROJECT_SOURCE_DIR}/sdk/include/eduplan
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/core/include/eduplan/version.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/eduplan)
# The documentation keeps the repository's layout, so that README.md's links to docs/ work.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs PATTERN eduplan.1 EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/examples/bildungskonzept.md ${PROJECT_SOURCE_DIR}/examples/verwaltungsgliederung.csv
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)
# The example exporter docs/plugin-sdk.md points partners to: its sources, to build against the
# installed package.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/markdown-exporter
  DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/eduplan)
install(EXPORT eduplanTargets NAMESPACE eduplan:: DESTINATION ${config_dir})
export(EXPORT eduplanTargets NAMESPACE eduplan:: FILE ${PROJECT_BINARY_DIR}/eduplanTargets.cmake)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/eduplanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/eduplanConfig.cmake INSTALL_DESTINATION ${config_dir})
# Before 1.0 a new minor version may break compatibility.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/eduplanConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/eduplanConfig.cmake ${PROJECT_BINARY_DIR}/eduplanConfigVersion.cmake
  DESTINATION ${config_dir})

install(FILES ${CMAKE_CURRENT_LIST_DIR}/EduplanExporter.cmake ${CMAKE_CURRENT_LIST_DIR}/eduplan-exporter.map
  DESTINATION ${config_dir})

# pkg-config: the C API, relocatable (prefix found from the .pc file's own directory).
file(RELATIVE_PATH EDUPLAN_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" EDUPLAN_PC_TO_PREFIX "${EDUPLAN_PC_TO_PREFIX}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/eduplan.pc.in ${PROJECT_BINARY_DIR}/eduplan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/eduplan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The man page.
install(FILES ${PROJECT_SOURCE_DIR}/docs/eduplan.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# A Debian package: cpack -G DEB in the build directory (scripts/install-deb.sh installs it).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME eduplan)
set(CPACK_PACKAGE_VENDOR "eduplan")
set(CPACK_PACKAGE_CONTACT "eduplan developers <dev@eduplan.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Municipal education plans: read, check, store and export")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6, libstdc++6, libgcc-s1, libsqlite3-0, libboost-program-options1.81.0, libboost-json1.81.0, libxlsxwriter4, libisal2, libutf8proc2, libzip4, libxml2")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "graphviz")
include(CPack)
