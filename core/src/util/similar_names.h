// Names within a small edit distance, found through an index instead of comparing all pairs
// (internal). Symmetric deletion (as SymSpell does): every name is filed under the strings
// that up to `max_distance` deletions make of its first kPrefix code points; a query files
// its own deletions the same way and only compares the names it meets there. Distances are
// Damerau-Levenshtein (insertions, deletions, substitutions, transpositions of neighbours), on
// code points of the names' keys (normalize_for_key: case and spacing do not count).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace eduplan {

// Edit distance of two code-point strings, or max + 1 if it is larger than `max`.
int edit_distance(const std::u32string& a, const std::u32string& b, int max);

std::u32string code_points(std::string_view utf8);

class SimilarNames {
 public:
  explicit SimilarNames(int max_distance) : max_(max_distance) {}

  void add(std::string_view name, std::size_t id);
  // The ids of names within the distance of `name` (other than `name` itself), nearest first,
  // then in the order they were added; at most `limit`.
  std::vector<std::pair<std::size_t, int>> find(std::string_view name, std::size_t limit) const;

 private:
  static constexpr std::size_t kPrefix = 8;
  std::vector<std::uint64_t> variants(const std::u32string& s) const;
  int max_;
  std::vector<std::u32string> names_;  // by position of add()
  std::vector<std::size_t> ids_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> index_;  // variant -> positions
};

// Pairs of distinct names among `names` that differ by one edit that is not in a number, a
// Roman numeral or a one-letter word ("FB 20"/"FB 21", "Schule A"/"Schule B" are different
// units; "Volkshochshule"/"Volkshochschule" are not). Names shorter than 6 or longer than
// kLongestName code points are left out. Linear: deletion variants hashed in constant time and
// sorted, no comparison of all pairs, each comparison linear.
inline constexpr std::size_t kLongestName = 256;  // no name; not worth a typo check
std::vector<std::pair<std::size_t, std::size_t>> one_edit_pairs(
    const std::vector<std::string>& names);

}  // namespace eduplan
