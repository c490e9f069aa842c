#include "zip_builder.h"

#include <zip.h>

#include "fuzz_support.h"

namespace eduplan::fuzz {

std::string build_zip(const std::vector<std::pair<std::string_view, std::string_view>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  require(buffer != nullptr, "libzip: no buffer source");
  zip_source_keep(buffer);  // the archive frees its source on close; the bytes are read after
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  require(archive != nullptr, "libzip: cannot open the buffer");
  for (const auto& [name, bytes] : members) {
    zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    require(part != nullptr, "libzip: no member source");
    const zip_int64_t index =
        zip_file_add(archive, std::string(name).c_str(), part, ZIP_FL_ENC_UTF_8);
    if (index < 0) zip_source_free(part);
    require(index >= 0, "libzip: cannot add a member");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  require(zip_close(archive) == 0, "libzip: cannot write the archive");

  std::string out;
  zip_stat_t stat;
  require(zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0,
          "libzip: cannot read the archive back");
  out.resize(static_cast<std::size_t>(stat.size));
  const zip_int64_t n = zip_source_read(buffer, out.data(), out.size());
  require(n == static_cast<zip_int64_t>(out.size()), "libzip: short read of the archive");
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

}  // namespace eduplan::fuzz
