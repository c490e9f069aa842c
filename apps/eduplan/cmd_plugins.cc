// eduplan plugins [--plugin-dir DIR]...: every exporter found, and every module refused.
#include <eduplan/exporters.h>

#include <iostream>

#include "cli_support.h"

namespace eduplan::cli {

void print_exporter_options(std::ostream& out, const ExporterInfo& e) {
  for (const auto& o : e.options) {
    out << "    --option " << o.name << "=";
    if (o.type == "enum") {
      for (std::size_t i = 0; i < o.allowed.size(); ++i) out << (i ? "|" : "") << o.allowed[i];
    } else {
      out << "<" << o.type << ">";
    }
    out << "  (Standard: " << (o.default_value.empty() ? "leer" : o.default_value) << ")\n        "
        << o.help << "\n";
  }
}

int run_plugins(const Args& args) {
  po::options_description options("Optionen");
  add_plugin_dir_option(options);
  auto parsed = parse("plugins", "[--plugin-dir VERZEICHNIS]...", args, options, {});
  if (parsed.exit_code) return *parsed.exit_code;
  const auto registry = discover_exporters(parsed.vm);
  if (registry.disabled()) {
    std::cout << "Laden von Exportern ist abgeschaltet (EDUPLAN_PLUGIN_PATH=disable)\n";
    return kOk;
  }
  std::cout << "Durchsuchte Verzeichnisse:\n";
  for (const auto& d : registry.searched()) std::cout << "  " << d.string() << "\n";
  std::cout << "\nExporter (" << registry.exporters().size() << "):\n";
  for (const auto& e : registry.exporters()) {
    std::cout << "  " << e.id << " " << e.version << "  ." << e.file_extension << "  "
              << e.description << "\n"
              << "    geladen aus " << e.path.string() << "\n";
    print_exporter_options(std::cout, e);
  }
  if (!registry.rejected().empty()) {
    std::cout << "\nNicht geladen:\n";
    for (const auto& r : registry.rejected())
      std::cout << "  " << r.path.string() << ": " << r.reason << "\n";
  }
  return kOk;
}

}  // namespace eduplan::cli
