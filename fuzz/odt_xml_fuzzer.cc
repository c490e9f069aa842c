// The LibreOffice reader's XML: the input is content.xml, packed into an .odt with a fixed
// styles.xml (a heading style by outline level, one based on it, a bold style), so that
// mutations reach the paragraphs, lists and tables instead of the zip layer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eduplan/reader.h"
#include "fuzz_support.h"
#include "zip_builder.h"

namespace {

constexpr std::string_view kStyles = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0">
<office:styles>
<style:style style:name="Heading_20_2" style:family="paragraph" style:default-outline-level="2"/>
<style:style style:name="Feld" style:family="paragraph" style:parent-style-name="Heading_20_2"/>
<style:style style:name="Strong_20_Emphasis" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Heavy" style:family="paragraph"><style:text-properties fo:font-weight="700"/></style:style>
</office:styles>
</office:document-styles>)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  const std::string odt = fuzz::build_zip({{"content.xml", xml}, {"styles.xml", kStyles}});
  fuzz::check_plan(read_plan(odt, "fuzz.odt", {.directory = &fuzz::example_directory()}));
  return 0;
}
