// libxlsxwriter's error codes in the language of the messages: lxw_strerror() speaks English
// only ("Error creating output xlsx file. Usually a permissions error."), which read oddly inside
// German messages and sometimes guessed the wrong cause.
#pragma once

#include <xlsxwriter.h>

#include <string>

namespace eduplan::xlsxkit {

// What went wrong, in German or English (sdk::say); lxw_strerror's text for codes eduplan does
// not expect to meet.
std::string library_error(lxw_error e);

}  // namespace eduplan::xlsxkit
