#include "util/encoding.h"

#include <iconv.h>

#include <array>

#include "util/text.h"
#include "util/unicode.h"

namespace eduplan {
namespace {

// Windows-1252 0x80–0x9F (0 where the code page defines nothing).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::optional<std::string> from_utf16(std::string_view bytes, bool little_endian) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]),
               b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 3 >= bytes.size()) return std::nullopt;
      const char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF) return std::nullopt;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      return std::nullopt;
    }
    if (c == 0) return std::nullopt;
    unicode::append_utf8(out, c);
  }
  return out;
}

// German letters (ä ö ü ß Ä Ö Ü) as three code pages write them: Windows-1252; Mac OS Roman
// (the classic Mac OS, where Windows-1252 has Š, š, Ÿ, € and punctuation); DOS code page 850
// (old DOS and console programs). Whichever explains more of the text's letters is the one it
// was saved in; Windows-1252 on a tie or with fewer than three such letters.
enum class CodePage { windows_1252, mac_roman, cp850 };

CodePage likely_code_page(std::string_view bytes) {
  constexpr std::array<unsigned char, 7> kWindows{0xE4, 0xF6, 0xFC, 0xDF, 0xC4, 0xD6, 0xDC};
  constexpr std::array<unsigned char, 7> kMac{0x8A, 0x9A, 0x9F, 0xA7, 0x80, 0x85, 0x86};
  constexpr std::array<unsigned char, 7> kDos{0x84, 0x94, 0x81, 0xE1, 0x8E, 0x99, 0x9A};
  std::array<std::size_t, 256> count{};
  for (unsigned char c : bytes) ++count[c];
  auto score = [&](const auto& letters) {
    std::size_t n = 0;
    for (unsigned char c : letters) n += count[c];
    return n;
  };
  const std::size_t windows = score(kWindows), mac = score(kMac), dos = score(kDos);
  // A German text has many of these letters; a stray byte or two decides nothing (a binary
  // file stays a binary file).
  constexpr std::size_t kEvidence = 3;
  if (mac >= kEvidence && mac > windows && mac > dos) return CodePage::mac_roman;
  if (dos >= kEvidence && dos > windows && dos > mac) return CodePage::cp850;
  return CodePage::windows_1252;
}

// A code page to UTF-8 through the C library's iconv; nothing if it is not there.
std::optional<std::string> through_iconv(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() * 3 + 4, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t done = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (done == static_cast<std::size_t>(-1) || in_left != 0) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<std::size_t> mixed_encoding(std::string_view bytes) {
  const auto bad = text::find_invalid_utf8(bytes);
  if (!bad) return std::nullopt;
  if (bytes.starts_with("\xEF\xBB\xBF")) return bad;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0xC2 || c > 0xF4) continue;
    const std::size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + n > bytes.size()) break;
    bool valid = true;
    for (std::size_t k = 1; k < n && valid; ++k)
      valid = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (valid) return bad;
  }
  return std::nullopt;
}

std::optional<Decoded> decode_text(std::string_view bytes) {
  if (mixed_encoding(bytes)) return std::nullopt;
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    const bool le = bytes.starts_with("\xFF\xFE");
    auto text = from_utf16(bytes.substr(2), le);
    if (!text) return std::nullopt;
    return Decoded{std::move(*text), le ? "UTF-16LE" : "UTF-16BE"};
  }
  if (bytes.find('\0') != std::string_view::npos) return std::nullopt;
  if (!text::find_invalid_utf8(bytes)) return Decoded{std::string(bytes), nullptr};
  if (const CodePage page = likely_code_page(bytes); page != CodePage::windows_1252) {
    for (unsigned char c : bytes) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return std::nullopt;
    }
    const bool mac = page == CodePage::mac_roman;
    if (auto text = through_iconv(bytes, mac ? "MACINTOSH" : "CP850"))
      return Decoded{std::move(*text), mac ? "Mac OS Roman" : "DOS (Codepage 850)"};
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return std::nullopt;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      if (!kCp1252High[c - 0x80]) return std::nullopt;
      unicode::append_utf8(out, kCp1252High[c - 0x80]);
    } else {
      unicode::append_utf8(out, c);
    }
  }
  return Decoded{std::move(out), "Windows-1252"};
}

}  // namespace eduplan
