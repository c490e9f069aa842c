#include "exporter_help.h"

#include <eduplan/enum_text.h>
#include <eduplan/language.h>

#include "text_report.h"

namespace eduplan::cli {

void print_exporter_options(std::ostream& out, const ExporterInfo& e) {
  if (e.options.empty()) out << "    " << tr({"(keine)", "(none)"}) << "\n";
  for (const auto& o : e.options) {
    // The CLI sets an exporter's `lang` to the message language unless it is given.
    const std::string def = o.name == "lang" ? to_text(language()) : o.default_value;
    out << "    --option " << o.name << "=" << option_syntax(o) << "  ("
        << tr({"Standard: {0}", "default: {0}"}, def.empty() ? tr({"leer", "empty"}) : def)
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
