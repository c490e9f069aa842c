// A document as a sequence of blocks (internal): what every input format — Markdown, Word
// (.docx), LibreOffice (.odt) — is read into before the plan's structure is recognised in it.
// Texts are plain (markup removed, entities decoded) and in canonical Unicode.
#pragma once

#include <string>
#include <vector>

namespace eduplan {

// One table cell: its text split where the source breaks lines (<br>, a line break or a new
// paragraph in the cell).
struct Cell {
  std::vector<std::string> lines;
  bool bold = false;  // the whole cell is bold
  // Word or LibreOffice merged this cell with the one above (a vertical merge): `lines` hold
  // the merged cell's text, which stands beside this row too.
  bool merged_above = false;
  // How many columns the cell spans (a horizontal merge: Word's gridSpan, LibreOffice's
  // number-columns-spanned, HTML's colspan). The columns it covers follow as empty cells.
  int span = 1;
  // The cell's lines joined by one space: what the cell says as running text.
  std::string text() const;
};

struct Row {
  std::vector<Cell> cells;
  int line = 0;
};

enum class BlockKind { heading, paragraph, list_item, table };

struct Block {
  BlockKind kind = BlockKind::paragraph;
  int line = 0;           // the source line (Markdown) or paragraph number (Word, LibreOffice)
  int level = 0;          // heading: 1–9; list item: its indentation (0 if not known)
  std::string text;       // heading, paragraph, list item
  bool bold = false;      // paragraph: entirely bold (a heading in disguise)
  std::vector<Row> rows;  // table, without a Markdown delimiter row
  bool header = false;    // table: rows[0] is marked as its header (GFM delimiter row, Word
                          // header row); otherwise the reader decides from the cells
};

}  // namespace eduplan
