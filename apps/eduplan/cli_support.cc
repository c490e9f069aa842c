#include "cli_support.h"

#include <iostream>

#include "text_report.h"

namespace eduplan::cli {

Parsed parse(const char* command, const char* synopsis, const Args& args,
             po::options_description options,
             const po::positional_options_description& positional) {
  options.add_options()("help,h", "diese Hilfe");
  Parsed p;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), p.vm);
    if (p.vm.count("help")) {
      std::cout << "Aufruf: eduplan " << command << " " << synopsis << "\n\n" << options;
      p.exit_code = kOk;
      return p;
    }
    po::notify(p.vm);
  } catch (const po::error& e) {
    std::cerr << "eduplan " << command << ": " << e.what() << "\nAufruf: eduplan " << command << " "
              << synopsis << "\n";
    p.exit_code = kUsage;
  }
  return p;
}

void add_format_option(po::options_description& options) {
  options.add_options()("format", po::value<std::string>()->default_value("text"),
                        "Ausgabe: text oder json");
}

std::optional<bool> wants_json(const char* command, const po::variables_map& vm) {
  const auto format = vm["format"].as<std::string>();
  if (format == "text" || format == "json") return format == "json";
  std::cerr << "eduplan " << command << ": --format muss text oder json sein, nicht „" << format
            << "“\n";
  return std::nullopt;
}

std::optional<UnitsDirectory> load_directory(const po::variables_map& vm, int& exit_code) {
  if (!vm.count("units")) return UnitsDirectory{};
  const auto path = vm["units"].as<std::string>();
  std::vector<Finding> findings;
  UnitsDirectory dir = UnitsDirectory::load(path, findings);
  if (has_errors(findings)) {
    print_findings(std::cerr, path, findings);
    std::cerr << path << ": Verwaltungsverzeichnis fehlerhaft; nichts geschrieben\n";
    exit_code = kFindings;
    return std::nullopt;
  }
  return dir;
}

}  // namespace eduplan::cli
