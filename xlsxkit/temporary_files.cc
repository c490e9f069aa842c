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
      "das temporäre Verzeichnis " + dir + (option.empty() ? "" : " (Option " + option + ")");
  const std::string choose = option.empty() ? "ein Ziel mit mehr Platz wählen"
                                            : "ein anderes Verzeichnis wählen (--option " + option +
                                                  "=…)";
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
      throw Failure(named + " ist voll: Zeilen des Blatts „" + name +
                    "“ konnten dort nicht geschrieben werden" +
                    (error != 0 ? std::string(" (") + std::strerror(error) + ")" : std::string()));
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
      throw Failure(named + " hat nur " + amount(room) + " frei; zum Abschluss der Arbeitsmappe " +
                    "braucht libxlsxwriter dort bis zu " + amount(need - freed) +
                    " und meldet nicht, wenn Schreiben dort scheitert. Bitte Platz schaffen oder " +
                    choose);
    freed += rows.blocks;
  }
}

}  // namespace eduplan::xlsxkit
