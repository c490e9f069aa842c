#include "eduplan/atomic_output.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "eduplan/error.h"
#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "util/file_io.h"
#include "util/write_through.h"

namespace eduplan {
namespace {

constexpr std::string_view kMarker = ".tmp-";
constexpr std::size_t kNameMax = 255;  // bytes in one file name on Linux file systems
// Room kept for the longest companion a staged database gets from SQLite ("-journal"): without
// it, a database name that fits could not be staged, since its journal's name would not fit.
constexpr std::size_t kCompanionMax = 8;

// This host's name in letters and digits only, so that it cannot contain the separator.
const std::string& host_token() {
  static const std::string token = [] {
    char name[256] = {};
    std::string out;
    if (::gethostname(name, sizeof name - 1) == 0) {
      for (const char* p = name; *p && out.size() < 16; ++p) {
        if (std::isalnum(static_cast<unsigned char>(*p))) out += *p;
      }
    }
    return out.empty() ? std::string("host") : out;
  }();
  return token;
}

bool is_hex(std::string_view s) {
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c)) ||
        std::isupper(static_cast<unsigned char>(c)))
      return false;
  }
  return !s.empty();
}

bool is_digits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty() && s.size() <= 9;
}

// What a file name says about the temporary it may be.
struct TempName {
  std::string host;
  pid_t pid = 0;
};

std::optional<TempName> parse_temp_name(std::string_view name) {
  if (name.size() < 2 || name[0] != '.') return std::nullopt;
  // A database staged for `eduplan import` has SQLite's companions beside it while it is written.
  for (std::string_view companion : {"-journal", "-wal", "-shm"}) {
    if (name.ends_with(companion)) {
      name.remove_suffix(companion.size());
      break;
    }
  }
  const auto marker = name.rfind(kMarker);
  if (marker == std::string_view::npos || marker == 0) return std::nullopt;
  const std::string_view tag = name.substr(marker + kMarker.size());
  const auto first = tag.find('-');
  const auto last = tag.rfind('-');
  if (first == std::string_view::npos || first == last) return std::nullopt;
  const std::string_view host = tag.substr(0, first);
  const std::string_view pid = tag.substr(first + 1, last - first - 1);
  const std::string_view random = tag.substr(last + 1);
  if (host.empty() || !is_digits(pid) || random.size() != 8 || !is_hex(random)) return std::nullopt;
  for (char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return TempName{std::string(host), static_cast<pid_t>(std::stol(std::string(pid)))};
}

bool stale(const TempName& t, const struct stat& st) {
  if (!S_ISREG(st.st_mode) || st.st_uid != ::geteuid()) return false;
  if (t.host != host_token() || t.pid <= 0 || t.pid == ::getpid()) return false;
  return ::kill(t.pid, 0) != 0 && errno == ESRCH;
}

// At most once a minute per directory and process: a batch writing thousands of reports into
// one directory reads it once, not once per report.
bool sweep_due(const std::filesystem::path& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::chrono::steady_clock::time_point> last;
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex);
  auto [it, inserted] = last.try_emplace(dir.string(), now);
  if (!inserted && now - it->second < std::chrono::minutes(1)) return false;
  it->second = now;
  return true;
}

// What the first bytes of a file say it is among SQLite's files: a database, or one of the
// companions a database has while it is in use (https://www.sqlite.org/fileformat.html).
enum class SqliteFile { kNone, kDatabase, kCompanion };
// The wal-index ("-shm") begins with two copies of its header, 48 bytes apart, each beginning
// with the version 3007000 in the machine's byte order.
constexpr std::size_t kWalIndexVersionCopy = 48;

SqliteFile sqlite_file_kind(const unsigned char* head, std::size_t size) {
  const auto begins = [&](std::string_view magic) {
    return size >= magic.size() &&
           std::memcmp(head, magic.data(), magic.size()) == 0;
  };
  if (begins(std::string_view("SQLite format 3\0", 16))) return SqliteFile::kDatabase;
  // The write-ahead log ("-wal"): 0x377f0682 or 0x377f0683, big-endian.
  if (begins("\x37\x7f\x06\x82") || begins("\x37\x7f\x06\x83")) return SqliteFile::kCompanion;
  // A rollback journal ("-journal") that is still to be played back.
  if (begins("\xd9\xd5\x05\xf9\x20\xa1\x63\xd7")) return SqliteFile::kCompanion;
  if (size >= kWalIndexVersionCopy + 4) {
    constexpr std::uint32_t kWalIndexVersion = 3007000;
    std::uint32_t first = 0, second = 0;
    std::memcpy(&first, head, 4);
    std::memcpy(&second, head + kWalIndexVersionCopy, 4);
    if (first == kWalIndexVersion && second == kWalIndexVersion) return SqliteFile::kCompanion;
  }
  return SqliteFile::kNone;
}

// ".<target name>" cut (at a UTF-8 character boundary) so that the whole name fits, also with
// a companion's ending.
std::string temp_prefix(const std::string& target_name, std::size_t suffix_size) {
  std::string name = "." + target_name;
  const std::size_t room = kNameMax - kCompanionMax - suffix_size;
  if (name.size() > room) {
    std::size_t cut = room;
    while (cut > 1 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name;
}

}  // namespace

void refuse_database_target(const std::filesystem::path& target, const std::string& shown) {
  std::error_code ec;
  if (target.empty() || !std::filesystem::is_regular_file(target, ec)) return;
  const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return;
  unsigned char header[kWalIndexVersionCopy + 4] = {};
  const ssize_t n = ::pread(fd, header, sizeof header, 0);
  ::close(fd);
  const SqliteFile kind = n > 0 ? sqlite_file_kind(header, static_cast<std::size_t>(n))
                                : SqliteFile::kNone;
  if (kind == SqliteFile::kNone) return;
  const std::string name = shown.empty() ? target.string() : shown;
  if (kind == SqliteFile::kDatabase) {
    throw UsageError(tr({"{0} ist eine SQLite-Datenbank; ein Bericht ersetzt keine Datenbank, "
                         "bitte ein anderes Ziel wählen",
                         "{0} is an SQLite database; a report does not replace a database, "
                         "choose another target"},
                        name));
  }
  // A database's companion holds what is not in the database file yet (the write-ahead log's
  // committed changes, the journal that undoes a broken transaction): replacing it loses data.
  throw UsageError(tr({"{0} gehört zu einer SQLite-Datenbank (Protokoll oder Journal); ein Bericht "
                       "ersetzt es nicht, bitte ein anderes Ziel wählen",
                       "{0} belongs to an SQLite database (its log or journal); a report does not "
                       "replace it, choose another target"},
                      name));
}

int remove_stale_temporaries(const std::filesystem::path& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return 0;
  int removed = 0;
  while (const dirent* entry = ::readdir(d)) {
    const auto temp = parse_temp_name(entry->d_name);
    if (!temp) continue;
    struct stat st {};
    if (::fstatat(::dirfd(d), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (stale(*temp, st) && ::unlinkat(::dirfd(d), entry->d_name, 0) == 0) ++removed;
  }
  ::closedir(d);
  return removed;
}

void AtomicOutput::classify_target() {
  std::error_code ec;
  // /dev/stdout, /proc/self/fd/N: one of this process's descriptors, whatever it leads to (a
  // file opened with >> included) is written through it, never renamed over.
  if (own_descriptor(target_)) {
    through_ = true;
    return;
  }
  struct stat followed {};
  if (::stat(target_.c_str(), &followed) != 0) {
    if (errno == ELOOP) {
      throw OutputError(tr({"{0}: zu viele symbolische Links (eine Schleife?)",
                            "{0}: too many levels of symbolic links (a loop?)"},
                           target_.string()));
    }
    // A link to a file that does not exist yet: the file is created behind it, the link stays.
    // The path is not normalised: "missing/../plan.db" must fail on the missing directory as
    // the kernel would, not turn into "plan.db" (which it would then replace).
    auto path = target_;
    for (int hops = 0; hops < 40 && std::filesystem::is_symlink(path, ec); ++hops) {
      const auto next = std::filesystem::read_symlink(path, ec);
      if (ec) break;
      path = next.is_absolute() ? next : path.parent_path() / next;
    }
    target_ = path;
    return;
  }
  if (S_ISBLK(followed.st_mode)) {
    throw OutputError(
        tr({"{0}: ist ein Blockgerät (ein Datenträger); ein Bericht gehört in eine Datei",
            "{0}: is a block device (a disk); a report belongs in a file"},
           target_.string()));
  }
  if (S_ISSOCK(followed.st_mode)) {
    throw OutputError(tr({"{0}: ist ein Socket; ein Bericht gehört in eine Datei",
                          "{0}: is a socket; a report belongs in a file"},
                         target_.string()));
  }
  // A device, a FIFO: written into at commit, never replaced.
  through_ = !S_ISREG(followed.st_mode);
  // A symbolic link to a file: the file is replaced, the link stays.
  if (!through_ && std::filesystem::is_symlink(target_, ec)) {
    const auto real = std::filesystem::canonical(target_, ec);
    if (!ec) target_ = real;
  }
}

AtomicOutput::AtomicOutput(const std::filesystem::path& target)
    : target_(std::filesystem::absolute(target)) {
  std::error_code ec;
  if (std::filesystem::is_directory(target_, ec))
    throw OutputError(tr({"{0}: ist ein Verzeichnis", "{0}: is a directory"}, target_.string()));
  classify_target();
  // Beside the target, so that the rename is atomic; for a target written into, where the user's
  // temporary files go.
  auto dir = target_.parent_path();
  if (through_) {
    dir = std::filesystem::temp_directory_path(ec);
    if (ec) dir = "/tmp";
  }
  struct stat place {};
  if (::stat(dir.c_str(), &place) != 0 || !S_ISDIR(place.st_mode)) {
    const int error = errno;
    if (::stat(dir.c_str(), &place) == 0) {  // there, but a file
      throw OutputError(tr({"{0}: {1} ist kein Verzeichnis", "{0}: {1} is not a directory"},
                           target_.string(), dir.string()));
    }
    if (error != ENOENT) {  // a loop of links, a part of the path that is a file
      throw OutputError(tr({"{0}: das Verzeichnis {1} lässt sich nicht öffnen ({2})",
                            "{0}: the directory {1} cannot be opened ({2})"},
                           target_.string(), dir.string(), error_text(error)));
    }
    throw OutputError(
        tr({"{0}: das Verzeichnis {1} gibt es nicht", "{0}: the directory {1} does not exist"},
           target_.string(), dir.string()));
  }
  if (sweep_due(dir)) remove_stale_temporaries(dir);
  // The temporary file of a target written into lies elsewhere: a failure there names that place.
  const auto cannot_write = [&](const std::string& why) {
    return through_
               ? OutputError(tr({"{0}: keine temporäre Datei im temporären Verzeichnis {1} ({2})",
                                 "{0}: no temporary file in the temporary directory {1} ({2})"},
                                target_.string(), dir.string(), why))
               : OutputError(tr(
                     {"{0}: kann nicht geschrieben werden ({1})", "{0}: cannot be written ({1})"},
                     target_.string(), why));
  };
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    char suffix[64];
    std::snprintf(suffix, sizeof suffix, "%s%s-%ld-%08x", kMarker.data(), host_token().c_str(),
                  static_cast<long>(::getpid()), static_cast<unsigned>(random()));
    temp_ = dir / (temp_prefix(target_.filename().string(), std::strlen(suffix)) + suffix);
    // 0666 lets the umask decide the mode of a new file; it is learnt, then narrowed to the
    // owner until commit, so a report replacing a private file is never readable by others.
    int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd >= 0) {
      struct stat st {};
      if (::fstat(fd, &st) == 0) new_file_mode_ = st.st_mode & 0777;
      const int narrowed = ::fchmod(fd, 0600);
      ::close(fd);
      if (narrowed != 0) {
        const std::string why = error_text(errno);
        ::unlink(temp_.c_str());
        temp_.clear();
        throw cannot_write(why);
      }
      return;
    }
    if (errno != EEXIST) {
      const std::string why = error_text(errno);
      temp_.clear();
      throw cannot_write(why);
    }
  }
  temp_.clear();
  throw OutputError(tr({"{0}: keine temporäre Datei möglich", "{0}: no temporary file possible"},
                       target_.string()));
}

AtomicOutput::~AtomicOutput() {
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicOutput::commit() {
  if (through_) {
    write_through(temp_, target_);
    ::unlink(temp_.c_str());
    committed_ = true;
    return;
  }
  mode_t mode = new_file_mode_;
  struct stat existing {};
  if (::stat(target_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) {
    mode = existing.st_mode & 0777;
    // Keep the group where the user may (a report shared with a team); otherwise ours.
    if (existing.st_gid != ::getegid() &&
        ::chown(temp_.c_str(), static_cast<uid_t>(-1), existing.st_gid) != 0) {
      // not a member of that group: the report keeps ours
    }
  }
  if (::chmod(temp_.c_str(), mode) != 0) {
    throw OutputError(
        tr({"{0}: Zugriffsrechte nicht setzbar ({1})", "{0}: cannot set the permissions ({1})"},
           temp_.string(), error_text(errno)));
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) {
    throw OutputError(tr({"{0}: kann nicht ersetzt werden ({1})", "{0}: cannot be replaced ({1})"},
                         target_.string(), error_text(errno)));
  }
  committed_ = true;
}

bool AtomicOutput::commit_new() {
  if (through_) return false;  // it exists
  if (::chmod(temp_.c_str(), new_file_mode_) != 0) {
    throw OutputError(
        tr({"{0}: Zugriffsrechte nicht setzbar ({1})", "{0}: cannot set the permissions ({1})"},
           temp_.string(), error_text(errno)));
  }
  // renameat2 with RENAME_NOREPLACE where the file system has it; else a hard link, which
  // fails just as atomically if the target exists.
  int rc = ::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS || errno == ENOTSUP)) {
    rc = ::link(temp_.c_str(), target_.c_str());
    if (rc == 0) ::unlink(temp_.c_str());
  }
  if (rc != 0) {
    if (errno == EEXIST) return false;
    throw OutputError(tr({"{0}: kann nicht angelegt werden ({1})", "{0}: cannot be created ({1})"},
                         target_.string(), error_text(errno)));
  }
  committed_ = true;
  return true;
}

}  // namespace eduplan
