# Warning and sanitizer settings shared by every eduplan target.
#
# Sanitizers are applied to the whole build (library, CLI, tests and, later, plugin
# modules alike): a module built with ASan does not load into a host built without it.

# Warnings for every eduplan target; -Werror only where developers and CI ask for it
# (EDUPLAN_WERROR=ON in scripts/test.sh), so that a packager's build with another compiler
# or optimisation level is not stopped by a new warning.
option(EDUPLAN_WERROR "Treat warnings as errors (developers and CI)" OFF)
add_library(eduplan_warnings INTERFACE)
# Options structs are filled with designated initialisers ({.directory = &d}) and default
# member initialisers; GCC 12 still reports the members left out (-Wmissing-field-initializers).
target_compile_options(eduplan_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers
  $<$<BOOL:${EDUPLAN_WERROR}>:-Werror>
  # GCC 12 reports -Wrestrict for `"literal" + std::string&&` at -O2/-O3, a false positive in
  # its own <string> (GCC bug 105329, fixed in 13); it would stop Release builds with -Werror.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)

if(EDUPLAN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
