// eduplan status carry [--db FILE] --from PLAN_A --to PLAN_B [--dry-run]: the latest report of
// each responsibility of plan A carried over to plan B where B has that responsibility too (the
// same or a reworded focus area, the same unit); the rest is listed (status_carry.h).
#include <eduplan/plan_diff.h>
#include <eduplan/status_carry.h>
#include <eduplan/storage.h>

#include <iostream>

#include "cli_support.h"
#include "diff_report.h"
#include "status_commands.h"
#include "text_report.h"

namespace eduplan::cli {
namespace {

std::string why(CarryGap gap) {
  switch (gap) {
    case CarryGap::focus_area_removed:
      return tr({"Handlungsschwerpunkt entfallen", "focus area removed"});
    case CarryGap::unit_not_responsible:
      return tr({"Verwaltungsbereich nicht mehr zuständig", "unit no longer responsible"});
    case CarryGap::reported_in_new_version:
      return tr({"die neue Fassung hat für diesen Zeitraum schon eine eigene Rückmeldung",
                 "the new version has a report of its own for this period"});
    case CarryGap::not_in_plan:
      break;
  }
  return tr({"keine Zuständigkeit der bisherigen Fassung", "no responsibility of the earlier version"});
}

}  // namespace

int run_status_carry(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  line.visible.add_options()(
      "from", po::value<std::string>()->required()->value_name(tr({"PLAN", "PLAN"})),
      tr({"bisherige Fassung, deren Rückmeldungen übernommen werden",
          "the earlier version whose reports are carried over"})
          .c_str())(
      "to", po::value<std::string>()->required()->value_name(tr({"PLAN", "PLAN"})),
      tr({"neue Fassung, die sie erhält", "the new version that receives them"}).c_str())(
      "dry-run",
      tr({"nur zeigen, was übernommen würde; nichts speichern",
          "only show what would be carried over; store nothing"})
          .c_str());
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const std::string from = value_of(*vm, "from"), to = value_of(*vm, "to");
  const bool dry_run = vm->count("dry-run") > 0;
  if (from == to)
    throw UsageError(tr({"--from und --to nennen denselben Plan „{0}“",
                         "--from and --to name the same plan \"{0}\""},
                        from));
  const auto storage = open_existing_database(*vm, dry_run ? DbAccess::read : DbAccess::write);
  const Plan a = load_named_plan(*storage, *vm, from);
  const Plan b = load_named_plan(*storage, *vm, to);
  const auto result = plan_carry(a, b, diff_plans(a, b), storage->status_reports(from),
                                 storage->status_reports(to));
  const std::size_t carried = result.carried.size();
  if (!dry_run && carried > 0) storage->add_status_reports(to, result.carried);

  auto& out = std::cout;
  out << tr({"Rückmeldungen übernehmen: „{0}“ → „{1}“", "Carrying reports over: \"{0}\" → \"{1}\""},
            printable(from), printable(to))
      << "\n"
      << (dry_run ? tr({"Würden übernommen: {0} (davon {1} zu umformulierten Handlungsschwerpunkten)",
                        "Would be carried over: {0} ({1} of them to reworded focus areas)"},
                       carried, result.to_reworded)
                  : tr({"Übernommen: {0} (davon {1} zu umformulierten Handlungsschwerpunkten)",
                        "Carried over: {0} ({1} of them to reworded focus areas)"},
                       carried, result.to_reworded))
      << "\n"
      << tr({"Schon früher übernommen (übersprungen): {0}",
             "Carried over before (skipped): {0}"},
            result.already_carried)
      << "\n"
      << tr({"Nicht übernommen: {0}", "Not carried over: {0}"}, result.left_behind.size()) << "\n";
  for (const auto& l : result.left_behind) {
    out << "  " << printable(l.report.key) << " (" << printable(l.report.period) << ", "
        << printable(l.report.status) << "): " << why(l.why) << "\n";
    if (!l.focus_area.empty())
      out << "    [" << printable(l.field) << "] " << printable(l.focus_area) << " – "
          << printable(l.unit) << "\n";
  }
  if (dry_run) out << tr({"Probelauf: nichts gespeichert.", "Dry run: nothing stored."}) << "\n";
  return kOk;
}

}  // namespace eduplan::cli
