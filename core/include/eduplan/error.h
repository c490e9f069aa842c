// Exceptions thrown by eduplan. Expected problems in documents are reported as
// Findings (model.h), not thrown; exceptions mean I/O failure or a broken invariant.
#pragma once

#include <stdexcept>
#include <string>

#include "eduplan/export.h"

namespace eduplan {

// Base of every exception eduplan throws.
class EDUPLAN_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file could not be read or written. The message names the file.
class EDUPLAN_EXPORT IoError : public Error {
 public:
  using Error::Error;
};

// The database failed or holds something eduplan cannot use. The message names the database.
class EDUPLAN_EXPORT StorageError : public Error {
 public:
  using Error::Error;
};

// An argument outside the documented contract (e.g. an unknown plan name).
class EDUPLAN_EXPORT UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace eduplan
