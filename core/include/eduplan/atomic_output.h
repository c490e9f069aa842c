// A temporary file beside a target that replaces the target only on commit: how eduplan writes
// every file it produces (exports, forms, comparisons), for programs that embed it to do the same.
//
// The temporary file is named ".<target>.tmp-<host>-<pid>-<random>", so that a later run can
// tell one left behind by a process that was killed: before it creates its own, AtomicOutput
// removes such files in the directory when they are regular files of the same user, written on
// this host by a process that no longer exists, and SQLite's "-journal", "-wal" and "-shm" files
// beside such a temporary (a database staged by `eduplan import`). Nothing else is ever touched:
// names of the older form ".<target>.tmp-<random>" are left alone, since another program's
// temporary files may look the same.
//
// A target that is a symbolic link to a file: the file is replaced and the link stays (a dangling
// link: the file is created behind it; a loop is an error). A target that cannot be replaced — a
// character device (/dev/null, a terminal), a FIFO, or one of the process's own descriptors
// (/dev/stdout, /proc/self/fd/N, whatever they lead to) — is written into on commit, from a
// temporary file in the temporary directory (TMPDIR); the device node is never replaced. Block
// devices and sockets are refused.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "eduplan/export.h"

namespace eduplan {

class EDUPLAN_EXPORT AtomicOutput {
 public:
  // Creates an empty temporary file in the target's directory, readable and writable by the
  // owner only while it is written. Throws OutputError (an ExportError) if the directory is missing
  // or unwritable, or if the target is a directory.
  explicit AtomicOutput(const std::filesystem::path& target);
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput();  // removes the temporary file unless committed

  const std::filesystem::path& temp_path() const { return temp_; }
  // Gives the temporary file the permissions of the target it replaces (and its group, where
  // the user may), or those of a new file under the umask, then renames it over the target.
  // Throws OutputError on failure; the target is then unchanged.
  void commit();
  // The same for a target that must not exist: gives the temporary file the permissions of a
  // new file and moves it to the target only if no file of that name exists by then (atomically:
  // another process creating it at the same moment is not overwritten). Returns false, and keeps
  // the temporary file, if the target exists. Throws OutputError on any other failure.
  bool commit_new();

 private:
  void classify_target();  // follows links; decides between renaming over and writing into
  std::filesystem::path target_, temp_;
  mode_t new_file_mode_ = 0644;  // 0666 less the umask, learnt when the temporary was created
  bool committed_ = false;
  bool through_ = false;  // the target is written into, not replaced (see above)
};

// A report never replaces a database: throws UsageError if `target` (links followed) is a
// regular file that begins with SQLite's header — the database a report is made from or any
// other — or is one of a database's companions in use, which hold data the database file does
// not have yet: its write-ahead log ("-wal"), its wal-index ("-shm") or a rollback journal still
// to be played back ("-journal"). `shown` names the target in the message instead of its path
// ("standard output" for /proc/self/fd/1). Only regular files are read: reading a FIFO would
// take its reader's data. ExporterRegistry's exports call it; programs that write reports
// themselves can too.
EDUPLAN_EXPORT void refuse_database_target(const std::filesystem::path& target,
                                           const std::string& shown = {});

// Removes the temporary files in `dir` that AtomicOutput left behind in processes that were
// killed (see above). Returns how many it removed. AtomicOutput calls it, at most once a minute
// per directory and process.
EDUPLAN_EXPORT int remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace eduplan
