// Reads a plan with the installed library and answers two questions a council information
// system would ask. Exits non-zero (with a message) if an answer is wrong.
//   consumer PLAN.md UNITS.csv
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/version.h>

#include <iostream>
#include <set>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  std::vector<eduplan::Finding> problems;
  const auto directory = eduplan::UnitsDirectory::load(argv[2], problems);
  const eduplan::Plan plan = eduplan::read_plan_file(argv[1], {&directory, "Konzept"});
  auto storage = eduplan::make_memory_storage();
  storage->save_plan(plan);
  const auto stored = storage->load_plan("Konzept");

  // Units of Dezernat V.
  std::set<std::string> units;
  for (const auto& u : stored->units) {
    if (u.parent && stored->units[*u.parent].name == "Dezernat V") units.insert(u.name);
  }
  // Focus areas of the Stadtarchiv.
  std::size_t archive = 0;
  for (const auto& field : stored->fields) {
    for (const auto& fa : field.focus_areas) {
      for (const auto& r : fa.responsibilities)
        archive += stored->units[r.unit].name == "Stadtarchiv";
    }
  }
  std::cout << "eduplan " << EDUPLAN_VERSION_STRING << ": " << units.size()
            << " units in Dezernat V, Stadtarchiv in " << archive << " focus areas\n";
  const bool ok = units.size() == 8 && units.count("Jugendamt") &&
                  units.count("Beteiligungskoordination") && archive == 7;
  return ok ? 0 : 1;
}
