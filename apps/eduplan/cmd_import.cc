// eduplan import DOC [--db FILE] [--units CSV] [--plan NAME] [--title TITLE] [--quiet]
#include <eduplan/atomic_output.h>
#include <eduplan/monitoring.h>
#include <eduplan/reader.h>
#include <eduplan/storage.h>
#include <eduplan/summary.h>

#include <fstream>
#include <iostream>
#include <set>

#include "cli_support.h"
#include "text_report.h"

namespace eduplan::cli {
namespace {

// Whether an existing file is opened before the document is read: anything but a regular file,
// to be refused at once, and an eduplan database of this build's schema, as its SQLite header says
// (user_version at byte 60, application_id at byte 68, both big-endian). Only such a database
// is written into while the document is read: opening any other (an empty file, an older
// schema) for writing creates or migrates its schema, which a rejected document must not do.
// A header that is behind its journal or WAL only sends the import the staged way.
bool open_before_reading(const std::string& path) {
  // Anything but a regular file (a FIFO would block this read) is refused when it is opened.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return true;
  std::ifstream in(path, std::ios::binary);
  char header[72] = {};
  if (!in.read(header, sizeof header)) return false;
  const auto be32 = [&](int at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(header[at + i]);
    return v;
  };
  return std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16) &&
         be32(60) == static_cast<std::uint32_t>(kSchemaVersion) &&
         be32(68) == static_cast<std::uint32_t>(kApplicationId);
}

// `message` with every mention of `temp` replaced by `name`.
std::string named_as(std::string message, const std::string& temp, const std::string& name) {
  for (auto at = message.find(temp); at != std::string::npos;
       at = message.find(temp, at + name.size()))
    message.replace(at, temp.size(), name);
  return message;
}

constexpr std::size_t kMaxDatabaseName = 255 - 8;  // bytes; "-journal" is 8

// A plan saved again under its name keeps its reports by key: a reworded focus area or a
// dropped unit leaves reports that count nowhere. Said, so that nobody wonders where they went.
void warn_unmatched_reports(const std::string& db_path, const std::string& plan) {
  const auto storage = open_database_read_only(db_path);
  const auto unmatched = unmatched_reports(*storage, plan);
  if (unmatched.empty()) return;
  std::set<std::string> periods;
  for (const auto& r : unmatched) periods.insert(r.period);
  std::string list;
  for (const auto& p : periods) list += (list.empty() ? "" : ", ") + p;
  std::cerr << tr({"Warnung: {0} ({1}) ohne Zuständigkeit im ersetzten Plan „{2}“ "
                   "(Handlungsschwerpunkt umformuliert oder Bereich entfallen): gespeichert, aber in "
                   "keinem Stand gezählt. Eine neue Fassung besser unter eigenem Namen einlesen und "
                   "die Rückmeldungen mit „eduplan status carry“ übernehmen.",
                   "warning: {0} ({1}) without a responsibility in the replaced plan \"{2}\" (focus "
                   "area reworded or unit dropped): stored, but counted nowhere. Better import a new "
                   "version under a name of its own and carry the reports with \"eduplan status "
                   "carry\"."},
                  count_of(unmatched.size(), {"Rückmeldung", "report"},
                           {"Rückmeldungen", "reports"}),
                  printable(list), printable(plan))
            << "\n";
}

}  // namespace

int run_import(const Command& self, const Args& args) {
  CommandLine line;
  add_document_option(line);
  add_db_option(line);
  add_units_option(line);
  line.visible.add_options()(
      "plan", po::value<std::string>()->value_name("NAME"),
      tr({"Name, unter dem der Plan gespeichert wird (ersetzt einen gleichnamigen); ohne Angabe: "
          "Titel des Dokuments, sonst Dateiname",
          "name to store the plan under (replaces a plan of that name); without it: the "
          "document's title, else the file name"})
          .c_str())("title", po::value<std::string>()->value_name(tr({"TITEL", "TITLE"})),
                    tr({"Titel des Plans für Berichte (statt der Überschrift „# …“ des Dokuments)",
                        "the plan's title for reports (instead of the document's \"# …\" heading)"})
                        .c_str());
  add_quiet_option(line);
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  const UnitsDirectory dir = load_directory(*vm, std::cout);
  const auto path = value_of(*vm, "document");
  const std::string db_path = database_path(*vm);
  // SQLite writes "<name>-journal" beside the database: a longer name could be created (moved
  // there) but never written again.
  if (std::filesystem::path(db_path).filename().string().size() > kMaxDatabaseName) {
    throw StorageError(tr({"{0}: Dateiname zu lang für eine Datenbank (höchstens {1} Byte, damit "
                           "„…-journal“ daneben passt)",
                           "{0}: file name too long for a database (at most {1} bytes, so that "
                           "\"…-journal\" fits beside it)"},
                          db_path, kMaxDatabaseName));
  }
  const ReadOptions options{.directory = dir.empty() ? nullptr : &dir,
                            .plan_name = value_of(*vm, "plan"),
                            .title = value_of(*vm, "title")};
  // Read and stored field by field (Storage::import_plan_file): the plan is never in memory
  // whole. A database that does not exist yet (nor the file a link names) is written beside its
  // place and moved there only if the document is stored, so that a rejected document leaves no
  // file behind; if the name is taken (an empty file, an older schema, another import, a
  // link), the plan is stored into what is there the ordinary way, after it was accepted.
  ImportResult result;
  bool replaced = false;
  std::error_code ec;
  const bool existed = std::filesystem::exists(db_path, ec);
  if (existed && open_before_reading(db_path)) {
    auto storage = open_database(db_path);
    std::set<std::string> before;
    for (auto& name : storage->plan_names()) before.insert(std::move(name));
    result = storage->import_plan_file(path, options);
    replaced = before.count(result.name) > 0;
  } else {
    AtomicOutput staged(db_path);
    try {
      auto fresh = open_database(staged.temp_path());
      result = fresh->import_plan_file(path, options);
    } catch (const StorageError& e) {
      // The user knows the database by its name, not by the hidden file it is staged in.
      throw StorageError(named_as(e.what(), staged.temp_path().string(), db_path));
    }
    if (result.stored && !staged.commit_new()) {
      auto plan = open_database_read_only(staged.temp_path())->load_plan(result.name);
      auto storage = open_database(db_path);
      for (const auto& name : storage->plan_names()) replaced = replaced || name == result.name;
      storage->save_plan(*plan);
    }
  }
  print_findings(std::cout, path, result.findings, vm->count("quiet") == 0);
  if (!result.stored) {
    if (!existed) {
      throw Rejected(tr({"{0}: Dokument abgewiesen; keine Datenbank angelegt ({1})",
                         "{0}: document rejected; no database created ({1})"},
                        path, db_path));
    }
    throw Rejected(tr({"{0}: Dokument abgewiesen; Datenbank {1} unverändert",
                       "{0}: document rejected; database {1} unchanged"},
                      path, db_path));
  }
  std::cout << "\n"
            << tr({"Datenbank: {0}{1}", "Database: {0}{1}"}, db_path, default_note(*vm)) << "\n"
            << (replaced
                    ? tr({"Plan „{0}“ ersetzt", "plan \"{0}\" replaced"}, printable(result.name))
                    : tr({"Plan „{0}“ gespeichert", "plan \"{0}\" stored"}, printable(result.name)))
            << "\n\n";
  print_summary(std::cout, result.summary);
  if (replaced) warn_unmatched_reports(db_path, result.name);
  return kOk;
}

}  // namespace eduplan::cli
