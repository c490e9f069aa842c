// eduplan-gen: writes synthetic plan documents and their units directory.
//   eduplan-gen --responsibilities N [--plans P] [--seed S] --out DIR
#include <boost/program_options.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "synthetic.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  po::options_description options("eduplan-gen options");
  std::size_t plans = 1;
  eduplan::bench::SyntheticOptions o;
  std::string out;
  options.add_options()("help,h", "this help")("responsibilities,n", po::value(&o.responsibilities),
                                               "responsibilities per plan (default 10000)")(
      "plans,p", po::value(&plans), "number of plans (default 1)")("seed,s", po::value(&o.seed),
                                                                   "random seed")(
      "units-per-division", po::value(&o.units_per_division), "units per division (default 40)")(
      "out,o", po::value(&out)->required(), "output directory");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    if (vm.count("help")) {
      std::cout << options;
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "eduplan-gen: " << e.what() << "\n" << options;
    return 2;
  }
  std::filesystem::create_directories(out);
  std::ofstream(std::filesystem::path(out) / "units.csv") << eduplan::bench::synthetic_directory(o);
  for (std::size_t p = 0; p < plans; ++p) {
    auto opts = o;
    opts.seed = o.seed + p;
    opts.title = "Bildungskonzept Gemeinde " + std::to_string(p + 1);
    char name[32];
    std::snprintf(name, sizeof name, "plan-%04zu.md", p + 1);
    std::ofstream file(std::filesystem::path(out) / name, std::ios::binary);
    file << eduplan::bench::synthetic_document(opts);
    if (!file) {
      std::cerr << "eduplan-gen: cannot write " << name << "\n";
      return 2;
    }
  }
  std::cout << "wrote " << plans << " plan(s) and units.csv to " << out << "\n";
  return 0;
}
