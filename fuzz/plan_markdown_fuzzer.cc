// The plan document reader on text: Markdown (and whatever else read_plan recognises in bytes
// named *.md: other encodings, a flat table, a zip). An input of odd length is read with the
// example's units directory, one of even length without: one read per input keeps the target
// twice as fast as reading each both ways, and libFuzzer's mutations change lengths all the time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eduplan/reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  if (size % 2 == 1) options.directory = &fuzz::example_directory();
  fuzz::check_plan(read_plan(document, "fuzz.md", options));
  return 0;
}
