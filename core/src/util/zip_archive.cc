#include "util/zip_archive.h"

#include <zip.h>

#include "eduplan/language.h"

namespace eduplan {

bool looks_like_zip(std::string_view data) {
  return data.starts_with(std::string_view("PK\3\4", 4));
}

ZipArchive::ZipArchive(std::string_view data) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    throw ArchiveError(
        tr({"ZIP-Archiv kann nicht geöffnet werden", "the zip archive cannot be opened"}));
  }
  // No ZIP_CHECKCONS: it refuses archives whose local headers carry a zip64 extra field that the
  // central directory leaves out, which libxlsxwriter writes with use_zip64 (eduplan's own
  // workbooks and status forms). Nothing here trusts the directory's sizes: read() caps them.
  archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (!archive_) {
    const std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    throw ArchiveError(
        tr({"kein gültiges ZIP-Archiv ({0})", "not a valid zip archive ({0})"}, why));
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

std::optional<std::string> ZipArchive::read(const std::string& name, std::size_t max_bytes) {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    throw ArchiveError(tr({"{0} im ZIP-Archiv kann nicht gelesen werden ({1})",
                           "{0} in the zip archive cannot be read ({1})"},
                          name, zip_strerror(archive_)));
  }
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      const std::string why = zip_file_strerror(file);
      zip_fclose(file);
      throw ArchiveError(
          tr({"{0} im ZIP-Archiv ist beschädigt ({1})", "{0} in the zip archive is damaged ({1})"},
             name, why));
    }
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    if (out.size() > max_bytes || total_ + out.size() > kMaxTotal) {
      zip_fclose(file);
      throw ArchiveError(
          tr({"{0} im ZIP-Archiv wäre entpackt größer als {1} MiB (ZIP-Bombe?)",
              "{0} in the zip archive would unpack to more than {1} MiB (a zip bomb?)"},
             name, std::min(max_bytes, kMaxTotal) >> 20));
    }
  }
  if (zip_fclose(file) != 0) {  // a CRC mismatch shows here
    throw ArchiveError(tr({"{0} im ZIP-Archiv ist beschädigt (Prüfsumme)",
                           "{0} in the zip archive is damaged (checksum)"},
                          name));
  }
  total_ += out.size();
  return out;
}

}  // namespace eduplan
