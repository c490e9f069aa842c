// Interned names for one read (internal): each distinct spelling is stored once and
// referred to by a small id, so per-name facts live in vectors indexed by id.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/string_map.h"

namespace eduplan {

using NameId = std::uint32_t;
inline constexpr NameId kNoName = UINT32_MAX;

class NamePool {
 public:
  NameId intern(std::string_view name) {
    auto it = ids_.find(name);
    if (it != ids_.end()) return it->second;
    names_.emplace_back(name);
    const auto id = static_cast<NameId>(names_.size() - 1);
    ids_.emplace(names_.back(), id);
    return id;
  }
  const std::string& operator[](NameId id) const { return names_[id]; }
  std::size_t size() const { return names_.size(); }

 private:
  StringMap<NameId> ids_;
  std::vector<std::string> names_;
};

}  // namespace eduplan
