#include "synthetic.h"

#include <array>
#include <random>
#include <vector>

namespace eduplan::bench {
namespace {

constexpr std::array<const char*, 7> kDivisions = {
    "BOB", "Dezernat I", "Dezernat II", "Dezernat III", "Dezernat IV", "Dezernat V", "Dezernat VI"};
constexpr std::array<const char*, 8> kKinds = {"Fachbereich", "Amt für",        "Stabsstelle",
                                               "Museum für",  "Koordination",   "Eigenbetrieb",
                                               "Büro für",    "Stadtbibliothek"};
constexpr std::array<const char*, 12> kTopics = {
    "Schule",      "Kultur",   "Jugend",    "Sport",      "Soziales", "Umwelt",
    "Integration", "Senioren", "Statistik", "Gesundheit", "Bildung",  "Digitales"};
constexpr std::array<const char*, 10> kFields = {"Frühkindliche Bildung",
                                                 "Schule",
                                                 "MINT",
                                                 "Digitalisierung/ Medien",
                                                 "Demokratiebildung",
                                                 "Teilhabe",
                                                 "Kulturelle Bildung",
                                                 "lebenslanges Lernen",
                                                 "Übergänge",
                                                 "Bildungsmonitoring"};

std::string unit_name(std::size_t division, std::size_t i) {
  std::string name =
      std::string(kKinds[i % kKinds.size()]) + " " + kTopics[(i / kKinds.size()) % kTopics.size()];
  return name + " " + std::to_string(division + 1) + "." + std::to_string(i);
}

// A variant spelling that the directory lists as an alias, and the near-duplicate rule would catch.
std::string variant(const std::string& name) { return "Stadt" + name; }

}  // namespace

std::string synthetic_directory(const SyntheticOptions& o) {
  std::string csv = "unit,division,aliases\n";
  for (const char* d : kDivisions) csv += std::string(d) + ",,\n";
  for (std::size_t d = 0; d < kDivisions.size(); ++d) {
    for (std::size_t i = 0; i < o.units_per_division; ++i) {
      std::string name = unit_name(d, i);
      csv += name + "," + kDivisions[d] + "," + variant(name) + "\n";
    }
    csv += "\"Amt für Statistik, Wahlen, Digitalisierung " + std::to_string(d + 1) + "\"," +
           kDivisions[d] + ",\n";
  }
  return csv;
}

std::string synthetic_document(const SyntheticOptions& o) {
  std::mt19937_64 rng(o.seed);
  auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  auto chance = [&](int percent) { return pick(100) < static_cast<std::size_t>(percent); };

  std::string doc =
      "# " + o.title + "\n\nEinleitung mit Fließtext, der nicht zur Struktur gehört.\n\n";
  std::size_t mentions = 0;
  std::size_t field_count = std::min<std::size_t>(kFields.size(), 3 + o.responsibilities / 40);
  std::size_t per_field = o.responsibilities / field_count;
  std::vector<std::string> shared_objectives = {"Vernetzung und Kommunikation ausbauen",
                                                "Bildungsangebote regelmäßig evaluieren"};
  for (std::size_t f = 0; f < field_count; ++f) {
    std::size_t target = (f + 1 == field_count) ? o.responsibilities : mentions + per_field;
    doc += (f % 2 ? "## **Handlungsfeld " : "## *Handlungsfeld ") + std::string(kFields[f]) +
           (f % 2 ? "**\n\n" : "*\n\n");
    doc +=
        "| <b>genannte Handlungsschwerpunkte der Fachbereiche</b> | <b>befasster "
        "Verwaltungsbereich</b> |\n|--|---|\n";
    for (std::size_t row = 0; mentions < target; ++row) {
      doc += "| Schwerpunkt " + std::to_string(f + 1) + "." + std::to_string(row + 1) +
             " mit \"Anführungszeichen\"" + (chance(20) ? "/<br>und Zeilenumbruch" : "") + " | ";
      std::size_t groups = 1 + pick(3);
      for (std::size_t g = 0; g < groups; ++g) {
        std::size_t d = pick(kDivisions.size());
        if (g) doc += "<br>";
        if (chance(3)) {  // a division responsible as a whole
          doc += kDivisions[d];
          ++mentions;
          continue;
        }
        std::string list;
        std::size_t n = 1 + pick(4);
        for (std::size_t k = 0; k < n; ++k) {
          std::string name = unit_name(d, pick(o.units_per_division));
          if (chance(5)) name = variant(name);
          if (chance(2))
            name = "Amt für Statistik, Wahlen, Digitalisierung " + std::to_string(d + 1);
          if (k + 1 < n && chance(4)) {  // a compound of two known units
            name += " und " + unit_name(d, pick(o.units_per_division));
            ++mentions;
          }
          list += (k ? (k == n - 1 && chance(10) ? ",<br>" : ", ") : "") + name;
          ++mentions;
        }
        if (chance(2)) {  // a unit without its division, known from elsewhere
          doc += unit_name(d, pick(o.units_per_division));
          ++mentions;
        } else {
          doc += std::string(kDivisions[d]) + (chance(10) ? "/" : "/ ") + list;
        }
      }
      doc += " |\n";
    }
    doc += "\n|                     |   |\n|---------------------|---|\n";
    doc += "| <b>Ableitungen:</b> | " + shared_objectives[f % 2] + " |\n";
    for (std::size_t k = 0; k < 2; ++k) {
      doc += "|  | Ableitung " + std::to_string(f + 1) + "." + std::to_string(k + 1) +
             " für<br>das Handlungsfeld |\n";
    }
    doc += "\n";
  }
  return doc;
}

}  // namespace eduplan::bench
