// What the subcommands share: option builders, parsing, loading inputs. Helpers never print
// an error: they throw (eduplan::Error and its subclasses, or Rejected), and main() prints it
// once and turns it into the exit code.
#pragma once

#include <eduplan/error.h>
#include <eduplan/exporters.h>
#include <eduplan/language.h>
#include <eduplan/storage.h>
#include <eduplan/units_directory.h>

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace eduplan::cli {

namespace po = boost::program_options;

// The input has errors (exit code 1). `findings`, if any, are printed before the message,
// one line each with `file` and line.
class Rejected : public Error {
 public:
  explicit Rejected(const std::string& message, std::string file = {},
                    std::vector<Finding> findings = {})
      : Error(message), file(std::move(file)), findings(std::move(findings)) {}
  std::string file;
  std::vector<Finding> findings;
};

// The database used when --db is missing.
inline constexpr const char* kDefaultDatabase = "eduplan.db";

// A command's options: the visible ones (shown by --help), the positional arguments (named in
// the synopsis instead) and their hidden options.
struct CommandLine {
  CommandLine();
  po::options_description visible;
  po::options_description hidden;
  po::positional_options_description positional;
};

// Option builders: every subcommand spells these options the same way.
void add_db_option(CommandLine& line);
void add_plan_option(CommandLine& line);
void add_units_option(CommandLine& line);
// --period PERIOD: a reporting period such as 2026-H1; chosen_period() checks its spelling.
void add_period_option(CommandLine& line, const Text& help);
std::optional<std::string> chosen_period(const po::variables_map& vm);
// A period without any report of the plan: says so on stderr, with the periods there are (a
// report of zeros should not go to the council by a typo).
void note_empty_period(const Storage& storage, const std::string& plan,
                       const std::optional<std::string>& period);
// -q/--quiet: findings of severity "Hinweis" are counted, not listed.
void add_quiet_option(CommandLine& line);
// DOCUMENT as the first positional argument.
void add_document_option(CommandLine& line);
// --format with the given choices; the first is the default.
void add_format_option(CommandLine& line, const std::vector<std::string>& formats);
// --plugin-dir (repeatable).
void add_plugin_dir_option(CommandLine& line);
void add_plugin_timeout_option(CommandLine& line);

// Parses `args` (plus --help). Returns nothing after printing the help (the command then exits
// 0); throws UsageError with the synopsis for bad arguments, in the message language.
std::optional<po::variables_map> parse(const Command& command, const Args& args, CommandLine& line);

// The value of --format, checked against `formats` (throws UsageError).
std::string chosen_format(const po::variables_map& vm, const std::vector<std::string>& formats);

// The value of a file or directory option given as `shown` (-o, --output-dir); an empty one
// (-o '') is a usage error.
std::string path_option(const po::variables_map& vm, const char* name, const char* shown);

// Refuses `target` if it is the database `database`, which a report would destroy, or any other
// SQLite database. "-" (standard output) passes: main() refuses a database there for every command.
void refuse_database_as_target(const std::string& target, const std::string& database);

// The exporters: --plugin-dir, then the standard search path, with the time limit of
// --plugin-timeout where the command has it. With `wanted`, the search stops at the exporter with
// that id (ExporterRegistry::discover_for).
ExporterRegistry discover_exporters(const po::variables_map& vm,
                                    std::optional<std::string_view> wanted = std::nullopt);

// The database path from --db or the default, and the note the output adds for the default.
std::string database_path(const po::variables_map& vm);
std::string default_note(const po::variables_map& vm);
// Says on stderr that the default database is used, if --db is missing.
void note_default_database(const po::variables_map& vm);
// How a command uses the database: commands that only read open it read-only, so they never
// create, migrate or change the file.
enum class DbAccess { read, write };
// Opens the database of --db; it must exist (throws UsageError naming it otherwise) and be an
// eduplan database (StorageError otherwise).
std::unique_ptr<Storage> open_existing_database(const po::variables_map& vm, DbAccess access);
// The plan named by --plan, or the database's only plan (throws UsageError listing the
// plans otherwise).
// The name of the plan --plan chooses (or the only one), checked to exist; throws UsageError.
std::string chosen_plan_name(const Storage& storage, const po::variables_map& vm);
Plan load_chosen_plan(const Storage& storage, const po::variables_map& vm);
// The plan `name`; throws UsageError (exit 2) if the database does not hold it.
Plan load_named_plan(const Storage& storage, const po::variables_map& vm, const std::string& name);
// The units directory of --units (empty if none); throws Rejected with its findings, IoError
// if it cannot be read. Its warnings (e.g. a converted encoding) are printed to `notes`.
UnitsDirectory load_directory(const po::variables_map& vm, std::ostream& notes);

// The value of a string option, or "" if it is missing.
std::string value_of(const po::variables_map& vm, const char* name);

}  // namespace eduplan::cli
