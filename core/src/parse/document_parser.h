// Parses the text of a plan document into a RawDocument (internal).
#pragma once

#include <string_view>
#include <vector>

#include "eduplan/model.h"
#include "parse/raw_document.h"

namespace eduplan {

// Problems are appended to `findings`; errors among them reject the document.
// At most kMaxErrors errors are reported, then parsing stops.
RawDocument parse_document(std::string_view text, std::vector<Finding>& findings);

inline constexpr int kMaxErrors = 50;

// Rejects NUL bytes and invalid UTF-8 with an error finding (line and byte offset).
// Returns true if the text is fine.
bool check_encoding(std::string_view text, std::vector<Finding>& findings);

}  // namespace eduplan
