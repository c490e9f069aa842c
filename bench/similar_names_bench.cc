// How the typo checks scale: one-letter near duplicates among a document's own names, and
// "meinten Sie" suggestions from a units directory. Both go through a deletion index, so the
// time per name should stay flat as the number of names grows (no comparison of all pairs).
//   build/bench/similar-names-bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "util/similar_names.h"

namespace {

const char* const kWords[] = {
    "Amt",      "Fachbereich", "Stabsstelle", "Schule",    "Bibliothek", "Museum",   "Jugend",
    "Familie",  "Kultur",      "Bildung",     "Sport",     "Umwelt",     "Soziales", "Integration",
    "Senioren", "Gesundheit",  "Planung",     "Statistik", "Archiv",     "Theater"};

// n distinct unit names like real ones ("Fachbereich Kultur und Schule Nord 17"), one in a hundred
// with a typo of one letter.
std::vector<std::string> names(std::size_t n) {
  std::mt19937_64 rng(7);
  auto word = [&] { return std::string(kWords[rng() % std::size(kWords)]); };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string s = word() + " " + word() + " und " + word() + " " + std::to_string(i);
    if (i % 100 == 99) {
      std::string typo = out[i - 1];
      typo[typo.size() / 3] = 'x';
      s = typo;
    }
    out.push_back(std::move(s));
  }
  return out;
}

void OneEditPairs(benchmark::State& state) {
  const auto list = names(static_cast<std::size_t>(state.range(0)));
  std::size_t pairs = 0;
  for (auto _ : state) pairs = eduplan::one_edit_pairs(list).size();
  state.counters["pairs"] = static_cast<double>(pairs);
  state.counters["per_name"] = benchmark::Counter(
      static_cast<double>(list.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(OneEditPairs)->Arg(10000)->Arg(30000)->Arg(100000)->Unit(benchmark::kMillisecond);

void Suggestions(benchmark::State& state) {
  const auto directory = names(static_cast<std::size_t>(state.range(0)));
  std::vector<std::string> queries;
  for (std::size_t i = 0; i < 1000; ++i) {
    std::string q = directory[(i * 7919) % directory.size()];
    std::swap(q[2], q[3]);  // a transposition
    queries.push_back(q);
  }
  for (auto _ : state) {
    eduplan::SimilarNames index(2);
    for (std::size_t i = 0; i < directory.size(); ++i) index.add(directory[i], i);
    std::size_t found = 0;
    for (const auto& q : queries) found += !index.find(q, 3).empty();
    benchmark::DoNotOptimize(found);
  }
  state.counters["per_name"] = benchmark::Counter(
      static_cast<double>(directory.size()),
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(Suggestions)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
