// eduplan validate DOC [--units CSV] [--format text|json] [--strict] [--quiet]
#include <eduplan/json.h>
#include <eduplan/reader.h>
#include <eduplan/validation.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {
namespace {

// The finding that says a file cannot be read at all: `rule` is directory-invalid for the units
// directory, document-unreadable for the document.
Finding unreadable(std::string_view rule_id, std::string message) {
  for (const auto& rule : rule_catalog()) {
    if (rule.id == rule_id) return {std::string(rule.id), rule.severity, std::move(message), 0, ""};
  }
  return {std::string(rule_id), Severity::error, std::move(message), 0, ""};
}

}  // namespace

int run_validate(const Command& self, const Args& args) {
  CommandLine line;
  add_document_option(line);
  add_units_option(line);
  line.visible.add_options()("strict", tr({"auch Warnungen als Fehler werten (Exit-Code 1)",
                                           "count warnings as errors too (exit code 1)"})
                                           .c_str());
  add_format_option(line, {"text", "json"});
  add_quiet_option(line);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const bool json = chosen_format(*vm, {"text", "json"}) == "json";
  const auto path = value_of(*vm, "document");
  // For scripts the answer is always the JSON object on stdout, also about a units directory
  // that is broken or cannot be read; messages and the directory's warnings go to stderr.
  UnitsDirectory dir;
  try {
    dir = load_directory(*vm, json ? std::cerr : std::cout);
  } catch (const Rejected& e) {
    if (json) std::cout << validation_json(e.file, e.findings) << "\n";
    throw;
  } catch (const IoError& e) {
    if (json) {
      const auto units = value_of(*vm, "units");
      std::cout << validation_json(units, {unreadable("directory-invalid", e.what())}) << "\n";
    }
    throw;
  }
  // Read as `import` reads (field by field): the same findings, and memory for one field.
  std::vector<Finding> findings;
  try {
    findings = check_plan_file(path, {.directory = dir.empty() ? nullptr : &dir});
  } catch (const IoError& e) {  // missing, not a file, too large: still an answer on stdout
    if (json) std::cout << validation_json(path, {unreadable("document-unreadable", e.what())}) << "\n";
    throw;
  }
  std::size_t errors = 0, warnings = 0;
  for (const auto& f : findings) {
    errors += f.severity == Severity::error;
    warnings += f.severity == Severity::warning;
  }
  if (json) {
    std::cout << validation_json(path, findings) << "\n";
  } else {
    print_findings(std::cout, path, findings, vm->count("quiet") == 0);
    std::cout << printable(path) << ": "
              << severity_counts(errors, warnings, findings.size() - errors - warnings)
              << (errors ? tr({" – Dokument abgewiesen", " – document rejected"}) : "") << "\n";
  }
  if (errors > 0) return kFindings;
  if (vm->count("strict") && warnings > 0) {
    throw Rejected(tr(
        {"{0}: --strict: Warnungen gelten als Fehler", "{0}: --strict: warnings count as errors"},
        path));
  }
  return kOk;
}

}  // namespace eduplan::cli
