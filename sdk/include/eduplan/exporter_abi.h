/* The eduplan exporter ABI: the only contract between eduplan and an exporter module.
 *
 * Plain C, so that modules can be written in C or in C++ built with any compiler. Rules:
 * - A module exports exactly one symbol: `eduplan_exporter_entry` (EDUPLAN_EXPORTER_ENTRY).
 *   It returns a pointer to a static eduplan_exporter descriptor and has no side effects.
 * - Versioning: a host accepts a module whose abi_major equals its own and whose abi_minor
 *   is not newer, and refuses it before calling anything but the entry point.
 * - The top-level structs (eduplan_exporter, eduplan_plan_view, eduplan_export_request)
 *   start with `struct_size` and only ever grow at the end (append-only). Element structs
 *   that come in arrays (units, focus areas, fields, objectives, findings, options) are
 *   frozen within a major version, so both sides index arrays with the same stride; new
 *   per-element data is added as new parallel arrays at the end of a top-level struct.
 * - Strings are UTF-8 as (pointer, size) pairs, not necessarily NUL-terminated.
 * - Memory is freed by whoever allocated it. The plan view and the request belong to the
 *   host and are valid only during the call to `run`.
 * - No C++ exception may leave a module function (the C++ helper in exporter_sdk.hpp
 *   wraps every entry in catch (...)). Errors are returned as a status plus a message
 *   passed to `request->set_error`.
 */
#ifndef EDUPLAN_EXPORTER_ABI_H
#define EDUPLAN_EXPORTER_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define EDUPLAN_EXPORTER_ABI_MAJOR 1
#define EDUPLAN_EXPORTER_ABI_MINOR 5

typedef struct eduplan_str {
  const char* data; /* UTF-8, size bytes, may be NULL when size is 0 */
  size_t size;
} eduplan_str;

typedef enum eduplan_status { EDUPLAN_STATUS_OK = 0, EDUPLAN_STATUS_ERROR = 1 } eduplan_status;

/* ---- The read-only plan view (host-owned) ---- */

#define EDUPLAN_NO_INDEX ((size_t)-1)

typedef struct eduplan_unit_view {
  eduplan_str name;
  size_t
      division; /* index into units of its division; EDUPLAN_NO_INDEX for divisions and unknown */
  int is_division; /* 1 for a division ("Dezernat IV", "BOB") */
  eduplan_str key; /* stable key, see docs/schema.md */
} eduplan_unit_view;

typedef struct eduplan_focus_area_view {
  eduplan_str text;
  eduplan_str key;
  int line;
  const size_t*
      units; /* indices into the plan's units (a unit or a whole division), document order */
  size_t unit_count;
} eduplan_focus_area_view;

typedef struct eduplan_field_view {
  eduplan_str title;
  eduplan_str key;
  const eduplan_focus_area_view* focus_areas;
  size_t focus_area_count;
  const size_t* objectives; /* indices into the plan's objectives, document order */
  size_t objective_count;
} eduplan_field_view;

typedef struct eduplan_objective_view {
  eduplan_str text;
  eduplan_str key;
} eduplan_objective_view;

typedef struct eduplan_finding_view {
  eduplan_str rule;
  eduplan_str severity; /* "error", "warning" or "info" */
  eduplan_str message;
  int line;
  eduplan_str subject;
} eduplan_finding_view;

/* Since 1.3: a further column of a focus-area table ("Zeitraum", "Status", …) and its value. */
typedef struct eduplan_attribute {
  eduplan_str name;
  eduplan_str value;
} eduplan_attribute;

typedef struct eduplan_attribute_list {
  const eduplan_attribute* items; /* in column order */
  size_t count;
} eduplan_attribute_list;

/* Since 1.4: the latest status report of one responsibility (monitoring). */
typedef struct eduplan_report_view {
  eduplan_str status; /* one of the plan view's status_scale; empty: no report */
  int progress;       /* 0..100, or -1 when the report gives none */
  eduplan_str note;
  eduplan_str period; /* the reporting period it belongs to, e.g. "2026-H1" */
} eduplan_report_view;

typedef struct eduplan_report_list {
  const eduplan_report_view* items; /* parallel to the focus area's units */
  size_t count;                     /* 0 when the plan has no reports at all */
} eduplan_report_list;

typedef struct eduplan_plan_view {
  size_t struct_size;
  eduplan_str name;
  eduplan_str title;
  eduplan_str source;
  const eduplan_field_view* fields;
  size_t field_count;
  const eduplan_unit_view* units;
  size_t unit_count;
  const eduplan_objective_view* objectives;
  size_t objective_count;
  const eduplan_finding_view* findings;
  size_t finding_count;
  /* Since 1.3 (check struct_size): attributes[f][a] are the further columns of focus area a of
   * field f (an empty list where there are none). */
  const eduplan_attribute_list* const* attributes;
  /* Since 1.4: the names of all further columns, in the order they first appear. */
  const eduplan_str* attribute_names;
  size_t attribute_name_count;
  /* Since 1.4: monitoring. The database's status scale; reports[f][a] the latest report of each
   * responsible unit of focus area a of field f (NULL when the plan has no reports, or when the
   * focus areas come as a stream: then each row carries its reports); the period they were
   * chosen from (empty: the latest report of each responsibility, of any period). */
  const eduplan_str* status_scale;
  size_t status_scale_count;
  const eduplan_report_list* const* reports;
  eduplan_str report_period;
} eduplan_plan_view;

/* Since 1.4: one focus area as a stream delivers it. */
typedef struct eduplan_focus_area_row {
  size_t field;                 /* index into plan->fields */
  size_t index;                 /* its position in the field, from 0 */
  eduplan_focus_area_view area; /* text, key, line and responsible units */
  eduplan_attribute_list attributes;
  eduplan_report_list reports; /* parallel to area.units; count 0 without reports */
} eduplan_focus_area_row;

/* Since 1.4: the focus areas of all fields in document order, read only as the exporter asks for
 * them — for a stored plan straight from the database, so that a plan of any size takes little
 * memory. Offered to exporters that declare EDUPLAN_CAPABILITY_STREAM; the plan view's fields then
 * have focus_area_count set but focus_areas NULL, and `attributes` is NULL. Units, fields and
 * objectives stay in the view. */
typedef struct eduplan_focus_area_stream {
  size_t struct_size;
  void* host; /* pass back to the functions */
  /* Starts a pass from the first focus area (a pass may be repeated). 0, or -1 on failure. */
  int (*rewind)(void* host);
  /* 1: *row holds the next focus area, valid until the next call; 0: the pass is over;
   * -1: failure (the host knows why and reports it). */
  int (*next)(void* host, eduplan_focus_area_row* row);
} eduplan_focus_area_stream;

/* Since 1.4: the findings, read like the focus areas. Offered with focus_area_stream; the plan
 * view then has finding_count set but findings NULL. */
typedef struct eduplan_finding_stream {
  size_t struct_size;
  void* host;
  int (*rewind)(void* host); /* 0, or -1 on failure */
  /* 1: *row holds the next finding, valid until the next call; 0: the pass is over; -1: failure */
  int (*next)(void* host, eduplan_finding_view* row);
} eduplan_finding_stream;

/* ---- Options the exporter declares; the host validates values before calling run ---- */

typedef enum eduplan_option_type {
  EDUPLAN_OPTION_STRING = 0,
  EDUPLAN_OPTION_BOOL = 1, /* values "true" / "false" */
  EDUPLAN_OPTION_INT = 2,  /* decimal integer */
  EDUPLAN_OPTION_ENUM = 3  /* one of `allowed` */
} eduplan_option_type;

typedef struct eduplan_option_decl {
  const char* name; /* NUL-terminated ASCII, e.g. "delimiter" */
  eduplan_option_type type;
  const char* default_value;  /* NUL-terminated; every option has a default */
  const char* const* allowed; /* ENUM only: NULL-terminated list */
  const char* help;           /* one line, NUL-terminated */
} eduplan_option_decl;

/* Since 1.2: the range of an INT option (both ends included). EDUPLAN_OPTION_NO_MIN and
 * EDUPLAN_OPTION_NO_MAX leave an end open. Ignored for other types. */
#define EDUPLAN_OPTION_NO_MIN INT64_MIN
#define EDUPLAN_OPTION_NO_MAX INT64_MAX
typedef struct eduplan_option_range {
  int64_t min;
  int64_t max;
} eduplan_option_range;

typedef struct eduplan_option_value {
  eduplan_str name;
  eduplan_str value;
} eduplan_option_value;

/* ---- One export ---- */

/* Since 1.1: one report of a batch, listed in the batch's index. */
typedef struct eduplan_batch_entry {
  eduplan_str label; /* e.g. "Dezernat IV" */
  eduplan_str file;  /* file name of the report, relative to the index */
  size_t focus_areas;
  size_t responsibilities;
  int ok; /* 0 if writing this report failed */
} eduplan_batch_entry;

typedef struct eduplan_export_request {
  size_t struct_size;
  const eduplan_plan_view* plan;
  const eduplan_option_value* options; /* every declared option, validated, defaults filled in */
  size_t option_count;
  const char* output_path; /* NUL-terminated: a temporary file the host created; write here */
  void* host;              /* pass back to set_error */
  void (*set_error)(void* host, const char* message, size_t size); /* UTF-8 message */
  /* Since 1.1 (check struct_size): if batch_count > 0, write an index of these reports
   * instead of a report of the plan. Only asked of exporters with EDUPLAN_CAPABILITY_INDEX.
   * The plan view then holds no fields: its title names the batch ("Steckbriefe je Dezernat –
   * …"), its name is the plan the reports come from (empty for a batch over all plans). */
  const eduplan_batch_entry* batch;
  size_t batch_count;
  /* Since 1.4 (check struct_size): the focus areas as a stream, for a module that declares
   * EDUPLAN_CAPABILITY_STREAM; NULL otherwise. */
  const eduplan_focus_area_stream* focus_area_stream;
  const eduplan_finding_stream* finding_stream; /* with focus_area_stream */
  /* Since 1.5 (check struct_size): the language of the messages passed to set_error, "de" or
   * "en" (what the user chose with eduplan --lang); German where the host is older. */
  const char* message_language;
} eduplan_export_request;

/* ---- The descriptor a module returns ---- */

typedef struct eduplan_exporter {
  size_t struct_size;
  uint32_t abi_major; /* EDUPLAN_EXPORTER_ABI_MAJOR the module was built with */
  uint32_t abi_minor;
  const char* id;             /* e.g. "csv"; [a-z0-9_-]+ */
  const char* version;        /* the exporter's own version, e.g. "1.0.0" */
  const char* description;    /* one line */
  const char* file_extension; /* without dot, e.g. "csv" */
  const eduplan_option_decl* options;
  size_t option_count;
  eduplan_status (*run)(const eduplan_export_request* request);
  /* Since 1.1 (a 1.0 descriptor ends before this field: no capabilities). */
  uint32_t capabilities; /* EDUPLAN_CAPABILITY_* bits */
  /* Since 1.2: NULL, or option_count ranges parallel to `options` (see eduplan_option_range).
   * The host refuses values outside the range before calling run, and shows the range. */
  const eduplan_option_range* option_ranges;
  /* Since 1.5: texts for users who chose English (eduplan --lang en): NULL, or the description in
   * English; NULL, or option_count help lines parallel to `options` (a NULL entry keeps that
   * option's `help`). Without them, `description` and `help` are shown in every language. */
  const char* description_en;
  const char* const* option_help_en;
} eduplan_exporter;

#define EDUPLAN_CAPABILITY_INDEX 1u /* writes a batch index (see eduplan_export_request.batch) */
#define EDUPLAN_CAPABILITY_STREAM 2u /* reads focus areas and findings from streams (since 1.4) */

#define EDUPLAN_EXPORTER_ENTRY_NAME "eduplan_exporter_entry"

#if defined(_WIN32)
#define EDUPLAN_EXPORTER_VISIBLE __declspec(dllexport)
#else
#define EDUPLAN_EXPORTER_VISIBLE __attribute__((visibility("default")))
#endif

/* Declares the entry point; define it in exactly one source file of the module. */
#define EDUPLAN_EXPORTER_ENTRY \
  EDUPLAN_EXPORTER_VISIBLE const eduplan_exporter* eduplan_exporter_entry(void)

typedef const eduplan_exporter* (*eduplan_exporter_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* EDUPLAN_EXPORTER_ABI_H */
