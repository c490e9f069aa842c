// eduplan rules: the catalogue of findings.
#include <eduplan/enum_text.h>
#include <eduplan/validation.h>

#include <iostream>

#include "cli_support.h"

namespace eduplan::cli {

int run_rules(const Command& self, const Args& args) {
  CommandLine line;
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  for (const auto& r : rule_catalog()) {
    std::cout << r.id << "\t" << to_text(r.severity) << "\t" << r.description << "\n";
  }
  std::cout << tr(
      {"\nErläuterungen und Abhilfe: docs/rules.md (installiert unter "
       "share/doc/eduplan/docs/rules.md)\n",
       "\nExplanations and remedies: docs/rules.md (installed as "
       "share/doc/eduplan/docs/rules.md)\n"});
  return kOk;
}

}  // namespace eduplan::cli
