// ExporterInfo as bytes, to carry a module's descriptor out of the child process that loaded it
// (internal). Length-prefixed fields; decode() throws on anything malformed.
#pragma once

#include <string>

#include "eduplan/exporters.h"

namespace eduplan {

std::string encode(const ExporterInfo& info);
ExporterInfo decode_exporter_info(const std::string& bytes);

}  // namespace eduplan
