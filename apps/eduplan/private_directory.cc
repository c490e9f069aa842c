#include "private_directory.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <string>

namespace eduplan::cli {

namespace fs = std::filesystem;

fs::path make_private_directory(const fs::path& base, std::string_view prefix) {
  std::string pattern =
      (base / (std::string(prefix) + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) return {};
  return pattern;
}

void remove_abandoned_directories(const fs::path& base, std::string_view prefix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(base, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const auto dash = name.find('-', prefix.size());
    if (dash == std::string::npos) continue;
    // mkdtemp's six letters or digits, and nothing after them: "….bak" is someone's copy.
    const std::string_view random = std::string_view(name).substr(dash + 1);
    if (random.size() != 6 ||
        !std::all_of(random.begin(), random.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }))
      continue;
    const std::string pid_text = name.substr(prefix.size(), dash - prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos ||
        pid_text.size() > 9)
      continue;
    struct stat st {};
    if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISDIR(st.st_mode) ||
        st.st_uid != ::geteuid())
      continue;
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to ask)
    std::error_code ignored;
    fs::remove_all(entry.path(), ignored);
  }
}

const std::string& host_tag() {
  static const std::string tag = [] {
    char name[256] = {};
    std::string out;
    if (::gethostname(name, sizeof name - 1) == 0) {
      for (const char* p = name; *p && out.size() < 16; ++p)
        if (std::isalnum(static_cast<unsigned char>(*p))) out += *p;
    }
    return out.empty() ? std::string("host") : out;
  }();
  return tag;
}

}  // namespace eduplan::cli
