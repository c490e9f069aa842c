// Recognises a plan's structure in a document's blocks (internal): fields by their headings,
// focus-area tables by their columns' roles, objectives by their label. The same for every
// input format; parse_markdown() is the Markdown front end.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "eduplan/model.h"
#include "parse/blocks.h"
#include "parse/inline_text.h"
#include "parse/raw_document.h"
#include "util/unicode.h"

namespace eduplan {

inline constexpr int kMaxErrors = 50;

// Fields, focus areas, units as written and objectives. Problems are appended to `findings`;
// errors among them reject the document. At most kMaxErrors errors are reported.
RawDocument parse_document(const std::vector<Block>& blocks, std::vector<Finding>& findings);
// The same, freeing each block once it is interpreted.
RawDocument parse_document(std::vector<Block>&& blocks, std::vector<Finding>& findings);

// A Markdown document: encoding checked, text canonicalised (reported as text-canonical),
// blocks, structure. `release`, if given, is called as soon as `text` is no longer read, so that
// the caller can free it before the structure is built (a large document is then not held
// twice).
RawDocument parse_markdown(std::string_view text, std::vector<Finding>& findings,
                           const std::function<void()>& release = {});

// The text-canonical note: what canonicalisation and decoding changed, with the first line.
Finding canonical_text_finding(const unicode::Changes& changes, const inline_text::Counts& decoded,
                               int line);

// Rejects NUL bytes and invalid UTF-8 with an error finding (line and byte offset).
// Returns true if the text is fine.
bool check_encoding(std::string_view text, std::vector<Finding>& findings);

// The field title in a heading ("Handlungsfeld 1: MINT" → "MINT", "1. Handlungsfeld MINT" →
// "MINT"), or nothing if the heading does not name the word "Handlungsfeld". `numbered` is
// set if numbering was taken off.
std::optional<std::string> field_title(std::string_view heading, bool* numbered = nullptr);

}  // namespace eduplan
