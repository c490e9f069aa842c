// The C API over the C++ library: handles own C++ objects (api/handles.h), every entry checks
// its handles against the registry of live ones and catches everything.
#include "eduplan/c_api.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/entry.h"
#include "api/handles.h"
#include "eduplan/enum_text.h"
#include "eduplan/error.h"
#include "eduplan/exporters.h"
#include "eduplan/language.h"
#include "eduplan/reader.h"
#include "eduplan/storage.h"
#include "eduplan/version.h"
#include "util/text.h"

namespace {

using eduplan::tr;
using namespace eduplan::api::entry;

eduplan_plan* wrap(eduplan::Plan plan) {
  eduplan_plan p{std::move(plan), {}};
  for (const auto& f : p.plan.findings) p.severities.push_back(eduplan::to_text(f.severity));
  return eduplan::api::make_handle(std::move(p));
}

const eduplan::FocusArea* area_at(const eduplan_plan* p, size_t field, size_t area) {
  if (!p || field >= p->plan.fields.size() || area >= p->plan.fields[field].focus_areas.size())
    return nullptr;
  return &p->plan.fields[field].focus_areas[area];
}

}  // namespace

extern "C" {

const char* eduplan_version(void) { return EDUPLAN_VERSION_STRING; }
const char* eduplan_last_error(void) { return last_error.c_str(); }

eduplan_code eduplan_set_language(const char* language) {
  return guarded([&] {
    const auto l = language ? eduplan::parse_language(language) : std::nullopt;
    if (!l) {
      return fail(EDUPLAN_E_USAGE, tr({"eduplan_set_language: Sprache „{0}“ unbekannt (de oder en)",
                                       "eduplan_set_language: unknown language \"{0}\" (de or en)"},
                                      language ? language : "NULL"));
    }
    eduplan::set_language(*l);
    return EDUPLAN_OK;
  });
}

namespace {
eduplan_code open_db(const char* function, const char* path, eduplan_db** out, bool read_only) {
  return guarded([&] {
    if (out) *out = nullptr;
    if (!path || !out) return fail(EDUPLAN_E_USAGE, required(function, "path, out"));
    auto storage =
        read_only ? eduplan::open_database_read_only(path) : eduplan::open_database(path);
    *out = eduplan::api::make_handle(eduplan_db{std::move(storage), path});
    return EDUPLAN_OK;
  });
}
}  // namespace

eduplan_code eduplan_db_open(const char* path, eduplan_db** out) {
  return open_db("eduplan_db_open", path, out, false);
}

eduplan_code eduplan_db_open_read_only(const char* path, eduplan_db** out) {
  return open_db("eduplan_db_open_read_only", path, out, true);
}

void eduplan_db_close(eduplan_db* db) { release("eduplan_db_close", db); }

eduplan_code eduplan_read(const char* document, const char* units_csv, const char* plan_name,
                          eduplan_plan** out) {
  return guarded([&] {
    if (out) *out = nullptr;
    if (!document || !out) return fail(EDUPLAN_E_USAGE, required("eduplan_read", "document, out"));
    EDUPLAN_TRY(check_utf8("eduplan_read", "plan_name", plan_name));
    // NULL takes the document's own name; "" is no name (a plan of that name would be replaced).
    if (plan_name && std::string_view(plan_name).find_first_not_of(" \t") == std::string_view::npos)
      return fail(EDUPLAN_E_USAGE, tr({"eduplan_read: plan_name ist leer (NULL nimmt den Namen des "
                                       "Dokuments)",
                                       "eduplan_read: plan_name is empty (NULL takes the "
                                       "document's name)"}));
    eduplan::UnitsDirectory directory;
    if (units_csv) {
      std::vector<eduplan::Finding> problems;
      directory = eduplan::UnitsDirectory::load(units_csv, problems);
      if (eduplan::has_errors(problems)) {
        // A plan handle that holds nothing but the directory's findings, for listing them.
        eduplan::Plan broken;
        broken.name = plan_name ? plan_name : "";
        broken.source = units_csv;
        broken.findings = std::move(problems);
        *out = wrap(std::move(broken));
        const auto& first = (*out)->plan.findings.front();
        return fail(EDUPLAN_E_INPUT, tr({"{0}:{1}: Verwaltungsverzeichnis fehlerhaft: {2}",
                                         "{0}:{1}: the units directory is broken: {2}"},
                                        units_csv, first.line, first.message));
      }
    }
    *out = wrap(eduplan::read_plan_file(document, {.directory = units_csv ? &directory : nullptr,
                                                   .plan_name = plan_name ? plan_name : ""}));
    if (eduplan::has_errors((*out)->plan.findings)) {
      return fail(EDUPLAN_E_INPUT, tr({"{0}: Dokument hat Fehler (siehe Befunde)",
                                       "{0}: the document has errors (see the findings)"},
                                      document));
    }
    return EDUPLAN_OK;
  });
}

eduplan_code eduplan_db_save(eduplan_db* db, const eduplan_plan* plan) {
  return guarded([&] {
    EDUPLAN_TRY(check_handle("eduplan_db_save", "db", db));
    EDUPLAN_TRY(check_handle("eduplan_db_save", "plan", plan));
    if (eduplan::has_errors(plan->plan.findings)) {
      return fail(EDUPLAN_E_INPUT,
                  tr({"Plan hat Fehler; nicht gespeichert", "the plan has errors; not stored"}));
    }
    db->storage->save_plan(plan->plan);
    return EDUPLAN_OK;
  });
}

eduplan_code eduplan_db_load(eduplan_db* db, const char* name, eduplan_plan** out) {
  return guarded([&] {
    if (out) *out = nullptr;
    EDUPLAN_TRY(check_handle("eduplan_db_load", "db", db));
    if (!name || !out) return fail(EDUPLAN_E_USAGE, required("eduplan_db_load", "db, name, out"));
    EDUPLAN_TRY(check_utf8("eduplan_db_load", "name", name));
    auto plan = db->storage->load_plan(name);
    if (!plan) return not_found(name);
    *out = wrap(std::move(*plan));
    return EDUPLAN_OK;
  });
}

eduplan_code eduplan_db_plans(eduplan_db* db, eduplan_names** out) {
  return guarded([&] {
    if (out) *out = nullptr;
    EDUPLAN_TRY(check_handle("eduplan_db_plans", "db", db));
    if (!out) return fail(EDUPLAN_E_USAGE, required("eduplan_db_plans", "db, out"));
    eduplan_names names;
    names.names = db->storage->plan_names();
    *out = eduplan::api::make_handle(std::move(names));
    return EDUPLAN_OK;
  });
}

eduplan_code eduplan_db_rename_plan(eduplan_db* db, const char* from, const char* to) {
  return guarded([&] {
    EDUPLAN_TRY(check_handle("eduplan_db_rename_plan", "db", db));
    if (!from || !to)
      return fail(EDUPLAN_E_USAGE, required("eduplan_db_rename_plan", "db, from, to"));
    EDUPLAN_TRY(check_utf8("eduplan_db_rename_plan", "from", from));
    EDUPLAN_TRY(check_utf8("eduplan_db_rename_plan", "to", to));
    return db->storage->rename_plan(from, to) ? EDUPLAN_OK : not_found(from);
  });
}

eduplan_code eduplan_db_delete_plan(eduplan_db* db, const char* name) {
  return guarded([&] {
    EDUPLAN_TRY(check_handle("eduplan_db_delete_plan", "db", db));
    if (!name) return fail(EDUPLAN_E_USAGE, required("eduplan_db_delete_plan", "db, name"));
    EDUPLAN_TRY(check_utf8("eduplan_db_delete_plan", "name", name));
    return db->storage->remove_plan(name) ? EDUPLAN_OK : not_found(name);
  });
}

eduplan_code eduplan_db_list_plans(eduplan_db* db, eduplan_plan_list** out) {
  return guarded([&] {
    if (out) *out = nullptr;
    EDUPLAN_TRY(check_handle("eduplan_db_list_plans", "db", db));
    if (!out) return fail(EDUPLAN_E_USAGE, required("eduplan_db_list_plans", "db, out"));
    *out = eduplan::api::make_handle(eduplan_plan_list{db->storage->list_plans()});
    return EDUPLAN_OK;
  });
}

size_t eduplan_plan_list_count(const eduplan_plan_list* l) {
  l = usable("eduplan_plan_list_count", l);
  return l ? l->plans.size() : 0;
}

namespace {
const eduplan::PlanInfo* info_at(const char* function, const eduplan_plan_list* l, size_t i) {
  l = usable(function, l);
  return l && i < l->plans.size() ? &l->plans[i] : nullptr;
}
}  // namespace

const char* eduplan_plan_list_name(const eduplan_plan_list* l, size_t i) {
  const auto* p = info_at("eduplan_plan_list_name", l, i);
  return p ? p->name.c_str() : nullptr;
}
const char* eduplan_plan_list_title(const eduplan_plan_list* l, size_t i) {
  const auto* p = info_at("eduplan_plan_list_title", l, i);
  return p ? p->title.c_str() : nullptr;
}
const char* eduplan_plan_list_imported_at(const eduplan_plan_list* l, size_t i) {
  const auto* p = info_at("eduplan_plan_list_imported_at", l, i);
  return p ? p->imported_at.c_str() : nullptr;
}
eduplan_code eduplan_plan_list_figures(const eduplan_plan_list* l, size_t i, size_t* fields,
                                       size_t* focus_areas, size_t* responsibilities,
                                       size_t* objectives) {
  EDUPLAN_TRY(check_handle("eduplan_plan_list_figures", "list", l));
  const auto* p = info_at("eduplan_plan_list_figures", l, i);
  if (!p) return fail(EDUPLAN_E_USAGE, tr({"Index außerhalb des Bereichs", "index out of range"}));
  if (fields) *fields = p->fields;
  if (focus_areas) *focus_areas = p->focus_areas;
  if (responsibilities) *responsibilities = p->responsibilities;
  if (objectives) *objectives = p->objectives;
  return EDUPLAN_OK;
}
void eduplan_plan_list_free(eduplan_plan_list* list) { release("eduplan_plan_list_free", list); }

void eduplan_plan_free(eduplan_plan* plan) { release("eduplan_plan_free", plan); }
size_t eduplan_names_count(const eduplan_names* n) {
  n = usable("eduplan_names_count", n);
  return n ? n->names.size() : 0;
}
const char* eduplan_names_get(const eduplan_names* n, size_t i) {
  n = usable("eduplan_names_get", n);
  return n && i < n->names.size() ? n->names[i].c_str() : nullptr;
}
void eduplan_names_free(eduplan_names* names) { release("eduplan_names_free", names); }

const char* eduplan_plan_name(const eduplan_plan* p) {
  p = usable("eduplan_plan_name", p);
  return p ? p->plan.name.c_str() : nullptr;
}
size_t eduplan_plan_field_count(const eduplan_plan* p) {
  p = usable("eduplan_plan_field_count", p);
  return p ? p->plan.fields.size() : 0;
}
const char* eduplan_plan_field_title(const eduplan_plan* p, size_t f) {
  p = usable("eduplan_plan_field_title", p);
  return p && f < p->plan.fields.size() ? p->plan.fields[f].title.c_str() : nullptr;
}
size_t eduplan_plan_focus_area_count(const eduplan_plan* p, size_t f) {
  p = usable("eduplan_plan_focus_area_count", p);
  return p && f < p->plan.fields.size() ? p->plan.fields[f].focus_areas.size() : 0;
}
const char* eduplan_plan_focus_area_text(const eduplan_plan* p, size_t f, size_t a) {
  const auto* area = area_at(usable("eduplan_plan_focus_area_text", p), f, a);
  return area ? area->text.c_str() : nullptr;
}
size_t eduplan_plan_focus_area_unit_count(const eduplan_plan* p, size_t f, size_t a) {
  const auto* area = area_at(usable("eduplan_plan_focus_area_unit_count", p), f, a);
  return area ? area->responsibilities.size() : 0;
}
long eduplan_plan_focus_area_unit(const eduplan_plan* p, size_t f, size_t a, size_t k) {
  const auto* area = area_at(usable("eduplan_plan_focus_area_unit", p), f, a);
  return area && k < area->responsibilities.size()
             ? static_cast<long>(area->responsibilities[k].unit)
             : -1;
}
size_t eduplan_plan_unit_count(const eduplan_plan* p) {
  p = usable("eduplan_plan_unit_count", p);
  return p ? p->plan.units.size() : 0;
}
const char* eduplan_plan_unit_name(const eduplan_plan* p, size_t u) {
  p = usable("eduplan_plan_unit_name", p);
  return p && u < p->plan.units.size() ? p->plan.units[u].name.c_str() : nullptr;
}
long eduplan_plan_unit_division(const eduplan_plan* p, size_t u) {
  p = usable("eduplan_plan_unit_division", p);
  if (!p || u >= p->plan.units.size() || !p->plan.units[u].parent) return -1;
  return static_cast<long>(*p->plan.units[u].parent);
}
int eduplan_plan_unit_is_division(const eduplan_plan* p, size_t u) {
  p = usable("eduplan_plan_unit_is_division", p);
  return p && u < p->plan.units.size() && p->plan.units[u].is_division ? 1 : 0;
}
size_t eduplan_plan_finding_count(const eduplan_plan* p) {
  p = usable("eduplan_plan_finding_count", p);
  return p ? p->plan.findings.size() : 0;
}

eduplan_code eduplan_plan_finding(const eduplan_plan* p, size_t i, const char** rule,
                                  const char** severity, const char** message, int* line,
                                  const char** subject) {
  EDUPLAN_TRY(check_handle("eduplan_plan_finding", "plan", p));
  if (i >= p->plan.findings.size())
    return fail(EDUPLAN_E_USAGE, tr({"Index außerhalb des Bereichs", "index out of range"}));
  const auto& f = p->plan.findings[i];
  if (rule) *rule = f.rule.c_str();
  if (severity) *severity = p->severities[i].c_str();
  if (message) *message = f.message.c_str();
  if (line) *line = f.line;
  if (subject) *subject = f.subject.c_str();
  return EDUPLAN_OK;
}

eduplan_code eduplan_export(eduplan_db* db, const char* plan_name, const char* exporter,
                            const char* const* options, const char* plugin_dir,
                            const char* target) {
  return eduplan_export_period(db, plan_name, exporter, options, plugin_dir, target, nullptr);
}

eduplan_code eduplan_export_period(eduplan_db* db, const char* plan_name, const char* exporter,
                                   const char* const* options, const char* plugin_dir,
                                   const char* target, const char* period) {
  // Messages name the function the caller called.
  const char* const function = period ? "eduplan_export_period" : "eduplan_export";
  return guarded([&] {
    EDUPLAN_TRY(check_handle(function, "db", db));
    if (!plan_name || !exporter || !target) {
      return fail(EDUPLAN_E_USAGE, required(function, "db, plan_name, exporter, target"));
    }
    EDUPLAN_TRY(check_utf8(function, "plan_name", plan_name));
    EDUPLAN_TRY(check_utf8(function, "exporter", exporter));
    EDUPLAN_TRY(check_utf8(function, "period", period));
    EDUPLAN_TRY(check_period(function, period));
    std::map<std::string, std::string> values;
    for (const char* const* o = options; o && *o; ++o) {
      EDUPLAN_TRY(check_utf8(function, "option", *o));
      std::string kv(*o);
      const auto eq = kv.find('=');
      if (eq == std::string::npos || eq == 0)
        return fail(
            EDUPLAN_E_USAGE,
            tr({"Option muss key=value sein: {0}", "an option must be key=value: {0}"}, kv));
      values[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    bool exists = false;
    for (const auto& name : db->storage->plan_names()) exists |= name == plan_name;
    if (!exists) return not_found(plan_name);
    std::vector<std::filesystem::path> dirs;
    if (plugin_dir) dirs.emplace_back(plugin_dir);
    // The export reads the plan from the database itself, as a stream where it can.
    std::optional<std::string> chosen;
    if (period) chosen = period;
    eduplan::ExporterRegistry::discover_for(exporter, dirs)
        .export_stored_plan(exporter, db->path, plan_name, values, target, chosen);
    return EDUPLAN_OK;
  });
}

}  // extern "C"
