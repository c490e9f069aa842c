// Polynomial hashes modulo the Mersenne prime 2^61 - 1 (internal): the hash of a substring, or
// of a string with one character left out, in constant time from prefix hashes. For filters
// whose hits are confirmed exactly; a collision costs time, never a wrong answer.
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

namespace eduplan::poly_hash {

inline constexpr std::uint64_t kModulus = (std::uint64_t{1} << 61) - 1;

inline std::uint64_t reduce(std::uint64_t x) {
  x = (x & kModulus) + (x >> 61);
  return x >= kModulus ? x - kModulus : x;
}

__extension__ typedef unsigned __int128 Wide;  // GCC and Clang; __extension__ for -pedantic

inline std::uint64_t mul(std::uint64_t a, std::uint64_t b) {
  const Wide p = static_cast<Wide>(a) * b;
  return reduce(reduce(static_cast<std::uint64_t>(p & kModulus)) +
                static_cast<std::uint64_t>(p >> 61));
}

// Hashes of every prefix of a sequence: prefix(i) is the hash of its first i elements, and
// range(a, b) the hash of the elements [a, b), as if hashed on their own.
class Prefixes {
 public:
  template <class Sequence>
  Prefixes(const Sequence& s, std::uint64_t base)
      : prefix_(s.size() + 1, 0), power_(s.size() + 1, 1) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      using Unsigned = std::make_unsigned_t<std::decay_t<decltype(s[i])>>;
      const auto element = static_cast<std::uint64_t>(static_cast<Unsigned>(s[i]));
      prefix_[i + 1] = reduce(mul(prefix_[i], base) + element + 1);
      power_[i + 1] = mul(power_[i], base);
    }
  }
  std::uint64_t range(std::size_t from, std::size_t to) const {
    return reduce(prefix_[to] + kModulus - mul(prefix_[from], power_[to - from]));
  }
  // The hash of the sequence without the element at `skip`.
  std::uint64_t without(std::size_t skip) const {
    const std::size_t n = prefix_.size() - 1;
    return reduce(mul(prefix_[skip], power_[n - skip - 1]) + range(skip + 1, n));
  }

 private:
  std::vector<std::uint64_t> prefix_, power_;
};

}  // namespace eduplan::poly_hash
