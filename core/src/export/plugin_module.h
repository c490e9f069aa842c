// Loading one exporter module and checking its descriptor (internal).
#pragma once

#include <filesystem>
#include <string>
#include <variant>

#include "eduplan/exporter_abi.h"
#include "eduplan/exporters.h"

namespace eduplan {

struct LoadedExporter {
  const eduplan_exporter* descriptor;
  ExporterInfo info;
};

// dlopen (RTLD_NOW | RTLD_LOCAL, never closed), find the entry point, check the ABI version
// before anything else, then the descriptor. Returns the reason (German) on failure.
std::variant<LoadedExporter, std::string> load_exporter_module(const std::filesystem::path& file);

}  // namespace eduplan
