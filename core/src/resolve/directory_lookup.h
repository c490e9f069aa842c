// Memoised directory look-ups and name normalisation for one read (internal). Documents repeat the
// same few hundred names hundreds of thousands of times; normalising each occurrence dominated the
// reading time. Not thread-safe: one per resolver or rule run.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eduplan/units_directory.h"
#include "util/string_map.h"

namespace eduplan {

class DirectoryLookup {
 public:
  explicit DirectoryLookup(const UnitsDirectory* directory);

  // UnitsDirectory::find, or null without a directory.
  const DirectoryEntry* find(std::string_view name);
  // True if `part` (one comma-separated piece) begins a directory name that contains commas.
  bool may_start_comma_name(std::string_view part);
  // How many pieces the directory's names with commas have (each count once, most first).
  const std::vector<std::size_t>& comma_name_pieces() const { return comma_name_pieces_; }
  // True if `run` (pieces joined with ", ") is one or two typed letters away from a directory
  // name with as many commas: "Amt für Statistik, Wxhlen, Digitalisierung".
  bool near_comma_name(std::string_view run);
  // True if some directory name or alias contains '/' (then "A/ B" may be one name).
  bool has_slash_names() const { return has_slash_names_; }
  // The directory, or null.
  const UnitsDirectory* directory() const { return dir_; }
  // normalize_for_key(name), memoised.
  const std::string& key_of(std::string_view name);

 private:
  const UnitsDirectory* dir_;
  StringMap<const DirectoryEntry*> cache_;
  StringMap<std::string> keys_;
  std::unordered_set<std::string> comma_name_starts_;  // normalised first pieces
  std::vector<std::u32string> comma_name_keys_;        // normalised, as code points
  std::vector<std::size_t> comma_name_pieces_;
  bool has_slash_names_ = false;
};

}  // namespace eduplan
