#include "progress.h"

#include <eduplan/language.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include "terminal.h"

namespace eduplan::cli {

ProgressDisplay::ProgressDisplay() : tty_(::isatty(STDERR_FILENO) == 1) {}

void ProgressDisplay::update(const BatchProgress& p) {
  if (!p.error.empty() || !tty_) {
    if (drawn_) raw_error_stream() << "\r\033[K" << std::flush;
    std::cout << "[" << p.done << "/" << p.total << "] " << p.job->label << ": "
              << (p.error.empty() ? tr({"geschrieben: {0}", "written: {0}"}, p.job->file)
                                  : tr({"FEHLGESCHLAGEN: {0}", "FAILED: {0}"}, p.error))
              << "\n"
              << std::flush;
    drawn_ = false;
    if (!tty_) return;
  }
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(kWidth * p.done / std::max<std::size_t>(p.total, 1));
  const double left =
      p.done ? p.seconds / static_cast<double>(p.done) * static_cast<double>(p.total - p.done) : 0;
  raw_error_stream() << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                     << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] "
                     << p.done << "/" << p.total
                     << tr({"  noch ~{0} s", "  ~{0} s left"}, static_cast<int>(left + 0.5))
                     << std::flush;
  drawn_ = true;
}

void ProgressDisplay::finish() {
  if (drawn_) raw_error_stream() << "\n" << std::flush;
}

}  // namespace eduplan::cli
