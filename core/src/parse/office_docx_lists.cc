// Word's list definitions: numbering.xml's w:abstractNum (levels and their linked paragraph
// styles) and w:num (a list: a definition, some levels redefined by w:lvlOverride).
#include "parse/office_docx_lists.h"

#include "util/xml_tree.h"

namespace eduplan::office {
namespace {

using Node = const xmlNode*;

// A list level as written in w:ilvl="…": 0 to 8 (Word has nine levels), else nothing.
std::optional<int> level_of(Node n) {
  const std::string v = attribute(n, "ilvl");
  if (v.size() != 1 || v[0] < '0' || v[0] > '8') return std::nullopt;
  return v[0] - '0';
}

}  // namespace

void WordLists::load(Node root) {
  for_children(root, [&](Node n) {
    if (is_element(n, "abstractNum")) {
      Definition d;
      for_children(n, [&](Node lvl) {
        if (!is_element(lvl, "lvl")) return;
        const auto level = level_of(lvl);
        const std::string style = attribute(child(lvl, "pStyle"), "val");
        if (level && !style.empty()) d.styles.emplace(*level, style);
      });
      d.num_style_link = attribute(child(n, "numStyleLink"), "val");
      const std::string id = attribute(n, "abstractNumId");
      const std::string style_link = attribute(child(n, "styleLink"), "val");
      if (!style_link.empty()) style_links_.emplace(style_link, id);
      definitions_.emplace(id, std::move(d));  // the first of a twice-used id counts
    } else if (is_element(n, "num")) {
      List list;
      list.definition = attribute(child(n, "abstractNumId"), "val");
      // A level redefined for this list alone: its style link (or none) replaces the
      // definition's. Only the plain form is read: an override of one level holding that level.
      for_children(n, [&](Node o) {
        if (!is_element(o, "lvlOverride")) return;
        Node lvl = child(o, "lvl");
        const auto level = level_of(o);
        if (!lvl || !level || (has_attribute(lvl, "ilvl") && level_of(lvl) != level)) return;
        list.overrides[*level] = attribute(child(lvl, "pStyle"), "val");
      });
      lists_.emplace(attribute(n, "numId"), std::move(list));
    }
  });
}

// A definition, or the one its w:numStyleLink leads to: the definition whose w:styleLink names
// the same numbering style (a list style, "1 / a / i"), at most four steps.
const WordLists::Definition* WordLists::definition(const std::string& id) const {
  auto it = definitions_.find(id);
  const Definition* d = it == definitions_.end() ? nullptr : &it->second;
  for (int step = 0; d && !d->num_style_link.empty() && step < 4; ++step) {
    auto link = style_links_.find(d->num_style_link);
    if (link == style_links_.end()) break;
    auto next = definitions_.find(link->second);
    if (next == definitions_.end() || &next->second == d) break;
    d = &next->second;
  }
  return d;
}

std::optional<int> WordLists::linked_level(const std::string& num_id,
                                           const std::vector<std::string>& styles) const {
  auto list = lists_.find(num_id);
  if (num_id.empty() || num_id == "0" || list == lists_.end()) return std::nullopt;
  std::map<int, std::string> levels;
  if (const Definition* d = definition(list->second.definition)) levels = d->styles;
  for (const auto& [level, style] : list->second.overrides) levels[level] = style;
  for (const std::string& style : styles) {
    if (style.empty()) continue;
    for (const auto& [level, linked] : levels) {
      if (linked == style) return level;
    }
  }
  return std::nullopt;
}

}  // namespace eduplan::office
