// Checks a written workbook before the host puts it in place of the target: libxlsxwriter writes
// its parts through temporary files and does not notice when writing them fails (a full disk),
// so a workbook can close without error and still have empty or truncated sheets.
#pragma once

#include <string>

namespace eduplan::xlsxkit {

// Throws xlsxkit::Failure saying what is wrong unless the file is a zip archive whose
// members all inflate to their end and to the size given (their CRCs are not summed again: a part
// cut short before it was deflated has a matching CRC), has a workbook and content types, and whose
// every XML part begins with its declaration; every worksheet has its <dimension>, its last <row>
// is the dimension's last row, and it ends with </worksheet>; every other XML part ends with an end
// tag. The message names `tmpdir`, where libxlsxwriter wrote its temporary files, if given. A piece
// lost from the middle of a sheet can leave well-formed XML behind; Workbook::close() prevents that
// (it checks the temporary files and their room before the parts are assembled).
void verify_workbook(const std::string& path, const std::string& tmpdir = {});

}  // namespace eduplan::xlsxkit
