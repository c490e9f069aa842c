#include "resolve/directory_lookup.h"

#include <algorithm>

#include "eduplan/keys.h"
#include "util/similar_names.h"

namespace eduplan {

DirectoryLookup::DirectoryLookup(const UnitsDirectory* directory) : dir_(directory) {
  if (!dir_) return;
  for (const auto& e : dir_->entries()) {
    has_slash_names_ = has_slash_names_ || e.name.find('/') != std::string::npos;
    for (const auto& a : e.aliases)
      has_slash_names_ = has_slash_names_ || a.find('/') != std::string::npos;
  }
  for (const auto& name : dir_->names_with_commas()) {
    comma_name_starts_.insert(normalize_for_key(std::string_view(name).substr(0, name.find(','))));
    comma_name_keys_.push_back(code_points(normalize_for_key(name)));
    const std::size_t pieces = 1 + static_cast<std::size_t>(std::count(name.begin(), name.end(), ','));
    if (std::find(comma_name_pieces_.begin(), comma_name_pieces_.end(), pieces) ==
        comma_name_pieces_.end())
      comma_name_pieces_.push_back(pieces);
  }
  std::sort(comma_name_pieces_.rbegin(), comma_name_pieces_.rend());
}

bool DirectoryLookup::near_comma_name(std::string_view run) {
  const std::u32string key = code_points(key_of(run));
  for (const auto& name : comma_name_keys_) {
    if (key.size() + 2 < name.size() || name.size() + 2 < key.size()) continue;
    if (edit_distance(key, name, 2) <= 2) return true;
  }
  return false;
}

const DirectoryEntry* DirectoryLookup::find(std::string_view name) {
  if (!dir_) return nullptr;
  auto it = cache_.find(name);
  if (it == cache_.end()) it = cache_.emplace(std::string(name), dir_->find(name)).first;
  return it->second;
}

bool DirectoryLookup::may_start_comma_name(std::string_view part) {
  return !comma_name_starts_.empty() && comma_name_starts_.count(key_of(part)) > 0;
}

const std::string& DirectoryLookup::key_of(std::string_view name) {
  auto it = keys_.find(name);
  if (it == keys_.end()) it = keys_.emplace(std::string(name), normalize_for_key(name)).first;
  return it->second;
}

}  // namespace eduplan
