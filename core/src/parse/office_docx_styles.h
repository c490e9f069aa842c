// Paragraph styles of a Word document (word/styles.xml; internal to the .docx reader): what a
// style gives its paragraphs and runs — heading level, list membership and level, bold, hidden —
// following basedOn at most 12 deep, so that cycles end.
#pragma once

#include <libxml/tree.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eduplan::office::docx {

using Node = const xmlNode*;

// <w:vanish/> in run properties: hidden text, neither shown nor printed; <w:vanish w:val="0"/>
// shows it again; no <w:vanish> says nothing.
std::optional<bool> hidden_of(Node rpr);

// <w:strike/>, <w:dstrike/> in run properties: struck through (w:val="0" turns it off).
std::optional<bool> struck_of(Node rpr);

// <w:b/>, <w:b w:val="1"/> are bold; <w:b w:val="0"/> is not; no <w:b> says nothing.
std::optional<bool> bold_of(Node rpr);

// <w:vertAlign w:val="superscript"/> raises the run; another w:val (baseline, subscript) does
// not; no <w:vertAlign> says nothing.
std::optional<bool> raised_of(Node rpr);

struct Style {
  std::string name, based_on;
  std::optional<int> outline;         // 0-based outline level
  std::optional<int> list_level;      // 0-based, from the style's own numbering (w:numPr/w:ilvl)
  std::optional<std::string> num_id;  // the list the style's paragraphs belong to (w:numPr/w:numId)
  std::optional<bool> bold;
  std::optional<bool> hidden;
  std::optional<bool> raised;  // superscript: Word's "footnote reference" character style
};

class Styles {
 public:
  void load(Node root);

  // The heading level of a paragraph style: its outline level, or its name ("heading 2",
  // "Überschrift 2", "Title"), following basedOn; 0 for body text.
  int heading_level(const std::string& id) const;

  // Whether a style's name makes it a list style ("List Paragraph", "Liste", "Aufzählungszeichen").
  bool list_style(const std::string& id) const;
  // Whether the style is Word's "List Paragraph" ("Listenabsatz"), or based on it: the style Word
  // gives list items, which has no bullet of its own.
  bool list_paragraph(const std::string& id) const;

  // A style of Word's or LibreOffice's table of contents: "toc 1" … "toc 9" (Word's built-in
  // names, whatever the language; German ids "Verzeichnis1"), "Contents 1" (LibreOffice).
  bool toc_style(const std::string& id) const;

  // The style and the styles it is based on, nearest first (at most 12).
  std::vector<std::string> chain(const std::string& id) const;

  // The list level (0-based) a paragraph style's own numbering gives (w:numPr/w:ilvl), following
  // basedOn.
  std::optional<int> numbered_level(const std::string& id) const;

  // The list a paragraph style's paragraphs belong to (w:numPr/w:numId, following basedOn);
  // "" for none, "0" where a style takes away the numbering of the style it is based on.
  std::string num_id(const std::string& id) const;

  // Whether a paragraph style numbers its paragraphs (they are list items whatever its name).
  bool numbered(const std::string& id) const;

  // The number at the end of a list style's name — Word's built-in "List Bullet 2",
  // "Aufzählungszeichen 3", "Liste 2", "List Number 2" are the second and third levels; else 0.
  int named_level(const std::string& id) const;

  std::optional<bool> bold(const std::string& id) const { return inherited(id, &Style::bold); }
  std::optional<bool> hidden(const std::string& id) const { return inherited(id, &Style::hidden); }
  std::optional<bool> raised(const std::string& id) const { return inherited(id, &Style::raised); }

 private:
  // A property as the style sets it, else as the styles it is based on do (at most 12 deep).
  std::optional<bool> inherited(const std::string& id, std::optional<bool> Style::*property) const;

  const Style* find(const std::string& id) const;

  static int level_from_name(const std::string& name);

  std::map<std::string, Style> styles_;
};

}  // namespace eduplan::office::docx
