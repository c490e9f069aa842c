// The focus areas of a stored plan, read from the database as they are asked for (internal).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "eduplan/plan_stream.h"

namespace eduplan {

// A stream of the focus areas of plan `name` in the database file `path`. It opens a connection
// of its own on the first rewind() — so it may be created in one process and read in a child
// process — and holds one focus area at a time. Unit indices are those of load_plan (units in
// order of their row id).
std::unique_ptr<FocusAreaStream> open_sqlite_stream(const std::string& path,
                                                    const std::string& name);

// The findings of plan `name`, read the same way.
std::unique_ptr<FindingStream> open_sqlite_findings(const std::string& path,
                                                    const std::string& name);

}  // namespace eduplan
