#include "resolve/division_separator.h"

#include <eduplan/reader.h>
#include <gtest/gtest.h>

#include "model/division_names.h"
#include "test_support.h"

namespace eduplan {
namespace {

const IsDivision kByForm = [](std::string_view s) { return looks_like_division(s); };

std::string reread(std::string_view text, const IsDivision& is_division = kByForm) {
  RawUnitEntry e = make_unit_entry(text, 1);
  const DivisionSeparator kind = reread_division_separator(e, is_division);
  const std::string parts = std::string(e.prefix()) + "|" + std::string(e.list());
  if (kind == DivisionSeparator::none) return e.has_slash ? "slash:" + parts : "none";
  return parts;
}

TEST(DivisionSeparator, DashColonAndParenthesesSetOffADivision) {
  EXPECT_EQ(reread("Dezernat IV – Bibliothek, Stadtarchiv"), "Dezernat IV|Bibliothek, Stadtarchiv");
  EXPECT_EQ(reread("Dezernat IV — Bibliothek"), "Dezernat IV|Bibliothek");
  EXPECT_EQ(reread("Dezernat 4 - Bibliothek"), "Dezernat 4|Bibliothek");
  EXPECT_EQ(reread("BOB: Stabsstelle Bildung und Wissenschaft"), "BOB|Stabsstelle Bildung und Wissenschaft");
  EXPECT_EQ(reread("Bibliothek, Stadtarchiv (Dezernat IV)"), "Dezernat IV|Bibliothek, Stadtarchiv");
}

TEST(DivisionSeparator, OnlyWhatIsADivisionIsSetOff) {
  // A hyphen inside a name, a dash or a colon after a unit, parentheses around a unit: unchanged.
  EXPECT_EQ(reread("Sozial- und Wohnungsamt"), "none");
  EXPECT_EQ(reread("Amt für Statistik - Wahlen"), "none");
  EXPECT_EQ(reread("Jugendamt: Jugendhilfeplanung"), "none");
  EXPECT_EQ(reread("Museum (Naturkunde)"), "none");
  EXPECT_EQ(reread("Dezernat IV –"), "none");
  EXPECT_EQ(reread("Dezernat IV"), "none");
  // An entry with '/' is read at the '/' as always.
  EXPECT_EQ(reread("Dezernat IV/ Bibliothek – Zweigstelle"), "slash:Dezernat IV|Bibliothek – Zweigstelle");
}

TEST(DivisionSeparator, TheDirectorysDivisionsCount) {
  const IsDivision directory = [](std::string_view s) { return s == "Ordnungsverwaltung"; };
  EXPECT_EQ(reread("Ordnungsverwaltung – Bürgeramt", directory), "Ordnungsverwaltung|Bürgeramt");
  EXPECT_EQ(reread("Bürgeramt (Ordnungsverwaltung)", directory), "Ordnungsverwaltung|Bürgeramt");
}

TEST(DivisionSeparator, ReadsLikeTheSlashAndSaysSoOnce) {
  const std::string doc =
      "## Handlungsfeld Bildung\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
      "| A | Dezernat IV – Bibliothek |\n| B | Stadtarchiv (Dezernat IV) |\n| C | Dezernat IV – Stadtarchiv |\n\n"
      "Ableitungen:\n\n- X\n";
  const std::string slash =
      "## Handlungsfeld Bildung\n\n| Handlungsschwerpunkt | befasster Verwaltungsbereich |\n|---|---|\n"
      "| A | Dezernat IV/ Bibliothek |\n| B | Dezernat IV/ Stadtarchiv |\n| C | Dezernat IV/ Stadtarchiv |\n\n"
      "Ableitungen:\n\n- X\n";
  const Plan a = read_plan(doc, "a.md", {});
  const Plan b = read_plan(slash, "b.md", {});
  EXPECT_EQ(a.units, b.units);
  EXPECT_EQ(a.fields.size(), b.fields.size());
  int said = 0;
  for (const auto& f : a.findings) said += f.rule == "division-separator";
  EXPECT_EQ(said, 2);  // one for the dashes, one for the parentheses
}

}  // namespace
}  // namespace eduplan
