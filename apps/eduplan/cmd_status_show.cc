// eduplan status show [--db FILE] [--plan NAME] [--period PERIOD] [--format text|json]
// eduplan status scale [--db FILE] [--set STATUS,STATUS,…]
#include <eduplan/json.h>
#include <eduplan/monitoring.h>
#include <eduplan/storage.h>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "cli_support.h"
#include "status_commands.h"
#include "text_report.h"

namespace eduplan::cli {
namespace {

const char* scope_heading(const std::string& scope) {
  if (scope == "field") return Text{"Handlungsfelder", "Fields"}.get();
  if (scope == "division") return Text{"Dezernate", "Divisions"}.get();
  if (scope == "unit") return Text{"Verwaltungsbereiche", "Units"}.get();
  return Text{"Plan", "Plan"}.get();
}

void print_rollups(std::ostream& out, const std::vector<Rollup>& rollups,
                   const std::vector<std::string>& scale) {
  std::size_t name_width = 20;
  for (const auto& r : rollups) name_width = std::max(name_width, width(printable(r.name)));
  const std::string resp = tr({"Zuständigk.", "Respons."}), reported = tr({"gemeldet", "reported"}),
                    progress = tr({"Fortschritt", "Progress"});
  std::string scope;
  for (const auto& r : rollups) {
    if (r.scope != scope) {
      scope = r.scope;
      out << "\n" << pad(scope_heading(scope), name_width) << "  " << resp << "  " << reported;
      for (const auto& s : scale) out << "  " << printable(s);
      out << "  " << progress << "\n";
    }
    out << pad(printable(r.name), name_width) << "  " << std::setw(static_cast<int>(width(resp)))
        << r.responsibilities << "  " << std::setw(static_cast<int>(width(reported))) << r.reported;
    for (const auto& s : scale) {
      const auto it = r.counts.find(s);
      out << "  " << std::setw(static_cast<int>(width(s))) << (it == r.counts.end() ? 0 : it->second);
    }
    std::ostringstream p;
    if (r.progress)
      p << std::lround(*r.progress) << " %";
    else
      p << "–";
    out << "  " << std::setw(static_cast<int>(width(progress))) << p.str() << "\n";
  }
}

}  // namespace

int run_status_show(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  add_plan_option(line);
  line.visible.add_options()(
      "period", po::value<std::string>()->value_name(tr({"PERIODE", "PERIOD"})),
      tr({"Berichtszeitraum, z. B. 2026-H1 (ohne: die jeweils letzte Rückmeldung)",
          "reporting period, e.g. 2026-H1 (without: the latest report of each)"})
          .c_str());
  add_format_option(line, {"text", "json"});
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const bool json = chosen_format(*vm, {"text", "json"}) == "json";
  const auto storage = open_existing_database(*vm, DbAccess::read);
  const std::string plan = chosen_plan_name(*storage, *vm);
  const std::optional<std::string> period = chosen_period(*vm);
  note_empty_period(*storage, plan, period);
  const auto result = rollups(*storage, plan, period);
  if (json) {
    std::cout << to_json(result, plan, period, storage->status_scale()) << "\n";
    return kOk;
  }
  std::cout << tr({"Plan: {0}", "Plan: {0}"}, printable(plan)) << "\n"
            << (period ? tr({"Berichtszeitraum: {0}", "Reporting period: {0}"}, printable(*period))
                       : tr({"Berichtszeitraum: alle (je Zuständigkeit die letzte Rückmeldung)",
                             "Reporting period: all (the latest report of each responsibility)"}))
            << "\n";
  // A status outside the scale (a database another program wrote to) is counted as reported: it
  // gets a column of its own after the scale's, so that the columns add up, and a note.
  std::vector<std::string> columns = storage->status_scale();
  const std::size_t on_scale = columns.size();
  for (const auto& r : result) {
    for (const auto& [status, count] : r.counts) {
      if (count > 0 && std::find(columns.begin(), columns.end(), status) == columns.end())
        columns.push_back(status);
    }
  }
  print_rollups(std::cout, result, columns);
  if (columns.size() > on_scale) {
    std::string extra;
    for (std::size_t i = on_scale; i < columns.size(); ++i)
      extra += (extra.empty() ? "" : ", ") + printable(columns[i]);
    std::cerr << tr({"Hinweis: Status außerhalb der Skala der Datenbank: {0} (eigene Spalten); "
                     "„eduplan status scale“ zeigt die Skala",
                     "note: statuses outside the database's scale: {0} (columns of their own); "
                     "\"eduplan status scale\" shows the scale"},
                    extra)
              << "\n";
  }
  return kOk;
}

int run_status_scale(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  line.visible.add_options()(
      "set", po::value<std::string>()->value_name("STATUS,STATUS,..."),
      tr({"neue Skala, durch Kommas getrennt, in dieser Reihenfolge",
          "the new scale, separated by commas, in this order"})
          .c_str());
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const bool set = vm->count("set") > 0;
  const auto storage = open_existing_database(*vm, set ? DbAccess::write : DbAccess::read);
  if (set) {
    std::vector<std::string> scale;
    std::string item;
    std::istringstream in(vm->at("set").as<std::string>());
    while (std::getline(in, item, ',')) {
      const auto first = item.find_first_not_of(' '), last = item.find_last_not_of(' ');
      scale.push_back(first == std::string::npos ? "" : item.substr(first, last - first + 1));
    }
    storage->set_status_scale(scale);
  }
  for (const auto& s : storage->status_scale()) std::cout << printable(s) << "\n";
  return kOk;
}

}  // namespace eduplan::cli
