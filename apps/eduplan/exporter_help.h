// Describing exporters for the user: their options (from the declarations) and the modules
// that were refused.
#pragma once

#include <eduplan/exporters.h>

#include <ostream>

namespace eduplan::cli {

// One entry per declared option: "--option NAME=<int 10..1048576>  (Standard: …)" and its help.
void print_exporter_options(std::ostream& out, const ExporterInfo& exporter);
// "Nicht geladen:" and one line per refused module with the reason; nothing if none.
void print_rejected(std::ostream& out, const ExporterRegistry& registry);

}  // namespace eduplan::cli
