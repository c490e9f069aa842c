/* A well-formed C exporter whose ABI version is set at compile time (TEST_ABI_MAJOR/MINOR).
 * Its descriptor is as long as that version's: a 1.0 descriptor ends before `capabilities`
 * (1.1), a 1.1 descriptor before `option_ranges` (1.2); 1.3 changed only the plan view. It
 * declares one INT option "level" with the range 1..9, which only a 1.2 descriptor carries. */
#include <eduplan/exporter_abi.h>
#include <stddef.h>

#if TEST_ABI_MAJOR == 1 && TEST_ABI_MINOR == 0
#define TEST_STRUCT_SIZE offsetof(eduplan_exporter, capabilities)
#elif TEST_ABI_MAJOR == 1 && TEST_ABI_MINOR == 1
#define TEST_STRUCT_SIZE offsetof(eduplan_exporter, option_ranges)
#else
#define TEST_STRUCT_SIZE sizeof(eduplan_exporter)
#endif

static eduplan_status run(const eduplan_export_request* request) {
  (void)request;
  return EDUPLAN_STATUS_OK;
}

static const eduplan_option_decl kOptions[] = {
    {"level", EDUPLAN_OPTION_INT, "5", 0, "a number"},
};
static const eduplan_option_range kRanges[] = {{1, 9}};

static const eduplan_exporter kExporter = {TEST_STRUCT_SIZE,
                                           TEST_ABI_MAJOR,
                                           TEST_ABI_MINOR,
                                           TEST_ID,
                                           "0.0.1",
                                           "ABI test",
                                           "txt",
                                           kOptions,
                                           1,
                                           run,
                                           0,
                                           kRanges};

EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
