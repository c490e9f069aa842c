// eduplan rules: the catalogue of findings.
#include <eduplan/enum_text.h>
#include <eduplan/validation.h>

#include <iostream>

#include "cli_support.h"

namespace eduplan::cli {

int run_rules(const Args& args) {
  auto parsed = parse("rules", "", args, po::options_description("Optionen"), {});
  if (parsed.exit_code) return *parsed.exit_code;
  for (const auto& r : rule_catalog()) {
    std::cout << r.id << "\t" << to_text(r.severity) << "\t" << r.description << "\n";
  }
  std::cout << "\nErläuterungen und Abhilfe: docs/rules.md\n";
  return kOk;
}

}  // namespace eduplan::cli
