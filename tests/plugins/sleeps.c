/* An exporter that writes part of its output and then sleeps for a minute: a test kills the
 * process meanwhile, as a user or the system kills a long export. */
#include <eduplan/exporter_abi.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static eduplan_status run(const eduplan_export_request* request) {
  FILE* f = fopen(request->output_path, "wb");
  if (f) {
    fputs("part of a report\n", f);
    fclose(f);
  }
  sleep(60);
  const char* message = "woke up";
  request->set_error(request->host, message, strlen(message));
  return EDUPLAN_STATUS_ERROR;
}

static const eduplan_exporter kExporter = {sizeof(eduplan_exporter),
                                           EDUPLAN_EXPORTER_ABI_MAJOR,
                                           EDUPLAN_EXPORTER_ABI_MINOR,
                                           "sleeps",
                                           "0.0.1",
                                           "writes a little, then sleeps for a minute",
                                           "txt",
                                           0,
                                           0,
                                           run};

EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
