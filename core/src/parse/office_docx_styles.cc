// Paragraph styles of a Word document: word/styles.xml read once, looked up per paragraph.
#include "parse/office_docx_styles.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "util/unicode.h"
#include "util/xml_tree.h"

namespace eduplan::office::docx {

std::optional<bool> hidden_of(Node rpr) {
  Node v = child(rpr, "vanish");
  if (!v) return std::nullopt;
  const std::string val = attribute(v, "val");
  return !(val == "0" || val == "false" || val == "off");
}

std::optional<bool> struck_of(Node rpr) {
  for (const char* name : {"strike", "dstrike"}) {
    if (Node v = child(rpr, name)) {
      const std::string val = attribute(v, "val");
      if (!(val == "0" || val == "false" || val == "off")) return true;
    }
  }
  if (child(rpr, "strike") || child(rpr, "dstrike")) return false;
  return std::nullopt;
}

std::optional<bool> bold_of(Node rpr) {
  Node b = child(rpr, "b");
  if (!b) return std::nullopt;
  const std::string v = attribute(b, "val");
  return !(v == "0" || v == "false" || v == "off");
}

std::optional<bool> raised_of(Node rpr) {
  Node v = child(rpr, "vertAlign");
  if (!v) return std::nullopt;
  return attribute(v, "val") == "superscript";
}

void Styles::load(Node root) {
  for_children(root, [&](Node s) {
    if (!is_element(s, "style")) return;
    Style st;
    st.name = attribute(child(s, "name"), "val");
    st.based_on = attribute(child(s, "basedOn"), "val");
    if (Node o = child(child(s, "pPr"), "outlineLvl"))
      st.outline = std::atoi(attribute(o, "val").c_str());
    Node numpr = child(child(s, "pPr"), "numPr");
    if (Node l = child(numpr, "ilvl")) st.list_level = std::atoi(attribute(l, "val").c_str());
    if (Node n = child(numpr, "numId")) st.num_id = attribute(n, "val");
    st.bold = bold_of(child(s, "rPr"));
    st.hidden = hidden_of(child(s, "rPr"));
    st.raised = raised_of(child(s, "rPr"));
    styles_[attribute(s, "styleId")] = std::move(st);
  });
}

int Styles::heading_level(const std::string& id) const {
  const Style* s = find(id);
  for (int depth = 0; s && depth < 12; ++depth) {
    if (s->outline) return *s->outline < 9 ? *s->outline + 1 : 0;
    if (int level = level_from_name(s->name)) return level;
    s = find(s->based_on);
  }
  return level_from_name(id);  // a style id without a definition ("Heading2")
}

bool Styles::list_style(const std::string& id) const {
  const Style* s = find(id);
  const std::string name = unicode::lower(s ? s->name : id);
  return name.find("list") != std::string::npos || name.find("liste") != std::string::npos ||
         name.find("aufzählung") != std::string::npos;
}

bool Styles::list_paragraph(const std::string& id) const {
  for (const std::string& s : chain(id)) {
    const Style* style = find(s);
    const std::string name = unicode::lower(style ? style->name : s);
    if (name == "list paragraph" || name == "listenabsatz" || name == "listparagraph") return true;
  }
  return false;
}

bool Styles::toc_style(const std::string& id) const {
  if (id.empty()) return false;
  const Style* s = find(id);
  for (std::string n : {s ? s->name : std::string(), id}) {
    n = unicode::lower(n);
    std::erase(n, ' ');
    for (std::string_view prefix : {"toc", "verzeichnis", "contents", "inhaltsverzeichnis"}) {
      if (n.starts_with(prefix) && n.size() == prefix.size() + 1 && n.back() >= '1' &&
          n.back() <= '9')
        return true;
    }
  }
  return false;
}

std::vector<std::string> Styles::chain(const std::string& id) const {
  std::vector<std::string> ids;
  for (std::string at = id; !at.empty() && ids.size() < 12;) {
    ids.push_back(at);
    const Style* s = find(at);
    at = s ? s->based_on : std::string();
  }
  return ids;
}

std::optional<int> Styles::numbered_level(const std::string& id) const {
  const Style* s = find(id);
  for (int depth = 0; s && depth < 12; ++depth) {
    if (s->list_level) return std::clamp(*s->list_level, 0, 8);
    s = find(s->based_on);
  }
  return std::nullopt;
}

std::string Styles::num_id(const std::string& id) const {
  const Style* s = find(id);
  for (int depth = 0; s && depth < 12; ++depth) {
    if (s->num_id) return *s->num_id;
    s = find(s->based_on);
  }
  return {};
}

bool Styles::numbered(const std::string& id) const {
  const std::string n = num_id(id);
  return !n.empty() && n != "0";
}

int Styles::named_level(const std::string& id) const {
  if (!list_style(id)) return 0;
  const std::string name = find(id) ? find(id)->name : id;
  const std::size_t space = name.find_last_of(' ');
  if (space == std::string::npos || space + 2 != name.size()) return 0;
  const char digit = name.back();
  return digit >= '2' && digit <= '9' ? digit - '1' : 0;
}

std::optional<bool> Styles::inherited(const std::string& id,
                                      std::optional<bool> Style::*property) const {
  const Style* s = find(id);
  for (int depth = 0; s && depth < 12; ++depth) {
    if (s->*property) return s->*property;
    s = find(s->based_on);
  }
  return std::nullopt;
}

const Style* Styles::find(const std::string& id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int Styles::level_from_name(const std::string& name) {
  std::string n = unicode::lower(name);
  std::erase(n, ' ');
  if (n == "title" || n == "titel") return 1;
  for (std::string_view prefix : {"heading", "überschrift", "berschrift"}) {
    if (n.starts_with(prefix) && n.size() == prefix.size() + 1 && n.back() >= '1' &&
        n.back() <= '9')
      return n.back() - '0';
  }
  return 0;
}

}  // namespace eduplan::office::docx
