"""The C API from Python (ctypes) against the installed libeduplan: read, store, query, export.
Usage: c_api.py LIBEDUPLAN SOURCE_DIR WORK_DIR"""
import ctypes as C
import os
import sys

lib_path, source, work = sys.argv[1:4]
lib = C.CDLL(lib_path)
P = C.c_void_p
lib.eduplan_version.restype = C.c_char_p
lib.eduplan_last_error.restype = C.c_char_p
for name in ("eduplan_plan_field_title", "eduplan_plan_focus_area_text", "eduplan_plan_unit_name",
             "eduplan_plan_name", "eduplan_names_get"):
    getattr(lib, name).restype = C.c_char_p
for name in ("eduplan_plan_field_count", "eduplan_plan_focus_area_count", "eduplan_plan_focus_area_unit_count",
             "eduplan_plan_unit_count", "eduplan_plan_finding_count", "eduplan_names_count"):
    getattr(lib, name).restype = C.c_size_t
lib.eduplan_plan_focus_area_unit.restype = C.c_long
lib.eduplan_plan_unit_division.restype = C.c_long
for name in ("eduplan_plan_field_title", "eduplan_plan_focus_area_count", "eduplan_plan_unit_name",
             "eduplan_plan_unit_division", "eduplan_plan_unit_is_division", "eduplan_names_get"):
    getattr(lib, name).argtypes = [P, C.c_size_t]
lib.eduplan_plan_focus_area_unit_count.argtypes = [P, C.c_size_t, C.c_size_t]
lib.eduplan_plan_focus_area_text.argtypes = [P, C.c_size_t, C.c_size_t]
lib.eduplan_plan_focus_area_unit.argtypes = [P, C.c_size_t, C.c_size_t, C.c_size_t]
for name in ("eduplan_plan_field_count", "eduplan_plan_unit_count", "eduplan_plan_finding_count", "eduplan_plan_name",
             "eduplan_plan_free", "eduplan_db_close", "eduplan_names_count", "eduplan_names_free"):
    getattr(lib, name).argtypes = [P]


def check(code, expected=0):
    assert code == expected, f"code {code}, expected {expected}: {lib.eduplan_last_error().decode()}"


def s(text):
    return text.encode()


assert lib.eduplan_version().decode().count(".") == 2
db = P()
check(lib.eduplan_db_open(s(os.path.join(work, "c_api.db")), C.byref(db)))
plan = P()
check(lib.eduplan_read(s(os.path.join(source, "examples", "bildungskonzept.md")),
                       s(os.path.join(source, "examples", "verwaltungsgliederung.csv")), s("Konzept"), C.byref(plan)))
check(lib.eduplan_db_save(db, plan))
lib.eduplan_plan_free(plan)

names = P()
check(lib.eduplan_db_plans(db, C.byref(names)))
assert [lib.eduplan_names_get(names, i).decode() for i in range(lib.eduplan_names_count(names))] == ["Konzept"]
lib.eduplan_names_free(names)

plan = P()
check(lib.eduplan_db_load(db, s("Konzept"), C.byref(plan)))
fields = lib.eduplan_plan_field_count(plan)
assert [lib.eduplan_plan_focus_area_count(plan, f) for f in range(fields)] == [12, 8, 6, 7, 11, 11]
assert lib.eduplan_plan_field_title(plan, 2).decode() == "MINT"
units = {lib.eduplan_plan_unit_name(plan, u).decode(): u for u in range(lib.eduplan_plan_unit_count(plan))}
museum = lib.eduplan_plan_unit_division(plan, units["Museum für Naturkunde"])
assert lib.eduplan_plan_unit_name(plan, museum).decode() == "Dezernat IV"
assert lib.eduplan_plan_unit_is_division(plan, units["Dezernat III"]) == 1
responsibilities = sum(lib.eduplan_plan_focus_area_unit_count(plan, f, a)
                       for f in range(fields) for a in range(lib.eduplan_plan_focus_area_count(plan, f)))
assert responsibilities == 135, responsibilities
archive = [lib.eduplan_plan_focus_area_text(plan, f, a).decode()
           for f in range(fields) for a in range(lib.eduplan_plan_focus_area_count(plan, f))
           for k in range(lib.eduplan_plan_focus_area_unit_count(plan, f, a))
           if lib.eduplan_plan_focus_area_unit(plan, f, a, k) == units["Stadtarchiv"]]
assert len(archive) == 7
assert lib.eduplan_plan_finding_count(plan) == 11
lib.eduplan_plan_free(plan)

# A broken document: code EDUPLAN_E_INPUT, and its findings with line.
bad = os.path.join(work, "bad.md")
with open(bad, "w", encoding="utf-8") as f:
    f.write("## Handlungsfeld A\n| Schwerpunkt | Verwaltungsbereich |\n|--|--|\n| x | y | z |\n")
plan = P()
check(lib.eduplan_read(s(bad), None, None, C.byref(plan)), 1)
rule, severity, line = C.c_char_p(), C.c_char_p(), C.c_int()
check(lib.eduplan_plan_finding(plan, C.c_size_t(0), C.byref(rule), C.byref(severity), None, C.byref(line), None))
assert (rule.value, severity.value, line.value) == (b"table-cell-count", b"error", 4)
check(lib.eduplan_db_save(db, plan), 1)
lib.eduplan_plan_free(plan)

# Export with a named exporter, found beside the library without any path.
target = os.path.join(work, "c_api.xlsx")
options = (C.c_char_p * 2)(b"lang=en", None)
check(lib.eduplan_export(db, s("Konzept"), s("xlsx"), options, None, s(target)))
assert os.path.getsize(target) > 0
check(lib.eduplan_export(db, s("Konzept"), s("pdf"), None, None, s(target)), 2)
assert "pdf" in lib.eduplan_last_error().decode()
check(lib.eduplan_db_load(db, s("fehlt"), C.byref(plan)), 5)
assert lib.eduplan_last_error().decode() == "kein Plan „fehlt“"
check(lib.eduplan_read(s(os.path.join(work, "none.md")), None, None, C.byref(plan)), 3)

# A broken units directory: EDUPLAN_E_INPUT, and *out holds its findings with the CSV's line.
broken_units = os.path.join(work, "units.csv")
with open(broken_units, "w", encoding="utf-8") as f:
    f.write("unit,division,aliases\nJugendamt,Dezernat V\n")
plan = P()
check(lib.eduplan_read(s(os.path.join(source, "examples", "bildungskonzept.md")), s(broken_units), None,
                       C.byref(plan)), 1)
assert plan.value, "no plan handle for a broken directory"
assert lib.eduplan_plan_finding_count(plan) == 1
check(lib.eduplan_plan_finding(plan, C.c_size_t(0), C.byref(rule), None, None, C.byref(line), None))
assert (rule.value, line.value) == (b"directory-invalid", 2)
assert lib.eduplan_last_error().decode().startswith(broken_units + ":2: ")
lib.eduplan_plan_free(plan)

# Messages in English on request; an unknown language is refused.
check(lib.eduplan_set_language(b"en_GB.UTF-8"))
check(lib.eduplan_db_load(db, s("fehlt"), C.byref(plan)), 5)
assert lib.eduplan_last_error().decode() == 'no plan "fehlt"', lib.eduplan_last_error()
check(lib.eduplan_set_language(b"fr"), 2)
check(lib.eduplan_set_language(b"de"))

# Plans: list with figures, rename, delete.
lib.eduplan_plan_list_name.restype = C.c_char_p
lib.eduplan_plan_list_imported_at.restype = C.c_char_p
lib.eduplan_plan_list_name.argtypes = [P, C.c_size_t]
lib.eduplan_plan_list_imported_at.argtypes = [P, C.c_size_t]
lib.eduplan_plan_list_count.restype = C.c_size_t
lib.eduplan_plan_list_count.argtypes = [P]
lib.eduplan_plan_list_free.argtypes = [P]
lib.eduplan_plan_list_figures.argtypes = [P, C.c_size_t] + [C.POINTER(C.c_size_t)] * 4
check(lib.eduplan_db_rename_plan(db, s("Konzept"), s("Konzept 2025")))
check(lib.eduplan_db_rename_plan(db, s("Konzept"), s("X")), 5)
listing = P()
check(lib.eduplan_db_list_plans(db, C.byref(listing)))
assert lib.eduplan_plan_list_count(listing) == 1
assert lib.eduplan_plan_list_name(listing, 0).decode() == "Konzept 2025"
assert lib.eduplan_plan_list_imported_at(listing, 0).decode().endswith("Z")
figures = [C.c_size_t() for _ in range(4)]
check(lib.eduplan_plan_list_figures(listing, 0, *[C.byref(x) for x in figures]))
assert [x.value for x in figures] == [6, 55, 135, 14], [x.value for x in figures]
check(lib.eduplan_plan_list_figures(listing, 1, None, None, None, None), 2)
assert lib.eduplan_plan_list_name(listing, 1) is None
lib.eduplan_plan_list_free(listing)
check(lib.eduplan_db_delete_plan(db, s("Konzept 2025")))
check(lib.eduplan_db_delete_plan(db, s("Konzept 2025")), 5)

# A plan name that is not UTF-8 is refused before anything is read or stored.
plan = P()
check(lib.eduplan_read(s(os.path.join(source, "examples", "bildungskonzept.md")), None, b"Plan \xff",
                       C.byref(plan)), 2)
assert "UTF-8" in lib.eduplan_last_error().decode()
lib.eduplan_db_close(db)
print("c api: ok")
