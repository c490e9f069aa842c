/* A plain-C exporter that writes half its output, then fails with a message. */
#include <eduplan/exporter_abi.h>
#include <stdio.h>
#include <string.h>

static eduplan_status run(const eduplan_export_request* request) {
  FILE* f = fopen(request->output_path, "wb");
  if (f) {
    fputs("half a report", f);
    fclose(f);
  }
  const char* message = "Testfehler nach der Hälfte";
  request->set_error(request->host, message, strlen(message));
  return EDUPLAN_STATUS_ERROR;
}

static const eduplan_exporter kExporter = {sizeof(eduplan_exporter),
                                           EDUPLAN_EXPORTER_ABI_MAJOR,
                                           EDUPLAN_EXPORTER_ABI_MINOR,
                                           "fails",
                                           "0.0.1",
                                           "fails halfway",
                                           "txt",
                                           0,
                                           0,
                                           run};

EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
