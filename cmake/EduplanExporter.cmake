# eduplan_add_exporter(<target> SOURCES...): an exporter module built like every bundled one:
# a MODULE with hidden symbols (only the entry point is exported), no "lib" prefix, placed in
# the build tree's exporter directory.
function(eduplan_add_exporter target)
  add_library(${target} MODULE ${ARGN})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${EDUPLAN_EXPORTER_OUTPUT_DIRECTORY})
  target_link_libraries(${target} PRIVATE eduplan::plugin_sdk)
  # Inline statics of libstdc++ would otherwise be exported as GNU_UNIQUE symbols.
  target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fno-gnu-unique>)
  target_link_options(${target} PRIVATE -Wl,--no-undefined)
endfunction()
