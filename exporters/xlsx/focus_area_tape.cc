#include "focus_area_tape.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace eduplan::xlsx_exporter {
namespace {

constexpr std::size_t kChunk = 1 << 20;  // written and read in pieces of about this size

// The failure of the tape in `dir`: what went wrong and, if not 0, the system's error.
[[noreturn]] void tape_failure(const std::string& dir, const std::string& what, int error) {
  std::string message = "tmpdir " + dir + ": " + what;
  if (error != 0) message += std::string(" (") + sdk::error_text(error) + ")";
  throw sdk::Failure(message);
}

// Reads the tape back record by record. A record is its size (8 bytes) and then its fields:
// field, index, line, text, key, the units, the attributes and the reports; numbers are 8 bytes,
// a text its length and its bytes.
class Reader {
 public:
  Reader(int fd, std::uint64_t max_record, const std::string& dir)
      : fd_(fd), max_record_(max_record), dir_(dir) {}

  // The next record's bytes, or false at the end of the file.
  bool next(const char*& at, const char*& end) {
    if (!fill(8)) return false;
    std::uint64_t size = 0;
    std::memcpy(&size, buf_.data() + start_, 8);
    start_ += 8;
    if (size > max_record_ || !fill(static_cast<std::size_t>(size)))
      tape_failure(
          dir_,
          sdk::say("die temporäre Datei ist unvollständig", "the temporary file is incomplete"), 0);
    at = buf_.data() + start_;
    end = at + size;
    start_ += static_cast<std::size_t>(size);
    return true;
  }

 private:
  // At least n bytes from start_ are in the buffer; false if the file ends before any byte.
  bool fill(std::size_t n) {
    if (end_ - start_ >= n) return true;
    if (end_ > start_) std::memmove(buf_.data(), buf_.data() + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
    if (buf_.size() < std::max(n, kChunk)) buf_.resize(std::max(n, kChunk));
    while (end_ < n) {
      const ssize_t got = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0)
        tape_failure(dir_,
                     sdk::say("die temporäre Datei kann nicht gelesen werden",
                              "the temporary file cannot be read"),
                     errno);
      if (got == 0) {
        if (end_ == 0) return false;
        tape_failure(
            dir_,
            sdk::say("die temporäre Datei ist unvollständig", "the temporary file is incomplete"),
            0);
      }
      end_ += static_cast<std::size_t>(got);
    }
    return true;
  }

  int fd_;
  std::uint64_t max_record_;  // no record written was larger
  const std::string& dir_;
  std::vector<char> buf_;
  std::size_t start_ = 0, end_ = 0;
};

// Takes the fields of one record in order; a record shorter than its fields fails.
class Fields {
 public:
  Fields(const char* at, const char* end, const std::string& dir) : at_(at), end_(end), dir_(dir) {}
  std::uint64_t number() {
    need(8);
    std::uint64_t v = 0;
    std::memcpy(&v, at_, 8);
    at_ += 8;
    return v;
  }
  eduplan_str text() {
    const std::uint64_t n = number();
    need(n);
    const eduplan_str s{at_, static_cast<std::size_t>(n)};
    at_ += n;
    return s;
  }
  // A number of items that take at least `bytes` each.
  std::size_t count(std::uint64_t bytes) {
    const std::uint64_t n = number();
    if (n > left() / bytes) damaged();
    return static_cast<std::size_t>(n);
  }
  void units(std::vector<std::size_t>& out) {
    const std::size_t n = count(8);
    out.resize(n);
    if (n > 0) std::memcpy(out.data(), at_, n * 8);
    at_ += n * 8;
  }
  void end() const {
    if (at_ != end_) damaged();
  }

 private:
  std::uint64_t left() const { return static_cast<std::uint64_t>(end_ - at_); }
  void need(std::uint64_t n) const {
    if (n > left()) damaged();
  }
  [[noreturn]] void damaged() const {
    tape_failure(
        dir_, sdk::say("die temporäre Datei ist beschädigt", "the temporary file is damaged"), 0);
  }
  const char* at_;
  const char* end_;
  const std::string& dir_;
};

static_assert(sizeof(std::size_t) == 8, "unit indices are recorded as 8 bytes");

}  // namespace

FocusAreaTape::FocusAreaTape(const std::string& dir) : dir_(dir) {
  fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
    // A file system without O_TMPFILE: a named file, unlinked at once.
    std::string name = dir + "/.eduplan-xlsx-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ >= 0) ::unlink(name.c_str());
  }
  if (fd_ < 0)
    fail(sdk::say("kann keine temporäre Datei anlegen", "cannot create a temporary file"), errno);
  out_.reserve(kChunk + (kChunk >> 2));
}

FocusAreaTape::~FocusAreaTape() {
  if (fd_ >= 0) ::close(fd_);
}

void FocusAreaTape::fail(const std::string& what, int error) const {
  tape_failure(dir_, what, error);
}

void FocusAreaTape::put(std::uint64_t v) {
  const auto* p = reinterpret_cast<const char*>(&v);
  out_.insert(out_.end(), p, p + 8);
}

void FocusAreaTape::put(eduplan_str s) {
  put(static_cast<std::uint64_t>(s.size));
  out_.insert(out_.end(), s.data, s.data + s.size);
}

void FocusAreaTape::record(const sdk::FocusArea& fa) {
  const std::size_t start = out_.size();
  put(std::uint64_t{0});  // the record's size, set below
  put(static_cast<std::uint64_t>(fa.field));
  put(static_cast<std::uint64_t>(fa.index));
  put(static_cast<std::uint64_t>(static_cast<std::int64_t>(fa.area.line)));
  put(fa.area.text);
  put(fa.area.key);
  put(static_cast<std::uint64_t>(fa.area.unit_count));
  const auto* units = reinterpret_cast<const char*>(fa.area.units);
  if (fa.area.unit_count > 0) out_.insert(out_.end(), units, units + fa.area.unit_count * 8);
  put(static_cast<std::uint64_t>(fa.attributes.size()));
  for (const auto& a : fa.attributes) {
    put(a.name);
    put(a.value);
  }
  put(static_cast<std::uint64_t>(fa.reports.size()));
  for (const auto& r : fa.reports) {
    put(r.status);
    put(static_cast<std::uint64_t>(static_cast<std::int64_t>(r.progress)));
    put(r.note);
    put(r.period);
  }
  const std::uint64_t size = out_.size() - start - 8;
  std::memcpy(out_.data() + start, &size, 8);
  max_record_ = std::max(max_record_, size);
  ++count_;
  if (out_.size() >= kChunk) flush();
}

void FocusAreaTape::flush() {
  std::size_t done = 0;
  while (done < out_.size()) {
    const ssize_t n = ::write(fd_, out_.data() + done, out_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      fail(sdk::say("die temporäre Datei kann nicht geschrieben werden",
                    "the temporary file cannot be written"),
           errno);
    done += static_cast<std::size_t>(n);
  }
  out_.clear();
}

void FocusAreaTape::replay(const std::function<void(const sdk::FocusArea&)>& fn) {
  flush();
  if (::lseek(fd_, 0, SEEK_SET) != 0)
    fail(sdk::say("die temporäre Datei kann nicht gelesen werden",
                  "the temporary file cannot be read"),
         errno);
  Reader reader(fd_, max_record_, dir_);
  std::vector<std::size_t> units;
  std::vector<eduplan_attribute> attributes;
  std::vector<eduplan_report_view> reports;
  std::size_t replayed = 0;
  const char* at = nullptr;
  const char* end = nullptr;
  while (reader.next(at, end)) {
    Fields f(at, end, dir_);
    const auto field = static_cast<std::size_t>(f.number());
    const auto index = static_cast<std::size_t>(f.number());
    eduplan_focus_area_view area{};
    area.line = static_cast<int>(static_cast<std::int64_t>(f.number()));
    area.text = f.text();
    area.key = f.text();
    f.units(units);
    area.units = units.data();
    area.unit_count = units.size();
    attributes.resize(f.count(16));
    for (auto& a : attributes) {
      a.name = f.text();
      a.value = f.text();
    }
    reports.resize(f.count(32));
    for (auto& r : reports) {
      r.status = f.text();
      r.progress = static_cast<int>(static_cast<std::int64_t>(f.number()));
      r.note = f.text();
      r.period = f.text();
    }
    f.end();
    ++replayed;
    fn(sdk::FocusArea{field, index, area, attributes, reports});
  }
  if (replayed != count_)
    fail(sdk::say("die temporäre Datei ist unvollständig", "the temporary file is incomplete"), 0);
}

}  // namespace eduplan::xlsx_exporter
