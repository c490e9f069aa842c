// The workbook of `eduplan diff --format xlsx` (diff_workbook.cc).
#pragma once

#include <eduplan/model.h>
#include <eduplan/plan_diff.h>
#include <eduplan/storage.h>

#include <boost/program_options.hpp>
#include <filesystem>
#include <string>

namespace eduplan::cli {

// One sheet per category (added, removed, reworded, responsibilities, moved units, objectives),
// each a printable table under a title naming both plans, in the message language; the file is
// read back with xlsxkit::verify_workbook. Throws IoError naming `target` (the file the user
// asked for; `path` may be a temporary file beside it) if it cannot be written.
void write_diff_workbook(const std::filesystem::path& path, const std::string& target,
                         const Plan& a, const Plan& b, const PlanDiff& diff);

}  // namespace eduplan::cli
