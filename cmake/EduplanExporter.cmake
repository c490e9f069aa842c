# eduplan_add_exporter(<target> <sources>...): an exporter module built like every bundled one,
# in eduplan's tree and, from the installed package (find_package(eduplan)), in yours:
# - a MODULE named <target>.so (no "lib" prefix), linked to eduplan::plugin_sdk (headers only);
# - hidden symbols and a version script, so that eduplan_exporter_entry is its only export
#   (template instantiations of the standard library included);
# - -Wl,--no-undefined, so that a missing symbol fails the build, not the load;
# - no GNU_UNIQUE symbols (they would keep the module from being isolated).
# In eduplan's own tree the module lands in the build tree's exporter directory.
function(eduplan_add_exporter target)
  add_library(${target} MODULE ${ARGN})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(DEFINED EDUPLAN_EXPORTER_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${EDUPLAN_EXPORTER_OUTPUT_DIRECTORY})
  endif()
  target_link_libraries(${target} PRIVATE eduplan::plugin_sdk)
  # Inline statics of libstdc++ would otherwise be exported as GNU_UNIQUE symbols.
  target_compile_options(${target} PRIVATE $<$<COMPILE_LANG_AND_ID:CXX,GNU>:-fno-gnu-unique>)
  set(map ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/eduplan-exporter.map)
  target_link_options(${target} PRIVATE -Wl,--no-undefined -Wl,--version-script=${map})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${map})
endfunction()
