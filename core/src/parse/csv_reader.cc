#include "parse/csv_reader.h"

#include "model/rule_catalog.h"

namespace eduplan::csv {

std::vector<Record> parse(std::string_view data, char delimiter, std::vector<Finding>& findings) {
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  std::vector<Record> records;
  Record record;
  std::string field;
  int line = 1;
  bool in_quotes = false;
  bool was_quoted = false;
  bool record_started = false;
  int quote_line = 0;  // where the open quote started
  auto fail = [&](const Text& message) {
    findings.push_back(make_finding(rule::kCsvSyntax, tr(message), line));
  };
  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  auto end_record = [&] {
    end_field();
    // A blank line, and a row of delimiters only (";;;;", which Excel writes for rows it once
    // formatted or cleared), hold nothing.
    bool blank = true;
    for (const auto& f : record.fields) blank = blank && f.empty();
    if (!blank) records.push_back(std::move(record));
    record = Record{};
    record_started = false;
  };
  for (std::size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (record.fields.empty() && field.empty() && !record_started) record.line = line;
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < data.size() && data[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n' || (c == '\r' && !(i + 1 < data.size() && data[i + 1] == '\n'))) ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || was_quoted) {
        fail({"Anführungszeichen mitten in einem unquotierten Feld", "quote inside an unquoted field"});
        return records;
      }
      in_quotes = was_quoted = record_started = true;
      quote_line = line;
    } else if (c == delimiter) {
      end_field();
      record_started = true;
    } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
      // CR of a CRLF line end: the LF ends the record.
    } else if (c == '\n' || c == '\r') {
      // LF, CRLF (its CR passed over above), or CR alone: classic Mac line ends, which Excel for
      // Mac writes as "CSV (Macintosh)".
      end_record();
      ++line;
    } else {
      if (was_quoted) {
        if (quote_line < line) {
          // The quote that opened the field is the likely mistake, not the line it ends on.
          const int closed = line;
          findings.push_back(make_finding(
              rule::kCsvSyntax,
              tr({"Anführungszeichen in Zeile {0} geöffnet, erst in Zeile {1} geschlossen, und "
                  "danach steht noch Text: ein einzelnes \" am Anfang eines Felds? (ein \" im "
                  "Text wird verdoppelt: \"\")",
                  "quote opened in line {0}, closed only in line {1}, and text follows it: a "
                  "stray \" at the start of a field? (a \" in the text is doubled: \"\")"},
                 quote_line, closed),
              quote_line));
          return records;
        }
        fail({"Text nach dem schließenden Anführungszeichen", "text after the closing quote"});
        return records;
      }
      field += c;
      record_started = true;
    }
  }
  if (in_quotes) {
    line = quote_line;
    fail({"Anführungszeichen wird nicht geschlossen (ein \" im Text wird verdoppelt: \"\")",
          "quote is never closed (a \" in the text is doubled: \"\")"});
    return records;
  }
  if (record_started || !field.empty() || !record.fields.empty()) end_record();
  return records;
}

}  // namespace eduplan::csv
