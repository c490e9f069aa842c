// Word's list definitions (word/numbering.xml, internal): which level of a list a paragraph style
// is linked to. A multilevel list may tie its levels to paragraph styles
// (<w:abstractNum>…<w:lvl w:ilvl="1"><w:pStyle w:val="Unterpunkt"/>), Word's "Link level to
// style"; the style itself then names only the list (<w:numPr><w:numId w:val="7"/></w:numPr>),
// not the level. Read once per document; lookups are map searches, bounded in depth.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eduplan::office {

class WordLists {
 public:
  // Reads the root element of word/numbering.xml (w:numbering); a null root reads nothing.
  void load(const xmlNode* root);

  // The level (0-based) of the list `num_id` whose paragraph style is the first of `styles`
  // (a paragraph's style and the styles it is based on, nearest first) that any level names;
  // nothing if the list, its definition or such a level does not exist.
  std::optional<int> linked_level(const std::string& num_id,
                                  const std::vector<std::string>& styles) const;

 private:
  struct Definition {                   // a w:abstractNum
    std::map<int, std::string> styles;  // level → the paragraph style linked to it
    std::string num_style_link;         // w:numStyleLink: the levels are another definition's
  };
  struct List {  // a w:num
    std::string definition;
    std::map<int, std::string> overrides;  // level → style, where w:lvlOverride redefines a level
  };

  const Definition* definition(const std::string& id) const;

  std::map<std::string, Definition> definitions_;
  std::map<std::string, std::string> style_links_;  // numbering style → the definition it defines
  std::map<std::string, List> lists_;
};

}  // namespace eduplan::office
