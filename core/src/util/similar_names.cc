#include "util/similar_names.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "eduplan/keys.h"
#include "util/poly_hash.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

// The hash of `s` without the code points at positions `skip1` and `skip2` (npos: none).
std::uint64_t hash_without(const std::u32string& s, std::size_t skip1, std::size_t skip2) {
  std::uint64_t h = 14695981039346656037ULL;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i == skip1 || i == skip2) continue;
    h ^= static_cast<std::uint64_t>(s[i]);
    h *= 1099511628211ULL;
  }
  return h;
}

// Every string one or two deletions (at most `deletions`) make of `s`, and `s` itself, hashed;
// each once.
std::vector<std::uint64_t> delete_variants(const std::u32string& s, int deletions) {
  std::vector<std::uint64_t> out{hash_without(s, std::u32string::npos, std::u32string::npos)};
  for (std::size_t i = 0; deletions >= 1 && i < s.size(); ++i) {
    out.push_back(hash_without(s, i, std::u32string::npos));
    for (std::size_t j = i + 1; deletions >= 2 && j < s.size(); ++j)
      out.push_back(hash_without(s, i, j));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool is_word_char(char32_t c) { return c != U' ' && c != U'-' && c != U'/' && c != U','; }

// The word of `s` around position i.
std::u32string word_at(const std::u32string& s, std::size_t i) {
  i = std::min(i, s.empty() ? 0 : s.size() - 1);
  std::size_t from = i, to = i;
  while (from > 0 && is_word_char(s[from - 1])) --from;
  while (to < s.size() && is_word_char(s[to])) ++to;
  return s.substr(from, to - from);
}

bool numeric_or_roman_or_short(const std::u32string& word) {
  if (word.size() <= 1) return true;
  const bool digits =
      std::all_of(word.begin(), word.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
  const bool roman = std::all_of(word.begin(), word.end(), [](char32_t c) {
    return c == U'i' || c == U'v' || c == U'x' || c == U'l' || c == U'c';
  });
  return digits || roman;
}

// For two keys at distance 1: true if the edit is in a word that makes them different units.
bool meaningful_difference(const std::u32string& a, const std::u32string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if ((i < a.size() && a[i] >= U'0' && a[i] <= U'9') ||
      (i < b.size() && b[i] >= U'0' && b[i] <= U'9'))
    return true;
  return numeric_or_roman_or_short(word_at(a, i)) || numeric_or_roman_or_short(word_at(b, i));
}

// The key and every one-deletion variant of it, hashed in constant time each (from prefix
// hashes), sorted and each once.
std::vector<std::uint64_t> one_deletion_hashes(const std::u32string& s) {
  constexpr std::uint64_t kBase = 0x1F3D5B79A4C3E2B1ULL % poly_hash::kModulus;
  const poly_hash::Prefixes hashes(s, kBase);
  std::vector<std::uint64_t> out{hashes.range(0, s.size())};
  for (std::size_t i = 0; i < s.size(); ++i) out.push_back(hashes.without(i));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// True if one insertion, deletion, substitution or swap of neighbours turns `a` into `b`:
// edit_distance(a, b, 1) == 1 in linear time.
bool one_edit_apart(const std::u32string& a, const std::u32string& b) {
  if (a == b) return false;
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > 1) return false;
  std::size_t head = 0;
  while (head < n && head < m && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < std::min(n, m) - head && a[n - 1 - tail] == b[m - 1 - tail]) ++tail;
  const std::size_t rest_a = n - head - tail, rest_b = m - head - tail;
  if (rest_a + rest_b == 1) return true;        // one inserted or deleted
  if (rest_a == 1 && rest_b == 1) return true;  // one substituted
  return rest_a == 2 && rest_b == 2 && a[head] == b[head + 1] && a[head + 1] == b[head];
}

}  // namespace

std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t n = 0;
    out += unicode::decode(utf8, i, n);
    i += n;
  }
  return out;
}

int edit_distance(const std::u32string& a, const std::u32string& b, int max) {
  // Damerau-Levenshtein (Lowrance-Wagner): a transposition may be edited again, so "Museum" →
  // "Mseueum" (two letters swapped, one inserted) is 2, as a person would count it. Only the
  // band |i - j| <= max is computed (a cell outside it is at least max + 1), so two long names
  // cost time and memory in proportion to their length, not to its square.
  const std::size_t n = a.size(), m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > max) return max + 1;
  const int beyond = max + 1, inf = static_cast<int>(n + m) + beyond;
  const auto band = static_cast<std::size_t>(max);
  const std::size_t width = 2 * band + 1;
  // row(i)[j - i + band] holds D(i, j) for the prefixes a[0, i) and b[0, j).
  std::vector<int> cells((n + 1) * width, beyond);
  auto at = [&](std::size_t i, std::size_t j) -> int& { return cells[i * width + (j + band - i)]; };
  auto value = [&](std::size_t i, std::size_t j) {
    return (i > j ? i - j : j - i) > band ? beyond : at(i, j);
  };
  for (std::size_t j = 0; j <= std::min(m, band); ++j) at(0, j) = static_cast<int>(j);
  std::unordered_map<char32_t, std::size_t> last_row;  // last row where a character was seen
  for (std::size_t i = 1; i <= n; ++i) {
    if (i <= band) at(i, 0) = static_cast<int>(i);
    std::size_t last_match_col = 0;
    for (std::size_t j = i > band ? i - band : 1; j <= std::min(m, i + band); ++j) {
      const auto found = last_row.find(b[j - 1]);
      const std::size_t i1 = found == last_row.end() ? 0 : found->second;
      const std::size_t j1 = last_match_col;
      int cost = 1;
      if (a[i - 1] == b[j - 1]) {
        cost = 0;
        last_match_col = j;
      }
      int d = std::min({value(i - 1, j - 1) + cost, value(i, j - 1) + 1, value(i - 1, j) + 1});
      if (i1 > 0 && j1 > 0) {
        d = std::min(d, value(i1 - 1, j1 - 1) + static_cast<int>(i - i1 - 1) + 1 +
                            static_cast<int>(j - j1 - 1));
      }
      at(i, j) = std::min(d, inf);
    }
    last_row[a[i - 1]] = i;
  }
  return std::min(value(n, m), beyond);
}

std::vector<std::uint64_t> SimilarNames::variants(const std::u32string& s) const {
  return delete_variants(s.substr(0, kPrefix), max_);
}

void SimilarNames::add(std::string_view name, std::size_t id) {
  const auto position = static_cast<std::uint32_t>(names_.size());
  names_.push_back(code_points(normalize_for_key(name)));
  ids_.push_back(id);
  for (std::uint64_t v : variants(names_.back())) {
    auto& bucket = index_[v];
    if (bucket.empty() || bucket.back() != position) bucket.push_back(position);
  }
}

std::vector<std::pair<std::size_t, int>> SimilarNames::find(std::string_view name,
                                                            std::size_t limit) const {
  const std::u32string query = code_points(normalize_for_key(name));
  std::set<std::uint32_t> candidates;
  for (std::uint64_t v : variants(query)) {
    if (auto it = index_.find(v); it != index_.end())
      candidates.insert(it->second.begin(), it->second.end());
  }
  std::vector<std::tuple<int, std::size_t, std::uint32_t>> ranked;  // distance, |Δlength|, pos
  for (std::uint32_t p : candidates) {
    if (names_[p] == query) continue;
    const int d = edit_distance(names_[p], query, max_);
    if (d > max_) continue;
    const std::size_t dl = names_[p].size() > query.size() ? names_[p].size() - query.size()
                                                           : query.size() - names_[p].size();
    ranked.emplace_back(d, dl, p);
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::pair<std::size_t, int>> out;
  std::set<std::size_t> ids;
  for (const auto& [d, dl, p] : ranked) {
    if (out.size() >= limit) break;
    if (ids.insert(ids_[p]).second) out.emplace_back(ids_[p], d);
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> one_edit_pairs(
    const std::vector<std::string>& names) {
  std::vector<std::u32string> keys;
  keys.reserve(names.size());
  for (const auto& n : names) keys.push_back(code_points(normalize_for_key(n)));
  // (hash of a variant, name) for the name itself and every one-deletion variant; names that
  // share a variant are candidates.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> filed;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].size() < 6 || keys[i].size() > kLongestName) continue;
    for (auto h : one_deletion_hashes(keys[i]))
      filed.emplace_back(h, static_cast<std::uint32_t>(i));
  }
  std::sort(filed.begin(), filed.end());
  std::set<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t a = 0; a < filed.size();) {
    std::size_t b = a;
    while (b < filed.size() && filed[b].first == filed[a].first) ++b;
    for (std::size_t i = a; i < b && i - a < 64; ++i) {  // a bucket of many names: a common stem
      for (std::size_t j = i + 1; j < b && j - a < 64; ++j) {
        const std::size_t x = std::min(filed[i].second, filed[j].second);
        const std::size_t y = std::max(filed[i].second, filed[j].second);
        if (x == y || keys[x] == keys[y] || pairs.count({x, y})) continue;
        if (one_edit_apart(keys[x], keys[y]) && !meaningful_difference(keys[x], keys[y]))
          pairs.insert({x, y});
      }
    }
    a = b;
  }
  return {pairs.begin(), pairs.end()};
}

}  // namespace eduplan
