#include "resolve/name_split.h"

#include <random>
#include <string>
#include <vector>

#include "eduplan/keys.h"
#include "util/poly_hash.h"
#include "util/text.h"

namespace eduplan {
namespace {

// Names longer than this whose words do not normalise one by one as the whole name does are
// not split (the direct way would be quadratic); readers never produce such names.
constexpr std::size_t kMaxDirectLength = 4096;

using poly_hash::kModulus;
using poly_hash::mul;
using poly_hash::reduce;

// Drawn at start-up, so that no input can be made to collide on purpose.
std::uint64_t base() {
  static const std::uint64_t b = [] {
    std::random_device device;
    std::uniform_int_distribution<std::uint64_t> pick(1u << 16, kModulus - 1);
    return pick(device);
  }();
  return b;
}

std::uint64_t hash_of(std::string_view s) {
  std::uint64_t h = 0;
  for (unsigned char c : s) h = reduce(mul(h, base()) + c + 1);
  return h;
}

std::uint64_t with_length(std::uint64_t hash, std::size_t length) {
  return hash ^ (static_cast<std::uint64_t>(length) * 0x9E3779B97F4A7C15ULL);
}

bool glued_capital(std::string_view w, std::size_t pos) {
  return w[pos] >= 'A' && w[pos] <= 'Z' && w[pos - 1] != ' ' && w[pos - 1] != '-';
}

// The name cut into pieces at white space and before glued capitals, each piece normalised on
// its own, and the pieces' keys joined as normalize_for_key joins them: one space between
// words, none next to '/', none between glued pieces.
class PieceKeys {
 public:
  explicit PieceKeys(std::string_view w) : w_(w), end_at_(w.size() + 1), begin_at_(w.size() + 1) {
    std::size_t begin = 0;
    bool space_before = false;
    for (std::size_t i = 0; i <= w.size(); ++i) {
      const bool space = i < w.size() && text::is_space(w[i]);
      const bool cut = i == w.size() || space || (i > begin && glued_capital(w, i));
      if (cut && i > begin) {
        add_piece(begin, i, space_before);
        space_before = false;
      }
      if (space) {
        space_before = true;
        begin = i + 1;
      } else if (cut) {
        begin = i;
      }
    }
    waiting_.push_back(w.size());
    for (std::size_t b : waiting_) begin_at_[b] = key_.size();
    hashes_.emplace(key_, base());
  }

  const std::string& key() const { return key_; }

  // The key of the name's text [0, end) resp. [begin, size), where `end` ends a piece and
  // `begin` begins one; as (hash, length).
  std::pair<std::uint64_t, std::size_t> before(std::size_t end) const {
    const std::size_t to = end_at_[end];
    return {hash(0, to), to};
  }
  std::pair<std::uint64_t, std::size_t> from(std::size_t begin) const {
    const std::size_t at = begin_at_[begin];
    return {hash(at, key_.size()), key_.size() - at};
  }

 private:
  void add_piece(std::size_t begin, std::size_t end, bool space_before) {
    const std::string piece = normalize_for_key(w_.substr(begin, end - begin));
    pending_space_ = pending_space_ || space_before;
    waiting_.push_back(begin);  // a piece without key begins where the next key begins
    if (!piece.empty()) {
      if (!key_.empty() && pending_space_ && key_.back() != '/' && piece.front() != '/')
        key_ += ' ';
      for (std::size_t b : waiting_) begin_at_[b] = key_.size();
      waiting_.clear();
      key_ += piece;
      pending_space_ = false;
    }
    end_at_[end] = key_.size();
  }

  std::uint64_t hash(std::size_t from, std::size_t to) const { return hashes_->range(from, to); }

  std::string_view w_;
  std::string key_;
  bool pending_space_ = false;
  std::vector<std::size_t> waiting_;            // raw begins of pieces still without key
  std::vector<std::size_t> end_at_, begin_at_;  // raw offset -> offset in key_
  std::optional<poly_hash::Prefixes> hashes_;
};

}  // namespace

void KnownKeys::add(std::string_view key) { hashes_.insert(with_length(hash_of(key), key.size())); }

bool KnownKeys::may_contain(std::uint64_t hash, std::size_t length) const {
  return hashes_.count(with_length(hash, length)) > 0;
}

std::optional<NameSplit> split_known_pair(std::string_view name, std::string_view name_key,
                                          const KnownKeys& keys, const KnownName& known) {
  // Parts are trimmed: white space around the whole name is no part of either.
  const std::string_view w = text::trim(name);
  if (keys.empty() || w.empty()) return std::nullopt;
  const PieceKeys pieces(w);
  if (pieces.key() != name_key) {
    if (w.size() > kMaxDirectLength) return std::nullopt;
    return split_known_pair_directly(w, known);
  }
  // The text before `pos` and from `pos` on, without the white space around them.
  std::vector<std::size_t> left_end(w.size() + 1), right_begin(w.size() + 1);
  for (std::size_t i = 0; i <= w.size(); ++i)
    left_end[i] = i > 0 && text::is_space(w[i - 1]) ? left_end[i - 1] : i;
  for (std::size_t i = w.size() + 1; i-- > 0;)
    right_begin[i] = i < w.size() && text::is_space(w[i]) ? right_begin[i + 1] : i;
  auto try_split = [&](std::size_t end, std::size_t begin,
                       bool joined) -> std::optional<NameSplit> {
    const auto [lh, ll] = pieces.before(end);
    if (!keys.may_contain(lh, ll)) return std::nullopt;
    const auto [rh, rl] = pieces.from(begin);
    if (!keys.may_contain(rh, rl)) return std::nullopt;
    const std::string_view left = w.substr(0, end), right = w.substr(begin);
    if (!known(left) || !known(right)) return std::nullopt;
    return NameSplit{left, right, joined};
  };
  for (std::size_t pos = w.find(" und "); pos != std::string_view::npos;
       pos = w.find(" und ", pos + 1)) {
    if (auto s = try_split(left_end[pos], right_begin[pos + 5], false)) return s;
  }
  for (std::size_t pos = 1; pos < w.size(); ++pos) {
    if (w[pos] != ' ' && !glued_capital(w, pos)) continue;
    const std::size_t end = left_end[pos], begin = right_begin[pos];
    if (end == 0 || begin == w.size()) continue;
    if (auto s = try_split(end, begin, true)) return s;
  }
  return std::nullopt;
}

std::optional<NameSplit> split_known_pair_directly(std::string_view name, const KnownName& known) {
  const std::string_view w = text::trim(name);
  for (std::size_t pos = w.find(" und "); pos != std::string_view::npos;
       pos = w.find(" und ", pos + 1)) {
    const std::string_view left = text::trim(w.substr(0, pos));
    const std::string_view right = text::trim(w.substr(pos + 5));
    if (known(left) && known(right)) return NameSplit{left, right, false};
  }
  for (std::size_t pos = 1; pos < w.size(); ++pos) {
    const bool space = w[pos] == ' ';
    if (!space && !glued_capital(w, pos)) continue;
    const std::string_view left = text::trim(w.substr(0, pos));
    const std::string_view right = text::trim(w.substr(pos));
    if (!left.empty() && !right.empty() && known(left) && known(right))
      return NameSplit{left, right, true};
  }
  return std::nullopt;
}

}  // namespace eduplan
