// Two versions of a plan compared (Fortschreibung): focus areas added, removed and reworded,
// responsibilities added and removed, units moved between divisions, objectives added and
// removed per field.
//
// How elements are matched (docs/monitoring.md, "Comparing plan versions"):
// - Fields by key (their normalised title). A field whose key is in only one version counts
//   with all its focus areas and objectives as added or removed.
// - Focus areas of a matched field pair first by key (field key + normalised text, so the same
//   text in the same field is the same focus area in every version). The focus areas left over
//   on both sides are then paired by text_similarity() within the same field: every pair with a
//   similarity of at least kRewordThreshold is a candidate; candidates are taken greedily, the
//   most similar first (ties: earlier in A, then earlier in B), each focus area at most once.
//   A pair matched by similarity — or by key with a text that differs in case or spacing
//   only — is "reworded". What is still left over is added (in B) or removed (in A).
// - Responsibilities are the pairs (focus area, unit), units compared by key. For a matched
//   focus area its units in B but not in A are added, those in A but not in B removed; the units
//   of an added focus area are all added, those of a removed one all removed.
// - A unit (not a division) in both versions whose division (by key) differs has moved.
// - Objectives per field by key: in B's field but not A's added, the other way removed.
//
// Order: every list follows document order — of B for added, reworded and moved, of A for
// removed (fields, then focus areas, then units as the document lists them).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/export.h"
#include "eduplan/model.h"

namespace eduplan {

// The least text_similarity() at which two leftover focus areas count as one, reworded.
inline constexpr double kRewordThreshold = 0.6;

// Token-set Jaccard similarity of two texts, 0..1: the texts are normalised as keys see them
// (normalize_for_key: case, spaces, quotes, dashes), split into words at every character that is
// not a letter or digit (any non-ASCII character counts as a letter), and the number of distinct
// words both have is divided by the number of distinct words either has. Two texts without any
// word are equal (1) to each other.
EDUPLAN_EXPORT double text_similarity(std::string_view a, std::string_view b);

struct DiffFocusArea {
  std::string field;  // the field's title
  std::string text;
  std::string key;
};

struct DiffReworded {
  std::string field;  // the field's title in B
  std::string from, to;
  std::string from_key, to_key;
  double similarity = 1;  // text_similarity(from, to)
};

struct DiffResponsibility {
  std::string field;
  std::string focus_area;  // its text (in B for added, in A for removed)
  std::string unit;        // the unit's (or whole division's) name
  std::string focus_area_key, unit_key;
};

struct DiffMovedUnit {
  std::string unit;
  std::string from, to;  // division names; empty where the unit has no division
  std::string key;
};

struct DiffObjective {
  std::string field;
  std::string text;
  std::string key;
};

struct PlanDiff {
  std::vector<DiffFocusArea> added, removed;
  std::vector<DiffReworded> reworded;
  std::vector<DiffResponsibility> responsibilities_added, responsibilities_removed;
  std::vector<DiffMovedUnit> moved;
  std::vector<DiffObjective> objectives_added, objectives_removed;

  bool empty() const {
    return added.empty() && removed.empty() && reworded.empty() &&
           responsibilities_added.empty() && responsibilities_removed.empty() && moved.empty() &&
           objectives_added.empty() && objectives_removed.empty();
  }
};

// What changed from `a` to `b` (see above). Deterministic; diff_plans(p, p) is empty.
EDUPLAN_EXPORT PlanDiff diff_plans(const Plan& a, const Plan& b);

// The key of each focus area of `a` in `b`: the same key where it is matched by key, B's key
// where it was reworded; focus areas of `a` that were removed are missing. (What status
// carrying over needs: `eduplan status carry`.)
EDUPLAN_EXPORT std::map<std::string, std::string> focus_area_key_map(
    const Plan& a, const PlanDiff& diff);

// The JSON object of `eduplan diff --format json`: keys added, removed, reworded (lists of
// {field, text}; reworded {field, from, to}), responsibilities {added, removed: lists of
// {field, focus_area, unit}}, objectives {added, removed: lists of {field, text}} and moved
// (a list of {unit, from, to}).
EDUPLAN_EXPORT std::string to_json(const PlanDiff& diff);

}  // namespace eduplan
