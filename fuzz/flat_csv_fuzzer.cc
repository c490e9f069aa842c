// The flat CSV reader: the `art;feldnr;handlungsfeld;…` table the CSV exporter writes and
// read_plan() takes back (parse/flat_table_reader.h), through the public entry point, then
// validated against the example's units directory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eduplan/reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view document(reinterpret_cast<const char*>(data), size);
  fuzz::check_plan(read_plan(document, "fuzz.csv", {.directory = &fuzz::example_directory()}));
  return 0;
}
