// Synthetic plan documents for benchmarks and scale tests, with the irregularities real
// documents have: spelling variants, units listed without their division, lists continued
// after a trailing comma, "A und B" compounds, names with commas, whole divisions,
// objectives shared between fields, <br> wraps and <b> header tags.
#pragma once

#include <cstdint>
#include <string>

namespace eduplan::bench {

struct SyntheticOptions {
  std::size_t responsibilities = 10000;  // about this many (unit mentions) in the document
  std::size_t units_per_division = 40;
  std::uint64_t seed = 1;
  std::string title = "Synthetisches Bildungskonzept";
};

// A plan document in the format of docs/input-format.md.
std::string synthetic_document(const SyntheticOptions& options);

// The units directory (CSV) that resolves the document's spelling variants.
std::string synthetic_directory(const SyntheticOptions& options);

}  // namespace eduplan::bench
