// The units directory (Verwaltungsgliederung): the city's list of units with their
// division and known spelling variants. It resolves variants and names with commas.
//
// File format: CSV (RFC 4180, UTF-8, optional BOM), header `unit,division,aliases`;
// aliases separated by `|`. A row with an empty division declares a division itself
// (its aliases then resolve division names).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"

namespace eduplan {

struct DirectoryEntry {
  std::string name;      // canonical name
  std::string division;  // empty for a division
  std::vector<std::string> aliases;
  int line = 0;  // line in the directory file
};

class EDUPLAN_EXPORT UnitsDirectory {
 public:
  UnitsDirectory() = default;

  // Parses CSV text. Problems are appended to `findings` as errors (with the line of the
  // directory file); entries before the first problem are kept.
  static UnitsDirectory parse(std::string_view csv, std::vector<Finding>& findings);
  // Reads and parses a file. Throws IoError if it cannot be read, is not a regular file or
  // is larger than 64 MiB.
  static UnitsDirectory load(const std::filesystem::path& path, std::vector<Finding>& findings);

  // The entry whose name or alias equals `name`, ignoring case and repeated white space.
  const DirectoryEntry* find(std::string_view name) const;
  const std::vector<DirectoryEntry>& entries() const { return entries_; }
  // Names and aliases that contain a comma, longest first.
  const std::vector<std::string>& names_with_commas() const { return names_with_commas_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<DirectoryEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;  // folded name or alias -> entry
  std::vector<std::string> names_with_commas_;
};

}  // namespace eduplan
