// Conversion between described enums and their text, for options, storage and JSON.
#pragma once

#include <boost/describe/enum_from_string.hpp>
#include <boost/describe/enum_to_string.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace eduplan {

// The enumerator's name, e.g. "warning"; "" for a value that has no enumerator.
template <class E>
std::string to_text(E value) {
  return boost::describe::enum_to_string(value, "");
}

// The enumerator named `text` (exact match), or nothing.
template <class E>
std::optional<E> from_text(std::string_view text) {
  E value{};
  if (!boost::describe::enum_from_string(std::string(text).c_str(), value)) return std::nullopt;
  return value;
}

}  // namespace eduplan
