// Progress of a batch: a bar with count and time left on a terminal, plain lines otherwise.
#pragma once

#include <eduplan/batch.h>

#include <cstdio>

namespace eduplan::cli {

class ProgressDisplay {
 public:
  ProgressDisplay();  // a bar if stderr is a terminal
  void update(const BatchProgress& p);
  void finish();

 private:
  bool tty_;
  bool drawn_ = false;
};

}  // namespace eduplan::cli
