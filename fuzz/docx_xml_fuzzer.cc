// The Word reader's XML: the input is word/document.xml, packed into a .docx with a fixed
// word/styles.xml (headings by name, outline level and basedOn; a bold character style; a
// list style), so that mutations reach the paragraphs and tables instead of the zip layer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "eduplan/reader.h"
#include "fuzz_support.h"
#include "zip_builder.h"

namespace {

constexpr std::string_view kStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Berschrift2"><w:name w:val="Überschrift 2"/><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom3"><w:name w:val="Custom"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="BoldBody"><w:name w:val="Bold Body"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b w:val="1"/></w:rPr></w:style>
</w:styles>)";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  const std::string docx =
      fuzz::build_zip({{"word/document.xml", xml}, {"word/styles.xml", kStyles}});
  fuzz::check_plan(read_plan(docx, "fuzz.docx", {.directory = &fuzz::example_directory()}));
  return 0;
}
