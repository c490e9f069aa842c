// The plan document reader on Word and LibreOffice files as bytes: the zip container, its
// relationships, the XML parts. The same bytes are read as .docx and as .odt.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eduplan/reader.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const ReadOptions options{.directory = &fuzz::example_directory()};
  fuzz::check_plan(read_plan(bytes, "fuzz.docx", options));
  fuzz::check_plan(read_plan(bytes, "fuzz.odt", options));
  return 0;
}
