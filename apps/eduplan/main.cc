// eduplan: read, check and store municipal education plans. See `eduplan --help`.
//
// Every failure reaches main() as an exception and is printed here, once: Rejected (the
// input has errors) exits 1, every other eduplan::Error (usage, files, database, exporters)
// exits 2.
#include <eduplan/atomic_output.h>
#include <eduplan/error.h>
#include <eduplan/language.h>
#include <eduplan/exporter_sdk.hpp>
#include <eduplan/version.h>

#include <poll.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <clocale>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

#include "cli_support.h"
#include "commands.h"
#include "terminal.h"
#include "text_report.h"

namespace {

using eduplan::cli::Command;
namespace cli = eduplan::cli;

constexpr Command kCommands[] = {
    {"import",
     {"DOKUMENT [--db DATEI] [--units CSV] [--plan NAME] [--title TITEL] [-q]",
      "DOCUMENT [--db FILE] [--units CSV] [--plan NAME] [--title TITLE] [-q]"},
     {"Dokument lesen, prüfen und in der Datenbank speichern",
      "read and check a document, store it in the database"},
     cli::run_import},
    {"validate",
     {"DOKUMENT [--units CSV] [--format text|json] [--strict] [-q]",
      "DOCUMENT [--units CSV] [--format text|json] [--strict] [-q]"},
     {"Dokument prüfen, ohne etwas zu speichern", "check a document without storing anything"},
     cli::run_validate},
    {"show",
     {"[--db DATEI] [--plan NAME] [--format text|json] [-q]",
      "[--db FILE] [--plan NAME] [--format text|json] [-q]"},
     {"gespeicherten Plan zusammenfassen: Zahlen, Verwaltungsbereiche, Befunde",
      "summarise a stored plan: figures, units, findings"},
     cli::run_show},
    {"plans",
     {"[list | rename ALT NEU | delete NAME] [--db DATEI] [--format text|json]",
      "[list | rename OLD NEW | delete NAME] [--db FILE] [--format text|json]"},
     {"gespeicherte Pläne auflisten, umbenennen oder löschen",
      "list, rename or delete stored plans"},
     cli::run_plans},
    {"export",
     {"--format ID [--db DATEI] [--plan NAME] [-o ZIEL] [--option KEY=VALUE]...",
      "--format ID [--db FILE] [--plan NAME] [-o TARGET] [--option KEY=VALUE]..."},
     {"gespeicherten Plan mit einem Exporter ausgeben (csv, dot, xlsx, …)",
      "write a stored plan with an exporter (csv, dot, xlsx, …)"},
     cli::run_export},
    {"status",
     {"forms|import|show|carry|scale [OPTIONEN]", "forms|import|show|carry|scale [OPTIONS]"},
     {"Rückmeldungen der Verwaltungsbereiche: Formulare, Import, Stand, Übertrag",
      "status reports of the units: forms, import, roll-ups, carrying over"},
     cli::run_status},
    {"diff",
     {"[--db DATEI] PLAN_A PLAN_B [--format text|json|xlsx] [-o DATEI]",
      "[--db FILE] PLAN_A PLAN_B [--format text|json|xlsx] [-o FILE]"},
     {"zwei Fassungen eines Plans vergleichen", "compare two versions of a plan"},
     cli::run_diff},
    {"plugins",
     {"[--plugin-dir VERZEICHNIS]...", "[--plugin-dir DIRECTORY]..."},
     {"gefundene Exporter mit Optionen und Herkunft auflisten",
      "list the exporters found, with their options and origin"},
     cli::run_plugins},
    {"rules",
     {"", ""},
     {"alle Prüfregeln mit Schweregrad auflisten", "list every rule with its severity"},
     cli::run_rules},
};

void print_usage(std::ostream& out) {
  using eduplan::tr;
  out << tr(
      {"Aufruf: eduplan [--lang de|en] BEFEHL [OPTIONEN]\n       eduplan --version\n\nBefehle:\n",
       "usage: eduplan [--lang de|en] COMMAND [OPTIONS]\n       eduplan --version\n\nCommands:\n"});
  for (const auto& c : kCommands)
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary.get() << "\n";
  out << tr(
      {"\n„eduplan BEFEHL --help“ zeigt die Optionen eines Befehls.\n"
       "Sprache: --lang de|en oder LANGUAGE=en (Standard: Deutsch).\n"
       "Exit-Codes: 0 in Ordnung (Warnungen erlaubt), 1 Fehler in der Eingabe, 2 Aufruf-, "
       "Datei- oder Datenbankfehler.\n",
       "\n\"eduplan COMMAND --help\" shows a command's options.\n"
       "Language: --lang de|en or LANGUAGE=en (default: German).\n"
       "Exit codes: 0 fine (warnings allowed), 1 errors in the input, 2 usage, file or "
       "database problems.\n"});
}

// Takes --lang VALUE / --lang=VALUE out of the arguments (anywhere) and sets the language;
// without it, LANGUAGE decides. Returns false for an unknown language.
bool choose_language(std::vector<std::string>& args, std::string& bad) {
  if (auto l = eduplan::language_from_environment()) eduplan::set_language(*l);
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string value;
    std::size_t take = 0;
    if (args[i] == "--lang" && i + 1 < args.size()) {
      value = args[i + 1];
      take = 2;
    } else if (args[i].starts_with("--lang=")) {
      value = args[i].substr(7);
      take = 1;
    } else {
      continue;
    }
    const auto l = eduplan::parse_language(value);
    if (!l) {
      bad = value;
      return false;
    }
    eduplan::set_language(*l);
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(i + take));
    --i;
  }
  return true;
}

// Why standard output failed when the stream no longer knows (iostreams keep no errno): a full
// disk behind "> file", or /dev/full; 0 if neither.
int likely_output_error() {
  struct stat st {};
  if (::fstat(STDOUT_FILENO, &st) != 0) return 0;
  if (S_ISCHR(st.st_mode) && major(st.st_rdev) == 1 && minor(st.st_rdev) == 7) return ENOSPC;
  struct statvfs room {};
  if (S_ISREG(st.st_mode) && ::fstatvfs(STDOUT_FILENO, &room) == 0 &&
      (::geteuid() == 0 ? room.f_bfree : room.f_bavail) == 0)
    return ENOSPC;
  return 0;
}

// Output that could not be written (a full disk behind > file, a reader that has gone) is not a
// success: says so on stderr and returns false.
bool stdout_written(const std::string& prefix) {
  using eduplan::tr;
  errno = 0;
  std::cout.flush();
  const bool flushed = std::fflush(stdout) == 0;
  if (flushed && !std::ferror(stdout) && std::cout) return true;
  int error = errno;
  // The write that failed may lie further back; a pipe without a reader says so when polled.
  pollfd out{STDOUT_FILENO, POLLOUT, 0};
  if (error == 0 && ::poll(&out, 1, 0) == 1 && (out.revents & POLLERR)) error = EPIPE;
  if (error == 0) error = likely_output_error();
  if (error == EPIPE) {
    std::cerr << prefix
              << tr({"die Standardausgabe wurde geschlossen, bevor alles geschrieben war (der "
                     "Leser hat aufgehört?)",
                     "standard output was closed before everything was written (the reader "
                     "stopped?)"})
              << "\n";
  } else {
    std::cerr << prefix
              << tr({"Standardausgabe lässt sich nicht schreiben ({0})",
                     "standard output cannot be written ({0})"},
                    error != 0 ? eduplan::sdk::error_text(error) : tr({"Schreibfehler", "write error"}))
              << "\n";
  }
  return false;
}

int run(const Command& command, const cli::Args& args) {
  using eduplan::tr;
  const std::string prefix = std::string("eduplan ") + command.name + ": ";
  try {
    // Whatever a command prints would be written into it: `eduplan diff … 1<>plan.db` destroyed
    // the database (a shell's "> plan.db" empties it before eduplan starts; nothing helps there).
    eduplan::refuse_database_target("/proc/self/fd/1", tr({"die Standardausgabe", "standard output"}));
    const int code = command.run(command, args);
    // Output that could not be written (a full disk behind > file) is not a success.
    return stdout_written(prefix) ? code : cli::kUsage;
  } catch (const cli::Rejected& e) {
    cli::print_findings(std::cerr, e.file, e.findings);
    std::cerr << prefix << e.what() << "\n";
    return cli::kFindings;
  } catch (const eduplan::Error& e) {
    std::cerr << prefix << e.what() << "\n";
    return cli::kUsage;
  } catch (const std::bad_alloc&) {  // a limit (ulimit -v, a container's) or a huge input
    std::cerr << prefix
              << tr({"zu wenig Arbeitsspeicher; nichts geschrieben (ist der Speicher begrenzt, "
                     "etwa mit ulimit -v?)",
                     "out of memory; nothing written (is memory limited, say by ulimit -v?)"})
              << "\n";
    return cli::kUsage;
  } catch (const std::exception& e) {
    std::cerr << prefix << tr({"interner Fehler: {0}", "internal error: {0}"}, e.what()) << "\n";
    return cli::kUsage;
  }
}

}  // namespace

int main(int argc, char** argv) {
  using eduplan::tr;
  // The user's locale (for libraries that print); eduplan's own output does not depend on it,
  // and exporters that write numbers switch LC_NUMERIC to "C" for themselves.
  std::setlocale(LC_ALL, "");
  // Text from documents and databases is printed in many places; none may control the terminal.
  const cli::SafeTerminal terminal;
  // A reader that goes away (| head) makes writes fail with EPIPE, which every command reports
  // (exit 2), instead of ending eduplan by a signal halfway through, e.g. between the reports of
  // a batch with a temporary file left behind.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string bad_language;
  if (!choose_language(args, bad_language)) {
    std::cerr << "eduplan: --lang " << bad_language << ": de oder/or en\n";
    return cli::kUsage;
  }
  // The workbooks the CLI writes itself (status forms, comparisons) say what went wrong in the
  // same language.
  eduplan::sdk::set_english_messages(eduplan::language() == eduplan::Language::en);
  if (args.empty()) {
    print_usage(std::cerr);
    return cli::kUsage;
  }
  const std::string name = args.front();
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(std::cout);
    return stdout_written("eduplan: ") ? cli::kOk : cli::kUsage;
  }
  if (name == "--version") {
    std::cout << "eduplan " << EDUPLAN_VERSION_STRING << "\n";
    return stdout_written("eduplan: ") ? cli::kOk : cli::kUsage;
  }
  for (const auto& c : kCommands) {
    if (name == c.name) return run(c, cli::Args(args.begin() + 1, args.end()));
  }
  std::cerr << tr({"eduplan: unbekannter Befehl „{0}“\n\n", "eduplan: unknown command \"{0}\"\n\n"},
                  name);
  print_usage(std::cerr);
  return cli::kUsage;
}
