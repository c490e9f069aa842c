#include "xlsxkit/library_errors.h"

#include <eduplan/exporter_sdk.hpp>

namespace eduplan::xlsxkit {

std::string library_error(lxw_error e) {
  using sdk::say;
  switch (e) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return say("nicht genug Arbeitsspeicher", "not enough memory");
    case LXW_ERROR_CREATING_XLSX_FILE:
      return say("die Datei der Arbeitsmappe lässt sich nicht anlegen",
                 "the workbook's file cannot be created");
    case LXW_ERROR_CREATING_TMPFILE:
      return say("eine temporäre Datei lässt sich nicht anlegen",
                 "a temporary file cannot be created");
    case LXW_ERROR_READING_TMPFILE:
      return say("eine temporäre Datei lässt sich nicht lesen", "a temporary file cannot be read");
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return say("das ZIP-Archiv der Arbeitsmappe lässt sich nicht schreiben",
                 "the workbook's zip archive cannot be written");
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return say("ungültiger oder doppelter Blattname", "an invalid or repeated sheet name");
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return say("Text länger als die 32.767 Zeichen einer Zelle",
                 "text longer than a cell's 32,767 characters");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return say("Zeile oder Spalte außerhalb des Tabellenblatts",
                 "row or column outside the worksheet");
    default:
      return lxw_strerror(e);
  }
}

}  // namespace eduplan::xlsxkit
