// The CLI's subcommands: one table, one handler each (ninja-style). A handler returns its exit
// code on success and throws on failure (see cli_support.h).
#pragma once

#include <eduplan/language.h>

#include <string>
#include <vector>

namespace eduplan::cli {

// Exit codes: 0 success (warnings allowed), 1 the input has errors (or warnings with
// --strict), 2 usage, I/O or database problems.
enum ExitCode : int { kOk = 0, kFindings = 1, kUsage = 2 };

using Args = std::vector<std::string>;

struct Command {
  const char* name;
  Text synopsis;  // the arguments, for --help and usage errors
  Text summary;   // one line for `eduplan --help`
  int (*run)(const Command& self, const Args& args);
};

int run_import(const Command& self, const Args& args);
int run_validate(const Command& self, const Args& args);
int run_show(const Command& self, const Args& args);
int run_plans(const Command& self, const Args& args);
int run_rules(const Command& self, const Args& args);
int run_plugins(const Command& self, const Args& args);
int run_export(const Command& self, const Args& args);
int run_status(const Command& self, const Args& args);
int run_diff(const Command& self, const Args& args);

}  // namespace eduplan::cli
