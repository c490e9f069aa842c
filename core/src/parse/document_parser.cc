#include "parse/document_parser.h"

#include <algorithm>
#include <string>

#include "model/rule_catalog.h"
#include "parse/interpreter.h"
#include "parse/markdown.h"
#include "util/encoding.h"
#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

std::string hex_byte(char c) {
  constexpr std::string_view kDigits = "0123456789ABCDEF";
  const auto b = static_cast<unsigned char>(c);
  return {kDigits[b >> 4], kDigits[b & 0xF]};
}

std::string dropped_message(const inline_text::Dropped& d) {
  using Kind = inline_text::Dropped::Kind;
  switch (d.kind) {
    case Kind::struck:
      return tr({"durchgestrichener Text „{0}“ nicht übernommen (gilt als gestrichen); soll er "
                 "gelten, die Durchstreichung „~~“ entfernen",
                 "struck-through text \"{0}\" not taken over (it counts as deleted); if it "
                 "should stand, remove the strikethrough \"~~\""},
                d.text);
    case Kind::footnote:
      return tr({"Fußnotenverweis „{0}“ entfernt (Fußnoten werden nicht gelesen)",
                 "footnote reference \"{0}\" removed (footnotes are not read)"},
                d.text);
    case Kind::comment:
      if (d.text.starts_with("%%")) {
        return tr({"Kommentar „%%“ ohne schließendes „%%“: „{0}“ nicht gelesen (nur diese Zeile); "
                   "den Kommentar schließen",
                   "comment \"%%\" without a closing \"%%\": \"{0}\" not read (only this line); "
                   "close the comment"},
                  d.text);
      }
      return tr({"HTML-Kommentar „<!--“ ohne „-->“: „{0}“ nicht gelesen (nur bis zum Ende dieser "
                 "Zeile oder Zelle); den Kommentar schließen",
                 "HTML comment \"<!--\" without \"-->\": \"{0}\" not read (only to the end of "
                 "this line or cell); close the comment"},
                d.text);
    case Kind::code:
      return tr({"Codeblock nicht gelesen (Beispiel oder Vorlage, kein Inhalt des Plans): „{0}“",
                 "code block not read (an example or a template, not the plan's content): "
                 "\"{0}\""},
                d.text);
    case Kind::checkbox:
      return tr({"Kontrollkästchen „{0}“ vor dem Listeneintrag entfernt (ein Erledigt-Stand wird "
                 "nicht gelesen; dafür die Statusberichte verwenden)",
                 "checkbox \"{0}\" in front of the list item removed (a done mark is not read; "
                 "use the status reports for that)"},
                d.text);
  }
  return d.text;
}

// Struck-through text and footnote references, each with its line (at most kMaxDropped, then
// how many more).
void report_dropped(const std::vector<inline_text::Dropped>& dropped,
                    std::vector<Finding>& findings) {
  constexpr std::size_t kMaxDropped = 20;
  for (std::size_t k = 0; k < dropped.size() && k < kMaxDropped; ++k) {
    const auto& d = dropped[k];
    findings.push_back(make_finding(rule::kTextDropped, dropped_message(d), d.line));
  }
  if (dropped.size() > kMaxDropped) {
    findings.push_back(make_finding(
        rule::kTextDropped,
        tr({"{0} weitere Stellen mit durchgestrichenem Text oder Fußnotenverweisen entfernt",
            "{0} further places with struck-through text or footnote references removed"},
           dropped.size() - kMaxDropped),
        dropped[kMaxDropped].line));
  }
}

}  // namespace

bool check_encoding(std::string_view text, std::vector<Finding>& findings) {
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    findings.push_back(make_finding(rule::kEncodingNulByte,
                                    tr({"NUL-Byte an Byte-Offset {0} (Binärdatei?)",
                                        "NUL byte at byte offset {0} (binary file?)"},
                                       nul),
                                    text::line_of_offset(text, nul)));
    return false;
  }
  if (auto mixed = mixed_encoding(text)) {
    findings.push_back(make_finding(
        rule::kEncodingInvalidUtf8,
        tr({"gemischte Kodierung: die Datei ist UTF-8, aber an Byte-Offset {0} steht das Byte "
            "0x{1}, das in UTF-8 ungültig ist (aus Windows-1252 eingefügt?); diese Zeile "
            "korrigieren und die Datei als UTF-8 speichern",
            "mixed encoding: the file is UTF-8, but at byte offset {0} stands the byte 0x{1}, "
            "which is invalid in UTF-8 (pasted from Windows-1252?); correct this line and save "
            "the file as UTF-8"},
           *mixed, hex_byte(text[*mixed])),
        text::line_of_offset(text, *mixed)));
    return false;
  }
  if (auto bad = text::find_invalid_utf8(text)) {
    findings.push_back(
        make_finding(rule::kEncodingInvalidUtf8,
                     tr({"kein gültiges UTF-8 an Byte-Offset {0} (Datei als UTF-8 "
                         "speichern)",
                         "not valid UTF-8 at byte offset {0} (save the file as UTF-8)"},
                        *bad),
                     text::line_of_offset(text, *bad)));
    return false;
  }
  return true;
}

RawDocument parse_document(const std::vector<Block>& blocks, std::vector<Finding>& findings) {
  Interpreter interpreter(findings);
  int last_line = 0;
  for (const auto& b : blocks) {
    interpreter.block(b);
    last_line = std::max(last_line, b.rows.empty() ? b.line : b.rows.back().line);
  }
  return interpreter.finish(std::max(last_line, 1));
}

RawDocument parse_document(std::vector<Block>&& blocks, std::vector<Finding>& findings) {
  Interpreter interpreter(findings);
  int last_line = 0;
  for (auto& b : blocks) {
    interpreter.block(b);
    last_line = std::max(last_line, b.rows.empty() ? b.line : b.rows.back().line);
    b = Block{};  // the interpreter keeps what it needs: the raw document grows as blocks go
  }
  return interpreter.finish(std::max(last_line, 1));
}

Finding canonical_text_finding(const unicode::Changes& changes, const inline_text::Counts& decoded,
                               int line) {
  std::string parts;
  auto part = [&](std::size_t n, const Text& one, const Text& other) {
    if (n > 0) parts += (parts.empty() ? "" : ", ") + count_of(n, one, other);
  };
  part(changes.composed,
       {"zerlegter Umlaut/Akzent zusammengesetzt (NFC)", "decomposed accent composed (NFC)"},
       {"zerlegte Umlaute/Akzente zusammengesetzt (NFC)", "decomposed accents composed (NFC)"});
  part(changes.spaces, {"Sonderleerzeichen als Leerzeichen", "special space made a space"},
       {"Sonderleerzeichen als Leerzeichen", "special spaces made spaces"});
  part(changes.invisible, {"unsichtbares Zeichen entfernt", "invisible character removed"},
       {"unsichtbare Zeichen entfernt", "invisible characters removed"});
  part(changes.controls, {"Steuerzeichen entfernt", "control character removed"},
       {"Steuerzeichen entfernt", "control characters removed"});
  part(changes.letters,
       {"Ligatur oder Bindestrich vereinfacht", "ligature or hyphen simplified"},
       {"Ligaturen oder Bindestriche vereinfacht", "ligatures or hyphens simplified"});
  part(changes.quotes,
       {"typografisches Anführungszeichen gerade", "typographic quote made straight"},
       {"typografische Anführungszeichen gerade", "typographic quotes made straight"});
  part(decoded.entities, {"HTML-Entität aufgelöst", "HTML entity decoded"},
       {"HTML-Entitäten aufgelöst", "HTML entities decoded"});
  part(decoded.escapes, {"Markdown-Escape aufgelöst", "Markdown escape decoded"},
       {"Markdown-Escapes aufgelöst", "Markdown escapes decoded"});
  part(decoded.comments, {"Kommentar entfernt", "comment removed"},
       {"Kommentare entfernt", "comments removed"});
  part(decoded.links,
       {"Link als sein Text gelesen (Adresse entfernt)", "link read as its text (address removed)"},
       {"Links als ihr Text gelesen (Adressen entfernt)",
        "links read as their text (addresses removed)"});
  return make_finding(rule::kTextCanonical,
                      tr({"Zeichen vereinheitlicht: {0}", "characters made uniform: {0}"}, parts),
                      line);
}

RawDocument parse_markdown(std::string_view text, std::vector<Finding>& findings,
                           const std::function<void()>& release) {
  if (!check_encoding(text, findings)) return {};
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // Old Mac line ends (CR only) as line ends.
  std::string cr_only;
  if (text.find('\n') == std::string_view::npos && text.find('\r') != std::string_view::npos) {
    cr_only = std::string(text);
    std::replace(cr_only.begin(), cr_only.end(), '\r', '\n');
    text = cr_only;
  }
  unicode::Changes changes;
  std::string canonical = unicode::canonicalize(text, &changes, false, /*remove_controls=*/true);
  const int changed_line = changes.any() ? text::line_of_offset(text, changes.first_offset) : 0;
  if (release) release();  // `text` is not read from here on
  inline_text::Counts decoded;
  std::vector<Block> blocks = markdown::blocks(canonical, &decoded);
  std::string().swap(canonical);  // the blocks hold their own text
  if (changes.any() || decoded.total() > 0) {
    const int line = changes.any() ? changed_line : decoded.first_line;
    findings.push_back(canonical_text_finding(changes, decoded, line));
  }
  report_dropped(decoded.dropped, findings);
  return parse_document(std::move(blocks), findings);
}

}  // namespace eduplan
