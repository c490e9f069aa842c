#include "xlsxkit/temporary_files.h"

#include <sys/stat.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {
namespace {

// What assembling a sheet writes beyond its rows' file: its head and tail (a <col> per column,
// views, merged cells, page setup) and its last row, which libxlsxwriter writes only when the
// workbook is closed: generously, a fixed part and a part per column. After the sheets, the
// small parts (styles, theme, properties) are written one at a time.
constexpr std::uint64_t kSheetMargin = 128 * 1024;
constexpr std::uint64_t kPerColumn = 160;
constexpr std::uint64_t kBlock = 4096;

std::string amount(std::uint64_t bytes) {
  if (bytes < (10u << 20)) return std::to_string((bytes + 1023) >> 10) + " KiB";
  return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

}  // namespace

void check_temporary_files(lxw_workbook* workbook, const std::string& tmpdir,
                           const std::string& option) {
  const std::string dir = tmpdir.empty() ? "/tmp" : tmpdir;
  const std::string named =
      option.empty() ? say("das temporäre Verzeichnis {0}", "the temporary directory {0}", dir)
                     : say("das temporäre Verzeichnis {0} (Option {1})",
                           "the temporary directory {0} (option {1})", dir, option);
  const std::string choose =
      option.empty() ? say("ein Ziel mit mehr Platz wählen", "choose a target with more room")
                     : say("ein anderes Verzeichnis wählen (--option {0}=…)",
                           "choose another directory (--option {0}=…)", option);
  struct Rows {
    std::uint64_t bytes, blocks, columns;
  };
  std::vector<Rows> sheets;  // in the order libxlsxwriter assembles them
  lxw_worksheet* sheet = nullptr;
  LXW_FOREACH_WORKSHEET(sheet, workbook) {
    // libxlsxwriter 1.1.4 declares the file in its public struct (worksheet.h).
    std::FILE* rows = sheet->optimize_tmpfile;
    if (!rows) continue;
    errno = 0;
    const bool flushed = std::fflush(rows) == 0;
    const int error = errno;
    if (!flushed || std::ferror(rows)) {
      const std::string name = sheet->name ? sheet->name : "?";
      throw Failure(
          say("{0} ist voll: Zeilen des Blatts „{1}“ konnten dort nicht geschrieben werden",
              "{0} is full: rows of the sheet \"{1}\" could not be written there", named, name) +
          (error != 0 ? std::string(" (") + sdk::error_text(error) + ")" : std::string()));
    }
    struct stat st {};
    if (::fstat(::fileno(rows), &st) != 0) continue;
    sheets.push_back({static_cast<std::uint64_t>(st.st_size),
                      static_cast<std::uint64_t>(st.st_blocks) * 512,
                      static_cast<std::uint64_t>(sheet->dim_colmax) + 1});
  }
  struct statvfs fs {};
  if (::statvfs(dir.c_str(), &fs) != 0) return;  // not measurable: the read-back check remains
  const std::uint64_t room = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
  // Sheet by sheet: the sheet assembled in a new file while its rows' file is still there; the
  // rows' files of the sheets before it are gone by then.
  std::uint64_t freed = 0;
  for (const Rows& rows : sheets) {
    const std::uint64_t need =
        (rows.bytes + kSheetMargin + kPerColumn * rows.columns + kBlock - 1) / kBlock * kBlock;
    if (room + freed < need)
      throw Failure(
          say("{0} hat nur {1} frei; zum Abschluss der Arbeitsmappe braucht libxlsxwriter "
              "dort bis zu {2} und meldet nicht, wenn Schreiben dort scheitert. Bitte "
              "Platz schaffen oder {3}",
              "{0} has only {1} free; to finish the workbook libxlsxwriter needs up to "
              "{2} there and does not report when writing there fails. Please make room "
              "or {3}",
              named, amount(room), amount(need - freed), choose));
    freed += rows.blocks;
  }
}

}  // namespace eduplan::xlsxkit
