#include "resolve/name_split.h"

#include <eduplan/keys.h>
#include <eduplan/reader.h>
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "model/division_names.h"
#include "test_support.h"

namespace eduplan {
namespace {

struct Known {
  std::set<std::string> keys;
  KnownKeys filter;
  explicit Known(const std::vector<std::string>& names) {
    for (const auto& n : names) {
      keys.insert(normalize_for_key(n));
      filter.add(normalize_for_key(n));
    }
  }
  bool operator()(std::string_view s) const { return keys.count(normalize_for_key(s)) > 0; }
};

std::string describe(const std::optional<NameSplit>& s) {
  if (!s) return "none";
  return "[" + std::string(s->left) + "|" + std::string(s->right) + "|" +
         (s->joined ? "joined" : "und") + "]";
}

std::optional<NameSplit> fast(std::string_view name, const Known& known) {
  return split_known_pair(name, normalize_for_key(name), known.filter,
                          [&](std::string_view s) { return known(s); });
}

TEST(NameSplit, CompoundsAndLostLineBreaks) {
  const Known known({"Jugendamt", "Sozialamt", "Stabsstelle Bildung und Wissenschaft",
                     "Kulturhistorisches Museum", "Museum für Naturkunde"});
  EXPECT_EQ(describe(fast("Kulturhistorisches Museum und Museum für Naturkunde", known)),
            "[Kulturhistorisches Museum|Museum für Naturkunde|und]");
  EXPECT_EQ(describe(fast("Jugendamt und Stabsstelle Bildung und Wissenschaft", known)),
            "[Jugendamt|Stabsstelle Bildung und Wissenschaft|und]");
  EXPECT_EQ(describe(fast("Jugendamt Stabsstelle Bildung und Wissenschaft", known)),
            "[Jugendamt|Stabsstelle Bildung und Wissenschaft|joined]");
  EXPECT_EQ(describe(fast("JugendamtSozialamt", known)), "[Jugendamt|Sozialamt|joined]");
  EXPECT_EQ(describe(fast("Sozial- und Wohnungsamt", known)), "none");
  EXPECT_EQ(describe(fast("JUGENDAMT und sozialamt", known)), "[JUGENDAMT|sozialamt|und]");
  // Long names go the fast way (the direct one is not taken for names over 4 KiB).
  std::string long_name;
  for (int i = 0; i < 2000; ++i) long_name += "„Amt“ – Nord / Süd ";
  long_name += "Ende";
  const Known long_known({long_name, "Sozialamt"});
  EXPECT_TRUE(describe(fast(long_name + " und Sozialamt", long_known)) ==
              "[" + long_name + "|Sozialamt|und]");
  EXPECT_TRUE(describe(fast("Sozialamt " + long_name, long_known)) ==
              "[Sozialamt|" + long_name + "|joined]");
  EXPECT_TRUE(describe(fast("Sozialamt" + long_name, long_known)) == "none");  // „ is no capital
}

// The fast way gives the direct way's answer, on names made of words that normalise in
// every way normalize_for_key knows: case, typographic dashes and quotes, slashes with and
// without spaces, invisible and non-breaking characters, the Kelvin sign, glued capitals.
TEST(NameSplit, SameAnswerAsTheDirectWay) {
  const std::vector<std::string> words = {
      "Amt",    "A",       "B", "und", "Und", "Jugendamt", "Sozialamt", "Bildung", "/",
      "-",      "Ä",       "ä", "ß",   "ẞ",   "–",         "„x“",       "\u212A",  "\u200B",
      "\u00A0", "e\u0301", "é", "AB",  "Ab",  "amt",       "Amt/",      "/Amt",    "’s"};
  const std::vector<std::string> gaps = {" ", " ", " ", "", "  ", "/ ", " /", " / ", "\t"};
  std::mt19937 random(20240611);
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  auto phrase = [&](std::size_t most) {
    std::string s = pick(words);
    const std::size_t n = std::uniform_int_distribution<std::size_t>(0, most)(random);
    for (std::size_t i = 0; i < n; ++i) s += pick(gaps) + pick(words);
    return s;
  };
  int splits = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> names;
    for (int i = 0; i < 12; ++i) names.push_back(phrase(2));
    const Known known(names);
    for (int i = 0; i < 60; ++i) {
      // Often two known names with a separator between them, else anything.
      std::string name =
          i % 2 ? pick(names) + pick({" und ", " ", "", "  und  "}) + pick(names) : phrase(6);
      const auto direct = split_known_pair_directly(name, known);
      splits += direct.has_value();
      ASSERT_EQ(describe(fast(name, known)), describe(direct)) << "name: " << name;
    }
  }
  EXPECT_GT(splits, 1000);  // the comparison covered many real splits
}

// Reading is linear in the number of " und " and spaces in a cell: these cells took minutes
// (quadratic or worse) and now take well under a second each. No time is asserted; CTest's
// timeout catches a return of the quadratic way.
TEST(NameSplit, LongCellsAreReadInLinearTime) {
  const std::string head =
      "## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n"
      "| S | Dezernat V/ Jugendamt, Amt A |\n";
  const std::vector<std::pair<std::string, std::string>> cells = {{"Jugendamt", " und Jugendamt"},
                                                                  {"Amt A", " und Amt A"},
                                                                  {"Amt", " A"},
                                                                  {"Amt", "Ab"},
                                                                  {"Amt A", "/ Amt A"},
                                                                  {"x", " und"}};
  for (const auto& [first, repeated] : cells) {
    std::string cell = first;
    for (int i = 0; i < 64000; ++i) cell += repeated;
    const Plan plan = read_plan(head + "| T | Dezernat V/ " + cell + " |\n", "t.md");
    ASSERT_FALSE(has_errors(plan.findings)) << repeated;
    ASSERT_EQ(plan.fields.at(0).focus_areas.size(), 2u) << repeated;
  }
}

}  // namespace
}  // namespace eduplan

namespace eduplan {
namespace {

TEST(DivisionNames, OnlyWellFormedRomanNumeralsAreNumbers) {
  EXPECT_EQ(division_spelling("Dezernat iv"), "Dezernat IV");
  EXPECT_EQ(division_spelling("Dez. 8"), "Dezernat VIII");
  EXPECT_EQ(division_spelling("Dezernat XIX"), "Dezernat XIX");
  EXPECT_EQ(division_spelling("Dezernat VIII"), "Dezernat VIII");
  // Not normalised into another number: "IIX" is not VIII, "IIIXX" not XVII, "VV" not X.
  EXPECT_EQ(division_spelling("Dezernat IIX"), std::nullopt);
  EXPECT_EQ(division_spelling("Dezernat IIIXX"), std::nullopt);
  EXPECT_EQ(division_spelling("Dezernat VV"), std::nullopt);
  EXPECT_EQ(division_spelling("Dezernat IIII"), std::nullopt);
}

}  // namespace
}  // namespace eduplan
