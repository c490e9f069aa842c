// The CLI's subcommands: one table, one handler each (ninja-style).
#pragma once

#include <string>
#include <vector>

namespace eduplan::cli {

// Exit codes: 0 success (warnings allowed), 1 the input has errors (or warnings with
// --strict), 2 usage or I/O problems.
enum ExitCode : int { kOk = 0, kFindings = 1, kUsage = 2 };

using Args = std::vector<std::string>;

struct Command {
  const char* name;
  const char* summary;  // one line for `eduplan --help`
  int (*run)(const Args& args);
};

int run_import(const Args& args);
int run_validate(const Args& args);
int run_show(const Args& args);
int run_rules(const Args& args);
int run_plugins(const Args& args);
int run_export(const Args& args);

}  // namespace eduplan::cli
