// The subcommands of `eduplan status` (cmd_status.cc dispatches).
#pragma once

#include "commands.h"

namespace eduplan::cli {

int run_status_import(const Command& self, const Args& args);
int run_status_show(const Command& self, const Args& args);
int run_status_scale(const Command& self, const Args& args);
int run_status_forms(const Command& self, const Args& args);
int run_status_carry(const Command& self, const Args& args);

}  // namespace eduplan::cli
