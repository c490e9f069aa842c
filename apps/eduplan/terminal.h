// Output that a document cannot use to take over the user's terminal. Names, texts and messages
// from documents and databases reach std::cout and std::cerr on many paths (findings, summaries,
// error messages that quote a plan's name, JSON); instead of escaping each path, main() routes
// both streams through a filter that writes control characters — C0 but newline and tab, DEL,
// C1 such as U+009B (CSI) — as \u001B, \u009B … That form is also a JSON escape of the same
// character: JSON output (which escapes C0 itself) stays valid JSON with the original text.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace eduplan::cli {

// A stream buffer that writes to `target` with control characters escaped.
class EscapingBuffer : public std::streambuf {
 public:
  explicit EscapingBuffer(std::streambuf* target) : target_(target) {}
  ~EscapingBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool put(unsigned char c);
  bool escape(unsigned char c);
  std::streambuf* target_;
  bool pending_c2_ = false;  // a 0xC2 lead byte held back: a C1 control may follow
};

// For the lifetime of this object, std::cout and std::cerr escape control characters.
class SafeTerminal {
 public:
  SafeTerminal();
  ~SafeTerminal();
  SafeTerminal(const SafeTerminal&) = delete;
  SafeTerminal& operator=(const SafeTerminal&) = delete;
};

// std::cerr without the filter, for eduplan's own terminal control (the progress bar's
// carriage return and erase-line sequence). Never for text from documents.
std::ostream& raw_error_stream();

// The escaped form of control character `c`: "\u001B".
std::string escaped_control(unsigned char c);
// True for the characters the filter escapes (for a single byte: C0 but newline and tab, DEL).
bool is_control(unsigned char c);

}  // namespace eduplan::cli
