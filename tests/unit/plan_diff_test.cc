// Plan versions compared (diff_plans) and reports carried over (plan_carry), on small documents.
#include <eduplan/keys.h>
#include <eduplan/model.h>
#include <eduplan/monitoring.h>
#include <eduplan/plan_diff.h>
#include <eduplan/reader.h>
#include <eduplan/status_carry.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "test_support.h"

namespace eduplan {
namespace {

constexpr const char* kHeader =
    "| genannte Handlungsschwerpunkte der Fachbereiche | befasster Verwaltungsbereich |\n|---|---|\n";

Plan plan(const std::string& name, const std::string& doc) {
  Plan p = read_plan(doc, name + ".md", {.plan_name = name});
  EXPECT_FALSE(has_errors(p.findings)) << doc;
  return p;
}

// Version A: two fields; version B below changes one thing of each kind.
const std::string kA = std::string("# Konzept\n\n## Handlungsfeld Lesen\n\n") + kHeader +
                       "| Leseförderung in Kitas ausbauen | Dezernat IV/ Stadtbibliothek |\n"
                       "| Vorlesepaten gewinnen und schulen | Dezernat IV/ Stadtbibliothek, Stadtarchiv |\n"
                       "| Lesesommer für Grundschulkinder | Dezernat V/ Jugendamt |\n"
                       "\n| | |\n|---|---|\n| Ableitungen: | Lesekompetenz stärken |\n"
                       "| | Angebote vernetzen |\n"
                       "\n## Handlungsfeld Sport\n\n" + kHeader +
                       "| Sportstätten sanieren | Dezernat IV/ Sportamt |\n";

const std::string kB = std::string("# Konzept\n\n## Handlungsfeld Lesen\n\n") + kHeader +
                       "| Vorlesepaten gewinnen und weiterbilden | Dezernat IV/ Stadtbibliothek<br>"
                       "Dezernat V/ Stadtarchiv, Jugendamt |\n"
                       "| Leseförderung in Kitas ausbauen | Dezernat IV/ Stadtbibliothek |\n"
                       "| Digitale Bibliothek für alle | Dezernat IV/ Stadtbibliothek |\n"
                       "\n| | |\n|---|---|\n| Ableitungen: | Lesekompetenz stärken |\n"
                       "| | Digitale Teilhabe sichern |\n"
                       "\n## Handlungsfeld Sport\n\n" + kHeader +
                       "| Sportstätten sanieren | Dezernat IV/ Sportamt |\n";

TEST(TextSimilarity, JaccardOverNormalisedWords) {
  EXPECT_DOUBLE_EQ(text_similarity("Vorlesepaten gewinnen und schulen",
                                   "Vorlesepaten gewinnen und weiterbilden"),
                   3.0 / 5.0);
  // Case, punctuation and repeated words do not count.
  EXPECT_DOUBLE_EQ(text_similarity("MINT-Cluster umsetzen!", "mint cluster  UMSETZEN umsetzen"), 1.0);
  EXPECT_DOUBLE_EQ(text_similarity("Förderung", "Forderung"), 0.0);
  EXPECT_DOUBLE_EQ(text_similarity("", " - "), 1.0);
  EXPECT_DOUBLE_EQ(text_similarity("a b", ""), 0.0);
}

TEST(PlanDiff, SamePlanIsEmpty) {
  const Plan a = plan("A", kA);
  EXPECT_TRUE(diff_plans(a, a).empty());
  EXPECT_EQ(to_json(diff_plans(a, a)),
            R"({"added":[],"removed":[],"reworded":[],"responsibilities":{"added":[],"removed":[]},)"
            R"("objectives":{"added":[],"removed":[]},"moved":[]})");
}

TEST(PlanDiff, EveryKindOfChange) {
  const Plan a = plan("A", kA), b = plan("B", kB);
  const PlanDiff d = diff_plans(a, b);
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].text, "Digitale Bibliothek für alle");
  EXPECT_EQ(d.added[0].field, "Lesen");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].text, "Lesesommer für Grundschulkinder");
  ASSERT_EQ(d.reworded.size(), 1u);
  EXPECT_EQ(d.reworded[0].from, "Vorlesepaten gewinnen und schulen");
  EXPECT_EQ(d.reworded[0].to, "Vorlesepaten gewinnen und weiterbilden");
  EXPECT_DOUBLE_EQ(d.reworded[0].similarity, 0.6);

  // Added: the reworded focus area's new unit (B's order), then the added focus area's unit.
  ASSERT_EQ(d.responsibilities_added.size(), 2u);
  EXPECT_EQ(d.responsibilities_added[0].focus_area, "Vorlesepaten gewinnen und weiterbilden");
  EXPECT_EQ(d.responsibilities_added[0].unit, "Jugendamt");
  EXPECT_EQ(d.responsibilities_added[1].focus_area, "Digitale Bibliothek für alle");
  EXPECT_EQ(d.responsibilities_added[1].unit, "Stadtbibliothek");
  ASSERT_EQ(d.responsibilities_removed.size(), 1u);  // the removed focus area's unit
  EXPECT_EQ(d.responsibilities_removed[0].focus_area, "Lesesommer für Grundschulkinder");
  EXPECT_EQ(d.responsibilities_removed[0].unit, "Jugendamt");

  ASSERT_EQ(d.moved.size(), 1u);
  EXPECT_EQ(d.moved[0].unit, "Stadtarchiv");
  EXPECT_EQ(d.moved[0].from, "Dezernat IV");
  EXPECT_EQ(d.moved[0].to, "Dezernat V");

  ASSERT_EQ(d.objectives_added.size(), 1u);
  EXPECT_EQ(d.objectives_added[0].text, "Digitale Teilhabe sichern");
  EXPECT_EQ(d.objectives_added[0].field, "Lesen");
  ASSERT_EQ(d.objectives_removed.size(), 1u);
  EXPECT_EQ(d.objectives_removed[0].text, "Angebote vernetzen");

  // The other way round, everything turns over.
  const PlanDiff back = diff_plans(b, a);
  ASSERT_EQ(back.added.size(), 1u);
  EXPECT_EQ(back.added[0].text, "Lesesommer für Grundschulkinder");
  ASSERT_EQ(back.reworded.size(), 1u);
  EXPECT_EQ(back.reworded[0].to, "Vorlesepaten gewinnen und schulen");
  EXPECT_EQ(back.responsibilities_removed.size(), 2u);
  EXPECT_EQ(back.objectives_added[0].text, "Angebote vernetzen");
}

TEST(PlanDiff, BelowThresholdIsAddedAndRemoved) {
  const std::string head = std::string("## Handlungsfeld Lesen\n\n") + kHeader;
  const Plan a = plan("A", head + "| Vorlesepaten gewinnen | Dezernat IV/ Stadtbibliothek |\n");
  // 1 of 3 words in common: 0.33 < 0.6.
  const Plan b = plan("B", head + "| Vorlesepaten ausbilden | Dezernat IV/ Stadtbibliothek |\n");
  const PlanDiff d = diff_plans(a, b);
  EXPECT_TRUE(d.reworded.empty());
  EXPECT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.removed.size(), 1u);
}

TEST(PlanDiff, GreedyBestFirstOneToOne) {
  const std::string head = std::string("## Handlungsfeld Lesen\n\n") + kHeader;
  const Plan a = plan("A", head +
                               "| Lesen in Kitas fördern und stärken | Dezernat IV/ Stadtbibliothek |\n"
                               "| Lesen in Kitas fördern | Dezernat IV/ Stadtbibliothek |\n");
  // The first new text resembles the first old one (5/7), but the second new one has the very
  // same words (1.0): best first, that pair is made, and the first new text gets the second old
  // one (4/6). Taken in document order instead, the first old text would go to the first new one.
  const Plan b = plan("B", head +
                               "| Lesen in Kitas fördern und begleiten | Dezernat IV/ Stadtbibliothek |\n"
                               "| Lesen in Kitas fördern und stärken! | Dezernat IV/ Stadtbibliothek |\n");
  const PlanDiff d = diff_plans(a, b);
  ASSERT_EQ(d.reworded.size(), 2u);  // in B's order
  EXPECT_EQ(d.reworded[0].from, "Lesen in Kitas fördern");
  EXPECT_EQ(d.reworded[0].to, "Lesen in Kitas fördern und begleiten");
  EXPECT_DOUBLE_EQ(d.reworded[0].similarity, 4.0 / 6.0);
  EXPECT_EQ(d.reworded[1].from, "Lesen in Kitas fördern und stärken");
  EXPECT_EQ(d.reworded[1].to, "Lesen in Kitas fördern und stärken!");
  EXPECT_DOUBLE_EQ(d.reworded[1].similarity, 1.0);
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
}

// A field where every old text resembles every new one (6/9) and each its own partner
// best (7/8): all pairs are candidates, yet each finds its own, in bounded memory and time.
TEST(PlanDiff, LargeFieldOfSimilarTexts) {
  constexpr std::size_t kRows = 3000;
  const auto make = [](const std::string& name, const std::string& suffix) {
    Plan p;
    p.name = name;
    Field f{"Lesen", make_key("fld", "Lesen"), 1, {}, {}};
    for (std::size_t i = 0; i < kRows; ++i) {
      const std::string text =
          "Massnahme gemeinsame Woerter alpha beta gamma n" + std::to_string(i) + suffix;
      f.focus_areas.push_back({text, make_key("fa", f.key, text), 0, {}, {}});
    }
    p.fields.push_back(std::move(f));
    return p;
  };
  const Plan a = make("A", ""), b = make("B", " neu");
  const PlanDiff d = diff_plans(a, b);
  ASSERT_EQ(d.reworded.size(), kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    ASSERT_EQ(d.reworded[i].from, a.fields[0].focus_areas[i].text);
    ASSERT_DOUBLE_EQ(d.reworded[i].similarity, 7.0 / 8.0);
  }
  EXPECT_TRUE(d.added.empty());
  EXPECT_TRUE(d.removed.empty());
}

// The bounded matching gives exactly the pairs of the plain greedy algorithm: every candidate
// pair sorted by similarity (ties: earlier in A, then in B), taken if both are free.
TEST(PlanDiff, MatchingEqualsPlainGreedy) {
  const char* vocabulary[] = {"lesen", "kitas", "schulen", "fördern", "ausbauen", "und", "mint", "digital"};
  std::uint64_t seed = 12345;
  const auto next = [&seed](std::uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((seed >> 33) % n);
  };
  const auto make = [&](const std::string& name, std::size_t rows) {
    Plan p;
    p.name = name;
    Field f{"Lesen", make_key("fld", "Lesen"), 1, {}, {}};
    for (std::size_t i = 0; i < rows; ++i) {
      std::string text;
      for (std::size_t w = 0, n = 1 + next(5); w < n; ++w)
        text += (w ? " " : "") + std::string(vocabulary[next(8)]);
      const std::string key = make_key("fa", f.key, text);
      if (std::any_of(f.focus_areas.begin(), f.focus_areas.end(),
                      [&](const FocusArea& x) { return x.key == key; }))
        continue;  // keys are unique in a plan
      f.focus_areas.push_back({text, key, 0, {}, {}});
    }
    p.fields.push_back(std::move(f));
    return p;
  };
  for (int round = 0; round < 200; ++round) {
    const Plan a = make("A", 1 + next(40)), b = make("B", 1 + next(40));
    const auto& fa = a.fields[0].focus_areas;
    const auto& fb = b.fields[0].focus_areas;
    std::vector<int> b_of_a(fa.size(), -1), a_of_b(fb.size(), -1);
    for (std::size_t j = 0; j < fb.size(); ++j)
      for (std::size_t i = 0; i < fa.size(); ++i)
        if (fa[i].key == fb[j].key) b_of_a[i] = static_cast<int>(j), a_of_b[j] = static_cast<int>(i);
    struct C {
      double s;
      std::size_t i, j;
    };
    std::vector<C> all;
    for (std::size_t i = 0; i < fa.size(); ++i)
      for (std::size_t j = 0; j < fb.size(); ++j)
        if (b_of_a[i] < 0 && a_of_b[j] < 0) {
          const double s = text_similarity(fa[i].text, fb[j].text);
          if (s >= kRewordThreshold) all.push_back({s, i, j});
        }
    std::stable_sort(all.begin(), all.end(), [](const C& x, const C& y) { return x.s > y.s; });
    std::vector<std::pair<std::string, std::string>> expected;
    for (const auto& c : all)
      if (b_of_a[c.i] < 0 && a_of_b[c.j] < 0) b_of_a[c.i] = static_cast<int>(c.j), a_of_b[c.j] = static_cast<int>(c.i);
    for (std::size_t j = 0; j < fb.size(); ++j)
      if (a_of_b[j] >= 0 && fa[static_cast<std::size_t>(a_of_b[j])].key != fb[j].key)
        expected.emplace_back(fa[static_cast<std::size_t>(a_of_b[j])].text, fb[j].text);
    std::vector<std::pair<std::string, std::string>> got;
    for (const auto& r : diff_plans(a, b).reworded) got.emplace_back(r.from, r.to);
    ASSERT_EQ(got, expected) << "round " << round;
  }
}

TEST(PlanDiff, OnlyWithinTheSameField) {
  const Plan a = plan("A", std::string("## Handlungsfeld Lesen\n\n") + kHeader +
                               "| Vorlesepaten gewinnen und schulen | Dezernat IV/ Stadtbibliothek |\n");
  const Plan b = plan("B", std::string("## Handlungsfeld Sprache\n\n") + kHeader +
                               "| Vorlesepaten gewinnen und schulen | Dezernat IV/ Stadtbibliothek |\n");
  const PlanDiff d = diff_plans(a, b);
  EXPECT_TRUE(d.reworded.empty());
  ASSERT_EQ(d.added.size(), 1u);
  EXPECT_EQ(d.added[0].field, "Sprache");
  ASSERT_EQ(d.removed.size(), 1u);
  EXPECT_EQ(d.removed[0].field, "Lesen");
  EXPECT_EQ(d.responsibilities_added.size(), 1u);
  EXPECT_EQ(d.responsibilities_removed.size(), 1u);
}

TEST(PlanDiff, SameKeyOtherSpellingIsReworded) {
  const std::string head = std::string("## Handlungsfeld Lesen\n\n") + kHeader;
  const Plan a = plan("A", head + "| Vorlesepaten gewinnen | Dezernat IV/ Stadtbibliothek |\n");
  const Plan b = plan("B", head + "| vorlesepaten  Gewinnen | Dezernat IV/ Stadtbibliothek |\n");
  ASSERT_EQ(a.fields[0].focus_areas[0].key, b.fields[0].focus_areas[0].key);
  const PlanDiff d = diff_plans(a, b);
  ASSERT_EQ(d.reworded.size(), 1u);
  EXPECT_EQ(d.reworded[0].from_key, d.reworded[0].to_key);
  EXPECT_TRUE(d.responsibilities_added.empty());
}

StatusReport report(const std::string& key, const std::string& period, const std::string& status,
                    std::optional<int> progress, std::int64_t sequence) {
  return {key, period, status, progress, "Notiz", "f.xlsx:Rückmeldung!D4", "", sequence};
}

TEST(PlanCarry, CarriesSameAndRewordedListsTheRest) {
  const Plan a = plan("A", kA), b = plan("B", kB);
  const auto& lesen = a.fields[0];
  const auto key = [&](const FocusArea& area, std::size_t r) {
    return responsibility_key(area, a.units[area.responsibilities[r].unit]);
  };
  const std::string same = key(lesen.focus_areas[0], 0);      // Kitas / Stadtbibliothek
  const std::string reworded = key(lesen.focus_areas[1], 0);  // Vorlesepaten / Stadtbibliothek
  const std::string moved = key(lesen.focus_areas[1], 1);     // Vorlesepaten / Stadtarchiv
  const std::string removed = key(lesen.focus_areas[2], 0);   // Lesesommer / Jugendamt
  const std::vector<StatusReport> history{
      report(same, "2026-H1", "begonnen", 10, 1), report(same, "2026-H1", "umgesetzt", 100, 2),
      report(same, "2025-H2", "geplant", 0, 7),
      report(reworded, "2026-H1", "geplant", std::nullopt, 3),
      report(moved, "2026-H1", "begonnen", 50, 4), report(removed, "2026-H1", "verzögert", 5, 5),
      report("fa-0000000000000000/ou-0000000000000000", "2026-H1", "geplant", 0, 6)};
  const PlanDiff d = diff_plans(a, b);
  const CarryResult r = plan_carry(a, b, d, history, {});
  // The unit Stadtarchiv moved division but stays responsible: its key is the unit's, so it carries.
  // The latest of each period carries (the earlier period is not superseded by the later one).
  ASSERT_EQ(r.carried.size(), 4u);
  EXPECT_EQ(r.to_reworded, 2u);
  EXPECT_EQ(r.carried[0].key, same);
  EXPECT_EQ(r.carried[0].period, "2025-H2");
  EXPECT_EQ(r.carried[0].status, "geplant");
  EXPECT_EQ(r.carried[1].key, same);
  EXPECT_EQ(r.carried[1].period, "2026-H1");
  EXPECT_EQ(r.carried[1].status, "umgesetzt");  // the latest of 2026-H1
  EXPECT_EQ(r.carried[1].progress, 100);
  EXPECT_EQ(r.carried[1].note, "Notiz");
  EXPECT_EQ(r.carried[1].source, "übernommen aus A (" + same + ")");
  const auto& new_area = b.fields[0].focus_areas[0];
  EXPECT_EQ(r.carried[2].key, responsibility_key(new_area, b.units[new_area.responsibilities[0].unit]));
  EXPECT_EQ(r.carried[2].progress, std::nullopt);
  EXPECT_EQ(r.carried[3].key, responsibility_key(new_area, b.units[new_area.responsibilities[1].unit]));
  ASSERT_EQ(r.left_behind.size(), 2u);
  EXPECT_EQ(r.left_behind[0].why, CarryGap::focus_area_removed);
  EXPECT_EQ(r.left_behind[0].focus_area, "Lesesommer für Grundschulkinder");
  EXPECT_EQ(r.left_behind[0].unit, "Jugendamt");
  EXPECT_EQ(r.left_behind[1].why, CarryGap::not_in_plan);

  // Carried before: nothing again.
  const CarryResult again = plan_carry(a, b, d, history, r.carried);
  EXPECT_TRUE(again.carried.empty());
  EXPECT_EQ(again.already_carried, 4u);
}

TEST(PlanCarry, NewVersionsOwnReportWinsAndLaterReportsOfTheOldOneCarry) {
  const std::string head = std::string("## Handlungsfeld Lesen\n\n") + kHeader;
  const Plan a = plan("A", head + "| Vorlesepaten gewinnen | Dezernat IV/ Stadtbibliothek, Stadtarchiv |\n");
  const Plan b = plan("B", head + "| Vorlesepaten gewinnen | Dezernat IV/ Stadtbibliothek, Stadtarchiv |\n");
  const auto& area = a.fields[0].focus_areas[0];
  const std::string library = responsibility_key(area, a.units[area.responsibilities[0].unit]);
  const std::string archive = responsibility_key(area, a.units[area.responsibilities[1].unit]);
  const PlanDiff d = diff_plans(a, b);
  std::vector<StatusReport> history_a{report(library, "2026-H1", "begonnen", 10, 1),
                                      report(archive, "2026-H1", "begonnen", 20, 2)};
  // B has its own, newer report for the archive: the old one must not be stacked on top.
  std::vector<StatusReport> history_b{report(archive, "2026-H1", "umgesetzt", 100, 1)};
  CarryResult r = plan_carry(a, b, d, history_a, history_b);
  ASSERT_EQ(r.carried.size(), 1u);
  EXPECT_EQ(r.carried[0].key, library);
  ASSERT_EQ(r.left_behind.size(), 1u);
  EXPECT_EQ(r.left_behind[0].why, CarryGap::reported_in_new_version);
  EXPECT_EQ(r.left_behind[0].unit, "Stadtarchiv");

  // The carry is stored; A then gets a later report for the library: that one carries too.
  r.carried[0].sequence = 2;
  history_b.push_back(r.carried[0]);
  history_a.push_back(report(library, "2026-H1", "umgesetzt", 100, 3));
  const CarryResult later = plan_carry(a, b, d, history_a, history_b);
  ASSERT_EQ(later.carried.size(), 1u);
  EXPECT_EQ(later.carried[0].status, "umgesetzt");
  EXPECT_EQ(later.already_carried, 0u);
  history_b.push_back(later.carried[0]);
  history_b.back().sequence = 3;
  EXPECT_TRUE(plan_carry(a, b, d, history_a, history_b).carried.empty());
}

TEST(PlanCarry, UnitNoLongerResponsible) {
  const std::string head = std::string("## Handlungsfeld Lesen\n\n") + kHeader;
  const Plan a = plan("A", head + "| Vorlesepaten gewinnen | Dezernat IV/ Stadtbibliothek, Stadtarchiv |\n");
  const Plan b = plan("B", head + "| Vorlesepaten gewinnen | Dezernat IV/ Stadtbibliothek |\n");
  const auto& area = a.fields[0].focus_areas[0];
  const std::string archive = responsibility_key(area, a.units[area.responsibilities[1].unit]);
  const CarryResult r =
      plan_carry(a, b, diff_plans(a, b), {report(archive, "2026-H1", "geplant", 0, 1)}, {});
  EXPECT_TRUE(r.carried.empty());
  ASSERT_EQ(r.left_behind.size(), 1u);
  EXPECT_EQ(r.left_behind[0].why, CarryGap::unit_not_responsible);
  EXPECT_EQ(r.left_behind[0].unit, "Stadtarchiv");
}

}  // namespace
}  // namespace eduplan
