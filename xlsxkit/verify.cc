#include "xlsxkit/verify.h"

#include "xlsxkit/workbook.h"

#include <zip.h>

#include <cstring>
#include <memory>
#include <string_view>

namespace eduplan::xlsxkit {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Follows a worksheet's XML as it is read in pieces: the last row of <dimension ref="A1:K57">,
// the number of the last <row r="…">, and how the text ends.
class SheetScan {
 public:
  void feed(std::string_view chunk) {
    text_ = carry_ + std::string(chunk);
    scan();
    const std::size_t keep = std::min<std::size_t>(text_.size(), 64);
    carry_ = text_.substr(text_.size() - keep);
  }
  long long dimension_last() const { return dimension_last_; }
  long long last_row() const { return last_row_; }
  bool closed() const { return carry_.find("</worksheet>") != std::string::npos; }

 private:
  static long long number_at(const std::string& s, std::size_t at) {
    long long n = 0;
    bool any = false;
    for (; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at) {
      n = n * 10 + (s[at] - '0');
      any = true;
    }
    return any ? n : -1;
  }
  void scan() {
    // Occurrences that lie wholly in the carried-over part were seen before: start past them.
    const std::size_t from = carry_.size() > 32 ? carry_.size() - 32 : 0;
    if (dimension_last_ < 0) {
      const auto d = text_.find("<dimension ref=\"", from);
      if (d != std::string::npos) {
        const auto end = text_.find('"', d + 16);
        if (end != std::string::npos) {
          const std::string ref = text_.substr(d + 16, end - d - 16);
          auto colon = ref.find(':');
          std::string last = colon == std::string::npos ? ref : ref.substr(colon + 1);
          std::size_t digits = last.find_first_of("0123456789");
          dimension_last_ = digits == std::string::npos ? 0 : number_at(last, digits);
        }
      }
    }
    for (std::size_t at = text_.find("<row r=\"", from); at != std::string::npos;
         at = text_.find("<row r=\"", at + 8)) {
      const long long n = number_at(text_, at + 8);
      if (n > 0) last_row_ = n;
    }
  }
  std::string text_, carry_;
  long long dimension_last_ = -1, last_row_ = 0;
};

[[noreturn]] void broken(const std::string& what) {
  throw Failure("die geschriebene Arbeitsmappe ist unvollständig (" + what +
                     "), wohl weil der Datenträger oder das temporäre Verzeichnis (Option tmpdir) "
                     "voll ist");
}

}  // namespace

void verify_workbook(const std::string& path) {
  int error = 0;
  std::unique_ptr<zip_t, ArchiveCloser> archive(
      zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!archive) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string message = zip_error_strerror(&e);
    zip_error_fini(&e);
    broken("kein lesbares ZIP-Archiv: " + message);
  }
  bool workbook = false, content_types = false;
  int sheets = 0;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  std::string buffer(1 << 16, '\0');
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
      broken("Eintrag " + std::to_string(i) + " unlesbar");
    const std::string name = st.name ? st.name : "";
    if (name.empty() || name.back() == '/') continue;
    if (st.size == 0) broken(name + " ist leer");
    workbook |= name == "xl/workbook.xml";
    content_types |= name == "[Content_Types].xml";
    const bool sheet = name.rfind("xl/worksheets/sheet", 0) == 0;
    sheets += sheet;
    std::unique_ptr<zip_file_t, FileCloser> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
    if (!file) broken(name + " kann nicht geöffnet werden");
    SheetScan scan;
    zip_uint64_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) broken(name + ": " + zip_file_strerror(file.get()));  // checksum included
      if (n == 0) break;
      total += static_cast<zip_uint64_t>(n);
      if (sheet) scan.feed(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
    if (total != st.size) broken(name + " hat nicht die angegebene Größe");
    if (sheet) {
      if (!scan.closed()) broken(name + " endet mitten im Text");
      if (scan.dimension_last() > 0 && scan.last_row() != scan.dimension_last())
        broken(name + ": letzte Zeile " + std::to_string(scan.last_row()) + " statt " +
               std::to_string(scan.dimension_last()));
    }
  }
  if (!workbook || !content_types || sheets == 0) broken("Teile fehlen");
}

}  // namespace eduplan::xlsxkit
