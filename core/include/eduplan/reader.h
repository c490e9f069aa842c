// Reading plan documents: parse, resolve units, validate — one call.
//
// Document formats (see docs/input-format.md): Markdown with "## Handlungsfeld X"
// headings and pipe tables of focus areas ("Handlungsschwerpunkt | Verwaltungsbereich")
// and objectives ("Ableitungen:"); or the CSV exporter's flat plan table, recognised by
// its header, so that an exported plan can be edited and imported again.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/units_directory.h"

namespace eduplan {

struct ReadOptions {
  const UnitsDirectory* directory = nullptr;  // optional; must outlive the call
  std::string plan_name;                      // if empty: the plan's title, else the file stem
  std::string title;  // if not empty, the plan's title instead of the document's "# " heading
};

// Reads a document held in memory. `source` names it in Plan::source. Never throws for
// bad content: every problem is a Finding in the returned plan's `findings` (sorted by
// line); if has_errors(plan.findings) the document is rejected and the plan holds
// nothing else. Throws UsageError if options.plan_name or options.title is not valid UTF-8 or
// holds a control character (U+0000–U+001F, U+007F, U+0080–U+009F).
EDUPLAN_EXPORT Plan read_plan(std::string_view document, std::string_view source,
                              const ReadOptions& options = {});

// Reads a file. Throws IoError if it cannot be read, is not a regular file (a directory, a
// device, a FIFO) or is too large: more than 64 MiB of text, more than 256 MiB of .docx/.odt.
EDUPLAN_EXPORT Plan read_plan_file(const std::filesystem::path& path,
                                   const ReadOptions& options = {});

// Checks a file the way Storage::import_plan_file reads it: field by field, each field's focus
// areas dropped once they are checked, so that memory follows the largest field, not the plan.
// Returns the findings read_plan_file(path, options) would hold, sorted by line (errors mean
// the document would be rejected). Throws as read_plan_file.
EDUPLAN_EXPORT std::vector<Finding> check_plan_file(const std::filesystem::path& path,
                                                    const ReadOptions& options = {});

}  // namespace eduplan
