// RFC 4180 records with formula neutralisation (OWASP "CSV injection"), written through a buffer.
#pragma once

#include <eduplan/exporter_sdk.hpp>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace eduplan::csv_exporter {

struct CsvStyle {
  char delimiter = ';';
  bool crlf = true;
  bool neutralize = true;  // prefix ' to cells Excel would read as a formula
};

// True if Excel would treat the cell as a formula (=, +, -, @, TAB, CR first), also after
// leading apostrophes, so that neutralising stays reversible: the reader removes exactly one.
bool needs_neutralizing(std::string_view cell);

// Appends one record, quoted where needed (delimiter, quote, CR or LF), with the line ending.
void append_record(std::string& out, const std::vector<std::string_view>& cells,
                   const CsvStyle& style);

// Records into a file, through a buffer of about a megabyte.
class RecordWriter {
 public:
  RecordWriter(const char* path, CsvStyle style) : file_(path), style_(style) {
    buffer_.reserve(kBuffer + 4096);
  }
  void raw(std::string_view s) { buffer_ += s; }
  void record(const std::vector<std::string_view>& cells) {
    append_record(buffer_, cells, style_);
    if (buffer_.size() >= kBuffer) flush();
  }
  void close() {
    flush();
    file_.close();
  }

 private:
  static constexpr std::size_t kBuffer = 1 << 20;
  void flush() {
    file_.write(buffer_);
    buffer_.clear();
  }
  sdk::OutputFile file_;
  CsvStyle style_;
  std::string buffer_;
};

}  // namespace eduplan::csv_exporter
