// eduplan validate DOC [--units CSV] [--format text|json] [--strict]
#include <eduplan/json.h>
#include <eduplan/reader.h>

#include <iostream>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {

int run_validate(const Args& args) {
  po::options_description options("Optionen");
  options.add_options()("document", po::value<std::string>()->required(),
                        "das Dokument (Markdown)")(
      "units", po::value<std::string>(), "Verwaltungsverzeichnis (CSV: unit,division,aliases)")(
      "strict", "auch Warnungen als Fehler werten (Exit-Code 1)");
  add_format_option(options);
  po::positional_options_description positional;
  positional.add("document", 1);
  auto parsed = parse("validate", "DOKUMENT [--units CSV] [--format text|json] [--strict]", args,
                      options, positional);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vm = parsed.vm;
  const auto json = wants_json("validate", vm);
  if (!json) return kUsage;
  int code = kOk;
  auto dir = load_directory(vm, code);
  if (!dir) return code;

  const auto path = vm["document"].as<std::string>();
  Plan plan = read_plan_file(path, {dir->empty() ? nullptr : &*dir, ""});
  if (*json) {
    std::cout << to_json(plan.findings) << "\n";
  } else {
    print_findings(std::cout, path, plan.findings);
  }
  std::size_t errors = 0, warnings = 0;
  for (const auto& f : plan.findings) {
    errors += f.severity == Severity::error;
    warnings += f.severity == Severity::warning;
  }
  if (!*json) {
    std::cout << path << ": " << errors << " Fehler, " << warnings << " Warnungen, "
              << plan.findings.size() - errors - warnings << " Hinweise"
              << (errors ? " – Dokument abgewiesen" : "") << "\n";
  }
  if (errors > 0 || (vm.count("strict") && warnings > 0)) return kFindings;
  return kOk;
}

}  // namespace eduplan::cli
