// Exporter plugins: discovery, loading, option checking and atomic export.
//
// Modules are searched only in explicitly named directories (never the current
// directory), in this order; the first module with an id wins:
//   1. the directories passed by the caller (the CLI's --plugin-dir),
//   2. EDUPLAN_PLUGIN_PATH (':'-separated absolute paths; the value "disable" turns all
//      loading off),
//   3. the install directory, relative to the executable (<prefix>/bin/../lib/eduplan/exporters,
//      or lib/<multiarch>/… where the libraries go there), and <directory of libeduplan>/eduplan/
//      exporters, so that programs embedding the library find them too.
// The exporters shipped with eduplan (in the install directory) cannot be shadowed: a module
// elsewhere with one of their ids is refused. A module file must be owned by root or the user
// and, like every directory above it, writable by no one else (a directory with the sticky bit,
// like /tmp, is allowed); symbolic links are followed and the target checked.
//
// Modules never run in the calling process: each is loaded in a child process to read its
// descriptor, and each export runs in a child process of its own, with a time limit. A module
// that crashes, aborts, calls exit() or hangs fails that one export (ExportError naming the
// signal, exit code or time limit and the module's path) and nothing else.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eduplan/error.h"
#include "eduplan/export.h"
#include "eduplan/model.h"
#include "eduplan/monitoring.h"

namespace eduplan {

// An export failed; the target file is unchanged and no temporary file is left.
class EDUPLAN_EXPORT ExportError : public Error {
 public:
  using Error::Error;
};

// An export failed because its target cannot be written: the directory is missing or is none,
// no temporary file can be made beside the target, it cannot be replaced, or a pipe's reader has
// gone. The C API reports it as EDUPLAN_E_IO, other export failures as EDUPLAN_E_EXPORT.
class EDUPLAN_EXPORT OutputError : public ExportError {
 public:
  using ExportError::ExportError;
};

// The type of an exporter option; its values are text on the command line ("true", "42").
enum class OptionType { string, boolean, integer, enumeration };
BOOST_DESCRIBE_ENUM(OptionType, string, boolean, integer, enumeration)

struct ExporterOption {
  std::string name;
  OptionType type = OptionType::string;
  std::string default_value;
  std::vector<std::string> allowed;      // enumeration only
  std::optional<std::int64_t> min, max;  // integer only; both ends included
  std::string help;
};

// How an option's values are written in help texts: "true|false", "<int 10..1048576>",
// "a|b|c", "<text>".
EDUPLAN_EXPORT std::string option_syntax(const ExporterOption& option);

struct ExporterInfo {
  std::string id, version, description, file_extension;
  std::filesystem::path path;  // canonical path of the module
  std::vector<ExporterOption> options;
  bool writes_index = false;  // can write the index of a batch (export_index)
  bool streams = false;       // reads the plan as a stream (EDUPLAN_CAPABILITY_STREAM)
};

// How long one export may take before its child process is killed (set_time_limit changes it),
// and how long loading a module to read its descriptor may take.
inline constexpr std::chrono::milliseconds kDefaultExportTimeLimit{30 * 60 * 1000};
inline constexpr std::chrono::milliseconds kModuleLoadTimeLimit{10 * 1000};

// What an export shows of monitoring: the latest status report of each responsibility (by
// responsibility_key), the database's scale and the period they were chosen from ("" for the
// latest of any period).
struct ExportReports {
  std::map<std::string, StatusReport> latest;
  std::vector<std::string> scale;
  std::string period;
};

class Storage;
// The reports an export of the stored plan `plan` shows: the latest of each responsibility in
// `period`, or of any period without one. nullopt when the database holds no report of the plan
// and no period is asked for (the export then shows no monitoring at all).
EDUPLAN_EXPORT std::optional<ExportReports> load_export_reports(
    const Storage& storage, const std::string& plan, const std::optional<std::string>& period);

// One report of a batch, for its index.
struct BatchEntry {
  std::string label;  // e.g. "Dezernat IV"
  std::string file;   // file name, relative to the index
  std::size_t focus_areas = 0, responsibilities = 0;
  bool ok = true;
};

// A module that was found but not loaded, and why (in the message language).
struct RejectedModule {
  std::filesystem::path path;
  std::string reason;
};

struct PlanSource;  // internal: a plan in memory or in a database

class EDUPLAN_EXPORT ExporterRegistry {
 public:
  // Searches the directories described above. Never throws for a bad module: it is
  // listed in rejected() instead.
  static ExporterRegistry discover(
      const std::vector<std::filesystem::path>& extra_directories = {});
  // The same search, stopped at the first module with exporter `id`: the modules after it could
  // not take that id anyway, so a broken or slow module later in the path (each is loaded in a
  // child process, with a time limit of its own) costs nothing. Without such a module every
  // module has been tried, and rejected() says why each was refused.
  static ExporterRegistry discover_for(
      std::string_view id, const std::vector<std::filesystem::path>& extra_directories = {});

  ExporterRegistry(ExporterRegistry&&) noexcept;
  ExporterRegistry& operator=(ExporterRegistry&&) noexcept;
  ~ExporterRegistry();

  const std::vector<ExporterInfo>& exporters() const;
  const std::vector<RejectedModule>& rejected() const;
  const std::vector<std::filesystem::path>& searched() const;  // the directories, in order
  bool disabled() const;                                       // EDUPLAN_PLUGIN_PATH=disable
  const ExporterInfo* find(std::string_view id) const;
  // The time limit for each export; zero for none.
  void set_time_limit(std::chrono::milliseconds limit);
  // Checks `options` against exporter `id`'s declarations as an export would, without
  // exporting: throws UsageError naming the option and what is allowed (or the unknown id).
  void check_options(std::string_view id, const std::map<std::string, std::string>& options) const;

  // Checks `options` against the exporter's declarations (throws UsageError naming the
  // option and the allowed values), then writes `plan` to `target` atomically: the module
  // writes a temporary file beside the target, which replaces the target only on success.
  // Throws ExportError (target unchanged, temporary file removed) if the module fails, and
  // UsageError if `target` is an SQLite database (the one read, or any other): no export of
  // the registry replaces a database.
  // `reports`, if given, are shown where the exporter shows statuses.
  void export_plan(std::string_view id, const Plan& plan,
                   const std::map<std::string, std::string>& options,
                   const std::filesystem::path& target,
                   const ExportReports* reports = nullptr) const;

  // Like export_plan, for the plan `plan` stored in the database file `database`, which the
  // export opens itself: an exporter that reads a stream (ExporterInfo::streams) gets the plan
  // piece by piece from the database, so that memory stays small whatever the plan's size.
  // The plan's status reports go along: the latest of each responsibility in `period`, or of
  // any period without one.
  void export_stored_plan(std::string_view id, const std::filesystem::path& database,
                          const std::string& plan,
                          const std::map<std::string, std::string>& options,
                          const std::filesystem::path& target,
                          const std::optional<std::string>& period = std::nullopt) const;

  // Writes the index of a batch with an exporter that writes_index, atomically like
  // export_plan. `title` names the batch ("Steckbriefe je Dezernat: …"), `plan` the plan the
  // reports come from ("" for a batch over all plans); the exporter sees them as the plan view's
  // title and name. Throws UsageError if the exporter cannot.
  void export_index(std::string_view id, const std::string& title, const std::string& plan,
                    const std::vector<BatchEntry>& entries,
                    const std::map<std::string, std::string>& options,
                    const std::filesystem::path& target) const;

 private:
  struct Impl;
  explicit ExporterRegistry(std::unique_ptr<Impl> impl);
  static ExporterRegistry search(const std::vector<std::filesystem::path>& extra_directories,
                                 std::optional<std::string_view> wanted);
  void run(std::string_view id, const PlanSource& source,
           const std::vector<BatchEntry>* batch,
           const std::map<std::string, std::string>& options,
           const std::filesystem::path& target) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eduplan
