// A workbook's document properties (File › Properties) and custom properties (name → text),
// which other software can read without opening a sheet. Checked like the rest of the layer.
#pragma once

#include <ctime>
#include <optional>
#include <string>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {

struct DocumentProperties {
  std::string title, subject, author = "eduplan", keywords, comments;
  std::optional<std::time_t> created;  // none: the time of writing
};

void set_document_properties(Workbook& wb, const DocumentProperties& properties);

// A custom text property. Throws Failure for an empty or over-long name (255 characters) or
// value, as libxlsxwriter refuses them.
void set_custom_property(Workbook& wb, const std::string& name, const std::string& value);

}  // namespace eduplan::xlsxkit
