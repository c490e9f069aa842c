-- The flat plan table of `eduplan export --format csv` for the sqlite3 shell: the yardstick
-- for the CSV export (bench/run_exports.sh, docs/performance.md). One row per responsibility
-- and one per focus area without a unit, in document order, with the same columns and values
-- (tests/cli/cli_bench_fair.py compares them). Left out, so that the yardstick stays a single
-- ordered join: the few rows per field for its objectives and for an empty field, the further
-- columns ("merkmal:…"), the byte-order mark and the formula neutralisation.
--   sqlite3 -cmd '.parameter set @plan NAME' -cmd '.output OUT.csv' DB '.read bench/flat_table.sql'
.headers on
.mode csv
.separator ;
SELECT CASE WHEN r.org_unit_id IS NULL THEN 'Schwerpunkt' ELSE 'Zuständigkeit' END AS art,
       f.position + 1 AS feldnr,
       f.title AS handlungsfeld,
       fa.position + 1 AS nr,
       fa.text AS schwerpunkt,
       CASE WHEN u.is_division THEN u.name ELSE coalesce(d.name, '') END AS dezernat,
       CASE WHEN u.is_division THEN '' ELSE coalesce(u.name, '') END AS einheit,
       '' AS ableitung
FROM plan p
JOIN field f ON f.plan_id = p.id
JOIN focus_area fa ON fa.field_id = f.id
LEFT JOIN responsibility r ON r.focus_area_id = fa.id
LEFT JOIN org_unit u ON u.id = r.org_unit_id
LEFT JOIN org_unit d ON d.id = u.parent_id
WHERE p.name = @plan
ORDER BY f.position, fa.position, r.position;
