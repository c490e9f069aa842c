#include "exporter_help.h"

#include <eduplan/language.h>

#include "text_report.h"

namespace eduplan::cli {

void print_exporter_options(std::ostream& out, const ExporterInfo& e) {
  for (const auto& o : e.options) {
    out << "    --option " << o.name << "=" << option_syntax(o) << "  ("
        << tr({"Standard: {0}", "default: {0}"},
              o.default_value.empty() ? tr({"leer", "empty"}) : o.default_value)
        << ")\n        " << o.help << "\n";
  }
}

void print_rejected(std::ostream& out, const ExporterRegistry& registry) {
  if (registry.rejected().empty()) return;
  out << "\n" << tr({"Nicht geladen:", "Not loaded:"}) << "\n";
  for (const auto& r : registry.rejected())
    out << "  " << printable(r.path.string()) << ": " << printable(r.reason) << "\n";
}

}  // namespace eduplan::cli
