/* The eduplan C API: for programs in C, and in Java, C#, Python … through their C bridges.
 *
 * Errors
 * - Every function returning eduplan_code reports failure with a code and a message for the
 *   calling thread (eduplan_last_error). No exception ever leaves this API.
 *
 * Ownership
 * - Handles are opaque. The caller owns every handle a function hands out through an `out`
 *   parameter and gives it back exactly once with the matching function: eduplan_db_close for
 *   eduplan_db_open / eduplan_db_open_read_only, eduplan_plan_free for eduplan_read /
 *   eduplan_db_load, eduplan_names_free for eduplan_db_plans and eduplan_db_import_reports,
 *   eduplan_plan_list_free for eduplan_db_list_plans, eduplan_rollups_free for
 *   eduplan_db_rollups. A plan does not depend on the database it was loaded from: either may
 *   be freed first.
 * - On failure `*out` is set to NULL (the exceptions: eduplan_read with EDUPLAN_E_INPUT hands
 *   out a plan holding the findings, and eduplan_db_import_reports with EDUPLAN_E_INPUT the list
 *   of problems; the caller frees them).
 * - Closing or freeing NULL does nothing. Closing or freeing a handle that is already closed or
 *   freed, or that eduplan never handed out, does nothing either and leaves a message in
 *   eduplan_last_error. Any other function given such a handle (or a handle of the wrong kind)
 *   fails with EDUPLAN_E_USAGE, or returns NULL, 0 or -1 where it returns no code. An accessor
 *   without a code (…_count, …_get) given NULL returns NULL or 0 and leaves eduplan_last_error
 *   as it is: a list that was not handed out is empty. These checks
 *   catch mistakes; they are not a licence: the address of a freed handle may be reused by a
 *   new one, which a stale pointer then reaches.
 * - Strings returned are UTF-8, NUL-terminated, owned by the handle they came from and valid
 *   until it is freed; copy them to keep them longer. Functions taking strings copy what they
 *   keep. Names (of plans, exporters, options) must be valid UTF-8, plan names and titles without
 *   control characters, option values without C0 controls but tab and line breaks
 *   (EDUPLAN_E_USAGE otherwise);
 *   paths are passed to the operating system as they are.
 *
 * Threads
 * - A handle must not be used by two threads at once; separate handles may be used on separate
 *   threads, also on the same database file (and by separate processes).
 */
#ifndef EDUPLAN_C_API_H
#define EDUPLAN_C_API_H

#include <stddef.h>

#include "eduplan/export.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum eduplan_code {
  EDUPLAN_OK = 0,
  EDUPLAN_E_INPUT = 1,     /* the document has errors (see the plan's findings); nothing stored */
  EDUPLAN_E_USAGE = 2,     /* a bad argument: NULL, closed or freed handle, a name that is not
                              UTF-8, unknown exporter or option, index out of range */
  EDUPLAN_E_IO = 3,        /* a file could not be read or written */
  EDUPLAN_E_STORAGE = 4,   /* the database failed */
  EDUPLAN_E_NOT_FOUND = 5, /* no plan of that name */
  EDUPLAN_E_EXPORT = 6,    /* the exporter failed; the target is unchanged */
  EDUPLAN_E_INTERNAL = 7
} eduplan_code;

typedef struct eduplan_db eduplan_db;
typedef struct eduplan_plan eduplan_plan;
typedef struct eduplan_names eduplan_names;
typedef struct eduplan_plan_list eduplan_plan_list;
typedef struct eduplan_rollups eduplan_rollups;

EDUPLAN_EXPORT const char* eduplan_version(void);
/* The message of the last failed call on this thread, in the message language: every call that
 * returns an eduplan_code sets it ("" when it succeeds); accessors without a code leave it unless
 * they fail. The string stays readable through at least three more failed calls on the thread (it
 * may show an older message by then, never freed memory); copy it to keep it longer. */
EDUPLAN_EXPORT const char* eduplan_last_error(void);
/* The language of messages and of findings made from now on, for the whole process: "de"
 * (the default) or "en" (also "en_GB.UTF-8" and the like). */
EDUPLAN_EXPORT eduplan_code eduplan_set_language(const char* language);

/* Opens (creating and migrating if needed) an SQLite database. EDUPLAN_E_STORAGE, naming the
 * file, for a file that is not an eduplan database or was written by a newer eduplan. */
EDUPLAN_EXPORT eduplan_code eduplan_db_open(const char* path, eduplan_db** out);
/* Opens an existing eduplan database for reading only: never creates, migrates or writes the
 * file; saving, renaming and deleting fail with EDUPLAN_E_USAGE. */
EDUPLAN_EXPORT eduplan_code eduplan_db_open_read_only(const char* path, eduplan_db** out);
/* Closes the database and frees the handle. NULL, or a handle already closed: nothing. */
EDUPLAN_EXPORT void eduplan_db_close(eduplan_db* db);

/* Reads a document (Markdown, Word .docx, LibreOffice .odt, or the CSV flat table). units_csv
 * and plan_name may be NULL. *out is set whenever the files could be read — also with
 * EDUPLAN_E_INPUT, so that the findings can be listed: those of the document, or those of a
 * broken units directory (rules directory-invalid or csv-syntax, with the directory's lines). */
EDUPLAN_EXPORT eduplan_code eduplan_read(const char* document, const char* units_csv,
                                         const char* plan_name, eduplan_plan** out);
/* Stores the plan under its name (replacing a plan of that name) in one transaction. */
EDUPLAN_EXPORT eduplan_code eduplan_db_save(eduplan_db* db, const eduplan_plan* plan);
EDUPLAN_EXPORT eduplan_code eduplan_db_load(eduplan_db* db, const char* name, eduplan_plan** out);
EDUPLAN_EXPORT eduplan_code eduplan_db_plans(eduplan_db* db, eduplan_names** out);
/* Renames a stored plan: EDUPLAN_E_NOT_FOUND without a plan `from`, EDUPLAN_E_USAGE if `to` is
 * empty or taken. */
EDUPLAN_EXPORT eduplan_code eduplan_db_rename_plan(eduplan_db* db, const char* from,
                                                   const char* to);
/* Deletes a stored plan and all its rows in one transaction; other plans are untouched.
 * EDUPLAN_E_NOT_FOUND without such a plan. */
EDUPLAN_EXPORT eduplan_code eduplan_db_delete_plan(eduplan_db* db, const char* name);

/* The stored plans with their figures, ordered by name. */
EDUPLAN_EXPORT eduplan_code eduplan_db_list_plans(eduplan_db* db, eduplan_plan_list** out);
EDUPLAN_EXPORT size_t eduplan_plan_list_count(const eduplan_plan_list* list);
/* NULL for an index out of range. imported_at is UTC, ISO 8601. */
EDUPLAN_EXPORT const char* eduplan_plan_list_name(const eduplan_plan_list* list, size_t i);
EDUPLAN_EXPORT const char* eduplan_plan_list_title(const eduplan_plan_list* list, size_t i);
EDUPLAN_EXPORT const char* eduplan_plan_list_imported_at(const eduplan_plan_list* list, size_t i);
/* Any out-parameter may be NULL. */
EDUPLAN_EXPORT eduplan_code eduplan_plan_list_figures(const eduplan_plan_list* list, size_t i,
                                                      size_t* fields, size_t* focus_areas,
                                                      size_t* responsibilities, size_t* objectives);
/* Free a handle and the strings it owns. NULL, or a handle already freed: nothing. */
EDUPLAN_EXPORT void eduplan_plan_list_free(eduplan_plan_list* list);
EDUPLAN_EXPORT void eduplan_plan_free(eduplan_plan* plan);

EDUPLAN_EXPORT size_t eduplan_names_count(const eduplan_names* names);
EDUPLAN_EXPORT const char* eduplan_names_get(const eduplan_names* names, size_t i);
EDUPLAN_EXPORT void eduplan_names_free(eduplan_names* names);

/* Reading a plan. Indices out of range return NULL, 0 or -1. */
EDUPLAN_EXPORT const char* eduplan_plan_name(const eduplan_plan* plan);
EDUPLAN_EXPORT size_t eduplan_plan_field_count(const eduplan_plan* plan);
EDUPLAN_EXPORT const char* eduplan_plan_field_title(const eduplan_plan* plan, size_t field);
EDUPLAN_EXPORT size_t eduplan_plan_focus_area_count(const eduplan_plan* plan, size_t field);
EDUPLAN_EXPORT const char* eduplan_plan_focus_area_text(const eduplan_plan* plan, size_t field,
                                                        size_t area);
EDUPLAN_EXPORT size_t eduplan_plan_focus_area_unit_count(const eduplan_plan* plan, size_t field,
                                                         size_t area);
/* The k-th responsible unit of a focus area, as an index into the plan's units. */
EDUPLAN_EXPORT long eduplan_plan_focus_area_unit(const eduplan_plan* plan, size_t field,
                                                 size_t area, size_t k);
EDUPLAN_EXPORT size_t eduplan_plan_unit_count(const eduplan_plan* plan);
EDUPLAN_EXPORT const char* eduplan_plan_unit_name(const eduplan_plan* plan, size_t unit);
/* The unit's division as a unit index; -1 for divisions and units without one. */
EDUPLAN_EXPORT long eduplan_plan_unit_division(const eduplan_plan* plan, size_t unit);
EDUPLAN_EXPORT int eduplan_plan_unit_is_division(const eduplan_plan* plan, size_t unit);
EDUPLAN_EXPORT size_t eduplan_plan_finding_count(const eduplan_plan* plan);
/* Any out-parameter may be NULL. severity is "error", "warning" or "info". */
EDUPLAN_EXPORT eduplan_code eduplan_plan_finding(const eduplan_plan* plan, size_t i,
                                                 const char** rule, const char** severity,
                                                 const char** message, int* line,
                                                 const char** subject);

/* Exports the stored plan `plan_name` with the exporter `exporter` to `target`.
 * options: NULL-terminated "key=value" strings, or NULL. plugin_dir may be NULL.
 * A target that is an SQLite database (db's own file, a link to it, any other) is refused with
 * EDUPLAN_E_USAGE and left as it is. EDUPLAN_E_IO if the target cannot be written (its directory
 * is missing or is none, it cannot be replaced); EDUPLAN_E_EXPORT if the exporter failed. */
EDUPLAN_EXPORT eduplan_code eduplan_export(eduplan_db* db, const char* plan_name,
                                           const char* exporter, const char* const* options,
                                           const char* plugin_dir, const char* target);
/* eduplan_export with the status reports of one reporting period (`eduplan export --period`): the
 * latest report of each responsibility in `period` ("2026-H1") goes along, or the latest of any
 * period if `period` is NULL (the same as eduplan_export). A period must be 1-32 characters of
 * A-Z, a-z, 0-9, "-", "_", "."; any other is EDUPLAN_E_USAGE, and nothing is written. A valid
 * period without reports (a typo such as "2026-HI") exports without status and is EDUPLAN_OK:
 * eduplan_db_rollups for that period tells (reported 0). */
EDUPLAN_EXPORT eduplan_code eduplan_export_period(eduplan_db* db, const char* plan_name,
                                                  const char* exporter, const char* const* options,
                                                  const char* plugin_dir, const char* target,
                                                  const char* period);

/* Monitoring (docs/monitoring.md). */

/* Imports returned status forms (.xlsx as `eduplan status forms` writes them, or .csv with the
 * same six columns): `files` is a NULL-terminated array of paths. plan and period may be NULL;
 * if given, every form must agree with them; .csv forms need both. dry_run nonzero: check
 * only. All or nothing: if any row of any file is wrong, nothing is stored and the result is
 * EDUPLAN_E_INPUT. *problems (if problems is not NULL) is set to a list of lines
 * "file:sheet!cell: message" ("file:line: message" for csv), empty on success, also handed out
 * with EDUPLAN_E_INPUT; NULL after any other failure. *stored (if not NULL) is the number of
 * reports stored (or that would be, with dry_run). EDUPLAN_E_IO for a file that cannot be
 * read; EDUPLAN_E_USAGE on a read-only database unless dry_run. */
EDUPLAN_EXPORT eduplan_code eduplan_db_import_reports(eduplan_db* db, const char* const* files,
                                                      const char* plan, const char* period,
                                                      int dry_run, size_t* stored,
                                                      eduplan_names** problems);

/* The roll-ups of a stored plan (the plan, each field, division and unit) from the latest report
 * of each responsibility in `period`, or of any period if `period` is NULL.
 * EDUPLAN_E_NOT_FOUND without such a plan. */
EDUPLAN_EXPORT eduplan_code eduplan_db_rollups(eduplan_db* db, const char* plan,
                                               const char* period, eduplan_rollups** out);
EDUPLAN_EXPORT size_t eduplan_rollups_count(const eduplan_rollups* rollups);
/* All of them as JSON, as `eduplan status show --format json` prints them: an object with the
 * keys "plan", "period" (null without one), "scale" and "rollups". NULL for a handle that is not
 * live. */
EDUPLAN_EXPORT const char* eduplan_rollups_json(const eduplan_rollups* rollups);
/* One roll-up. Any out-parameter may be NULL. scope is "plan", "field", "division" or "unit";
 * has_progress is 0 (and *progress 0) when no responsibility below has a progress value. */
EDUPLAN_EXPORT eduplan_code eduplan_rollups_get(const eduplan_rollups* rollups, size_t i,
                                                const char** scope, const char** name,
                                                size_t* responsibilities, size_t* reported,
                                                int* has_progress, double* progress);
/* The statuses counted in roll-up i (every status of the scale, in the scale's order, then any
 * stored status no longer on it), and the k-th of them with its number. */
EDUPLAN_EXPORT size_t eduplan_rollups_status_count(const eduplan_rollups* rollups, size_t i);
EDUPLAN_EXPORT eduplan_code eduplan_rollups_status(const eduplan_rollups* rollups, size_t i,
                                                   size_t k, const char** status, size_t* count);
EDUPLAN_EXPORT void eduplan_rollups_free(eduplan_rollups* rollups);

#ifdef __cplusplus
}
#endif

#endif /* EDUPLAN_C_API_H */
