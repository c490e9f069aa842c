#include "rules/near_duplicate.h"

#include <unordered_map>

#include "util/text.h"

namespace eduplan {

std::string name_fingerprint(std::string_view name) {
  std::string folded = text::replace_all(text::fold_case(name), "fachbereich", "fb");
  std::string fp;
  fp.reserve(folded.size());
  for (char c : folded) {
    if (text::is_space(c) || c == '-' || c == '.' || c == '_') continue;
    fp += c;
  }
  for (std::string_view prefix : {"städtische", "stadt"}) {
    if (fp.size() > prefix.size() && fp.starts_with(prefix)) {
      fp.erase(0, prefix.size());
      break;
    }
  }
  return fp;
}

std::vector<std::vector<std::string>> near_duplicate_groups(const std::vector<std::string>& names) {
  std::unordered_map<std::string, std::size_t> group_of;
  std::vector<std::vector<std::string>> groups;
  for (const auto& name : names) {
    auto [it, inserted] = group_of.emplace(name_fingerprint(name), groups.size());
    if (inserted) groups.emplace_back();
    auto& g = groups[it->second];
    bool seen = false;
    for (const auto& n : g) seen = seen || n == name;
    if (!seen) g.push_back(name);
  }
  std::vector<std::vector<std::string>> result;
  for (auto& g : groups) {
    if (g.size() > 1) result.push_back(std::move(g));
  }
  return result;
}

}  // namespace eduplan
