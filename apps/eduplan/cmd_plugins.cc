// eduplan plugins [--plugin-dir DIR]...: every exporter found, and every module refused.
#include <eduplan/exporters.h>

#include <iostream>

#include "cli_support.h"
#include "exporter_help.h"

namespace eduplan::cli {

int run_plugins(const Command& self, const Args& args) {
  CommandLine line;
  add_plugin_dir_option(line);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const auto registry = discover_exporters(*vm);
  if (registry.disabled()) {
    std::cout << tr({"Laden von Exportern ist abgeschaltet (EDUPLAN_PLUGIN_PATH=disable)\n",
                     "loading exporters is switched off (EDUPLAN_PLUGIN_PATH=disable)\n"});
    return kOk;
  }
  std::cout << tr({"Durchsuchte Verzeichnisse:\n", "Directories searched:\n"});
  for (const auto& d : registry.searched()) std::cout << "  " << d.string() << "\n";
  std::cout << "\n"
            << tr({"Exporter ({0}):", "Exporters ({0}):"}, registry.exporters().size()) << "\n";
  for (const auto& e : registry.exporters()) {
    std::cout << "  " << e.id << " " << e.version << "  ." << e.file_extension << "  "
              << e.description << "\n"
              << "    " << tr({"geladen aus {0}", "loaded from {0}"}, e.path.string()) << "\n";
    print_exporter_options(std::cout, e);
  }
  print_rejected(std::cout, registry);
  return kOk;
}

}  // namespace eduplan::cli
