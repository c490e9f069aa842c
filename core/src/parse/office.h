// Word (.docx) and LibreOffice (.odt) documents as blocks (internal): headings by paragraph
// style (Heading n, Überschrift n, outline level), tables with their cells' line breaks and
// paragraphs as lines, lists, bold. Read through libzip and libxml2 (util/zip_archive.h,
// util/xml_tree.h); a damaged, oversized or hostile file is an ArchiveError.
//
// Lines: Word and LibreOffice have no lines; a block's "line" is its paragraph number, 1-based,
// every table row counting as one paragraph.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eduplan/model.h"
#include "parse/blocks.h"
#include "util/unicode.h"

namespace eduplan::office {

// The blocks of a document. Every text is canonical (unicode::canonicalize); what that changed
// is added to `changes`, and `first_changed_line` is set to the paragraph of the first change.
// Hidden text is left out with a finding (rule hidden-text) in `findings`.
std::vector<Block> docx_blocks(std::string_view bytes, unicode::Changes& changes,
                               int& first_changed_line, std::vector<Finding>& findings);
std::vector<Block> odt_blocks(std::string_view bytes, unicode::Changes& changes,
                              int& first_changed_line, std::vector<Finding>& findings);

}  // namespace eduplan::office
