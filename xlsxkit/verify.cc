#include "xlsxkit/verify.h"

#include <isa-l/igzip_lib.h>
#include <zip.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>

#include "xlsxkit/workbook.h"

namespace eduplan::xlsxkit {
namespace {

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// Follows a worksheet's XML as it is read in pieces: the last row of <dimension ref="A1:K57">
// (near the start), the number of the last <row r="…"> and how the text ends. Each piece is
// searched from its end, so a sheet costs little more than its decompression: feed() takes the
// buffer's room after kCarry bytes that it keeps from the previous piece, so that nothing that
// straddles two pieces is missed, without copying the pieces.
class SheetScan {
 public:
  static constexpr std::size_t kCarry = 64;
  explicit SheetScan(std::string& buffer) : buffer_(buffer) {}
  // Where the next piece is to be read, and how much of it fits.
  char* room() { return buffer_.data() + kCarry; }
  std::size_t room_size() const { return buffer_.size() - kCarry; }
  // The piece of n bytes has been read into room(); rows are looked for in a worksheet only.
  void feed(std::size_t n, bool sheet) {
    const std::string_view text(buffer_.data() + kCarry - carried_, carried_ + n);
    if (!fed_) declared_ = text.starts_with("<?xml");
    fed_ = true;
    if (sheet) scan_rows(text);
    const std::size_t keep = std::min(text.size(), kCarry);
    std::memmove(buffer_.data() + kCarry - keep, text.data() + text.size() - keep, keep);
    carried_ = keep;
  }
  // Whether the part begins with its XML declaration (libxlsxwriter writes one in every part):
  // one whose first piece was lost in a temporary file begins elsewhere.
  bool declared() const { return declared_; }
  long long dimension_last() const { return dimension_last_; }
  long long last_row() const { return last_row_; }
  bool closed() const { return tail().find("</worksheet>") != std::string_view::npos; }
  // An XML part ends with an end tag ("</Types>", "</Relationships>"), or with "/>" if its root
  // is empty; a part cut off in a temporary file ends elsewhere.
  bool ends_with_end_tag() const {
    std::string_view t = tail();
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' '))
      t.remove_suffix(1);
    if (t.empty() || t.back() != '>') return false;
    const auto open = t.rfind('<');
    return open != std::string_view::npos && open + 1 < t.size() &&
           (t[open + 1] == '/' || t[t.size() - 2] == '/');
  }

 private:
  static constexpr std::string_view kRow = "<row r=\"";
  static constexpr long long kMaxRow = 1LL << 40;
  std::string_view tail() const {
    return std::string_view(buffer_.data() + kCarry - carried_, carried_);
  }
  void scan_rows(std::string_view text) {
    if (dimension_last_ < 0) find_dimension(text);
    // The last complete <row r="…"> of the text; one cut off at the end is complete next time.
    for (std::size_t at = text.rfind(kRow); at != std::string_view::npos;
         at = at == 0 ? std::string_view::npos : text.rfind(kRow, at - 1)) {
      std::size_t end = at + kRow.size();
      long long number = 0;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9' && number < kMaxRow)
        number = number * 10 + (text[end++] - '0');
      if (end < text.size()) {  // the number is complete
        if (number > 0) last_row_ = number;
        break;
      }
    }
  }
  void find_dimension(std::string_view text) {
    const auto d = text.find("<dimension ref=\"");
    if (d == std::string_view::npos) return;
    const auto end = text.find('"', d + 16);
    if (end == std::string_view::npos) return;  // cut off: found whole in the next piece
    const std::string_view ref = text.substr(d + 16, end - d - 16);
    const auto colon = ref.find(':');
    const std::string_view last = colon == std::string_view::npos ? ref : ref.substr(colon + 1);
    const std::size_t digits = last.find_first_of("0123456789");
    dimension_last_ = 0;
    for (std::size_t i = digits; i < last.size() && last[i] >= '0' && last[i] <= '9'; ++i)
      dimension_last_ = dimension_last_ * 10 + (last[i] - '0');
    if (digits == std::string_view::npos) dimension_last_ = 0;
  }
  std::string& buffer_;
  std::size_t carried_ = 0;
  bool fed_ = false, declared_ = false;
  long long dimension_last_ = -1, last_row_ = 0;
};

// Names the temporary directory when the caller knows it: libxlsxwriter's temporary files fill it
// as often as the target's disk.
[[noreturn]] void broken_workbook(const std::string& what, const std::string& tmpdir) {
  const std::string where =
      tmpdir.empty()
          ? say("der Datenträger voll ist", "the disk is full")
          : say("der Datenträger oder das temporäre Verzeichnis {0} (Option tmpdir) voll ist",
                "the disk or the temporary directory {0} (option tmpdir) is full", tmpdir);
  throw Failure(say("die geschriebene Arbeitsmappe ist unvollständig ({0}), wohl weil {1}",
                    "the workbook written is incomplete ({0}), probably because {1}", what, where));
}

// Reads member i (stat `st`) into `scan` and returns its size. The member is read raw and inflated
// here, without libzip's CRC: a part cut short in a temporary file was deflated and summed as it
// was, so its CRC matches and only the end of its text can show the loss. Reading the part in
// full to its end is what the check needs; summing it again cost a third of the check. ISA-L
// inflates at 2.4 times zlib's speed (docs/performance.md).
template <class Broken>
zip_uint64_t read_member(zip_t* archive, zip_int64_t i, const zip_stat_t& st, SheetScan& scan,
                         bool sheet, const Broken& broken) {
  const std::string name = st.name;
  const bool deflated = st.comp_method == ZIP_CM_DEFLATE;
  if (!deflated && st.comp_method != ZIP_CM_STORE)
    broken(say("{0}: unbekannte Kompression", "{0}: unknown compression", name));
  std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(archive, static_cast<zip_uint64_t>(i), ZIP_FL_COMPRESSED));
  if (!file) broken(say("{0} kann nicht geöffnet werden", "{0} cannot be opened", name));
  const auto read = [&](char* to, std::size_t room) {
    const zip_int64_t n = zip_fread(file.get(), to, room);
    if (n < 0) broken(name + ": " + zip_file_strerror(file.get()));
    return static_cast<std::size_t>(n);
  };
  zip_uint64_t total = 0;
  if (!deflated) {
    while (const std::size_t n = read(scan.room(), scan.room_size())) {
      total += n;
      scan.feed(n, sheet);
    }
    return total;
  }
  // Raw deflate (crc_flag ISAL_DEFLATE: no header, no checksum); the state holds its tables.
  const auto state = std::make_unique<inflate_state>();
  isal_inflate_init(state.get());
  state->crc_flag = ISAL_DEFLATE;
  std::string in(1 << 16, '\0');
  bool input_ended = false;
  while (state->block_state != ISAL_BLOCK_FINISH) {
    if (state->avail_in == 0 && !input_ended) {
      const std::size_t n = read(in.data(), in.size());
      input_ended = n == 0;
      state->next_in = reinterpret_cast<std::uint8_t*>(in.data());
      state->avail_in = static_cast<std::uint32_t>(n);
    }
    const std::uint32_t avail_in = state->avail_in;
    state->next_out = reinterpret_cast<std::uint8_t*>(scan.room());
    state->avail_out = static_cast<std::uint32_t>(scan.room_size());
    if (isal_inflate(state.get()) < 0)
      broken(say("{0}: beschädigte Daten", "{0}: damaged data", name));
    const std::size_t n = scan.room_size() - state->avail_out;
    total += n;
    if (n > 0) scan.feed(n, sheet);
    // With all its input read, the data may still come out in more than one piece (the last
    // block decoded into the state's own buffer); a call that moves nothing and does not finish
    // means the data stopped before its end (ISA-L keeps what it cannot use yet of its input).
    if (n == 0 && state->avail_in == avail_in && state->block_state != ISAL_BLOCK_FINISH) {
      if (input_ended)
        broken(say("{0} endet mitten im Text", "{0} ends in the middle of its text", name));
      broken(say("{0}: beschädigte Daten", "{0}: damaged data", name));
    }
  }
  return total;
}
}  // namespace

void verify_workbook(const std::string& path, const std::string& tmpdir) {
  const auto broken = [&tmpdir](const std::string& what) { broken_workbook(what, tmpdir); };
  int error = 0;
  std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (!archive) {
    zip_error_t e;
    zip_error_init_with_code(&e, error);
    const std::string message = zip_error_strerror(&e);
    zip_error_fini(&e);
    broken(say("kein lesbares ZIP-Archiv: {0}", "not a readable zip archive: {0}", message));
  }
  bool workbook = false, content_types = false;
  int sheets = 0;
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  std::string buffer(SheetScan::kCarry + (1 << 18), '\0');
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
      broken(say("Eintrag {0} unlesbar", "entry {0} unreadable", std::to_string(i)));
    const std::string name = st.name ? st.name : "";
    if (name.empty() || name.back() == '/') continue;
    if (st.size == 0) broken(say("{0} ist leer", "{0} is empty", name));
    workbook |= name == "xl/workbook.xml";
    content_types |= name == "[Content_Types].xml";
    const bool sheet = name.rfind("xl/worksheets/sheet", 0) == 0;
    sheets += sheet;
    SheetScan scan(buffer);
    const zip_uint64_t total = read_member(archive.get(), i, st, scan, sheet, broken);
    if (total != st.size)
      broken(say("{0} hat nicht die angegebene Größe", "{0} does not have the size given", name));
    const bool xml = name.size() > 4 && (name.compare(name.size() - 4, 4, ".xml") == 0 ||
                                         name.compare(name.size() - 5, 5, ".rels") == 0);
    if (xml && !scan.declared())
      broken(say("{0} beginnt mitten im Text", "{0} begins in the middle of its text", name));
    if (xml && !sheet && !scan.ends_with_end_tag())
      broken(say("{0} endet mitten im Text", "{0} ends in the middle of its text", name));
    if (sheet) {
      if (!scan.closed())
        broken(say("{0} endet mitten im Text", "{0} ends in the middle of its text", name));
      if (scan.dimension_last() < 0)
        broken(say("{0} ohne <dimension>: ihr Anfang fehlt",
                   "{0} without <dimension>: its beginning is missing", name));
      if (scan.dimension_last() > 0 && scan.last_row() != scan.dimension_last())
        broken(say("{0}: letzte Zeile {1} statt {2}", "{0}: last row {1} instead of {2}", name,
                   std::to_string(scan.last_row()), std::to_string(scan.dimension_last())));
    }
  }
  if (!workbook || !content_types || sheets == 0) broken(say("Teile fehlen", "parts are missing"));
}

}  // namespace eduplan::xlsxkit
