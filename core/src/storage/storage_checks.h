// Argument checks both storages make the same way (internal).
#pragma once

#include <string_view>

#include "eduplan/error.h"
#include "eduplan/language.h"

namespace eduplan {

// A plan's name has at least one character that is not a space.
inline void check_plan_name(std::string_view name) {
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw UsageError(
        tr({"der Name eines Plans darf nicht leer sein", "a plan's name must not be empty"}));
}

inline void check_rename(std::string_view, std::string_view to) { check_plan_name(to); }

[[noreturn]] inline void throw_name_taken(std::string_view name) {
  throw UsageError(tr({"es gibt schon einen Plan „{0}“", "there is already a plan \"{0}\""}, name));
}

}  // namespace eduplan
