# Warning and sanitizer settings shared by every eduplan target.
#
# Sanitizers are applied to the whole build (library, CLI, tests and, later, plugin
# modules alike): a module built with ASan does not load into a host built without it.

add_library(eduplan_warnings INTERFACE)
target_compile_options(eduplan_warnings INTERFACE -Wall -Wextra -Wpedantic -Werror)

if(EDUPLAN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
