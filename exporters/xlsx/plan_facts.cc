#include "plan_facts.h"

#include <algorithm>

#include "focus_area_tape.h"
#include "report.h"
#include "xlsxkit/text_metrics.h"

namespace eduplan::xlsx_exporter {

using sdk::view;

namespace {

const std::vector<double> kFieldWidths{5, 58, 68};  // Nr., Handlungsschwerpunkt, units
constexpr double kAttributeWidth = 16;
constexpr double kStatusWidth = 30;  // "Stabsstelle Führungsunterstützung: begonnen, 40 %" wraps
const std::vector<double> kFindingWidths{24, 11, 7, 34, 70};

}  // namespace

PlanFacts::PlanFacts(const sdk::Request& request, const Labels& labels, FocusAreaTape* tape)
    : r(request), l(labels) {
  const auto units = r.units();
  const auto fields = r.fields();
  division.resize(units.size());
  focus_count.assign(units.size(), 0);
  fields_of.resize(units.size());
  division_areas.assign(units.size(), 0);
  field_responsibilities.assign(fields.size(), 0);
  for (std::size_t u = 0; u < units.size(); ++u)
    division[u] = units[u].is_division ? u : units[u].division;

  // Per field: the further columns in order of appearance and the longest words of each column.
  std::vector<ColumnFit> field_fits;
  field_columns.resize(fields.size());
  const std::vector<std::string> field_header{l.nr, l.focus_area, l.units_col};
  for (std::size_t f = 0; f < fields.size(); ++f) {
    field_fits.emplace_back(kFieldWidths);
    field_fits.back().header(field_header);
    for (std::size_t o : sdk::Request::objectives_of(fields[f]))
      field_fits.back().text(1, view(r.objectives()[o].text));
  }
  scale = r.status_scale();
  if (!scale.empty()) {
    plan_status.counts.assign(scale.size(), 0);
    field_status.assign(fields.size(), plan_status);
    division_status.assign(units.size(), plan_status);
  }
  ColumnFit matrix({20, 4.5, 46});
  matrix.header({l.field, l.nr, l.focus_area});
  for (const auto& field : fields) matrix.text(0, view(field.title));

  std::vector<bool> seen(units.size(), false);
  std::vector<std::size_t> touched;  // divisions of the current focus area
  r.each_focus_area([&](const sdk::FocusArea& fa) {
    if (tape) tape->record(fa);
    ++focus_areas;
    auto& columns = field_columns[fa.field];
    ColumnFit& fit = field_fits[fa.field];
    // The focus area's text goes to its field's sheet and to the matrix: its words are counted
    // once for both, unless neither column can widen any more.
    const std::string_view text = view(fa.area.text);
    if (fit.can_widen(1) || matrix.can_widen(2)) {
      const std::size_t longest = xlsxkit::longest_word_bytes(text);
      fit.text(1, text, longest);
      matrix.text(2, text, longest);
    }
    // The units column starts wider than a fitted column can grow: its text is not measured.
    if (fit.can_widen(2)) fit.text(2, units_by_division(fa.area));
    // The further columns, each with its header and values.
    for (const auto& a : fa.attributes) {
      const std::string_view n = view(a.name);
      auto it = std::find(columns.attribute_names.begin(), columns.attribute_names.end(), n);
      if (it == columns.attribute_names.end()) {
        columns.attribute_names.emplace_back(n);
        it = columns.attribute_names.end() - 1;
        fit.add_column(kAttributeWidth);
        fit.text(fit.widths().size() - 1, n, true);
      }
      fit.text(3 + static_cast<std::size_t>(it - columns.attribute_names.begin()), view(a.value));
    }
    touched.clear();
    const auto area_units = sdk::Request::units_of(fa.area);
    for (std::size_t i = 0; i < area_units.size() && !scale.empty(); ++i) {
      const eduplan_report_view* report = i < fa.reports.size() ? &fa.reports[i] : nullptr;
      plan_status.add(report, scale);
      field_status[fa.field].add(report, scale);
      if (division[area_units[i]] != EDUPLAN_NO_INDEX)
        division_status[division[area_units[i]]].add(report, scale);
    }
    for (std::size_t u : area_units) {
      ++focus_count[u];
      ++responsibilities;
      ++field_responsibilities[fa.field];
      if (fields_of[u].empty() || fields_of[u].back() != fa.field) fields_of[u].push_back(fa.field);
      const std::size_t d = division[u];
      if (d == EDUPLAN_NO_INDEX) continue;
      if (!seen[d]) {
        seen[d] = true;
        divisions.push_back(d);
      }
      if (std::find(touched.begin(), touched.end(), d) == touched.end()) {
        touched.push_back(d);
        ++division_areas[d];
      }
    }
  });
  for (std::size_t f = 0; f < fields.size(); ++f) {
    field_columns[f].widths = field_fits[f].widths();
    if (!scale.empty()) field_columns[f].widths.push_back(kStatusWidth);
  }
  matrix_labels = matrix.widths();

  ColumnFit findings(kFindingWidths);
  findings.header({l.rule, l.severity, l.line, l.subject, l.message});
  r.each_finding([&](const eduplan_finding_view& f) {
    const auto sev = view(f.severity);
    ++severity_counts[sev == "error" ? 0 : sev == "warning" ? 1 : 2];
    findings.row(finding_cells(f));
  });
  findings_widths = findings.widths();
}

std::string PlanFacts::name(std::size_t u) const { return std::string(view(r.units()[u].name)); }

std::string PlanFacts::division_name(std::size_t u) const {
  return division[u] == EDUPLAN_NO_INDEX ? "" : name(division[u]);
}

std::string PlanFacts::units_by_division(const eduplan_focus_area_view& area) const {
  std::string out;
  std::vector<UnitLine> lines;
  units_by_division(area, out, lines);
  return out;
}

void PlanFacts::units_by_division(const eduplan_focus_area_view& area, std::string& out,
                                  std::vector<UnitLine>& lines) const {
  // The lines in order of their first unit: a division's line holds its units in their order.
  lines.clear();
  const auto area_units = sdk::Request::units_of(area);
  const auto units = r.units();
  for (std::size_t u : area_units) {
    const std::size_t d = division[u];
    if (units[u].is_division || d == EDUPLAN_NO_INDEX) {
      lines.push_back({EDUPLAN_NO_INDEX, u});
    } else if (std::find_if(lines.begin(), lines.end(), [d](const UnitLine& line) {
                 return line.division == d;
               }) == lines.end()) {
      lines.push_back({d, u});
    }
  }
  out.clear();
  for (const auto& line : lines) {
    if (!out.empty()) out += '\n';
    if (line.division == EDUPLAN_NO_INDEX) {
      out += view(units[line.unit].name);
      if (units[line.unit].is_division) {
        out += ' ';
        out += l.whole_division;
      }
      continue;
    }
    out += view(units[line.division].name);
    out += ": ";
    bool first = true;
    for (std::size_t u : area_units) {
      if (units[u].is_division || division[u] != line.division) continue;
      if (!first) out += "; ";
      out += view(units[u].name);
      first = false;
    }
  }
}

void StatusTally::add(const eduplan_report_view* report,
                      const std::vector<std::string_view>& scale) {
  ++responsibilities;
  if (!report || report->status.size == 0) return;
  ++reported;
  const auto status = view(report->status);
  for (std::size_t s = 0; s < scale.size(); ++s) counts[s] += scale[s] == status;
  if (report->progress >= 0) {
    progress_sum += report->progress;
    ++progress_count;
  }
}

std::optional<double> StatusTally::progress() const {
  if (progress_count == 0) return std::nullopt;
  return progress_sum / static_cast<double>(progress_count);
}

std::string PlanFacts::statuses(const sdk::FocusArea& fa) const {
  std::string out;
  const auto area_units = sdk::Request::units_of(fa.area);
  for (std::size_t i = 0; i < area_units.size() && i < fa.reports.size(); ++i) {
    const auto& report = fa.reports[i];
    if (report.status.size == 0) continue;
    if (!out.empty()) out += '\n';
    out += name(area_units[i]) + ": " + std::string(view(report.status));
    if (report.progress >= 0) out += ", " + std::to_string(report.progress) + " %";
  }
  return out;
}

std::vector<Cell> PlanFacts::finding_cells(const eduplan_finding_view& f) const {
  const auto sev = view(f.severity);
  return {Cell::of(view(f.rule)),
          Cell::of(sev == "error"     ? l.error
                   : sev == "warning" ? l.warning
                                      : l.info),
          f.line > 0 ? Cell::num(f.line) : Cell::of(""), Cell::of(view(f.subject)),
          Cell::of(view(f.message))};
}

}  // namespace eduplan::xlsx_exporter
