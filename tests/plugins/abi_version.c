/* A well-formed C exporter whose ABI version is set at compile time (TEST_ABI_MAJOR/MINOR). */
#include <eduplan/exporter_abi.h>

static eduplan_status run(const eduplan_export_request* request) {
  (void)request;
  return EDUPLAN_STATUS_OK;
}

static const eduplan_exporter kExporter = {sizeof(eduplan_exporter),
                                           TEST_ABI_MAJOR,
                                           TEST_ABI_MINOR,
                                           TEST_ID,
                                           "0.0.1",
                                           "ABI test",
                                           "txt",
                                           0,
                                           0,
                                           run};

EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
