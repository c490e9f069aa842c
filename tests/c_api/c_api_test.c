/* The C API from C: ownership mistakes a program can make (double close, double free, use after
 * free, a handle of the wrong kind, NULL) end in a code or nothing, never in a crash; names that
 * are not UTF-8 are refused; *out is NULL after a failure.
 * Monitoring: forms imported all or nothing, roll-ups as structs and as JSON.
 * Usage: c_api_test EXAMPLES_DIR WORK_DIR SQLITE3 */
#define _POSIX_C_SOURCE 200809L
#include <eduplan/c_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures = 0;

#define CHECK(condition)                                                          \
  do {                                                                            \
    if (!(condition)) {                                                           \
      fprintf(stderr, "%s:%d: failed: %s (last error: %s)\n", __FILE__, __LINE__, \
              #condition, eduplan_last_error());                                  \
      ++failures;                                                                 \
    }                                                                             \
  } while (0)

static int contains(const char* text, const char* part) { return strstr(text, part) != NULL; }

static char* join(const char* dir, const char* name) {
  char* path = malloc(strlen(dir) + strlen(name) + 2);
  sprintf(path, "%s/%s", dir, name);
  return path;
}

static void write_file(const char* path, const char* content) {
  FILE* f = fopen(path, "wb");
  fputs(content, f);
  fclose(f);
}

/* The file's text, cut to size - 1 bytes; "" if it cannot be read. */
static void read_text(const char* path, char* text, size_t size) {
  text[0] = 0;
  FILE* f = fopen(path, "rb");
  if (!f) return;
  text[fread(text, 1, size - 1, f)] = 0;
  fclose(f);
}

/* A new database at `path` with the document stored as "Konzept"; the plan read goes to *plan. */
static eduplan_db* new_database(const char* path, const char* document, const char* units,
                                eduplan_plan** plan) {
  remove(path);
  eduplan_db* db = NULL;
  CHECK(eduplan_db_open(path, &db) == EDUPLAN_OK);
  CHECK(eduplan_read(document, units, "Konzept", plan) == EDUPLAN_OK);
  CHECK(eduplan_db_save(db, *plan) == EDUPLAN_OK);
  return db;
}

static void ownership(const char* document, const char* units, const char* work) {
  char* db_path = join(work, "ownership.db");
  eduplan_plan* plan = NULL;
  eduplan_db* db = new_database(db_path, document, units, &plan);

  /* Freeing NULL does nothing. */
  eduplan_db_close(NULL);
  eduplan_plan_free(NULL);
  eduplan_names_free(NULL);
  eduplan_plan_list_free(NULL);

  /* A handle of the wrong kind is refused, not reinterpreted. */
  CHECK(eduplan_db_save((eduplan_db*)plan, plan) == EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "not an open handle"));
  CHECK(eduplan_plan_field_count((const eduplan_plan*)db) == 0);
  eduplan_names_free((eduplan_names*)plan); /* nothing freed */
  CHECK(eduplan_plan_field_count(plan) == 6);

  /* Double free and use after free of a plan. */
  eduplan_plan_free(plan);
  eduplan_plan_free(plan);
  CHECK(contains(eduplan_last_error(), "eduplan_plan_free"));
  CHECK(eduplan_plan_field_count(plan) == 0);
  CHECK(eduplan_plan_name(plan) == NULL);
  CHECK(eduplan_plan_unit_division(plan, 0) == -1);
  CHECK(eduplan_plan_focus_area_text(plan, 0, 0) == NULL);
  CHECK(eduplan_plan_finding(plan, 0, NULL, NULL, NULL, NULL, NULL) == EDUPLAN_E_USAGE);
  CHECK(eduplan_db_save(db, plan) == EDUPLAN_E_USAGE);

  /* Lists and names: double free and use after free. */
  eduplan_names* names = NULL;
  CHECK(eduplan_db_plans(db, &names) == EDUPLAN_OK);
  CHECK(eduplan_names_count(names) == 1);
  eduplan_names_free(names);
  eduplan_names_free(names);
  CHECK(eduplan_names_count(names) == 0);
  CHECK(eduplan_names_get(names, 0) == NULL);
  eduplan_plan_list* list = NULL;
  CHECK(eduplan_db_list_plans(db, &list) == EDUPLAN_OK);
  CHECK(eduplan_plan_list_count(list) == 1);
  eduplan_plan_list_free(list);
  eduplan_plan_list_free(list);
  CHECK(eduplan_plan_list_count(list) == 0);
  CHECK(eduplan_plan_list_name(list, 0) == NULL);
  CHECK(eduplan_plan_list_figures(list, 0, NULL, NULL, NULL, NULL) == EDUPLAN_E_USAGE);

  /* A plan outlives the database it was loaded from. */
  CHECK(eduplan_db_load(db, "Konzept", &plan) == EDUPLAN_OK);
  eduplan_db_close(db);
  CHECK(eduplan_plan_field_count(plan) == 6);
  eduplan_plan_free(plan);

  /* Double close and use after close of a database. */
  eduplan_db_close(db);
  CHECK(contains(eduplan_last_error(), "eduplan_db_close"));
  CHECK(eduplan_db_load(db, "Konzept", &plan) == EDUPLAN_E_USAGE);
  CHECK(plan == NULL);
  CHECK(contains(eduplan_last_error(), "eduplan_db_load: db is not an open handle"));
  CHECK(eduplan_db_plans(db, &names) == EDUPLAN_E_USAGE && names == NULL);
  CHECK(eduplan_db_list_plans(db, &list) == EDUPLAN_E_USAGE && list == NULL);
  CHECK(eduplan_db_rename_plan(db, "Konzept", "K") == EDUPLAN_E_USAGE);
  CHECK(eduplan_db_delete_plan(db, "Konzept") == EDUPLAN_E_USAGE);
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, db_path) == EDUPLAN_E_USAGE);
  CHECK(eduplan_db_save(NULL, NULL) == EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "db is missing (NULL)"));

  /* The database itself is intact. */
  CHECK(eduplan_db_open_read_only(db_path, &db) == EDUPLAN_OK);
  CHECK(eduplan_db_load(db, "Konzept", &plan) == EDUPLAN_OK);
  CHECK(eduplan_plan_field_count(plan) == 6);
  CHECK(eduplan_db_save(db, plan) == EDUPLAN_E_USAGE); /* opened read-only */
  CHECK(contains(eduplan_last_error(), "read-only"));
  eduplan_plan_free(plan);
  eduplan_db_close(db);
  free(db_path);
}

/* An export never replaces a database: neither the one it reads (its path, or a link to it, as
 * the target) nor another SQLite file. */
static void no_report_replaces_a_database(const char* document, const char* units,
                                          const char* work) {
  char* db_path = join(work, "target.db");
  char* link = join(work, "link-to-db.csv");
  char* report = join(work, "report.csv");
  remove(link);
  remove(report);
  eduplan_plan* plan = NULL;
  eduplan_db* db = new_database(db_path, document, units, &plan);
  eduplan_plan_free(plan);
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, report) == EDUPLAN_OK);
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, db_path) == EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "is an SQLite database"));
  CHECK(symlink(db_path, link) == 0);
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, link) == EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "is an SQLite database"));
  /* Through a directory that does not exist: not the database the path spells after "..". */
  char* around = join(work, "missing/../target.db");
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, around) == EDUPLAN_E_IO);
  CHECK(contains(eduplan_last_error(), "does not exist"));
  free(around);
  /* A directory that is missing or is none: the target cannot be written (not the exporter). */
  char* nowhere = join(work, "missing/report.csv");
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, nowhere) == EDUPLAN_E_IO);
  CHECK(contains(eduplan_last_error(), "does not exist"));
  free(nowhere);
  char* under_file = join(work, "report.csv/report.csv");
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, under_file) == EDUPLAN_E_IO);
  free(under_file);
  CHECK(eduplan_export(db, "Konzept", "csv", NULL, NULL, "") == EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "the target is empty"));
  eduplan_db_close(db);

  plan = NULL;
  CHECK(eduplan_db_open_read_only(db_path, &db) == EDUPLAN_OK);
  CHECK(eduplan_db_load(db, "Konzept", &plan) == EDUPLAN_OK);
  CHECK(eduplan_plan_field_count(plan) == 6);
  eduplan_plan_free(plan);
  eduplan_db_close(db);
  free(report);
  free(link);
  free(db_path);
}

static void names_must_be_utf8(const char* document, const char* work) {
  char* db_path = join(work, "utf8.db");
  remove(db_path);
  eduplan_db* db = NULL;
  CHECK(eduplan_db_open(db_path, &db) == EDUPLAN_OK);
  eduplan_plan* plan = (eduplan_plan*)1; /* must be set to NULL */
  CHECK(eduplan_read(document, NULL, "Konzept \xff", &plan) == EDUPLAN_E_USAGE);
  CHECK(plan == NULL);
  /* bytes are counted from 1: \xff is the ninth */
  CHECK(contains(eduplan_last_error(), "plan_name is not valid UTF-8 (byte 9)"));
  /* "" is no name: NULL takes the document's (saving would replace that plan). */
  CHECK(eduplan_read(document, NULL, "", &plan) == EDUPLAN_E_USAGE && plan == NULL);
  CHECK(contains(eduplan_last_error(), "plan_name is empty"));
  CHECK(eduplan_read(document, NULL, "Konzept", &plan) == EDUPLAN_OK);
  CHECK(eduplan_db_save(db, plan) == EDUPLAN_OK);
  eduplan_plan_free(plan);
  CHECK(eduplan_db_load(db, "\xc3\x28", &plan) == EDUPLAN_E_USAGE && plan == NULL);
  CHECK(eduplan_db_rename_plan(db, "Konzept", "K\xe0\x80\xaf") == EDUPLAN_E_USAGE); /* overlong */
  CHECK(eduplan_db_rename_plan(db, "\xed\xa0\x80", "K") == EDUPLAN_E_USAGE);       /* surrogate */
  CHECK(eduplan_db_delete_plan(db, "Konzept\xf5") == EDUPLAN_E_USAGE);
  const char* bad_option[] = {"lang=\xff", NULL};
  char* target = join(work, "utf8.csv");
  CHECK(eduplan_export(db, "Konzept", "csv", bad_option, NULL, target) == EDUPLAN_E_USAGE);
  CHECK(eduplan_export(db, "Konzept\x80", "csv", NULL, NULL, target) == EDUPLAN_E_USAGE);
  CHECK(eduplan_export(db, "Konzept", "cs\xfe", NULL, NULL, target) == EDUPLAN_E_USAGE);
  eduplan_names* names = NULL;
  CHECK(eduplan_db_plans(db, &names) == EDUPLAN_OK);
  CHECK(eduplan_names_count(names) == 1 && strcmp(eduplan_names_get(names, 0), "Konzept") == 0);
  eduplan_names_free(names);
  eduplan_db_close(db);
  free(target);
  free(db_path);
}

static void broken_databases(const char* work) {
  eduplan_db* db = (eduplan_db*)1;
  char* text = join(work, "text.db");
  write_file(text, "Dies ist keine Datenbank, sondern ein Text, lang genug fuer einen Kopf.\n");
  CHECK(eduplan_db_open(text, &db) == EDUPLAN_E_STORAGE);
  CHECK(db == NULL);
  CHECK(contains(eduplan_last_error(), text));
  char* empty = join(work, "empty.db");
  write_file(empty, "");
  CHECK(eduplan_db_open_read_only(empty, &db) == EDUPLAN_E_STORAGE && db == NULL);
  CHECK(contains(eduplan_last_error(), "empty"));
  /* A directory that does not exist: the system's reason, not SQLite's "unable to open database
   * file". */
  char* nowhere = join(work, "no-such-directory/plan.db");
  CHECK(eduplan_db_open(nowhere, &db) == EDUPLAN_E_STORAGE && db == NULL);
  CHECK(contains(eduplan_last_error(), "cannot be read or written (no such file or directory)"));
  free(nowhere);
  char* missing = join(work, "missing.db");
  remove(missing);
  CHECK(eduplan_db_open_read_only(missing, &db) == EDUPLAN_E_STORAGE && db == NULL);
  FILE* f = fopen(missing, "rb");
  CHECK(f == NULL); /* not created */
  if (f) fclose(f);
  free(text);
  free(empty);
  free(missing);
}

/* A message handed out stays readable while the next calls fail (printf("%d %s", f(),
 * eduplan_last_error()) may take it before f() runs); under the sanitizers a freed one is an
 * error. */
static void last_error_stays_readable(const char* work) {
  eduplan_db* db = NULL;
  char* nowhere = join(work, "no-such-directory/plan.db");
  CHECK(eduplan_db_open(nowhere, &db) == EDUPLAN_E_STORAGE);
  const char* first = eduplan_last_error();
  char copy[512];
  snprintf(copy, sizeof copy, "%s", first);
  CHECK(eduplan_db_rollups(NULL, "p", NULL, NULL) == EDUPLAN_E_USAGE);
  CHECK(eduplan_db_open(nowhere, &db) == EDUPLAN_E_STORAGE);
  CHECK(eduplan_db_rollups(NULL, "p", NULL, NULL) == EDUPLAN_E_USAGE);
  CHECK(strcmp(first, copy) == 0);
  CHECK(contains(eduplan_last_error(), "eduplan_db_rollups"));
  free(nowhere);
}

/* The first responsibility key of the plan, read with the sqlite3 shell (not with eduplan). */
static void first_key(const char* sqlite3, const char* db_path, char* key, size_t size) {
  char command[2048];
  snprintf(command, sizeof command,
           "%s -batch -noheader '%s' \"SELECT f.key || '/' || u.key FROM responsibility r "
           "JOIN focus_area f ON f.id = r.focus_area_id JOIN org_unit u ON u.id = r.org_unit_id "
           "ORDER BY f.id, r.position LIMIT 1\"",
           sqlite3, db_path);
  FILE* p = popen(command, "r");
  key[0] = 0;
  if (p) {
    if (fgets(key, (int)size, p)) key[strcspn(key, "\r\n")] = 0;
    pclose(p);
  }
}

static void monitoring(const char* document, const char* units, const char* work,
                       const char* sqlite3) {
  char* db_path = join(work, "monitoring.db");
  remove(db_path);
  eduplan_db* db = NULL;
  CHECK(eduplan_db_open(db_path, &db) == EDUPLAN_OK);
  eduplan_plan* plan = NULL;
  CHECK(eduplan_read(document, units, "Konzept", &plan) == EDUPLAN_OK);
  CHECK(eduplan_db_save(db, plan) == EDUPLAN_OK);
  eduplan_plan_free(plan);
  char key[512];
  first_key(sqlite3, db_path, key, sizeof key);
  CHECK(strlen(key) > 2);

  /* A bad form: every problem listed with its line, nothing stored. */
  char* good = join(work, "good.csv");
  char* bad = join(work, "bad.csv");
  char text[2048];
  snprintf(text, sizeof text,
           "Schlüssel;Handlungsfeld;Handlungsschwerpunkt;Status;Fortschritt (%%);Bemerkung\n"
           "%s;F;A;begonnen;40;gut\n", key);
  write_file(good, text);
  snprintf(text, sizeof text,
           "Schlüssel;Handlungsfeld;Handlungsschwerpunkt;Status;Fortschritt (%%);Bemerkung\n"
           "no/such;F;A;fertig;400;\n");
  write_file(bad, text);
  const char* both[] = {good, bad, NULL};
  eduplan_names* problems = NULL;
  size_t stored = 99;
  CHECK(eduplan_db_import_reports(db, both, "Konzept", "2026-H1", 0, &stored, &problems) ==
        EDUPLAN_E_INPUT);
  CHECK(stored == 0);
  CHECK(eduplan_names_count(problems) == 3);
  CHECK(problems && contains(eduplan_names_get(problems, 0), "bad.csv:2: unknown key"));
  CHECK(problems && contains(eduplan_names_get(problems, 1), "bad.csv:2: status \"fertig\""));
  eduplan_names_free(problems);
  eduplan_rollups* rollups = NULL;
  CHECK(eduplan_db_rollups(db, "Konzept", NULL, &rollups) == EDUPLAN_OK);
  size_t reported = 99;
  CHECK(eduplan_rollups_get(rollups, 0, NULL, NULL, NULL, &reported, NULL, NULL) == EDUPLAN_OK);
  CHECK(reported == 0);
  eduplan_rollups_free(rollups);

  /* CSV needs plan and period; missing files are EDUPLAN_E_IO. */
  const char* one[] = {good, NULL};
  CHECK(eduplan_db_import_reports(db, one, NULL, NULL, 0, NULL, &problems) == EDUPLAN_E_INPUT);
  CHECK(eduplan_names_count(problems) == 2);
  eduplan_names_free(problems);
  char* missing = join(work, "missing.csv");
  remove(missing);
  const char* gone[] = {missing, NULL};
  CHECK(eduplan_db_import_reports(db, gone, "Konzept", "2026-H1", 0, NULL, &problems) ==
        EDUPLAN_E_IO);
  CHECK(problems == NULL);
  /* Counting the list that was not handed out leaves the import's message as it was. */
  CHECK(eduplan_names_count(problems) == 0);
  CHECK(contains(eduplan_last_error(), "cannot be read"));
  CHECK(eduplan_db_import_reports(db, gone, "Nope", "2026-H1", 0, NULL, &problems) ==
        EDUPLAN_E_NOT_FOUND);
  CHECK(eduplan_db_import_reports(db, NULL, NULL, NULL, 0, NULL, NULL) == EDUPLAN_E_USAGE);

  /* Dry run, then the import; the roll-ups as structs and JSON. */
  CHECK(eduplan_db_import_reports(db, one, "Konzept", "2026-H1", 1, &stored, NULL) == EDUPLAN_OK);
  CHECK(stored == 1);
  CHECK(eduplan_db_rollups(db, "Konzept", "2026-H1", &rollups) == EDUPLAN_OK);
  CHECK(eduplan_rollups_get(rollups, 0, NULL, NULL, NULL, &reported, NULL, NULL) == EDUPLAN_OK);
  CHECK(reported == 0);
  eduplan_rollups_free(rollups);
  CHECK(eduplan_db_import_reports(db, one, "Konzept", "2026-H1", 0, &stored, &problems) ==
        EDUPLAN_OK);
  CHECK(stored == 1 && eduplan_names_count(problems) == 0);
  eduplan_names_free(problems);
  CHECK(eduplan_db_rollups(db, "Konzept", "2026-H1", &rollups) == EDUPLAN_OK);
  CHECK(eduplan_rollups_count(rollups) > 3);
  const char* scope = NULL;
  const char* name = NULL;
  size_t responsibilities = 0;
  int has_progress = 0;
  double progress = 0;
  CHECK(eduplan_rollups_get(rollups, 0, &scope, &name, &responsibilities, &reported,
                            &has_progress, &progress) == EDUPLAN_OK);
  CHECK(scope && strcmp(scope, "plan") == 0);
  CHECK(responsibilities > 10 && reported == 1 && has_progress == 1 && progress == 40.0);
  CHECK(eduplan_rollups_status_count(rollups, 0) == 5);
  const char* status = NULL;
  size_t count = 0;
  CHECK(eduplan_rollups_status(rollups, 0, 1, &status, &count) == EDUPLAN_OK);
  CHECK(status && strcmp(status, "begonnen") == 0 && count == 1);
  CHECK(eduplan_rollups_status(rollups, 0, 5, &status, &count) == EDUPLAN_E_USAGE);
  CHECK(eduplan_rollups_get(rollups, 100000, NULL, NULL, NULL, NULL, NULL, NULL) ==
        EDUPLAN_E_USAGE);
  const char* json = eduplan_rollups_json(rollups);
  CHECK(json && contains(json, "\"rollups\"") && contains(json, "\"begonnen\":1"));
  CHECK(contains(json, "{\"plan\":\"Konzept\",\"period\":\"2026-H1\",\"scale\":[\"geplant\","));
  eduplan_rollups_free(rollups);
  eduplan_rollups_free(rollups); /* double free: nothing */
  CHECK(eduplan_rollups_count(rollups) == 0);
  CHECK(eduplan_rollups_json(rollups) == NULL);
  CHECK(eduplan_db_rollups(db, "Nope", NULL, &rollups) == EDUPLAN_E_NOT_FOUND && rollups == NULL);
  /* A period the forms and the CLI refuse is refused here too (it gave empty roll-ups). */
  CHECK(eduplan_db_rollups(db, "Konzept", "2026/H1", &rollups) == EDUPLAN_E_USAGE && rollups == NULL);
  CHECK(contains(eduplan_last_error(), "is not a reporting period"));

  /* The same form again stores nothing: its report is already the latest. */
  CHECK(eduplan_db_import_reports(db, one, "Konzept", "2026-H1", 0, &stored, NULL) == EDUPLAN_OK);
  CHECK(stored == 0);
  /* An invalid period is a usage error. */
  CHECK(eduplan_db_import_reports(db, one, "Konzept", "2026 H2", 0, NULL, NULL) == EDUPLAN_E_USAGE);

  /* A report takes the status reports of one period along, or the latest of any period. */
  char* later = join(work, "later.csv");
  snprintf(text, sizeof text,
           "Schlüssel;Handlungsfeld;Handlungsschwerpunkt;Status;Fortschritt (%%);Bemerkung\n"
           "%s;F;A;umgesetzt;100;fertig\n",
           key);
  write_file(later, text);
  const char* later_form[] = {later, NULL};
  CHECK(eduplan_db_import_reports(db, later_form, "Konzept", "2026-H2", 0, &stored, NULL) ==
        EDUPLAN_OK);
  CHECK(stored == 1);
  char* report = join(work, "period.csv");
  static char csv[1 << 17];
  CHECK(eduplan_export_period(db, "Konzept", "csv", NULL, NULL, report, "2026-H1") == EDUPLAN_OK);
  read_text(report, csv, sizeof csv);
  CHECK(contains(csv, ";begonnen;") && !contains(csv, "umgesetzt"));
  CHECK(eduplan_export_period(db, "Konzept", "csv", NULL, NULL, report, "2026-H2") == EDUPLAN_OK);
  read_text(report, csv, sizeof csv);
  CHECK(contains(csv, ";umgesetzt;") && !contains(csv, "begonnen"));
  CHECK(eduplan_export_period(db, "Konzept", "csv", NULL, NULL, report, NULL) == EDUPLAN_OK);
  read_text(report, csv, sizeof csv);
  CHECK(contains(csv, ";umgesetzt;") && !contains(csv, "begonnen"));
  CHECK(eduplan_export_period(db, "Konzept", "csv", NULL, NULL, report, "2025-H1") == EDUPLAN_OK);
  read_text(report, csv, sizeof csv);
  CHECK(!contains(csv, "umgesetzt") && !contains(csv, "begonnen"));
  /* A period that is none: refused, naming the function, and the report is left as it was. */
  remove(report);
  CHECK(eduplan_export_period(db, "Konzept", "csv", NULL, NULL, report, "2026/H1") ==
        EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "eduplan_export_period: \"2026/H1\" is not a reporting"));
  CHECK(fopen(report, "rb") == NULL);
  CHECK(eduplan_export_period(db, "Konzept", "csv", NULL, NULL, report, "2026-H\x80") ==
        EDUPLAN_E_USAGE);
  CHECK(contains(eduplan_last_error(), "period is not valid UTF-8"));
  eduplan_db_close(db);
  free(later);
  free(report);

  /* Read-only: a dry run works, storing is refused. */
  CHECK(eduplan_db_open_read_only(db_path, &db) == EDUPLAN_OK);
  CHECK(eduplan_db_import_reports(db, one, "Konzept", "2026-H2", 1, NULL, NULL) == EDUPLAN_OK);
  CHECK(eduplan_db_import_reports(db, one, "Konzept", "2026-H2", 0, NULL, NULL) == EDUPLAN_E_USAGE);
  eduplan_db_close(db);
  free(db_path);
  free(good);
  free(bad);
  free(missing);
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: c_api_test EXAMPLES_DIR WORK_DIR SQLITE3\n");
    return 2;
  }
  CHECK(eduplan_set_language("en") == EDUPLAN_OK);
  char* document = join(argv[1], "bildungskonzept.md");
  char* units = join(argv[1], "verwaltungsgliederung.csv");
  ownership(document, units, argv[2]);
  names_must_be_utf8(document, argv[2]);
  no_report_replaces_a_database(document, units, argv[2]);
  broken_databases(argv[2]);
  last_error_stays_readable(argv[2]);
  monitoring(document, units, argv[2], argv[3]);
  free(document);
  free(units);
  if (failures) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("c api: ok\n");
  return 0;
}
