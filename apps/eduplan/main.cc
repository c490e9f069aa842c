// eduplan: read, check and store municipal education plans. See `eduplan --help`.
#include <eduplan/error.h>
#include <eduplan/version.h>

#include <clocale>
#include <cstring>
#include <iostream>
#include <iterator>

#include "commands.h"

namespace {

using eduplan::cli::Command;

constexpr Command kCommands[] = {
    {"import", "Dokument lesen, prüfen und in der Datenbank speichern", eduplan::cli::run_import},
    {"validate", "Dokument prüfen, ohne etwas zu speichern", eduplan::cli::run_validate},
    {"show", "gespeicherten Plan zusammenfassen: Zahlen, Verwaltungsbereiche, Befunde",
     eduplan::cli::run_show},
    {"export", "gespeicherten Plan mit einem Exporter ausgeben (csv, dot, …)",
     eduplan::cli::run_export},
    {"plugins", "gefundene Exporter mit Optionen und Herkunft auflisten",
     eduplan::cli::run_plugins},
    {"rules", "alle Prüfregeln mit Schweregrad auflisten", eduplan::cli::run_rules},
};

void print_usage(std::ostream& out) {
  out << "Aufruf: eduplan BEFEHL [OPTIONEN]\n\nBefehle:\n";
  for (const auto& c : kCommands)
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
  out << "\n„eduplan BEFEHL --help“ zeigt die Optionen eines Befehls.\n"
         "Exit-Codes: 0 in Ordnung (Warnungen erlaubt), 1 Fehler im Dokument, 2 Aufruf- oder "
         "Dateifehler.\n";
}

}  // namespace

int main(int argc, char** argv) {
  // The user's locale (for libraries that print); eduplan's own output does not depend on it,
  // and exporters that write numbers switch LC_NUMERIC to "C" for themselves.
  std::setlocale(LC_ALL, "");
  if (argc < 2) {
    print_usage(std::cerr);
    return eduplan::cli::kUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return eduplan::cli::kOk;
  }
  if (name == "--version") {
    std::cout << "eduplan " << EDUPLAN_VERSION_STRING << "\n";
    return eduplan::cli::kOk;
  }
  for (const auto& c : kCommands) {
    if (name != c.name) continue;
    try {
      return c.run(eduplan::cli::Args(argv + 2, argv + argc));
    } catch (const eduplan::Error& e) {
      std::cerr << "eduplan " << name << ": " << e.what() << "\n";
      return eduplan::cli::kUsage;
    } catch (const std::exception& e) {
      std::cerr << "eduplan " << name << ": interner Fehler: " << e.what() << "\n";
      return eduplan::cli::kUsage;
    }
  }
  std::cerr << "eduplan: unbekannter Befehl „" << name << "“\n\n";
  print_usage(std::cerr);
  return eduplan::cli::kUsage;
}
