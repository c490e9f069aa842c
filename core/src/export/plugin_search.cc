#include "export/plugin_search.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "eduplan/language.h"
#include "util/text.h"

namespace eduplan {
namespace {

namespace fs = std::filesystem;

std::optional<fs::path> executable_directory() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path();
}

void add_directory(SearchPath& sp, const fs::path& dir, bool must_exist) {
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec || !fs::is_directory(canonical, ec)) {
    if (must_exist) {
      const bool exists = !ec && fs::exists(canonical, ec);
      sp.problems.push_back({dir, exists ? tr({"ist kein Verzeichnis", "is not a directory"})
                                         : tr({"Verzeichnis gibt es nicht", "no such directory"})});
    }
    return;
  }
  for (const auto& d : sp.directories) {
    if (d == canonical) return;
  }
  sp.directories.push_back(canonical);
}

// The directory of libeduplan itself (for programs that embed the library).
std::optional<fs::path> library_directory() {
  Dl_info info{};
  if (::dladdr(reinterpret_cast<void*>(&executable_directory), &info) == 0 || !info.dli_fname)
    return std::nullopt;
  std::error_code ec;
  fs::path lib = fs::canonical(info.dli_fname, ec);
  if (ec) return std::nullopt;
  return lib.parent_path();
}

}  // namespace

SearchPath plugin_search_path(const std::vector<fs::path>& extra) {
  SearchPath sp;
  const char* env = std::getenv("EDUPLAN_PLUGIN_PATH");
  if (env && std::string_view(env) == "disable") {
    sp.disabled = true;
    return sp;
  }
  for (const auto& dir : extra) {
    if (dir.empty()) {
      sp.problems.push_back(
          {dir, tr({"leerer Verzeichnisname ignoriert", "empty directory name ignored"})});
      continue;
    }
    add_directory(sp, fs::absolute(dir), true);
  }
  if (env) {
    for (auto part : text::split(env, ':')) {
      if (part.empty()) continue;
      fs::path p(part);
      if (p.is_relative()) {
        sp.problems.push_back(
            {p, tr({"EDUPLAN_PLUGIN_PATH: relativer Pfad ignoriert (nur absolute Pfade)",
                    "EDUPLAN_PLUGIN_PATH: relative path ignored (absolute paths only)"})});
        continue;
      }
      add_directory(sp, p, true);
    }
  }
  sp.bundled_from = sp.directories.size();
  if (auto exe_dir = executable_directory())
    add_directory(sp, *exe_dir / EDUPLAN_EXPORTER_RELATIVE_DIR, false);
  // Exporters are installed beside the library too: <libdir>/eduplan/exporters.
  if (auto lib_dir = library_directory())
    add_directory(sp, *lib_dir / "eduplan" / "exporters", false);
  return sp;
}

namespace {

bool trusted_owner(const struct stat& st) { return st.st_uid == 0 || st.st_uid == ::geteuid(); }

std::optional<std::string> unsafe_directory_reason(const fs::path& dir) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0)
    return tr({"Verzeichnis {0} kann nicht gelesen werden", "the directory {0} cannot be read"},
              dir.string());
  if (!trusted_owner(st))
    return tr({"Verzeichnis {0} gehört weder root noch dem Benutzer",
               "the directory {0} belongs neither to root nor to the user"},
              dir.string());
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX))
    return tr({"Verzeichnis {0} ist für Gruppe oder alle beschreibbar",
               "the directory {0} is writable by group or others"},
              dir.string());
  return std::nullopt;
}

}  // namespace

std::optional<std::string> unsafe_module_reason(const fs::path& file) {
  char* resolved = ::realpath(file.c_str(), nullptr);
  if (!resolved) return tr({"kann nicht gelesen werden", "cannot be read"});
  const fs::path real(resolved);
  std::free(resolved);
  const std::string via = real == file ? std::string()
                                       : tr({" (Ziel des Links {0})", " (target of the link {0})"},
                                            file.string());
  struct stat st {};
  if (::stat(real.c_str(), &st) != 0) return tr({"kann nicht gelesen werden", "cannot be read"});
  if (!S_ISREG(st.st_mode)) return tr({"keine reguläre Datei", "not a regular file"});
  if (!trusted_owner(st))
    return tr({"{0}{1} gehört weder root noch dem Benutzer",
               "{0}{1} belongs neither to root nor to the user"},
              real.string(), via);
  if (st.st_mode & (S_IWGRP | S_IWOTH)) {
    return tr({"{0}{1} ist für Gruppe oder alle beschreibbar (chmod go-w {0})",
               "{0}{1} is writable by group or others (chmod go-w {0})"},
              real.string(), via);
  }
  // Every directory above the real file, and above the link if there is one.
  for (const fs::path& start : {real, fs::path(file)}) {
    for (fs::path dir = start.parent_path();; dir = dir.parent_path()) {
      if (auto why = unsafe_directory_reason(dir)) return *why + (start == real ? via : "");
      if (dir == dir.root_path() || dir.empty()) break;
    }
  }
  return std::nullopt;
}

}  // namespace eduplan
