// Argument checks both storages make the same way (internal).
#pragma once

#include <string_view>

#include "eduplan/error.h"
#include "eduplan/language.h"

namespace eduplan {

inline void check_rename(std::string_view, std::string_view to) {
  if (to.empty()) throw UsageError(tr({"der neue Name ist leer", "the new name is empty"}));
}

[[noreturn]] inline void throw_name_taken(std::string_view name) {
  throw UsageError(tr({"es gibt schon einen Plan „{0}“", "there is already a plan \"{0}\""}, name));
}

}  // namespace eduplan
