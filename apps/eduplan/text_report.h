// Plain-text output of findings, summaries and plan lists for the terminal, in the message
// language. Text from documents is made safe for a terminal first (see printable()).
#pragma once

#include <eduplan/model.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::cli {

// `s` on one line: control characters (C0 but TAB, newline included; DEL; C1 — ESC sequences
// included) shown as \u001B …, so that a document cannot move the cursor or recolour the
// user's terminal, nor start a line of its own; bytes that are not UTF-8 shown as \xE4.
std::string printable(std::string_view s);

// One line per finding: "FILE:LINE: Warnung: message [rule]"; with `notes` false, only errors
// and warnings (--quiet: a large plan has thousands of notes).
void print_findings(std::ostream& out, std::string_view file, const std::vector<Finding>& findings,
                    bool notes = true);
// "(7 Hinweise nicht einzeln gezeigt, --quiet; ohne -q alle)": the line --quiet ends a list with.
std::string notes_left_out(std::size_t count);

// "3 Fehler, 1 Warnung, 2 Hinweise" with the plural forms of the language.
std::string severity_counts(std::size_t errors, std::size_t warnings, std::size_t infos);

// Counts per field, responsible units by number of focus areas, findings by severity.
void print_summary(std::ostream& out, const PlanSummary& summary);

// Display width of UTF-8 text (one column per code point), and text padded to a width.
std::size_t width(std::string_view s);
std::string pad(std::string_view s, std::size_t to);

// One row per plan: name, counts, import date, title.
void print_plans(std::ostream& out, const std::vector<PlanInfo>& plans);

}  // namespace eduplan::cli
