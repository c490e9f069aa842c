// A temporary file beside a target that replaces the target only on commit (internal).
#pragma once

#include <filesystem>

namespace eduplan {

class AtomicOutput {
 public:
  // Creates an empty temporary file in the target's directory (permissions as for a new
  // file under the umask). Throws ExportError if the directory is missing or unwritable,
  // or if the target is a directory.
  explicit AtomicOutput(const std::filesystem::path& target);
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;
  ~AtomicOutput();  // removes the temporary file unless committed

  const std::filesystem::path& temp_path() const { return temp_; }
  // Renames the temporary file over the target. Throws ExportError on failure.
  void commit();

 private:
  std::filesystem::path target_, temp_;
  bool committed_ = false;
};

}  // namespace eduplan
