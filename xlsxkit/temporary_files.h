// libxlsxwriter's temporary files, checked before it assembles the workbook from them.
//
// In constant_memory mode libxlsxwriter writes every sheet's finished rows to a temporary file in
// `tmpdir` and does not look at the result: a write that fails for want of room loses its piece,
// and later writes go on once room comes back (when another temporary file is removed). The
// workbook then closes without error and can even be well-formed, with rows missing. The
// read-back check (verify.h) cannot see every such hole, so the files are checked at the source.
#pragma once

#include <xlsxwriter.h>

#include <string>

namespace eduplan::xlsxkit {

// Throws Failure, naming `tmpdir` (and `option`, how the user chooses it, if not empty), unless every sheet's file of rows can be flushed without error
// (no write to it failed) and `tmpdir` has room to assemble the largest sheet once more: closing
// the workbook copies each sheet's rows into a further temporary file before its rows' file is
// removed. Call it just before workbook_close(). `tmpdir` empty: the system's /tmp.
void check_temporary_files(lxw_workbook* workbook, const std::string& tmpdir,
                           const std::string& option);

}  // namespace eduplan::xlsxkit
