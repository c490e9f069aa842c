// What every entry point of the C API shares (internal): the calling thread's last error,
// the exception guard that turns exceptions into codes, and the checks of handles and names.
#pragma once

#include <array>
#include <string>

#include "api/handles.h"
#include "eduplan/c_api.h"
#include "eduplan/error.h"
#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "eduplan/monitoring.h"
#include "util/text.h"

namespace eduplan::api::entry {

using eduplan::tr;

// The message of the last failed call on this thread. Messages take a few buffers in turn, so
// that a pointer eduplan_last_error() handed out stays readable through at least three more
// failed calls (it may show an older message by then): printf("%d %s", f(), eduplan_last_error())
// reads no freed memory, whichever argument the compiler evaluates first.
class LastError {
 public:
  void set(std::string message) {
    current_ = (current_ + 1) % slots_.size();
    slots_[current_] = std::move(message);
  }
  void clear() {
    if (!slots_[current_].empty()) set({});
  }
  const char* c_str() const { return slots_[current_].c_str(); }

 private:
  std::array<std::string, 8> slots_;  // a failure and the next call's clear() take two
  std::size_t current_ = 0;
};

inline thread_local LastError last_error;

inline eduplan_code fail(eduplan_code code, std::string message) {
  last_error.set(std::move(message));
  return code;
}

// Runs `body`, translating every exception into a code and a message.
template <class Body>
eduplan_code guarded(Body body) {
  try {
    last_error.clear();
    return body();
  } catch (const eduplan::IoError& e) {
    return fail(EDUPLAN_E_IO, e.what());
  } catch (const eduplan::OutputError& e) {  // before ExportError, its base
    return fail(EDUPLAN_E_IO, e.what());
  } catch (const eduplan::StorageError& e) {
    return fail(EDUPLAN_E_STORAGE, e.what());
  } catch (const eduplan::UsageError& e) {
    return fail(EDUPLAN_E_USAGE, e.what());
  } catch (const eduplan::ExportError& e) {
    return fail(EDUPLAN_E_EXPORT, e.what());
  } catch (const std::exception& e) {
    return fail(EDUPLAN_E_INTERNAL, e.what());
  } catch (...) {
    return fail(EDUPLAN_E_INTERNAL, tr({"unbekannter Fehler", "unknown error"}));
  }
}

inline std::string required(const char* function, const char* arguments) {
  return tr({"{0}: nötig sind {1}", "{0}: {1} are required"}, function, arguments);
}

inline eduplan_code not_found(const char* name) {
  return fail(EDUPLAN_E_NOT_FOUND, tr({"kein Plan „{0}“", "no plan \"{0}\""}, name));
}

// EDUPLAN_E_USAGE unless `handle` is live: NULL, closed, freed or of another kind is refused
// before anything reads through it.
template <class H>
eduplan_code check_handle(const char* function, const char* argument, const H* handle) {
  if (eduplan::api::is_live(handle)) return EDUPLAN_OK;
  if (!handle) {
    return fail(EDUPLAN_E_USAGE,
                tr({"{0}: {1} fehlt (NULL)", "{0}: {1} is missing (NULL)"}, function, argument));
  }
  return fail(EDUPLAN_E_USAGE,
              tr({"{0}: {1} ist kein offenes Handle (geschlossen, freigegeben oder nie geöffnet)",
                  "{0}: {1} is not an open handle (closed, freed or never opened)"},
                 function, argument));
}

// For the accessors without a code: the handle if it is live, else nullptr and a message. NULL
// is an empty list, as freeing NULL does nothing: `eduplan_names_count(problems)` after a failed
// import (problems NULL) must not replace the import's message.
template <class H>
const H* usable(const char* function, const H* handle) {
  if (!handle) return nullptr;
  return check_handle(function, "handle", handle) == EDUPLAN_OK ? handle : nullptr;
}

// EDUPLAN_E_USAGE if a name is not valid UTF-8 (NULL passes: required() says it is missing).
inline eduplan_code check_utf8(const char* function, const char* argument, const char* text) {
  if (!text) return EDUPLAN_OK;
  if (auto bad = eduplan::text::find_invalid_utf8(text)) {
    return fail(EDUPLAN_E_USAGE, tr({"{0}: {1} ist kein gültiges UTF-8 (Byte {2})",
                                     "{0}: {1} is not valid UTF-8 (byte {2})"},
                                    function, argument, *bad + 1));
  }
  return EDUPLAN_OK;
}

// EDUPLAN_E_USAGE if a reporting period is not one (NULL passes: it means any period).
inline eduplan_code check_period(const char* function, const char* period) {
  if (period && !eduplan::is_valid_period(period)) {
    return fail(EDUPLAN_E_USAGE,
                tr({"{0}: „{1}“ ist kein Berichtszeitraum (1–32 Zeichen aus A–Z, a–z, 0–9, „-“, "
                    "„_“, „.“, z. B. 2026-H1)",
                    "{0}: \"{1}\" is not a reporting period (1–32 characters of A–Z, a–z, 0–9, "
                    "\"-\", \"_\", \".\", e.g. 2026-H1)"},
                   function, std::string(period)));
  }
  return EDUPLAN_OK;
}

// Freeing: NULL and live handles are fine; anything else is left alone, with a message.
template <class H>
void release(const char* function, H* handle) {
  if (!eduplan::api::release(handle)) {
    last_error.set(tr({"{0}: kein offenes Handle (schon freigegeben?); nichts getan",
                       "{0}: not an open handle (freed already?); nothing done"},
                      function));
  }
}

}  // namespace eduplan::api::entry

// Stops the entry point with the code of a failed check.
#define EDUPLAN_TRY(check)                                            \
  do {                                                                \
    if (const eduplan_code rc = (check); rc != EDUPLAN_OK) return rc; \
  } while (0)

