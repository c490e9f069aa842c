# Compiler flags for EDUPLAN_FUZZ=ON (docs/fuzzing.md), included by the top-level CMakeLists.txt
# before any target is defined, so that the core library is built with the same coverage
# instrumentation and sanitizers as the fuzz targets that link it.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "EDUPLAN_FUZZ=ON needs clang (libFuzzer): configure with "
                      "-DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14, "
                      "or run scripts/fuzz.sh")
endif()
if(EDUPLAN_SANITIZE)
  message(FATAL_ERROR "EDUPLAN_FUZZ=ON brings its own sanitizers; leave EDUPLAN_SANITIZE off")
endif()
# fuzzer-no-link: coverage feedback for libFuzzer without its main(); the fuzz targets link
# -fsanitize=fuzzer. Every sanitizer report aborts, so libFuzzer sees it as a crash.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                    -fno-omit-frame-pointer)
add_link_options(-fsanitize=address,undefined)
