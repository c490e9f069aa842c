#include "terminal.h"

#include <iostream>

namespace eduplan::cli {
namespace {

std::streambuf* original_cout = nullptr;
std::streambuf* original_cerr = nullptr;

}  // namespace

bool is_control(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F; }

std::string escaped_control(unsigned char c) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return {'\\', 'u', '0', '0', kDigits[c >> 4], kDigits[c & 0xF]};
}

EscapingBuffer::~EscapingBuffer() {
  if (pending_c2_) target_->sputc(static_cast<char>(0xC2));
  target_->pubsync();
}

bool EscapingBuffer::escape(unsigned char c) {
  const std::string text = escaped_control(c);
  const auto n = static_cast<std::streamsize>(text.size());
  return target_->sputn(text.data(), n) == n;
}

bool EscapingBuffer::put(unsigned char c) {
  if (pending_c2_) {
    pending_c2_ = false;
    if (c >= 0x80 && c <= 0x9F) return escape(c);  // U+0080 … U+009F
    if (target_->sputc(static_cast<char>(0xC2)) == traits_type::eof()) return false;
  }
  if (c == 0xC2) {
    pending_c2_ = true;
    return true;
  }
  if (is_control(c)) return escape(c);
  return target_->sputc(static_cast<char>(c)) != traits_type::eof();
}

EscapingBuffer::int_type EscapingBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  return put(static_cast<unsigned char>(traits_type::to_char_type(c))) ? c : traits_type::eof();
}

std::streamsize EscapingBuffer::xsputn(const char* s, std::streamsize n) {
  std::streamsize done = 0;
  while (done < n) {
    // A run of bytes that need no look: handed on at once.
    std::streamsize run = 0;
    if (!pending_c2_) {
      while (done + run < n) {
        const auto c = static_cast<unsigned char>(s[done + run]);
        if (is_control(c) || c == 0xC2) break;
        ++run;
      }
    }
    if (run > 0) {
      if (target_->sputn(s + done, run) != run) return done;
      done += run;
      continue;
    }
    if (!put(static_cast<unsigned char>(s[done]))) return done;
    ++done;
  }
  return done;
}

int EscapingBuffer::sync() { return target_->pubsync(); }

SafeTerminal::SafeTerminal() {
  original_cout = std::cout.rdbuf();
  original_cerr = std::cerr.rdbuf();
  static EscapingBuffer out(original_cout), err(original_cerr);
  std::cout.rdbuf(&out);
  std::cerr.rdbuf(&err);
}

SafeTerminal::~SafeTerminal() {
  std::cout.flush();
  std::cerr.flush();
  std::cout.rdbuf(original_cout);
  std::cerr.rdbuf(original_cerr);
}

std::ostream& raw_error_stream() {
  static std::ostream raw(nullptr);
  raw.rdbuf(original_cerr ? original_cerr : std::cerr.rdbuf());
  return raw;
}

}  // namespace eduplan::cli
