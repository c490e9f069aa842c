// What both storages refuse to store, checked the same way (internal): a plan is stored only if
// it can be read back as it was, by eduplan and by other software reading the schema.
#pragma once

#include <cstddef>
#include <string_view>

#include "eduplan/model.h"
#include "eduplan/monitoring.h"

namespace eduplan {

// A plan's name has at least one character that is not a space, is valid UTF-8 and holds no
// NUL character. Throws UsageError otherwise.
void check_plan_name(std::string_view name);

// Any other text to store: valid UTF-8 without NUL. Throws UsageError naming `what`.
void check_stored_text(std::string_view text, std::string_view what);

inline void check_rename(std::string_view, std::string_view to) { check_plan_name(to); }

// The whole plan: its name; every text valid UTF-8 without NUL; every index in range; a unit's
// parent a division (not itself), a division without parent; lines not negative. Throws
// UsageError naming the element.
void check_plan(const Plan& plan);

// The same piece by piece, for a plan stored while it is read: the name, title and source; the
// units and objectives from index `from` on; one field; the findings.
void check_plan_header(const Plan& plan);
void check_plan_units(const Plan& plan, std::size_t from);
void check_plan_objectives(const Plan& plan, std::size_t from);
void check_plan_field(const Plan& plan, std::size_t index);
void check_plan_findings(const Plan& plan);

// A status report to store: its texts valid UTF-8 without NUL, progress 0..100 if given. Throws
// UsageError.
void check_status_report(const StatusReport& report);

[[noreturn]] void throw_name_taken(std::string_view name);

}  // namespace eduplan
