// eduplan validate DOC [--units CSV] [--format text|json] [--strict]
#include <eduplan/json.h>
#include <eduplan/reader.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_validate(const Command& self, const Args& args) {
  CommandLine line;
  add_document_option(line);
  add_units_option(line);
  line.visible.add_options()("strict", tr({"auch Warnungen als Fehler werten (Exit-Code 1)",
                                           "count warnings as errors too (exit code 1)"})
                                           .c_str());
  add_format_option(line, {"text", "json"});
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const bool json = chosen_format(*vm, {"text", "json"}) == "json";
  const auto path = value_of(*vm, "document");
  std::vector<Finding> findings;
  try {
    const UnitsDirectory dir = load_directory(*vm);
    findings = read_plan_file(path, {.directory = dir.empty() ? nullptr : &dir}).findings;
  } catch (const Rejected& e) {
    if (!json) throw;
    // For scripts the answer is always the JSON object, here about the broken directory.
    std::cout << validation_json(e.file, e.findings) << "\n";
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
    print_findings(std::cout, path, findings);
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
