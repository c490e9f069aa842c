#include "text_report.h"

#include <iomanip>
#include <string>

namespace eduplan::cli {
namespace {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error:
      return "Fehler";
    case Severity::warning:
      return "Warnung";
    case Severity::info:
      return "Hinweis";
  }
  return "?";
}

// Display width of UTF-8 text: one column per code point.
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

}  // namespace

void print_findings(std::ostream& out, std::string_view file,
                    const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    out << file;
    if (f.line > 0) out << ":" << f.line;
    out << ": " << severity_word(f.severity) << ": " << f.message << " [" << f.rule << "]\n";
  }
}

void print_summary(std::ostream& out, const PlanSummary& s) {
  std::size_t title_width = 14;
  for (const auto& f : s.fields) title_width = std::max(title_width, width(f.title));
  out << "Plan: " << s.name << "\n";
  if (!s.source.empty()) out << "Quelle: " << s.source << "\n";
  out << "\n  " << pad("Handlungsfeld", title_width)
      << "  Schwerpunkte  Zuständigkeiten  Ableitungen\n";
  for (const auto& f : s.fields) {
    out << "  " << pad(f.title, title_width) << "  " << std::setw(12) << f.focus_areas << "  "
        << std::setw(15) << f.responsibilities << "  " << std::setw(11) << f.objectives << "\n";
  }
  out << "  " << pad("Summe", title_width) << "  " << std::setw(12) << s.focus_areas << "  "
      << std::setw(15) << s.responsibilities << "  " << std::setw(11) << s.objective_links << "\n";
  out << "\n"
      << s.fields.size() << " Handlungsfelder, " << s.focus_areas << " Schwerpunkte, "
      << s.responsibilities << " Zuständigkeiten, " << s.units.size()
      << " befasste Verwaltungsbereiche, " << s.objectives << " Ableitungen (" << s.objective_links
      << " Zuordnungen)\n";
  out << "\nVerwaltungsbereiche nach Zahl der Schwerpunkte:\n";
  for (const auto& u : s.units) {
    out << "  " << std::setw(4) << u.focus_areas << "  " << u.name;
    if (u.is_division)
      out << " (als Ganzes)";
    else if (u.division.empty())
      out << " (Dezernat unbekannt)";
    else
      out << " (" << u.division << ")";
    out << "\n";
  }
  out << "\nBefunde: " << s.errors << " Fehler, " << s.warnings << " Warnungen, " << s.infos
      << " Hinweise\n";
}

}  // namespace eduplan::cli
