// Splitting one written name into two known names (internal): "A und B" when A and B are known
// units, else "A B" or "AB" when a converter dropped the line break between two known units.
//
// The direct way normalises every prefix and suffix of the name: quadratic in its length, so
// that a cell with 64,000 "und" took minutes. split_known_pair() normalises each word once,
// compares prefixes and suffixes with the known names by rolling hashes, and confirms every
// hit with the exact test: linear, with the direct way's result.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_set>

namespace eduplan {

struct NameSplit {
  std::string_view left, right;  // views into the name
  bool joined = false;           // a lost line break ("A B", "AB"), not a compound "A und B"
};

// Exact test: is this text the name of a known unit?
using KnownName = std::function<bool(std::string_view)>;

// The keys (normalize_for_key) of the known names, as hashes: a filter that never says no to
// a known name, and rarely yes to another.
class KnownKeys {
 public:
  void add(std::string_view key);
  bool empty() const { return hashes_.empty(); }
  bool may_contain(std::uint64_t hash, std::size_t length) const;

 private:
  std::unordered_set<std::uint64_t> hashes_;
};

// The first split the direct way finds: at the first " und " whose both sides are known; else
// at the first space, or capital glued to the previous letter (not after '-'), whose both sides
// are known. `name_key` is normalize_for_key(name); `known` confirms each candidate.
std::optional<NameSplit> split_known_pair(std::string_view name, std::string_view name_key,
                                          const KnownKeys& keys, const KnownName& known);

// The direct, quadratic way, for reference in tests and for names whose words do not normalise
// one by one as the whole name does (split_known_pair falls back to it for short names).
std::optional<NameSplit> split_known_pair_directly(std::string_view name, const KnownName& known);

}  // namespace eduplan
