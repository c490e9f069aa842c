#include "storage/storage_checks.h"

#include <string>

#include "eduplan/error.h"
#include "eduplan/language.h"
#include "util/text.h"

namespace eduplan {
namespace {

[[noreturn]] void invalid(const Plan& plan, const std::string& what) {
  throw UsageError(
      tr({"Plan {0} ungültig, nicht gespeichert: {1}", "invalid plan {0}, not stored: {1}"},
         quoted(plan.name), what));
}

// `where` names the text for the message ("unit 3, name").
template <class Where>
void check_text(const Plan& plan, std::string_view text, Where where) {
  if (auto bad = text::find_invalid_utf8(text)) {
    invalid(plan,
            tr({"{0} ist kein gültiges UTF-8 (Byte {1})", "{0} is not valid UTF-8 (byte {1})"},
               where(), *bad + 1));
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    invalid(plan,
            tr({"{0} enthält ein NUL-Zeichen (Byte {1})", "{0} holds a NUL character (byte {1})"},
               where(), nul + 1));
  }
}

void check_line(const Plan& plan, int line, const std::string& where) {
  if (line < 0) invalid(plan, tr({"{0}: Zeile {1}", "{0}: line {1}"}, where, line));
}

std::string unit_label(const Plan& plan, std::size_t i) {
  return tr({"Einheit {0} ({1})", "unit {0} ({1})"}, i, quoted(plan.units[i].name));
}

}  // namespace

void check_plan_units(const Plan& plan, std::size_t from) {
  for (std::size_t i = from; i < plan.units.size(); ++i) {
    const OrgUnit& u = plan.units[i];
    check_text(plan, u.name, [&] {
      return tr({"der Name der Einheit {0}", "the name of unit {0}"}, i);
    });
    check_text(plan, u.key, [&] {
      return tr({"der Schlüssel der Einheit {0}", "the key of unit {0}"}, i);
    });
    check_line(plan, u.source_line, unit_label(plan, i));
    if (!u.parent) continue;
    if (u.is_division) {
      invalid(plan, tr({"{0} ist ein Dezernat, hat aber ein übergeordnetes",
                        "{0} is a division but has a parent"},
                       unit_label(plan, i)));
    }
    if (*u.parent >= plan.units.size() || *u.parent == i || !plan.units[*u.parent].is_division) {
      invalid(plan, tr({"{0}: übergeordnet ist Nr. {1}, kein Dezernat dieses Plans",
                        "{0}: its parent {1} is not a division of this plan"},
                       unit_label(plan, i), *u.parent));
    }
  }
}

void check_plan_objectives(const Plan& plan, std::size_t from) {
  for (std::size_t i = from; i < plan.objectives.size(); ++i) {
    const auto here = [&] { return tr({"Ableitung {0}", "objective {0}"}, i); };
    check_text(plan, plan.objectives[i].text, here);
    check_text(plan, plan.objectives[i].key, here);
    check_line(plan, plan.objectives[i].source_line, here());
  }
}

void check_plan_field(const Plan& plan, std::size_t f) {
  const Field& field = plan.fields[f];
  const auto field_label = [&] { return tr({"Handlungsfeld {0}", "field {0}"}, f); };
  check_text(plan, field.title, field_label);
  check_text(plan, field.key, field_label);
  check_line(plan, field.source_line, field_label());
  for (std::size_t a = 0; a < field.focus_areas.size(); ++a) {
    const FocusArea& fa = field.focus_areas[a];
    const std::string label =
        tr({"Handlungsfeld {0}, Schwerpunkt {1}", "field {0}, focus area {1}"}, f, a);
    const auto here = [&] { return label; };
    check_text(plan, fa.text, here);
    check_text(plan, fa.key, here);
    check_line(plan, fa.source_line, label);
    for (const Attribute& attr : fa.attributes) {
      check_text(plan, attr.name, here);
      check_text(plan, attr.value, here);
    }
    for (const Responsibility& r : fa.responsibilities) {
      if (r.unit >= plan.units.size()) {
        invalid(plan, tr({"{0}: Einheit {1} gibt es nicht", "{0}: there is no unit {1}"}, label,
                         r.unit));
      }
      check_text(plan, r.written_name, here);
      check_text(plan, r.stated_division, here);
      check_text(plan, r.split_from, here);
      check_line(plan, r.source_line, label);
    }
  }
  for (const ObjectiveRef& ref : field.objectives) {
    if (ref.objective >= plan.objectives.size()) {
      invalid(plan, tr({"Handlungsfeld {0}: Ableitung {1} gibt es nicht",
                        "field {0}: there is no objective {1}"},
                       f, ref.objective));
    }
    check_line(plan, ref.source_line, field_label());
  }
}

void check_stored_text(std::string_view text, std::string_view what) {
  if (auto bad = text::find_invalid_utf8(text)) {
    throw UsageError(tr({"{0} ist kein gültiges UTF-8 (Byte {1})", "{0} is not valid UTF-8 (byte {1})"},
                        std::string(what), *bad + 1));
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    throw UsageError(tr({"{0} enthält ein NUL-Zeichen (Byte {1})",
                         "{0} holds a NUL character (byte {1})"},
                        std::string(what), nul + 1));
  }
}

void check_status_report(const StatusReport& r) {
  for (const std::string* text : {&r.key, &r.period, &r.status, &r.note, &r.source})
    check_stored_text(*text, tr({"eine Rückmeldung", "a status report"}));
  if (r.progress && (*r.progress < 0 || *r.progress > 100))
    throw UsageError(tr({"Fortschritt {0} liegt nicht zwischen 0 und 100",
                         "progress {0} is not between 0 and 100"},
                        *r.progress));
}

void check_plan_name(std::string_view name) {
  if (name.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw UsageError(
        tr({"der Name eines Plans darf nicht leer sein", "a plan's name must not be empty"}));
  if (text::padded_with_space(name)) {
    // "Konzept " looks like "Konzept" in every list and message, but is another plan.
    throw UsageError(tr({"der Name eines Plans darf nicht mit einem Leerzeichen beginnen oder enden "
                         "(„{0}“)",
                         "a plan's name must not begin or end with a space (\"{0}\")"},
                        std::string(name)));
  }
  if (const auto at = text::find_invisible(name)) {
    throw UsageError(tr({"der Name eines Plans enthält ein unsichtbares Zeichen (Byte {0}: weiches "
                         "Trennzeichen, Null-Breite-Zeichen, Richtungszeichen …); so sähe er aus "
                         "wie ein anderer",
                         "a plan's name holds an invisible character (byte {0}: soft hyphen, "
                         "zero-width character, direction mark …); it would look like another"},
                        *at + 1));
  }
  if (auto bad = text::find_invalid_utf8(name)) {
    throw UsageError(tr({"der Name eines Plans muss gültiges UTF-8 sein (Byte {0} ist es nicht)",
                         "a plan's name must be valid UTF-8 (byte {0} is not)"},
                        *bad + 1));
  }
  if (auto control = text::find_control(name)) {
    throw UsageError(tr({"der Name eines Plans darf kein Steuerzeichen enthalten (Byte {0})",
                         "a plan's name must not hold a control character (byte {0})"},
                        *control + 1));
  }
}

void check_plan_header(const Plan& plan) {
  check_plan_name(plan.name);
  check_text(plan, plan.title, [] { return tr({"der Titel", "the title"}); });
  if (auto control = text::find_control(plan.title)) {  // it heads every report and page
    invalid(plan, tr({"der Titel enthält ein Steuerzeichen (Byte {0})",
                      "the title holds a control character (byte {0})"},
                     *control + 1));
  }
  check_text(plan, plan.source, [] { return tr({"die Quelle (Pfad)", "the source (path)"}); });
}

void check_plan(const Plan& plan) {
  check_plan_header(plan);
  check_plan_units(plan, 0);
  for (std::size_t f = 0; f < plan.fields.size(); ++f) check_plan_field(plan, f);
  check_plan_objectives(plan, 0);
  check_plan_findings(plan);
}

void check_plan_findings(const Plan& plan) {
  for (std::size_t i = 0; i < plan.findings.size(); ++i) {
    const Finding& f = plan.findings[i];
    const auto here = [&] { return tr({"Befund {0}", "finding {0}"}, i); };
    check_text(plan, f.rule, here);
    check_text(plan, f.message, here);
    check_text(plan, f.subject, here);
    check_line(plan, f.line, here());
  }
}

void throw_name_taken(std::string_view name) {
  throw UsageError(tr({"es gibt schon einen Plan „{0}“", "there is already a plan \"{0}\""}, name));
}

}  // namespace eduplan
