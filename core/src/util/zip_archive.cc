#include "util/zip_archive.h"

#include <zip.h>

#include <unordered_set>

#include "eduplan/language.h"

namespace eduplan {

namespace {

// What a libzip error code means for the user, in our words (libzip's own texts are English
// and technical); an unknown code is named by its number.
std::string reason(int code) {
  switch (code) {
    case ZIP_ER_CRC:
      return tr({"Prüfsumme stimmt nicht", "checksum mismatch"});
    case ZIP_ER_EXISTS:
      return tr({"ein Eintrag steht zweimal im Archiv", "a member is in the archive twice"});
    case ZIP_ER_COMPNOTSUPP:
      return tr({"mit einem nicht unterstützten Verfahren komprimiert",
                 "compressed with an unsupported method"});
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return tr({"verschlüsselt (Kennwort)", "encrypted (password)"});
    case ZIP_ER_ZLIB:
    case ZIP_ER_COMPRESSED_DATA:
      return tr({"komprimierte Daten fehlerhaft", "compressed data invalid"});
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return tr({"Datei endet vorzeitig (abgeschnitten?)", "the file ends early (truncated?)"});
    case ZIP_ER_NOZIP:  // it begins like one: its directory at the end is missing
      return tr({"das Inhaltsverzeichnis am Ende fehlt (abgeschnitten?)",
                 "the directory at its end is missing (truncated?)"});
    case ZIP_ER_INCONS:
      return tr({"Inhaltsverzeichnis des Archivs widersprüchlich",
                 "the archive's directory is inconsistent"});
    case ZIP_ER_MULTIDISK:
      return tr({"mehrteiliges Archiv", "a multi-part archive"});
    case ZIP_ER_MEMORY:
      return tr({"zu wenig Speicher", "out of memory"});
    default:
      return tr({"libzip-Fehler {0}", "libzip error {0}"}, code);
  }
}

}  // namespace

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
    const std::string why = reason(zip_error_code_zip(&error));
    zip_source_free(source);
    zip_error_fini(&error);
    throw ArchiveError(
        tr({"kein gültiges ZIP-Archiv ({0})", "not a valid zip archive ({0})"}, why));
  }
  zip_error_fini(&error);
  // A name twice: which of the two members a program reads is up to the program (libzip takes
  // one, Word refuses the file), so the text read might not be the text shown. Refused.
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  std::unordered_set<std::string_view> names;
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (!name || names.insert(name).second) continue;
    const std::string duplicate = name;
    zip_discard(archive_);
    archive_ = nullptr;
    throw ArchiveError(tr({"{0} steht zweimal im ZIP-Archiv (beschädigt oder manipuliert)",
                           "{0} is in the zip archive twice (damaged or tampered with)"},
                          duplicate));
  }
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
                          name, reason(zip_error_code_zip(zip_get_error(archive_)))));
  }
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      const std::string why = reason(zip_error_code_zip(zip_file_get_error(file)));
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
    throw ArchiveError(tr({"{0} im ZIP-Archiv ist beschädigt ({1})",
                           "{0} in the zip archive is damaged ({1})"},
                          name, reason(ZIP_ER_CRC)));
  }
  total_ += out.size();
  return out;
}

}  // namespace eduplan
