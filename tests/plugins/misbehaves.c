/* A module that misbehaves in one of the ways a module can take its host down, chosen by
 * TEST_CASE: 1 crashes in its entry point, 2 segfaults in run, 3 aborts, 4 calls exit(0),
 * 5 calls _exit(3), 6 hangs, 7 declares 5 options with no list (refused before run), 8 starts a
 * process that outlives run (holding the host's pipe) and then returns OK; it writes its pid to
 * the file named by $EDUPLAN_TEST_PIDFILE; 9 never returns from its entry point. */
#include <eduplan/exporter_abi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static eduplan_status run(const eduplan_export_request* request) {
  FILE* f = fopen(request->output_path, "wb");
  if (f) {
    fputs("part of a report", f);
    fclose(f);
  }
  switch (TEST_CASE) {
    case 2:
      raise(SIGSEGV);
      break;
    case 3:
      abort();
    case 4:
      exit(0);
    case 5:
      _exit(3);
    case 6:
      for (;;) pause();
    case 8: {
      const pid_t pid = fork();
      if (pid == 0) {
        sleep(60);
        _exit(0);
      }
      const char* pidfile = getenv("EDUPLAN_TEST_PIDFILE");
      FILE* p = pidfile ? fopen(pidfile, "w") : NULL;
      if (p) {
        fprintf(p, "%d\n", (int)pid);
        fclose(p);
      }
      break;
    }
    default:
      break;
  }
  return EDUPLAN_STATUS_OK;
}

static const eduplan_exporter kExporter = {sizeof(eduplan_exporter),
                                           EDUPLAN_EXPORTER_ABI_MAJOR,
                                           EDUPLAN_EXPORTER_ABI_MINOR,
                                           TEST_ID,
                                           "0.0.1",
                                           "misbehaves",
                                           "txt",
                                           0,
                                           TEST_CASE == 7 ? 5 : 0,
                                           run};

EDUPLAN_EXPORTER_ENTRY {
  if (TEST_CASE == 1) raise(SIGSEGV);
  if (TEST_CASE == 9) {
    for (;;) pause();
  }
  return &kExporter;
}
