// libxlsxwriter prints its own "[ERROR] …" lines to stderr before it returns the error code that
// eduplan turns into one message of its own, in the user's language; on a full disk that was two
// English lines, one of them a false "Memory allocation failed", before eduplan's.
//
// A Workbook holds one LibraryMessages; around a library call that may fail, a
// LibraryMessages::Held sends stderr into it (an anonymous file in memory: no disk, which may be
// full) and, when it ends, passes the text on to stderr unless drop() was called (eduplan then
// reports the failure itself). Its two descriptors are opened once, with the workbook: a call
// that fails because no descriptor is left must not need a new one to hold its messages.
#pragma once

namespace eduplan::xlsxkit {

class LibraryMessages {
 public:
  LibraryMessages();
  ~LibraryMessages();
  LibraryMessages(const LibraryMessages&) = delete;
  LibraryMessages& operator=(const LibraryMessages&) = delete;

  class Held {
   public:
    explicit Held(LibraryMessages& messages);
    ~Held();
    Held(const Held&) = delete;
    Held& operator=(const Held&) = delete;
    void drop() { dropped_ = true; }

   private:
    LibraryMessages& messages_;
    bool active_ = false, dropped_ = false;
  };

 private:
  int saved_ = -1;    // the real stderr
  int capture_ = -1;  // memfd
};

}  // namespace eduplan::xlsxkit
