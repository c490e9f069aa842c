// Checks a written workbook before the host puts it in place of the target: libxlsxwriter writes
// its parts through temporary files and does not notice when writing them fails (a full disk),
// so a workbook can close without error and still have empty or truncated sheets.
#pragma once

#include <string>

namespace eduplan::xlsxkit {

// Throws xlsxkit::Failure saying what is wrong unless the file is a zip archive whose
// members all read back (sizes and checksums), has a workbook and content types, and whose every
// worksheet holds all its rows: the last <row> is the last row of its <dimension>, and the XML
// ends with </worksheet>; every other XML part ends with an end tag. The message names `tmpdir`, where libxlsxwriter wrote its temporary
// files, if given.
void verify_workbook(const std::string& path, const std::string& tmpdir = {});

}  // namespace eduplan::xlsxkit
