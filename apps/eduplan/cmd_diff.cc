// eduplan diff [--db FILE] PLAN_A PLAN_B [--format text|json|xlsx] [-o FILE]: what changed
// from one stored plan version to another (diff_plans, plan_diff.h).
#include <eduplan/atomic_output.h>
#include <eduplan/plan_diff.h>
#include <eduplan/storage.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_support.h"
#include "diff_report.h"
#include "stdout_target.h"
#include "text_report.h"

namespace eduplan::cli {
namespace {

template <class T, class Line>
void section(std::ostream& out, const Text& heading, const std::vector<T>& items, Line line) {
  if (items.empty()) return;
  out << "\n" << tr(heading, items.size()) << "\n";
  for (const auto& item : items) line(item);
}

void print_text(std::ostream& out, const std::string& a, const std::string& b,
                const PlanDiff& d) {
  out << tr({"Vergleich: „{0}“ → „{1}“", "Comparison: \"{0}\" → \"{1}\""}, printable(a),
            printable(b))
      << "\n";
  if (d.empty()) {
    out << tr({"Keine Unterschiede.", "No differences."}) << "\n";
    return;
  }
  const auto field = [](const std::string& f) { return "[" + printable(f) + "] "; };
  section(out, {"Neue Handlungsschwerpunkte ({0}):", "Focus areas added ({0}):"}, d.added,
          [&](const DiffFocusArea& f) { out << "  + " << field(f.field) << printable(f.text) << "\n"; });
  section(out, {"Entfallene Handlungsschwerpunkte ({0}):", "Focus areas removed ({0}):"},
          d.removed,
          [&](const DiffFocusArea& f) { out << "  - " << field(f.field) << printable(f.text) << "\n"; });
  section(out, {"Umformulierte Handlungsschwerpunkte ({0}):", "Focus areas reworded ({0}):"},
          d.reworded, [&](const DiffReworded& r) {
            out << "  ~ " << field(r.field) << printable(r.from) << "\n"
                << "    → " << printable(r.to) << "\n";
          });
  const auto resp = [&](const char* sign) {
    return [&out, sign, field](const DiffResponsibility& r) {
      out << "  " << sign << " " << field(r.field) << printable(r.focus_area) << ": "
          << printable(r.unit) << "\n";
    };
  };
  section(out, {"Neue Zuständigkeiten ({0}):", "Responsibilities added ({0}):"},
          d.responsibilities_added, resp("+"));
  section(out, {"Entfallene Zuständigkeiten ({0}):", "Responsibilities removed ({0}):"},
          d.responsibilities_removed, resp("-"));
  const std::string none = tr({"(ohne Dezernat)", "(no division)"});
  section(out,
          {"Verwaltungsbereiche in einem anderen Dezernat ({0}):", "Units moved between divisions ({0}):"},
          d.moved, [&](const DiffMovedUnit& m) {
            out << "  " << printable(m.unit) << ": " << (m.from.empty() ? none : printable(m.from))
                << " → " << (m.to.empty() ? none : printable(m.to)) << "\n";
          });
  section(out, {"Neue Ableitungen ({0}):", "Objectives added ({0}):"}, d.objectives_added,
          [&](const DiffObjective& o) { out << "  + " << field(o.field) << printable(o.text) << "\n"; });
  section(out, {"Entfallene Ableitungen ({0}):", "Objectives removed ({0}):"}, d.objectives_removed,
          [&](const DiffObjective& o) { out << "  - " << field(o.field) << printable(o.text) << "\n"; });
}

// Writes `content` to `target` through a temporary file that replaces it only when complete.
void write_atomically(const std::filesystem::path& target, const std::string& content) {
  AtomicOutput output(target);
  {
    std::ofstream file(output.temp_path(), std::ios::binary | std::ios::trunc);
    file << content;
    file.flush();
    if (!file)
      throw IoError(tr({"{0}: kann nicht geschrieben werden", "{0}: cannot be written"},
                       target.string()));
  }
  output.commit();
}

}  // namespace

int run_diff(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  add_format_option(line, {"text", "json", "xlsx"});
  line.visible.add_options()(
      "output,o", po::value<std::string>()->value_name(tr({"DATEI", "FILE"})),
      tr({"in diese Datei schreiben (für xlsx nötig)", "write to this file (needed for xlsx)"})
          .c_str());
  line.hidden.add_options()("plans", po::value<std::vector<std::string>>(), "");
  line.positional.add("plans", 2);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const auto format = chosen_format(*vm, {"text", "json", "xlsx"});
  const auto names =
      vm->count("plans") ? vm->at("plans").as<std::vector<std::string>>() : std::vector<std::string>{};
  if (names.size() != 2)
    throw UsageError(tr({"zwei Pläne nötig: eduplan diff {0}", "two plans needed: eduplan diff {0}"},
                        self.synopsis.get()));
  const std::string output = vm->count("output") ? path_option(*vm, "output", "-o") : "";
  if (format == "xlsx" && output.empty())
    throw UsageError(tr({"--format xlsx braucht -o DATEI", "--format xlsx needs -o FILE"}));
  if (!output.empty()) refuse_database_as_target(output, database_path(*vm));
  const auto storage = open_existing_database(*vm, DbAccess::read);
  const Plan a = load_named_plan(*storage, *vm, names[0]);
  const Plan b = load_named_plan(*storage, *vm, names[1]);
  const PlanDiff diff = diff_plans(a, b);

  if (format == "xlsx" && is_stdout_target(output)) {
    const StdoutTarget out("diff.xlsx");
    write_diff_workbook(out.path(), "-", a, b, diff);
    out.copy_out();
    return kOk;
  }
  if (format == "xlsx") {
    AtomicOutput out(output);
    write_diff_workbook(out.temp_path(), output, a, b, diff);
    out.commit();
    if (!StdoutTarget::is_file(output))  // not into the comparison itself (-o /dev/stdout)
      std::cout << tr({"geschrieben: {0}", "written: {0}"}, output) << "\n";
    return kOk;
  }
  std::ostringstream text;
  if (format == "json")
    text << to_json(diff) << "\n";
  else
    print_text(text, a.name, b.name, diff);
  if (output.empty() || is_stdout_target(output)) {
    std::cout << text.str();
  } else {
    write_atomically(output, text.str());
    if (!StdoutTarget::is_file(output))  // not into the comparison itself (-o /dev/stdout)
      std::cout << tr({"geschrieben: {0}", "written: {0}"}, output) << "\n";
  }
  return kOk;
}

}  // namespace eduplan::cli
