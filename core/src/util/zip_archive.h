// Reading members of a zip archive held in memory, through libzip (internal). Sizes are capped
// while reading — not trusted from the archive's directory — so that a zip bomb stops at the
// cap instead of filling memory.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct zip;

namespace eduplan {

// The archive is damaged, or a member is too large. The message says which (German/English).
class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ZipArchive {
 public:
  // Throws ArchiveError if `data` is not a zip archive. `data` must outlive the archive.
  explicit ZipArchive(std::string_view data);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The member's bytes, or nothing if there is no member of that name. Throws ArchiveError if
  // it cannot be read (truncated, damaged, encrypted) or decompresses to more than
  // `max_bytes`, or if all members read so far exceed the archive's total cap.
  std::optional<std::string> read(const std::string& name, std::size_t max_bytes);

  static constexpr std::size_t kMaxMember = 64u << 20;  // 64 MiB
  static constexpr std::size_t kMaxTotal = 256u << 20;

 private:
  zip* archive_ = nullptr;
  std::size_t total_ = 0;
};

// True if `data` starts like a zip archive ("PK\3\4").
bool looks_like_zip(std::string_view data);

}  // namespace eduplan
