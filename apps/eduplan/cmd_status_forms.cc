// eduplan status forms --db FILE --plan NAME --period PERIOD --output-dir DIR [--force]:
// one status form (status_form.h) per responsible unit, and per division responsible as a
// whole, plus index.csv. Everything is written into a temporary directory next to DIR and
// verified first; only then are the files renamed into DIR, so an error leaves DIR as it was.
#include <eduplan/file_names.h>
#include <eduplan/monitoring.h>
#include <eduplan/report_import.h>
#include <eduplan/storage.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <utility>

#include "cli_support.h"
#include "private_directory.h"
#include "status_commands.h"
#include "status_form.h"
#include "xlsxkit/sheet_names.h"
#include "xlsxkit/workbook.h"

namespace eduplan::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kIndexFile = "index.csv";

struct Form {
  FormSpec spec;
  std::string file;
};

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The forms of the plan: one per unit (or division) named in a responsibility, in the order of
// its first responsibility; rows in document order.
std::vector<Form> collect_forms(const Plan& plan, const std::string& period,
                                const std::vector<std::string>& scale) {
  std::vector<Form> forms;
  std::vector<std::size_t> form_of(plan.units.size(), SIZE_MAX);
  const std::string created = today();
  for (const auto& field : plan.fields) {
    for (const auto& fa : field.focus_areas) {
      for (const auto& r : fa.responsibilities) {
        const OrgUnit& unit = plan.units.at(r.unit);
        if (form_of[r.unit] == SIZE_MAX) {
          form_of[r.unit] = forms.size();
          std::string division = unit.is_division ? unit.name
                                 : unit.parent    ? plan.units.at(*unit.parent).name
                                                  : std::string();
          forms.push_back({FormSpec{plan.name, period, unit.name, std::move(division), created,
                                    scale, {}},
                           {}});
        }
        forms[form_of[r.unit]].spec.rows.push_back(
            {responsibility_key(fa, unit), field.title, fa.text});
      }
    }
  }
  return forms;
}

// File names from the unit names, unique also where case does not count (Windows, macOS):
// compared case-folded as sheet names are (ASCII and Latin-1 letters, Ä/ä).
void name_files(std::vector<Form>& forms) {
  const auto folded = [](const std::string& s) { return xlsxkit::fold(s); };
  std::set<std::string> taken{folded(kIndexFile)};
  for (auto& f : forms) {
    const std::string stem = safe_file_name(f.spec.unit, "", kMaxFileNameBytes - 20);
    std::string name = safe_file_name(stem, "xlsx");
    for (int n = 2; taken.count(folded(name)); ++n)
      name = safe_file_name(stem + " (" + std::to_string(n) + ")", "xlsx");
    taken.insert(folded(name));
    f.file = name;
  }
}

std::string csv_cell(const std::string& s) {
  std::string v = s;
  if (!v.empty() && std::string_view("=+-@\t\r").find(v[0]) != std::string_view::npos)
    v.insert(v.begin(), '\'');  // not a formula when opened in a spreadsheet
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void write_index(const fs::path& path, const std::vector<Form>& forms) {
  std::ofstream out(path, std::ios::binary);
  out << "\xEF\xBB\xBF" << kStatusFormsIndexHeader << "\r\n";
  for (const auto& f : forms) {
    out << csv_cell(f.spec.unit) << ';' << csv_cell(f.spec.division) << ';' << csv_cell(f.file)
        << ';' << f.spec.rows.size() << "\r\n";
  }
  out.close();
  if (!out) throw IoError(tr({"{0} kann nicht geschrieben werden", "cannot write {0}"}, path.string()));
}

// The temporary directory the forms are written into first: beside a new output directory (which
// it then becomes, renamed as a whole), inside an existing one (whose parent need not be writable;
// the files are renamed out of it one by one). Removed unless kept; one a killed run left behind
// is removed by the next run.
class Staging {
 public:
  Staging(const fs::path& base, const fs::path& target) {
    const std::string prefix = staging_prefix(target.filename().string());
    // A killed run left its directory where it staged: beside the output directory if that
    // was new then, inside it if it existed. Both places are swept.
    remove_abandoned_directories(target.has_parent_path() ? target.parent_path() : fs::path("."),
                                 prefix);
    std::error_code ec;
    if (fs::is_directory(target, ec)) remove_abandoned_directories(target, prefix);
    dir_ = make_private_directory(base, prefix);
    if (dir_.empty()) {
      throw IoError(tr({"im Verzeichnis {0} kann nicht geschrieben werden ({1}); dort entstehen die "
                        "Formulare zuerst unter einem vorläufigen Namen",
                        "cannot write in the directory {0} ({1}); the forms are made there first, "
                        "under a temporary name"},
                       base.string(), sdk::error_text(errno)));
    }
    // mkdtemp makes it private (0700); a new output directory gets the mode of any new directory
    // (0777 less the umask), so that the colleagues the forms go to can open it.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(dir_.c_str(), 0777 & ~mask);
  }
  ~Staging() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  void release() { dir_.clear(); }

 private:
  // ".<name>.tmp-<host>-": the host, since a process id means nothing on another host sharing
  // the file system; the name cut (at a character) so that the whole name stays within 255 bytes.
  static std::string staging_prefix(const std::string& name) {
    std::string cut = name;
    constexpr std::size_t kRoom = 255 - 1 - 5 - 16 - 1 - 10 - 7;  // ".", ".tmp-", host, "-", pid, "-XXXXXX"
    if (cut.size() > kRoom) {
      std::size_t at = kRoom;
      while (at > 0 && (static_cast<unsigned char>(cut[at]) & 0xC0) == 0x80) --at;
      cut.resize(at);
    }
    return "." + cut + ".tmp-" + host_tag() + "-";
  }
  fs::path dir_;
};

// An exclusive flock(2) on a directory for one run; none if default-constructed.
class DirectoryLock {
 public:
  DirectoryLock() = default;
  explicit DirectoryLock(const fs::path& dir)
      : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ < 0) {
      throw IoError(tr({"{0} kann nicht geöffnet werden ({1})", "cannot open {0} ({1})"},
                       dir.string(), sdk::error_text(errno)));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd_);
      fd_ = -1;
      if (error == EWOULDBLOCK) {
        throw IoError(tr({"in {0} schreibt gerade ein anderer Lauf von „eduplan status forms“; "
                          "nichts geschrieben, bitte danach erneut aufrufen",
                          "another run of \"eduplan status forms\" is writing into {0}; nothing "
                          "written, please run again afterwards"},
                         dir.string()));
      }
      // A file system without locks (some network mounts): go on as before locks.
    }
  }
  DirectoryLock(DirectoryLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  DirectoryLock& operator=(DirectoryLock&&) = delete;
  ~DirectoryLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_ = -1;
};

// Refuses an output directory that is a file, is not writable, or holds files of the same
// names (unless `force`), or directories of those names.
void check_output(const fs::path& dir, const std::vector<Form>& forms, bool force,
                  const std::string& database) {
  std::error_code ec;
  const auto status = fs::status(dir, ec);
  if (ec && status.type() != fs::file_type::not_found) {
    throw IoError(tr({"{0}: lässt sich nicht prüfen ({1})", "{0}: cannot be checked ({1})"},
                     dir.string(), sdk::error_text(ec.value())));
  }
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status)) {
    throw IoError(tr({"{0} ist kein Verzeichnis", "{0} is not a directory"}, dir.string()));
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw IoError(tr({"in das Verzeichnis {0} kann nicht geschrieben werden",
                      "cannot write into the directory {0}"},
                     dir.string()));
  }
  std::vector<std::string> names{kIndexFile};
  for (const auto& f : forms) names.push_back(f.file);
  // --force or not: a form or the index must not take the database's place.
  for (const auto& name : names) refuse_database_as_target((dir / name).string(), database);
  std::string existing, directories;
  std::size_t count = 0;
  for (const auto& name : names) {
    const auto s = fs::symlink_status(dir / name, ec);
    if (!fs::exists(s)) continue;
    if (fs::is_directory(s)) {
      directories += (directories.empty() ? "" : ", ") + name;
    } else if (!force) {
      if (count++ < 5) existing += (existing.empty() ? "" : ", ") + name;
    }
  }
  if (!directories.empty()) {  // --force replaces files, never a directory
    throw UsageError(tr({"{0} enthält Verzeichnisse mit den Namen von Formularen ({1}); bitte "
                         "umbenennen oder ein anderes Ausgabeverzeichnis wählen",
                         "{0} holds directories named like forms ({1}); rename them or choose "
                         "another output directory"},
                        dir.string(), directories));
  }
  if (count == 0) return;
  if (count > 5) existing += ", …";
  throw UsageError(tr({"{0} enthält schon {1} Datei(en), die überschrieben würden ({2}); "
                       "--force überschreibt sie",
                       "{0} already holds {1} file(s) that would be overwritten ({2}); "
                       "--force overwrites them"},
                      dir.string(), count, existing));
}

}  // namespace

int run_status_forms(const Command& self, const Args& args) {
  CommandLine line;
  add_db_option(line);
  add_plan_option(line);
  line.visible.add_options()(
      "period", po::value<std::string>()->value_name(tr({"PERIODE", "PERIOD"})),
      tr({"Berichtszeitraum, z. B. 2026-H1 (nötig)", "reporting period, e.g. 2026-H1 (required)"})
          .c_str())(
      "output-dir", po::value<std::string>()->value_name(tr({"VERZEICHNIS", "DIR"})),
      tr({"Zielverzeichnis der Bögen (nötig)", "directory for the forms (required)"}).c_str())(
      "force", po::bool_switch(),
      tr({"vorhandene Dateien gleichen Namens überschreiben",
          "overwrite existing files of the same names"})
          .c_str());
  const auto vm = parse(self, args, line);
  if (!vm) return kOk;
  if (!vm->count("period"))
    throw UsageError(tr({"--period fehlt (z. B. 2026-H1)", "--period is missing (e.g. 2026-H1)"}));
  if (!vm->count("output-dir"))
    throw UsageError(tr({"--output-dir fehlt", "--output-dir is missing"}));
  const std::string period = *chosen_period(*vm);  // checked: 1-32 of A-Z a-z 0-9 . _ -
  // The path as given, resolved by the system: "link/.." is the link's target's parent, not the
  // directory the text spells (the forms went there, and --force replaced files there). Only a
  // trailing "/" is dropped, and a final "." or ".." is looked up, since the staging directory
  // goes beside the output directory and needs its name.
  fs::path dir = path_option(*vm, "output-dir", "--output-dir");
  while (!dir.has_filename() && dir.has_parent_path() && dir.parent_path() != dir)
    dir = dir.parent_path();
  if (dir.filename() == "." || dir.filename() == "..") {
    std::error_code ec;
    const fs::path real = fs::canonical(dir, ec);
    if (ec) {
      throw UsageError(tr({"--output-dir {0}: lässt sich nicht auflösen ({1})",
                           "--output-dir {0}: cannot be resolved ({1})"},
                          dir.string(), sdk::error_text(ec.value())));
    }
    dir = real;
  }

  const auto storage = open_existing_database(*vm, DbAccess::read);
  const Plan plan = load_chosen_plan(*storage, *vm);
  const auto scale = storage->status_scale();
  if (scale.empty())
    throw UsageError(tr({"die Statusskala der Datenbank ist leer (eduplan status scale --set …)",
                         "the database's status scale is empty (eduplan status scale --set …)"}));
  auto forms = collect_forms(plan, period, scale);
  if (forms.empty()) {
    throw Rejected(tr({"Plan „{0}“ nennt keine zuständigen Verwaltungsbereiche: keine Bögen",
                       "plan \"{0}\" names no responsible units: no forms"},
                      plan.name));
  }
  name_files(forms);
  const bool force = vm->at("force").as<bool>();
  check_output(dir, forms, force, database_path(*vm));

  std::error_code ec;
  const fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (!fs::is_directory(parent)) {
    throw IoError(tr({"Verzeichnis {0} kann nicht angelegt werden",
                      "the directory {0} cannot be created"},
                     parent.string()));
  }
  const bool exists = fs::exists(dir);
  // Two runs into one existing directory would mix their forms (of two periods, say): the
  // second is refused while the first holds the directory. A new directory needs no lock: it
  // comes into place as a whole, and a second run finds it made meanwhile.
  const DirectoryLock lock = exists ? DirectoryLock(dir) : DirectoryLock();
  Staging staging(exists ? dir : parent, dir);
  for (const auto& f : forms) {
    const fs::path path = staging.dir() / f.file;
    try {
      write_status_form(path.string(), staging.dir().string(), f.spec);
    } catch (const xlsxkit::Failure& e) {
      throw IoError(tr({"{0}: {1}", "{0}: {1}"}, (dir / f.file).string(), e.what()));
    }
  }
  write_index(staging.dir() / kIndexFile, forms);

  // Into place: the whole directory at once if it is new, else file by file.
  if (!exists) {
    fs::rename(staging.dir(), dir, ec);
    if (ec == std::errc::directory_not_empty || ec == std::errc::file_exists) {
      // Made meanwhile, by another run or by hand: its files are not overwritten.
      throw IoError(tr({"{0} ist inzwischen entstanden (ein anderer Lauf?); nichts geschrieben, "
                        "bitte erneut aufrufen",
                        "{0} was created meanwhile (another run?); nothing written, please run "
                        "again"},
                       dir.string()));
    }
    if (ec) {
      throw IoError(tr({"{0} kann nicht angelegt werden: {1}", "cannot create {0}: {1}"},
                       dir.string(), sdk::error_text(ec.value())));
    }
    staging.release();
  } else {
    std::vector<std::string> names{kIndexFile};
    for (const auto& f : forms) names.push_back(f.file);
    for (const auto& name : names) {
      fs::rename(staging.dir() / name, dir / name, ec);
      if (ec) {
        throw IoError(tr({"{0} kann nicht geschrieben werden: {1}", "cannot write {0}: {1}"},
                         (dir / name).string(), sdk::error_text(ec.value())));
      }
    }
  }
  std::size_t rows = 0;
  for (const auto& f : forms) rows += f.spec.rows.size();
  std::cout << tr({"{0} Rückmeldebögen ({1} Zuständigkeiten) für {2} geschrieben in {3}",
                   "{0} status forms ({1} responsibilities) for {2} written to {3}"},
                  forms.size(), rows, period, dir.string())
            << "\n"
            << tr({"Übersicht: {0}", "Index: {0}"}, (dir / kIndexFile).string()) << "\n";
  return kOk;
}

}  // namespace eduplan::cli
