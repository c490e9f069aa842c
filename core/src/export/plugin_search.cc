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
    if (must_exist)
      sp.problems.push_back({dir, tr({"Verzeichnis gibt es nicht", "no such directory"})});
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
  for (const auto& dir : extra) add_directory(sp, fs::absolute(dir), true);
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
  if (auto exe_dir = executable_directory())
    add_directory(sp, *exe_dir / EDUPLAN_EXPORTER_RELATIVE_DIR, false);
  // Exporters are installed beside the library too: <libdir>/eduplan/exporters.
  if (auto lib_dir = library_directory())
    add_directory(sp, *lib_dir / "eduplan" / "exporters", false);
  return sp;
}

std::optional<std::string> unsafe_module_reason(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return tr({"kann nicht gelesen werden", "cannot be read"});
  if (!S_ISREG(st.st_mode)) return tr({"keine reguläre Datei", "not a regular file"});
  if (st.st_mode & (S_IWGRP | S_IWOTH)) {
    return tr({"Datei ist für Gruppe oder alle beschreibbar (chmod go-w {0})",
               "the file is writable by group or others (chmod go-w {0})"},
              file.string());
  }
  struct stat dir {};
  if (::stat(file.parent_path().c_str(), &dir) != 0)
    return tr({"Verzeichnis kann nicht gelesen werden", "the directory cannot be read"});
  if ((dir.st_mode & (S_IWGRP | S_IWOTH)) && !(dir.st_mode & S_ISVTX)) {
    return tr({"Verzeichnis {0} ist für Gruppe oder alle beschreibbar",
               "the directory {0} is writable by group or others"},
              file.parent_path().string());
  }
  return std::nullopt;
}

}  // namespace eduplan
