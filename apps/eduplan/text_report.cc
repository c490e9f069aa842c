#include "text_report.h"

#include <eduplan/language.h>

#include <iomanip>
#include <string>

#include "terminal.h"

namespace eduplan::cli {
namespace {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error:
      return Text{"Fehler", "error"}.get();
    case Severity::warning:
      return Text{"Warnung", "warning"}.get();
    case Severity::info:
      return Text{"Hinweis", "note"}.get();
  }
  return "?";
}

// The length of the well-formed UTF-8 sequence that starts at s[i] (a byte of 0x80 or more),
// or 0 if it is not one (a stray continuation byte, a sequence cut short, an overlong form, a
// surrogate, beyond U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  std::size_t n = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size() || b(1) < low || b(1) > high) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
  }
  return n;
}

std::string escaped_byte(unsigned char c) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return {'\\', 'x', kDigits[c >> 4], kDigits[c & 0xF]};
}

}  // namespace

std::size_t width(std::string_view s) {
  std::size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

std::string pad(std::string_view s, std::size_t to) {
  std::string out(s);
  if (width(s) < to) out.append(to - width(s), ' ');
  return out;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_control(c) || c == '\n') {
      out += escaped_control(c);
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (const std::size_t n = utf8_sequence(s, i); n == 0) {
      out += escaped_byte(c);  // not UTF-8 (a file name in Latin-1): shown, not passed on raw
    } else if (c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += escaped_control(static_cast<unsigned char>(s[++i]));  // a C1 control: U+009B (CSI)
    } else {
      out.append(s.substr(i, n));
      i += n - 1;
    }
  }
  return out;
}

std::string notes_left_out(std::size_t count) {
  return tr({"({0} nicht einzeln gezeigt, --quiet; ohne -q alle)",
             "({0} not listed, --quiet; all of them without -q)"},
            count_of(count, {"Hinweis", "note"}, {"Hinweise", "notes"}));
}

void print_findings(std::ostream& out, std::string_view file, const std::vector<Finding>& findings,
                    bool notes) {
  std::size_t left_out = 0;
  for (const auto& f : findings) {
    if (!notes && f.severity == Severity::info) {
      ++left_out;
      continue;
    }
    out << printable(file);
    if (f.line > 0) out << ":" << f.line;
    out << ": " << severity_word(f.severity) << ": " << printable(f.message) << " [" << f.rule
        << "]\n";
  }
  if (left_out > 0) out << notes_left_out(left_out) << "\n";
}

std::string severity_counts(std::size_t errors, std::size_t warnings, std::size_t infos) {
  return count_of(errors, {"Fehler", "error"}, {"Fehler", "errors"}) + ", " +
         count_of(warnings, {"Warnung", "warning"}, {"Warnungen", "warnings"}) + ", " +
         count_of(infos, {"Hinweis", "note"}, {"Hinweise", "notes"});
}

void print_summary(std::ostream& out, const PlanSummary& s) {
  const std::string field_word = tr({"Handlungsfeld", "Field"});
  std::size_t title_width = std::max<std::size_t>(14, width(field_word));
  for (const auto& f : s.fields) title_width = std::max(title_width, width(printable(f.title)));
  out << tr({"Plan: {0}", "Plan: {0}"}, printable(s.name)) << "\n";
  if (!s.source.empty()) out << tr({"Quelle: {0}", "Source: {0}"}, printable(s.source)) << "\n";
  out << "\n  " << pad(field_word, title_width)
      << tr({"  Schwerpunkte  Zuständigkeiten  Ableitungen\n",
             "   Focus areas  Responsibilities   Objectives\n"});
  for (const auto& f : s.fields) {
    out << "  " << pad(printable(f.title), title_width) << "  " << std::setw(12) << f.focus_areas
        << "  " << std::setw(15) << f.responsibilities << "  " << std::setw(11) << f.objectives
        << "\n";
  }
  out << "  " << pad(tr({"Summe", "Total"}), title_width) << "  " << std::setw(12) << s.focus_areas
      << "  " << std::setw(15) << s.responsibilities << "  " << std::setw(11) << s.objective_links
      << "\n\n";
  out << count_of(s.fields.size(), {"Handlungsfeld", "field"}, {"Handlungsfelder", "fields"})
      << ", "
      << count_of(s.focus_areas, {"Schwerpunkt", "focus area"}, {"Schwerpunkte", "focus areas"})
      << ", "
      << count_of(s.responsibilities, {"Zuständigkeit", "responsibility"},
                  {"Zuständigkeiten", "responsibilities"})
      << ", "
      << count_of(s.units.size(), {"befasster Verwaltungsbereich", "responsible unit"},
                  {"befasste Verwaltungsbereiche", "responsible units"})
      << ", " << count_of(s.objectives, {"Ableitung", "objective"}, {"Ableitungen", "objectives"})
      << " ("
      << count_of(s.objective_links, {"Zuordnung", "assignment"}, {"Zuordnungen", "assignments"})
      << ")\n";
  out << tr({"\nVerwaltungsbereiche nach Zahl der Schwerpunkte:\n",
             "\nUnits by number of focus areas:\n"});
  for (const auto& u : s.units) {
    out << "  " << std::setw(4) << u.focus_areas << "  " << printable(u.name);
    if (u.is_division)
      out << tr({" (als Ganzes)", " (as a whole)"});
    else if (u.division.empty())
      out << tr({" (Dezernat unbekannt)", " (division unknown)"});
    else
      out << " (" << printable(u.division) << ")";
    out << "\n";
  }
  out << tr({"\nBefunde: {0}\n", "\nFindings: {0}\n"},
            severity_counts(s.errors, s.warnings, s.infos));
}

void print_plans(std::ostream& out, const std::vector<PlanInfo>& plans) {
  if (plans.empty()) {
    out << tr({"keine Pläne gespeichert\n", "no plans stored\n"});
    return;
  }
  std::size_t name_width = width(tr({"Plan", "Plan"}));
  for (const auto& p : plans) name_width = std::max(name_width, width(printable(p.name)));
  out << pad(tr({"Plan", "Plan"}), name_width)
      << tr({"  Handlungsfelder  Schwerpunkte  Zuständigkeiten  importiert (UTC)      Titel\n",
             "           Fields   Focus areas  Responsibilities  imported (UTC)        Title\n"});
  for (const auto& p : plans) {
    out << pad(printable(p.name), name_width) << "  " << std::setw(15) << p.fields << "  "
        << std::setw(12) << p.focus_areas << "  " << std::setw(15) << p.responsibilities << "  "
        << pad(p.imported_at, 20) << "  " << printable(p.title) << "\n";
  }
}

}  // namespace eduplan::cli
