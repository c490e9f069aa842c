// The units directory reader (CSV `unit,division,aliases`). A directory that parses without
// errors must find each of its names and aliases, and is then used to read the start of the
// example plan, so that odd names (commas, aliases of divisions, look-alikes) reach the resolver.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "eduplan/reader.h"
#include "eduplan/units_directory.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduplan;
  const std::string_view csv(reinterpret_cast<const char*>(data), size);
  std::vector<Finding> findings;
  const UnitsDirectory directory = UnitsDirectory::parse(csv, findings);
  for (const Finding& f : findings)
    fuzz::require(!f.message.empty(), "a finding without a message");
  if (has_errors(findings)) return 0;

  for (const DirectoryEntry& entry : directory.entries()) {
    fuzz::require(directory.find(entry.name) == &entry, "an entry's name does not find it");
    for (const auto& alias : entry.aliases)
      fuzz::require(directory.find(alias) == &entry, "an entry's alias does not find it");
  }
  const auto& commas = directory.names_with_commas();
  fuzz::require(std::is_sorted(commas.begin(), commas.end(),
                               [](const auto& a, const auto& b) { return a.size() > b.size(); }),
                "names with commas not longest first");

  fuzz::check_plan(
      read_plan(fuzz::example_plan_start(), "bildungskonzept.md", {.directory = &directory}));
  return 0;
}
