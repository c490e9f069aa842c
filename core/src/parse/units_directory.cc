#include "eduplan/units_directory.h"

#include <algorithm>

#include "eduplan/error.h"
#include "eduplan/keys.h"
#include "model/division_names.h"
#include "model/rule_catalog.h"
#include "parse/csv_reader.h"
#include "util/encoding.h"
#include "util/file_io.h"
#include "util/text.h"
#include "util/unicode.h"
#include "util/utf16_hint.h"

namespace eduplan {

namespace {

// A unit belongs to a division, and a division to nothing: the division named for a unit must
// not be a unit of the directory (that would be a unit in a unit, a cycle or the unit itself),
// and a unit's name or alias must not have the form of a division ("Dezernat IV", "BOB"),
// which eduplan reads as the division. The plan could hold neither.
template <class Fail>
void check_divisions(const UnitsDirectory& dir, const Fail& fail) {
  for (const auto& e : dir.entries()) {
    if (e.division.empty()) continue;
    std::vector<std::string> names{e.name};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const auto& name : names) {
      if (!looks_like_division(name)) continue;
      fail(e.line,
           tr({"„{0}“ ist ein Dezernat (BOB, Dezernat mit Nummer) und kann keine Einheit im "
               "Dezernat „{1}“ sein",
               "\"{0}\" is a division (BOB, Dezernat with a number) and cannot be a unit in the "
               "division \"{1}\""},
              name, e.division),
           name);
    }
    const DirectoryEntry* division = dir.find(e.division);
    if (!division || division->division.empty()) continue;
    if (division == &e) {
      fail(e.line,
           tr({"„{0}“ ist als sein eigenes Dezernat eingetragen",
               "\"{0}\" is entered as its own division"},
              e.name),
           e.name);
    } else {
      fail(e.line,
           tr({"Dezernat „{0}“ von „{1}“ ist in Zeile {2} selbst eine Einheit (im Dezernat „{3}“); "
               "ein Dezernat gehört zu keinem anderen",
               "division \"{0}\" of \"{1}\" is itself a unit in line {2} (in the division "
               "\"{3}\"); a division belongs to no other"},
              e.division, e.name, division->line, division->division),
           e.name);
    }
  }
}

// The header's fields as compared: trimmed, canonical, lower case.
std::string header_name(const std::string& field) {
  return unicode::lower(text::trim(unicode::canonicalize(field)));
}

bool is_header(const std::vector<std::string>& fields) {
  if (fields.size() != 3) return false;
  const std::string a = header_name(fields[0]), b = header_name(fields[1]),
                    c = header_name(fields[2]);
  return (a == "unit" && b == "division" && c == "aliases") ||
         (a == "einheit" && b == "dezernat" && c == "aliase");
}

// Excel saves the empty columns to the right of a table as empty fields.
void trim_trailing_empty(std::vector<std::string>& fields) {
  while (fields.size() > 3 && fields.back().empty()) fields.pop_back();
}

// ',' as written by hand and by most programs, ';' as Excel writes CSV in German: the one
// with which the first line is the header.
char delimiter_of(std::string_view csv) {
  std::string_view first = csv.starts_with("\xEF\xBB\xBF") ? csv.substr(3) : csv;
  first = first.substr(0, first.find('\n'));
  if (first.ends_with('\r')) first.remove_suffix(1);
  for (char d : {',', ';'}) {
    std::vector<Finding> ignored;
    auto records = csv::parse(first, d, ignored);
    if (records.empty()) continue;
    trim_trailing_empty(records.front().fields);
    if (is_header(records.front().fields)) return d;
  }
  return ',';
}

}  // namespace

UnitsDirectory UnitsDirectory::parse(std::string_view csv, std::vector<Finding>& findings) {
  UnitsDirectory dir;
  auto fail = [&](int line, const std::string& message, const std::string& subject = "") {
    findings.push_back(make_finding(rule::kDirectoryInvalid, message, line, subject));
  };
  std::optional<Decoded> decoded = decode_text(csv);
  if (decoded && decoded->from) {
    findings.push_back(make_finding(
        rule::kEncodingConverted,
        tr({"Verwaltungsverzeichnis ist in {0} gespeichert, nicht in UTF-8; umgewandelt",
            "the units directory is saved as {0}, not as UTF-8; converted"},
           decoded->from),
        1));
    csv = decoded->text;
  }
  if (!decoded) {
    if (auto problem = utf16_problem(csv)) {
      fail(1, *problem);
      return dir;
    }
  }
  if (auto bad = text::find_invalid_utf8(csv)) {
    fail(text::line_of_offset(csv, *bad),
         tr({"kein gültiges UTF-8 (Byte-Offset {0})", "not valid UTF-8 (byte offset {0})"}, *bad));
    return dir;
  }
  if (csv.find('\0') != std::string_view::npos) {
    fail(text::line_of_offset(csv, csv.find('\0')),
         tr({"enthält ein NUL-Byte", "contains a NUL byte"}));
    return dir;
  }
  const std::size_t errors_before = findings.size();
  const char delimiter = delimiter_of(csv);
  auto records = csv::parse(csv, delimiter, findings);
  if (findings.size() != errors_before) return dir;
  if (records.empty()) {
    fail(1, tr({"leere Datei: erwartet wird die Kopfzeile unit,division,aliases",
                "empty file: the header unit,division,aliases is expected"}));
    return dir;
  }
  for (auto& r : records) trim_trailing_empty(r.fields);
  if (!is_header(records.front().fields)) {
    fail(records.front().line,
         tr({"Kopfzeile muss unit,division,aliases lauten (oder einheit,dezernat,aliase; "
             "getrennt durch „,“ oder „;“)",
             "the header must be unit,division,aliases (or German einheit,dezernat,aliase; "
             "separated by \",\" or \";\")"}));
    return dir;
  }
  auto add_name = [&](const std::string& name, std::size_t entry, int line) {
    auto [it, inserted] = dir.index_.emplace(normalize_for_key(name), entry);
    if (!inserted && it->second != entry) {
      fail(line,
           tr({"Name „{0}“ ist schon in Zeile {1} vergeben",
               "the name \"{0}\" is already taken in line {1}"},
              name, dir.entries_[it->second].line),
           name);
      return false;
    }
    if (name.find(',') != std::string::npos) dir.names_with_commas_.push_back(name);
    return true;
  };
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    if (rec.fields.size() != 3) {
      fail(rec.line, tr({"erwartet 3 Felder, gefunden {0}", "expected 3 fields, found {0}"},
                        rec.fields.size()));
      return dir;
    }
    DirectoryEntry entry{
        text::collapse_spaces(rec.fields[0]), text::collapse_spaces(rec.fields[1]), {}, rec.line};
    if (entry.name.empty()) {
      fail(rec.line, tr({"Name der Einheit fehlt", "the unit's name is missing"}));
      return dir;
    }
    for (auto alias : text::split(rec.fields[2], '|')) {
      std::string a = text::collapse_spaces(alias);
      if (!a.empty()) entry.aliases.push_back(std::move(a));
    }
    const std::size_t idx = dir.entries_.size();
    dir.entries_.push_back(entry);
    if (!add_name(entry.name, idx, rec.line)) return dir;
    for (const auto& a : entry.aliases) {
      if (!add_name(a, idx, rec.line)) return dir;
    }
  }
  check_divisions(dir, fail);
  std::sort(dir.names_with_commas_.begin(), dir.names_with_commas_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return dir;
}

UnitsDirectory UnitsDirectory::load(const std::filesystem::path& path,
                                    std::vector<Finding>& findings) {
  return parse(read_file(path, kMaxTextFileBytes), findings);
}

const DirectoryEntry* UnitsDirectory::find(std::string_view name) const {
  auto it = index_.find(normalize_for_key(name));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

}  // namespace eduplan
