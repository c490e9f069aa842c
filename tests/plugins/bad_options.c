/* Exporters whose option declarations are broken (TEST_CASE): the host must refuse them with
 * a reason, and go on with every other module. */
#include <eduplan/exporter_abi.h>
#include <stddef.h>

static eduplan_status run(const eduplan_export_request* request) {
  (void)request;
  return EDUPLAN_STATUS_OK;
}

static const eduplan_option_decl kOptions[] = {
    {"level", EDUPLAN_OPTION_INT, "50", 0, "a number"},
};
#if TEST_CASE == 1 /* five options declared, no list */
#define OPTIONS 0
#define COUNT 5
static const eduplan_option_range kRanges[] = {{1, 9}};
#elif TEST_CASE == 2 /* the default lies outside the declared range */
#define OPTIONS kOptions
#define COUNT 1
static const eduplan_option_range kRanges[] = {{1, 9}};
#elif TEST_CASE == 4 /* a name --option cannot give */
static const eduplan_option_decl kSpaced[] = {{"two words", EDUPLAN_OPTION_STRING, "", 0, "x"}};
#define OPTIONS kSpaced
#define COUNT 1
static const eduplan_option_range kRanges[] = {{EDUPLAN_OPTION_NO_MIN, EDUPLAN_OPTION_NO_MAX}};
#elif TEST_CASE == 5 /* the same name twice */
static const eduplan_option_decl kTwice[] = {{"level", EDUPLAN_OPTION_STRING, "", 0, "x"},
                                             {"level", EDUPLAN_OPTION_STRING, "", 0, "y"}};
#define OPTIONS kTwice
#define COUNT 2
static const eduplan_option_range kRanges[] = {{EDUPLAN_OPTION_NO_MIN, EDUPLAN_OPTION_NO_MAX},
                                               {EDUPLAN_OPTION_NO_MIN, EDUPLAN_OPTION_NO_MAX}};
#else /* minimum above maximum */
#define OPTIONS kOptions
#define COUNT 1
static const eduplan_option_range kRanges[] = {{90, 9}};
#endif

static const eduplan_exporter kExporter = {sizeof(eduplan_exporter),
                                           EDUPLAN_EXPORTER_ABI_MAJOR,
                                           EDUPLAN_EXPORTER_ABI_MINOR,
                                           TEST_ID,
                                           "0.0.1",
                                           "broken options",
                                           "txt",
                                           OPTIONS,
                                           COUNT,
                                           run,
                                           0,
                                           kRanges};

EDUPLAN_EXPORTER_ENTRY { return &kExporter; }
