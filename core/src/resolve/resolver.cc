#include "resolve/resolver.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "eduplan/keys.h"
#include "model/division_names.h"
#include "model/rule_catalog.h"
#include "resolve/directory_lookup.h"
#include "resolve/division_separator.h"
#include "resolve/name_pool.h"
#include "resolve/name_split.h"
#include "util/similar_names.h"
#include "util/text.h"

namespace eduplan {

namespace {

// One name in a unit column, as written, with the division written in front of it.
struct Mention {
  NameId written = kNoName;
  NameId stated_division = kNoName;  // canonical division; kNoName if none was written
  NameId split_from = kNoName;       // the compound "A und B" this came from
  bool is_division = false;
  int line = 0;
};

// An objective's text without the stop that ends a list item or sentence ("…evaluieren." and
// "…evaluieren;" are "…evaluieren"), nor the spaces before it.
std::string_view without_final_stop(std::string_view text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ';' || text.back() == ' '))
    text.remove_suffix(1);
  return text;
}

// Lazily computed facts about one interned spelling.
struct NameFacts {
  bool known = false;
  const DirectoryEntry* entry = nullptr;  // the directory's entry for it
  std::string key;                        // normalize_for_key
};

class Resolver {
 private:
  static constexpr std::size_t kNoSlot = SIZE_MAX;

  // One unit of the plan (not a division), before it gets its place in Plan::units.
  struct Slot {
    NameId name = kNoName;  // canonical spelling
    NameId directory_division = kNoName;
    std::vector<std::pair<NameId, int>>
        votes;                   // divisions the document states, in order, with counts
    std::size_t unit = kNoSlot;  // index in Plan::units once created
  };

 public:
  Resolver(const UnitsDirectory* dir, std::vector<Finding>& findings, const FieldBuilt& field_built)
      : dir_(dir), findings_(findings), field_built_(field_built) {}
  Resolver(const Resolver&) = delete;

  Plan run(RawDocument& doc) {
    reread_division_separators(doc);
    for (const auto& field : doc.fields) {
      for (const auto& fa : field.focus_areas) {
        for (const auto& e : fa.entries) {
          if (e.has_slash) written_prefixes_.insert(normalize_for_key(e.prefix()));
        }
      }
    }
    for (auto& field : doc.fields) {
      for (auto& fa : field.focus_areas) split_lost_breaks(fa.entries);
    }
    collect_divisions(doc);
    // Pass 1: every mention, in document order, so that later decisions can use the whole document.
    std::vector<std::vector<std::vector<Mention>>> mentions(doc.fields.size());
    for (std::size_t f = 0; f < doc.fields.size(); ++f) {
      for (auto& fa : doc.fields[f].focus_areas) {
        mentions[f].push_back(mentions_of(fa));
        std::vector<RawUnitEntry>().swap(fa.entries);  // not needed any more: memory back
      }
    }
    // Pass 2: compounds (needs all standalone names) and division votes.
    for (auto& field : mentions) {
      for (auto& fa : field) {
        split_compounds(fa);
        for (const auto& m : fa) note_division(m);
      }
    }
    Plan plan;
    plan.title = doc.title;
    plan.fields.reserve(doc.fields.size());
    for (std::size_t f = 0; f < doc.fields.size(); ++f) {
      build_field(plan, doc.fields[f], mentions[f]);
      doc.fields[f] = RawField{};  // the plan grows as the raw document shrinks
      std::vector<std::vector<Mention>>().swap(mentions[f]);
      if (field_built_) field_built_(plan);
    }
    return plan;
  }

 private:
  const NameFacts& facts(NameId id) {
    if (id >= facts_.size()) facts_.resize(names_.size());
    NameFacts& f = facts_[id];
    if (!f.known) {
      f.entry = dir_.find(names_[id]);
      f.key = normalize_for_key(names_[id]);
      f.known = true;
    }
    return f;
  }

  // The division a spelling stands for: the directory's name, else eduplan's spelling of
  // "Dezernat <numeral>" (reported once per spelling), else the spelling.
  NameId canonical_division(NameId id, int line = 0) {
    const auto* e = facts(id).entry;
    if (e && e->division.empty()) return names_.intern(e->name);
    const auto spelled = division_spelling(names_[id]);
    if (!spelled || *spelled == names_[id]) return id;
    NameId canonical = names_.intern(*spelled);
    if (const auto* ce = facts(canonical).entry; ce && ce->division.empty())
      canonical = names_.intern(ce->name);
    if (normalized_.insert(id).second) {
      findings_.push_back(make_finding(
          rule::kDivisionNormalized,
          tr({"„{0}“ als „{1}“ gelesen", "\"{0}\" read as \"{1}\""}, names_[id], names_[canonical]),
          line, names_[canonical]));
    }
    return canonical;
  }

  // "Fachbereich Schule/ Sport": the text before '/' is read as a division although neither
  // its form ("Dezernat IV", "BOB") nor the directory says it is one; it may be one unit's
  // name. Said once per spelling.
  void assumed_division(const RawUnitEntry& e) {
    if (looks_like_division(e.prefix())) return;
    if (const auto* d = dir_.find(e.prefix()); d && d->division.empty()) return;
    if (!assumed_.insert(normalize_for_key(e.prefix())).second) return;
    const std::string near = near_division(e.prefix());
    findings_.push_back(make_finding(
        rule::kDivisionAssumed,
        near.empty()
            ? tr({"„{0}“ vor dem „/“ in „{1}“ als Dezernat gelesen, obwohl es nicht wie ein "
                  "Dezernat heißt; ist „{1}“ der Name einer Einheit, ihn ins "
                  "Verwaltungsverzeichnis eintragen",
                  "\"{0}\" before the \"/\" in \"{1}\" read as a division although it is not "
                  "named like one; if \"{1}\" is the name of one unit, add it to the units "
                  "directory"},
                 e.prefix(), e.text)
            : tr({"„{0}“ vor dem „/“ in „{1}“ als Dezernat gelesen, obwohl es nicht wie ein "
                  "Dezernat heißt; meinten Sie „{2}“?",
                  "\"{0}\" before the \"/\" in \"{1}\" read as a division although it is not "
                  "named like one; did you mean \"{2}\"?"},
                 e.prefix(), e.text, near),
        e.line, std::string(e.prefix())));
  }

  // A division one or two typed letters away from `written` ("Dezrnat VI"): of the directory,
  // else as the document names it elsewhere in a division's form; empty if none. A division's
  // number is no typo: "Dezrnat VI" is not near "Dezernat IV".
  std::string near_division(std::string_view written) {
    const auto number = [](std::string_view name) {
      name = text::trim(name);
      const std::string_view last = name.substr(name.find_last_of(' ') + 1);
      const bool numeral = last.find_first_not_of("IVXLCDM0123456789") == std::string_view::npos;
      return numeral ? last : std::string_view();
    };
    const std::u32string key = code_points(normalize_for_key(written));
    std::string best;
    int best_distance = 3;
    const auto consider = [&](const std::string& name) {
      if (number(name) != number(written)) return;
      const int d = edit_distance(key, code_points(normalize_for_key(name)), 2);
      if (d < best_distance) {
        best_distance = d;
        best = name;
      }
    };
    if (const UnitsDirectory* dir = dir_.directory()) {
      for (const auto& entry : dir->entries()) {
        if (entry.division.empty()) consider(entry.name);
      }
    }
    if (best.empty()) {
      // The spellings met so far (every division written before a '/' is among them).
      for (NameId id = 0; id < names_.size(); ++id) {
        if (looks_like_division(names_[id])) consider(names_[id]);
      }
    }
    return best;
  }

  bool is_division_name(NameId id) {
    const NameFacts& f = facts(id);
    if (f.entry) return f.entry->division.empty();
    return looks_like_division(names_[id]) || divisions_.count(f.key) > 0;
  }

  // True if `s` names a division: in the directory, by its form, or written before a '/'.
  bool division_like(std::string_view s) {
    if (const auto* e = dir_.find(s)) return e->division.empty();
    return looks_like_division(s) || written_prefixes_.count(normalize_for_key(s)) > 0;
  }

  // "Dezernat V/ A, B Dezernat IV/ C" is two entries whose line break was lost (as converters
  // do): an entry is split before a division's name that stands in front of a later '/'.
  // "Dezernat IV – Bibliothek", "Dezernat IV: Bibliothek", "Bibliothek (Dezernat IV)" read as
  // "Dezernat IV/ Bibliothek"; said once per kind of separator, with the first entry and a count.
  void reread_division_separators(RawDocument& doc) {
    const IsDivision is_division = [this](std::string_view s) {
      if (looks_like_division(s)) return true;
      const auto* e = dir_.find(s);
      return e && e->division.empty();
    };
    struct Seen {
      std::string first, prefix, list;
      int line = 0;
      int count = 0;
    };
    std::map<DivisionSeparator, Seen> seen;
    for (auto& field : doc.fields) {
      for (auto& fa : field.focus_areas) {
        for (auto& e : fa.entries) {
          const DivisionSeparator kind = reread_division_separator(e, is_division);
          if (kind == DivisionSeparator::none) continue;
          Seen& s = seen[kind];
          if (s.count++ == 0) {
            s.first = e.text;
            s.prefix = e.prefix();
            s.list = e.list();
            s.line = e.line;
          }
        }
      }
    }
    for (const auto& [kind, s] : seen) {
      const std::string_view mark = kind == DivisionSeparator::dash    ? "–"
                                    : kind == DivisionSeparator::colon ? ":"
                                                                       : "( )";
      findings_.push_back(make_finding(
          rule::kDivisionSeparator,
          tr({"„{0}“ und {1} weitere Einträge: Dezernat mit „{2}“ statt „/“ abgesetzt; gelesen als "
              "„{3}/ {4}“",
              "\"{0}\" and {1} more entries: division set off with \"{2}\" instead of \"/\"; read "
              "as \"{3}/ {4}\""},
             s.first, std::to_string(s.count - 1), mark, s.prefix, s.list),
          s.line, s.first));
    }
  }

  void split_lost_breaks(std::vector<RawUnitEntry>& entries) {
    std::vector<RawUnitEntry> out;
    out.reserve(entries.size());
    for (auto& e : entries) {
      const std::string_view t = e.text;
      std::vector<std::size_t> starts{0};
      for (std::size_t slash = t.find('/'); slash != std::string_view::npos;
           slash = t.find('/', slash + 1)) {
        // The words in front of this '/', back to the last ',' or '/'.
        const std::size_t from = std::max(starts.back(), [&] {
          const std::size_t p = t.substr(0, slash).find_last_of(",/");
          return p == std::string_view::npos ? std::size_t{0} : p + 1;
        }());
        const std::string_view segment = text::trim(t.substr(from, slash - from));
        if (segment.empty()) continue;
        // Where a division's name may begin: at a word, or glued to the end of the previous
        // name ("PuppentheaterBOB/", "IntegrationskoordinationDezernat IV/"), as converters
        // leave it when they drop a line break.
        std::vector<std::size_t> word_starts;
        for (std::size_t i = 0; i < segment.size(); ++i) {
          const bool word = segment[i] != ' ' && (i == 0 || segment[i - 1] == ' ');
          const bool glued =
              i > 0 && segment[i] >= 'A' && segment[i] <= 'Z' && segment[i - 1] != ' ';
          if (word || glued) word_starts.push_back(i);
        }
        // After a comma inside the entry, a whole segment that names a division begins a new
        // entry too ("Bibliothek, Dezernat V/ Jugendamt").
        const bool after_comma = from > starts.back();
        // The shortest run of last words (at most four) that names a division, if it is not the
        // whole segment.
        const std::size_t most =
            std::min<std::size_t>(word_starts.size() - (after_comma ? 0 : 1), 6);
        for (std::size_t k = 1; k <= most; ++k) {
          const std::size_t at = word_starts[word_starts.size() - k];
          if (division_like(segment.substr(at))) {
            starts.push_back(static_cast<std::size_t>(segment.data() - t.data()) + at);
            break;
          }
        }
      }
      if (starts.size() == 1) {
        out.push_back(std::move(e));
        continue;
      }
      std::string pieces;
      for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : t.size();
        const std::string_view piece = text::trim(t.substr(starts[i], end - starts[i]));
        pieces += (pieces.empty() ? "" : " | ") + std::string(piece);
        RawUnitEntry entry = make_unit_entry(piece, e.line);
        if (i + 1 == starts.size()) entry.trailing_comma = e.trailing_comma;
        out.push_back(std::move(entry));
      }
      findings_.push_back(make_finding(rule::kUnitEntrySplit,
                                       tr({"„{0}“ enthält mehrere Dezernate; gelesen als: {1}",
                                           "\"{0}\" holds several divisions; read as: {1}"},
                                          e.text, pieces),
                                       e.line, e.text));
    }
    entries = std::move(out);
  }

  void collect_divisions(const RawDocument& doc) {
    for (const auto& field : doc.fields) {
      for (const auto& fa : field.focus_areas) {
        for (const auto& e : fa.entries) {
          if (e.has_slash)
            divisions_.insert(facts(canonical_division(names_.intern(e.prefix()), e.line)).key);
        }
      }
    }
  }

  // Splits a comma-separated list; runs of parts that together form a directory name
  // ("Amt für Statistik, Wahlen, Digitalisierung") stay one name.
  void split_list(std::string_view list, std::vector<NameId>& out) {
    std::vector<std::string_view> parts = text::split(list, ',');
    for (auto& p : parts) p = text::trim(p);
    for (std::size_t i = 0; i < parts.size();) {
      std::size_t take = 1;
      std::string joined(parts[i]);
      if (dir_.may_start_comma_name(parts[i])) {
        for (std::size_t k = std::min<std::size_t>(parts.size() - i, 8); k >= 2; --k) {
          std::string candidate(parts[i]);
          for (std::size_t j = 1; j < k; ++j) candidate.append(", ").append(parts[i + j]);
          if (dir_.find(candidate)) {
            take = k;
            joined = std::move(candidate);
            break;
          }
        }
      }
      if (take == 1 && !dir_.find(parts[i])) {
        // A directory name with commas, typed with a letter or two wrong, stays one name, so
        // that it is reported with the right suggestion (unit-not-in-directory) instead of as
        // pieces that resemble nothing.
        for (const std::size_t k : dir_.comma_name_pieces()) {
          if (k < 2 || i + k > parts.size()) continue;
          std::string run(parts[i]);
          bool unknown_pieces = true;
          for (std::size_t j = 1; j < k; ++j) {
            run.append(", ").append(parts[i + j]);
            unknown_pieces = unknown_pieces && !dir_.find(parts[i + j]);
          }
          if (unknown_pieces && dir_.near_comma_name(run)) {
            take = k;
            joined = std::move(run);
            break;
          }
        }
      }
      if (!joined.empty()) out.push_back(names_.intern(text::collapse_spaces(joined)));
      i += take;
    }
  }

  std::vector<Mention> mentions_of(const RawFocusArea& fa) {
    std::vector<Mention> out;
    NameId division = kNoName;  // division of the previous entry
    bool continues = false;
    std::vector<NameId> names;
    for (const auto& e : fa.entries) {
      std::string_view list = e.list();
      if (e.has_slash && !(dir_.has_slash_names() && dir_.find(e.text))) {
        assumed_division(e);
        division = canonical_division(names_.intern(e.prefix()), e.line);
        if (list.empty()) {  // "Dezernat IV/" with nothing after it: the division as a whole
          out.push_back({division, division, kNoName, true, e.line});
          continues = e.trailing_comma;
          continue;
        }
      } else {
        list = e.text;
        const NameId whole = names_.intern(e.text);
        if (is_division_name(whole)) {
          division = canonical_division(whole, e.line);
          out.push_back({division, division, kNoName, true, e.line});
          continues = e.trailing_comma;
          continue;
        }
        if (!continues) division = kNoName;
      }
      names.clear();
      split_list(list, names);
      for (NameId name : names) {
        const bool is_div = is_division_name(name);
        if (is_div) {
          const NameId written = name;
          name = canonical_division(name, e.line);
          if (division != kNoName && name != division) {
            // "Dezernat V/ Jugendamt, Dezernat IV": a division belongs to no other.
            findings_.push_back(make_finding(
                rule::kDivisionInList,
                tr({"„{0}“ ist ein Dezernat: als Dezernat als Ganzes gelesen, nicht als Einheit "
                    "im „{1}“",
                    "\"{0}\" is a division: read as the division as a whole, not as a unit of "
                    "\"{1}\""},
                   names_[written], names_[division]),
                e.line, names_[name]));
          }
        } else {
          standalone_.insert(facts(name).key);
        }
        out.push_back({name, is_div ? kNoName : division, kNoName, is_div, e.line});
      }
      continues = e.trailing_comma;
    }
    return out;
  }

  bool known_unit(std::string_view name) {
    return dir_.find(name) || standalone_.count(normalize_for_key(name)) > 0;
  }

  // The two known units "A und B" stands for, if it does; cached per spelling. Also two known
  // units whose line break was lost: "Jugendamt Stabsstelle …", "JugendamtStabsstelle …".
  std::pair<NameId, NameId> compound_parts(NameId id) {
    if (auto it = compounds_.find(id); it != compounds_.end()) return it->second;
    std::pair<NameId, NameId> parts{kNoName, kNoName};
    if (!facts(id).entry) {
      if (!known_keys_ready_) collect_known_keys();
      const std::string w = names_[id];  // interning below may move names_[id]
      const auto split = split_known_pair(w, facts(id).key, known_keys_,
                                          [this](std::string_view s) { return known_unit(s); });
      if (split) {
        parts = {names_.intern(split->left), names_.intern(split->right)};
        if (split->joined) joined_.insert(id);
      }
    }
    compounds_.emplace(id, parts);
    return parts;
  }

  // The keys known_unit() accepts: the directory's names and aliases, and the names written
  // on their own. Complete once every mention is collected (pass 1).
  void collect_known_keys() {
    for (const auto& key : standalone_) known_keys_.add(key);
    if (const UnitsDirectory* dir = dir_.directory()) {
      for (const auto& e : dir->entries()) {
        known_keys_.add(normalize_for_key(e.name));
        for (const auto& a : e.aliases) known_keys_.add(normalize_for_key(a));
      }
    }
    known_keys_ready_ = true;
  }

  // "A und B" becomes A and B when both are known units, and only then.
  void split_compounds(std::vector<Mention>& ms) {
    std::vector<Mention> out;
    out.reserve(ms.size());
    for (const auto& m : ms) {
      auto [left, right] = m.is_division ? std::pair{kNoName, kNoName} : compound_parts(m.written);
      if (left == kNoName) {
        out.push_back(m);
        continue;
      }
      if (joined_.count(m.written)) {  // a lost line break, not a compound: reported here
        if (joined_reported_.insert({m.line, m.written}).second) {
          findings_.push_back(make_finding(
              rule::kUnitEntrySplit,
              tr({"„{0}“ als zwei Einheiten gelesen: „{1}“ und „{2}“ (fehlender Zeilenumbruch?)",
                  "\"{0}\" read as two units: \"{1}\" and \"{2}\" (a lost line break?)"},
                 names_[m.written], names_[left], names_[right]),
              m.line, names_[m.written]));
        }
        // The right part stood on a line of its own, without a division in front of it.
        out.push_back({left, m.stated_division, kNoName, false, m.line});
        out.push_back({right, kNoName, kNoName, false, m.line});
        continue;
      }
      out.push_back({left, m.stated_division, m.written, false, m.line});
      out.push_back({right, m.stated_division, m.written, false, m.line});
    }
    ms = std::move(out);
  }

  // The unit a spelling stands for: one slot per key (the directory's name where listed).
  std::size_t slot_of(NameId written) {
    if (written < slot_of_name_.size() && slot_of_name_[written] != kNoSlot)
      return slot_of_name_[written];
    const auto* e = facts(written).entry;
    const NameId canonical = e ? names_.intern(e->name) : written;
    const std::string& key = facts(canonical).key;
    auto [it, inserted] = slot_by_key_.emplace(key, slots_.size());
    if (inserted) {
      Slot slot;
      slot.name = canonical;
      if (e && !e->division.empty())
        slot.directory_division = canonical_division(names_.intern(e->division));
      slots_.push_back(slot);
    }
    if (slot_of_name_.size() < names_.size()) slot_of_name_.resize(names_.size(), kNoSlot);
    slot_of_name_[written] = it->second;
    return it->second;
  }

  void note_division(const Mention& m) {
    if (m.is_division) return;
    Slot& slot = slots_[slot_of(m.written)];
    if (m.stated_division == kNoName) return;
    for (auto& [division, count] : slot.votes) {
      if (division == m.stated_division) {
        ++count;
        return;
      }
    }
    slot.votes.push_back({m.stated_division, 1});
  }

  // The directory's division; else the division the document states most often (first on a tie).
  NameId chosen_division(const Slot& slot) const {
    if (slot.directory_division != kNoName) return slot.directory_division;
    NameId best = kNoName;
    int best_count = 0;
    for (const auto& [division, count] : slot.votes) {
      if (count > best_count) {
        best = division;
        best_count = count;
      }
    }
    return best;
  }

  std::size_t division_index(Plan& plan, NameId division, int line) {
    const std::string& key = facts(division).key;
    if (auto it = division_by_key_.find(key); it != division_by_key_.end()) return it->second;
    plan.units.push_back(
        {names_[division], std::nullopt, true, make_key("ou", names_[division]), line});
    division_by_key_.emplace(key, plan.units.size() - 1);
    return plan.units.size() - 1;
  }

  std::size_t unit_index(Plan& plan, const Mention& m) {
    if (m.is_division) return division_index(plan, m.written, m.line);
    Slot& slot = slots_[slot_of(m.written)];
    if (slot.unit != kNoSlot) return slot.unit;
    std::optional<std::size_t> parent;
    if (NameId division = chosen_division(slot); division != kNoName)
      parent = division_index(plan, division, m.line);
    plan.units.push_back(
        {names_[slot.name], parent, false, make_key("ou", names_[slot.name]), m.line});
    slot.unit = plan.units.size() - 1;
    return slot.unit;
  }

  const std::string& text_of(NameId id) const { return id == kNoName ? empty_ : names_[id]; }

  void build_field(Plan& plan, const RawField& raw,
                   const std::vector<std::vector<Mention>>& mentions) {
    Field field{raw.title, make_key("fld", raw.title), raw.line, {}, {}};
    if (field_keys_.count(field.key)) {
      // The smallest free "#n": numbers below the last one given for this key are taken
      // (keys are never freed), so the search goes on from there — linear in all, however
      // many fields share a title.
      std::size_t& next = next_suffix_[field.key];
      for (std::size_t n = std::max<std::size_t>(next, 2);; ++n) {
        field.key = make_key("fld", raw.title + " #" + std::to_string(n));
        if (!field_keys_.count(field.key)) {
          next = n + 1;
          break;
        }
      }
    }
    field_keys_.insert(field.key);
    field.focus_areas.reserve(raw.focus_areas.size());
    std::unordered_map<std::string, int> seen_text;
    for (std::size_t i = 0; i < raw.focus_areas.size(); ++i) {
      const auto& rfa = raw.focus_areas[i];
      int n = ++seen_text[normalize_for_key(rfa.text)];
      FocusArea fa{
          rfa.text,
          make_key("fa", field.key, n == 1 ? rfa.text : rfa.text + " #" + std::to_string(n)),
          rfa.line,
          {},
          rfa.attributes};
      ++focus_serial_;  // a unit is named once per focus area: marked with this number
      fa.responsibilities.reserve(mentions[i].size());
      for (const auto& m : mentions[i]) {
        const std::size_t u = unit_index(plan, m);
        if (named_in_.size() < plan.units.size()) named_in_.resize(plan.units.size(), 0);
        if (named_in_[u] == focus_serial_) {
          findings_.push_back(
              make_finding(rule::kUnitRepeated,
                           tr({"„{0}“ steht mehrfach in derselben Zeile; einmal gezählt",
                               "\"{0}\" is named more than once in the same row; counted once"},
                              names_[m.written]),
                           m.line, plan.units[u].name));
          continue;
        }
        named_in_[u] = focus_serial_;
        fa.responsibilities.push_back(
            {u, m.line, names_[m.written], text_of(m.stated_division), text_of(m.split_from)});
      }
      field.focus_areas.push_back(std::move(fa));
    }
    std::unordered_set<std::size_t> linked;
    for (const auto& ro : raw.objectives) {
      std::string key = make_key("obj", ro.text);
      auto [it, is_new] = objective_by_key_.emplace(key, plan.objectives.size());
      if (is_new) {
        // One copy of a shared objective ending in "." or ";" and another without is the same
        // objective too: it is merged (and said below), the key stays that of the first.
        const auto [loose, first] = objective_by_loose_key_.emplace(
            make_key("obj", without_final_stop(ro.text)), it->second);
        if (first)
          plan.objectives.push_back({ro.text, key, ro.line});
        else
          it->second = loose->second;
        is_new = first;
      }
      const Objective& stored = plan.objectives[it->second];
      if (!is_new &&
          stored.text != ro.text) {  // same objective, other spelling: said, not merged in silence
        findings_.push_back(make_finding(
            rule::kObjectiveSpellingMerged,
            tr({"Ableitung „{0}“ gilt als dieselbe wie „{1}“ (Zeile {2}): die Schreibweisen "
                "unterscheiden sich nur in Groß-/Kleinschreibung, Strichen, Leerzeichen oder einem "
                "Schlusspunkt; "
                "gespeichert wird „{1}“",
                "objective \"{0}\" counts as the same as \"{1}\" (line {2}): the spellings differ "
                "only in case, dashes, spaces or a final stop; \"{1}\" is stored"},
               ro.text, stored.text, stored.source_line),
            ro.line, ro.text));
      }
      if (linked.insert(it->second).second) {
        field.objectives.push_back({it->second, ro.line});
      } else {
        findings_.push_back(
            make_finding(rule::kObjectiveDuplicate,
                         tr({"Ableitung steht zweimal im Handlungsfeld „{0}“; einmal gezählt",
                             "objective stands twice in the field \"{0}\"; counted once"},
                            field.title),
                         ro.line, ro.text));
      }
    }
    plan.fields.push_back(std::move(field));
  }

  DirectoryLookup dir_;
  std::vector<Finding>& findings_;
  const FieldBuilt& field_built_;
  NamePool names_;
  std::vector<NameFacts> facts_;
  std::unordered_set<std::string> divisions_;   // keys of division names stated in the document
  std::unordered_set<std::string> standalone_;  // keys of names listed on their own
  std::unordered_map<NameId, std::pair<NameId, NameId>> compounds_;
  KnownKeys known_keys_;  // filter for compound_parts, filled on its first call
  bool known_keys_ready_ = false;
  std::unordered_set<NameId> joined_;  // compounds that are two units without a line break
  std::set<std::pair<int, NameId>> joined_reported_;
  std::unordered_set<NameId> normalized_;             // division spellings reported as normalised
  std::unordered_set<std::string> written_prefixes_;  // keys of texts written before a '/'
  std::unordered_set<std::string> assumed_;           // prefixes reported by assumed_division
  std::vector<std::size_t> slot_of_name_;
  StringMap<std::size_t> slot_by_key_;
  std::vector<Slot> slots_;
  StringMap<std::size_t> division_by_key_;
  std::unordered_map<std::string, std::size_t> objective_by_key_;
  std::unordered_map<std::string, std::size_t> objective_by_loose_key_;  // without a final stop
  std::unordered_set<std::string> field_keys_;
  std::unordered_map<std::string, std::size_t> next_suffix_;  // by field key: where "#n" goes on
  std::vector<std::size_t> named_in_;  // per unit: the last focus area that named it
  std::size_t focus_serial_ = 0;
  const std::string empty_;
};

}  // namespace

Plan resolve(RawDocument doc, const UnitsDirectory* directory, std::vector<Finding>& findings,
             const FieldBuilt& field_built) {
  return Resolver(directory, findings, field_built).run(doc);
}

}  // namespace eduplan
