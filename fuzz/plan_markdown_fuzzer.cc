// The plan document reader on text: Markdown (and whatever else read_plan recognises in bytes
// named *.md: other encodings, a flat table, a zip), once without a units directory and once
// with the example's.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eduplan/reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  fuzz::check_plan(read_plan(document, "fuzz.md"));
  fuzz::check_plan(read_plan(document, "fuzz.md", {.directory = &fuzz::example_directory()}));
  return 0;
}
