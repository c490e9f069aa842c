/* A well-formed C exporter whose ABI version is set at compile time (TEST_ABI_MAJOR/MINOR). */
#include <eduplan/exporter_abi.h>
#include <stddef.h>

/* A 1.0 module's descriptor ends before `capabilities`, which 1.1 appended. */
#define TEST_STRUCT_SIZE \
  (TEST_ABI_MINOR == 0 ? offsetof(eduplan_exporter, capabilities) : sizeof(eduplan_exporter))

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
