// A recording of the focus areas as the first pass over the stream reads them, played back for
// the second pass. The workbook needs facts about all focus areas (column widths, the matrix's
// columns) before its first row; reading the database's join a second time cost more than
// writing the rows to a temporary file and reading them back. The file lives in the export's
// temporary directory, is unlinked from the start and takes a fixed amount of memory.
#pragma once

#include <cstdint>
#include <eduplan/exporter_sdk.hpp>
#include <functional>
#include <string>
#include <vector>

namespace eduplan::xlsx_exporter {

class FocusAreaTape {
 public:
  // Opens an unlinked file in `dir`; throws sdk::Failure naming the directory if it cannot.
  explicit FocusAreaTape(const std::string& dir);
  ~FocusAreaTape();
  FocusAreaTape(const FocusAreaTape&) = delete;
  FocusAreaTape& operator=(const FocusAreaTape&) = delete;

  void record(const sdk::FocusArea& fa);
  // Calls fn for every recorded focus area in order, with views valid during the call. Throws
  // sdk::Failure if writing or reading the file failed (a full temporary directory).
  void replay(const std::function<void(const sdk::FocusArea&)>& fn);
  std::size_t size() const { return count_; }

 private:
  void put(std::uint64_t v);
  void put(eduplan_str s);
  void flush();
  [[noreturn]] void fail(const std::string& what, int error) const;

  std::string dir_;
  int fd_ = -1;
  std::vector<char> out_;  // records not yet written
  std::size_t count_ = 0;
  std::uint64_t max_record_ = 0;  // the largest record's size: a larger one read back is damage
};

}  // namespace eduplan::xlsx_exporter
