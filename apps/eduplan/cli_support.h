// Option parsing and input loading shared by the subcommands.
#pragma once

#include <eduplan/exporters.h>
#include <eduplan/storage.h>
#include <eduplan/units_directory.h>

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "commands.h"

namespace eduplan::cli {

namespace po = boost::program_options;

// The database used when --db is missing.
inline constexpr const char* kDefaultDatabase = "eduplan.db";

// Parses `args` against `options` (plus --help) with `positional` names. Returns the
// map, or an exit code after printing help (kOk) or the problem (kUsage).
struct Parsed {
  po::variables_map vm;
  std::optional<int> exit_code;
};
Parsed parse(const char* command, const char* synopsis, const Args& args,
             po::options_description options, const po::positional_options_description& positional);

// Adds --format text|json to `options`.
void add_format_option(po::options_description& options);
// True if --format is "json"; nothing (after printing the problem) if it is neither text nor json.
std::optional<bool> wants_json(const char* command, const po::variables_map& vm);

// --plugin-dir (repeatable), and the registry it leads to.
void add_plugin_dir_option(po::options_description& options);
ExporterRegistry discover_exporters(const po::variables_map& vm);

// The options an exporter declares, as lines for --help and `eduplan plugins`.
void print_exporter_options(std::ostream& out, const ExporterInfo& exporter);

// Opens the database named by --db (or the default) if it exists; else prints why.
std::unique_ptr<Storage> open_existing_database(const po::variables_map& vm, const char* command);
// The plan named by --plan, or the only plan; else prints the choices and returns nothing.
std::optional<Plan> load_chosen_plan(Storage& storage, const po::variables_map& vm,
                                     const char* command);
// The database path from --db or the default, and a note for the output if it is the default.
std::string database_path(const po::variables_map& vm);
const char* default_note(const po::variables_map& vm);

// Loads the directory named by --units, if given. On errors prints them (file:line) and
// returns nothing with `exit_code` set to kFindings.
std::optional<UnitsDirectory> load_directory(const po::variables_map& vm, int& exit_code);

}  // namespace eduplan::cli
