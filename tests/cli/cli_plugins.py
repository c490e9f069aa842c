"""The plugin loader: discovery, refusal of broken or unsafe modules, atomic output, options."""
import os
import shutil
import stat
import subprocess
import time
import unittest

from support import MODULES, PlanDbTest, run, run_env

BUNDLED = os.path.join(os.path.dirname(os.path.dirname(os.environ["EDUPLAN"])), "lib", "eduplan", "exporters")


class Discovery(PlanDbTest):
    def test_bundled_exporters_are_found_next_to_the_binary(self):
        result = run("plugins")
        self.assertExit(result, 0)
        for line in ("csv 1.0.0  .csv", "dot 1.0.0  .dot", "--option delimiter=semicolon|comma  (Standard: semicolon)",
                     f"geladen aus {os.path.realpath(BUNDLED)}/eduplan_csv.so"):
            self.assertIn(line, result.stdout)

    def test_broken_modules_are_refused_with_reasons(self):
        result = run("plugins", "--plugin-dir", MODULES)
        self.assertExit(result, 0)
        refused = result.stdout.split("Nicht geladen:")[1]
        self.assertIn("test_no_entry.so: kein Einsprungpunkt eduplan_exporter_entry", refused)
        self.assertIn("test_abi_major.so: ABI-Version 2.0 passt nicht zu eduplan (ABI 1.5)", refused)
        self.assertIn("test_abi_minor.so: ABI-Version 1.6 ist neuer als eduplan (ABI 1.5)", refused)
        for older in ("older10 0.0.1", "older11 0.0.1", "older12 0.0.1", "older13 0.0.1", "older14 0.0.1", "current15 0.0.1"):  # older minors load
            self.assertIn(older, result.stdout.split("Nicht geladen:")[0])

    def test_broken_option_declarations_are_refused_and_the_rest_still_works(self):
        result = run("plugins", "--plugin-dir", MODULES)
        self.assertExit(result, 0)
        refused = result.stdout.split("Nicht geladen:")[1]
        self.assertIn("test_options_null_list.so: 5 Optionen deklariert, aber keine Liste", refused)
        self.assertIn("test_options_bad_default.so: Option level: Standardwert „50“ ist selbst ungültig",
                      refused)
        self.assertIn("test_options_bad_range.so: Option level: Minimum größer als Maximum", refused)
        self.assertIn("test_options_spaced_name.so: Option 1: Name „two words“ ungültig", refused)
        self.assertIn("test_options_twice.so: Option level zweimal deklariert", refused)
        exported = self.export("csv", self.path("x.csv"), extra=["--plugin-dir", MODULES])
        self.assertExit(exported, 0)

    def test_ranges_are_shown_and_enforced_only_for_modules_that_declare_them(self):
        listing = run("plugins", "--plugin-dir", MODULES).stdout
        self.assertIn("--option rows-per-sheet=<int 10..1048576>  (Standard: 1048576)", listing)
        current = listing.split("current15 0.0.1")[1]
        self.assertIn("--option level=<int 1..9>", current.split("\n  ")[2])
        older = listing.split("older11 0.0.1")[1]
        self.assertIn("--option level=<int>", older.split("\n  ")[2])  # 1.1 knows no ranges
        for value, code in (("9", 0), ("1", 0), ("10", 2), ("0", 2), ("x", 2), ("99999999999999999999", 2)):
            result = self.export("current15", self.path("x.txt"), f"level={value}",
                                 extra=["--plugin-dir", MODULES])
            self.assertExit(result, code)
            if code:
                self.assertIn("erwartet eine ganze Zahl von 1 bis 9", result.stderr)
        self.assertExit(self.export("older11", self.path("y.txt"), "level=10",
                                    extra=["--plugin-dir", MODULES]), 0)
        result = self.export("xlsx", self.path("z.xlsx"), "rows-per-sheet=5")
        self.assertExit(result, 2)
        self.assertIn("rows-per-sheet=5 ungültig; erwartet eine ganze Zahl von 10 bis 1048576", result.stderr)

    def test_bundled_modules_export_only_their_entry_point(self):
        for module in ("eduplan_csv.so", "eduplan_dot.so", "eduplan_xlsx.so"):
            out = subprocess.run(["nm", "-D", "--defined-only", os.path.join(BUNDLED, module)],
                                 capture_output=True, text=True, check=True).stdout
            self.assertEqual([line.split()[-1] for line in out.splitlines()], ["eduplan_exporter_entry"], module)

    def test_disable_turns_loading_off(self):
        result = run_env(["plugins"], {"EDUPLAN_PLUGIN_PATH": "disable"})
        self.assertIn("abgeschaltet", result.stdout)
        exported = run_env(["export", "--db", self.db, "--format", "csv", "-o", self.path("x.csv")],
                           {"EDUPLAN_PLUGIN_PATH": "disable"})
        self.assertExit(exported, 2)
        self.assertFalse(os.path.exists(self.path("x.csv")))

    def test_environment_path_is_used_and_relative_entries_refused(self):
        result = run_env(["plugins"], {"EDUPLAN_PLUGIN_PATH": f"relativ/pfad:{MODULES}"})
        self.assertIn("fails 0.0.1", result.stdout)
        self.assertIn("relativer Pfad ignoriert", result.stdout)

    def test_current_directory_is_never_searched(self):
        shutil.copy(os.path.join(MODULES, "test_fails.so"), self.path("test_fails.so"))
        result = run("plugins", cwd=self.dir)
        self.assertNotIn("fails", result.stdout)

    def unsafe_dir(self, mode, file_mode=0o755):
        d = self.path(f"mods{mode:o}")
        os.mkdir(d)
        shutil.copy(os.path.join(MODULES, "test_fails.so"), d)
        os.chmod(os.path.join(d, "test_fails.so"), file_mode)
        os.chmod(d, mode)
        return d

    def test_world_writable_module_is_refused(self):
        d = self.unsafe_dir(0o755, file_mode=0o757)
        result = run("plugins", "--plugin-dir", d)
        self.assertIn("test_fails.so ist für Gruppe oder alle beschreibbar (chmod go-w", result.stdout)
        self.assertNotIn("fails 0.0.1", result.stdout)

    def test_group_writable_directory_is_refused_unless_sticky(self):
        result = run("plugins", "--plugin-dir", self.unsafe_dir(0o775))
        self.assertIn("ist für Gruppe oder alle beschreibbar", result.stdout)
        self.assertNotIn("fails 0.0.1", result.stdout)
        sticky = run("plugins", "--plugin-dir", self.unsafe_dir(0o777 | stat.S_ISVTX))
        self.assertIn("fails 0.0.1", sticky.stdout)

    def test_same_id_twice_first_wins(self):
        first, second = self.path("first"), self.path("second")
        for d in (first, second):
            os.mkdir(d)
            shutil.copy(os.path.join(MODULES, "test_fails.so"), d)
        result = run("plugins", "--plugin-dir", first, "--plugin-dir", second)
        self.assertIn(f"geladen aus {os.path.realpath(first)}/test_fails.so", result.stdout)
        self.assertIn(f"{os.path.realpath(second)}/test_fails.so: Kennung fails schon geladen", result.stdout)

    def test_bundled_exporters_cannot_be_shadowed(self):
        d = self.path("again")
        os.mkdir(d)
        shutil.copy(os.path.join(BUNDLED, "eduplan_csv.so"), os.path.join(d, "eduplan_csv.so"))
        for result in (run("plugins", "--plugin-dir", d),
                       run_env(["plugins"], {"EDUPLAN_PLUGIN_PATH": d})):
            self.assertIn(f"geladen aus {os.path.realpath(BUNDLED)}/eduplan_csv.so", result.stdout)
            self.assertIn(f"{os.path.realpath(d)}/eduplan_csv.so: Kennung csv gehört dem mitgelieferten Exporter",
                          result.stdout)

    def test_symlink_into_an_unsafe_directory_is_refused(self):
        unsafe = self.unsafe_dir(0o777)  # world-writable, not sticky: anyone may swap the file
        safe = self.path("safe")
        os.mkdir(safe)
        os.symlink(os.path.join(unsafe, "test_fails.so"), os.path.join(safe, "test_fails.so"))
        result = run("plugins", "--plugin-dir", safe)
        self.assertIn("(Ziel des Links", result.stdout)
        self.assertIn("ist für Gruppe oder alle beschreibbar", result.stdout)
        self.assertNotIn("fails 0.0.1", result.stdout)

    def test_unsafe_grandparent_directory_is_refused(self):
        top = self.path("top")
        inner = os.path.join(top, "inner")
        os.makedirs(inner)
        shutil.copy(os.path.join(MODULES, "test_fails.so"), inner)
        os.chmod(top, 0o777)  # whoever can write here can rename "inner" and put another in its place
        result = run("plugins", "--plugin-dir", inner)
        self.assertIn(f"Verzeichnis {top} ist für Gruppe oder alle beschreibbar", result.stdout)
        self.assertNotIn("fails 0.0.1", result.stdout)

    @unittest.skipUnless(os.geteuid() == 0, "needs root to give a file to another user")
    def test_module_of_another_user_is_refused(self):
        d = self.path("others")
        os.mkdir(d)
        module = os.path.join(d, "test_fails.so")
        shutil.copy(os.path.join(MODULES, "test_fails.so"), module)
        os.chown(module, 65534, 65534)  # nobody
        result = run("plugins", "--plugin-dir", d)
        self.assertIn("gehört weder root noch dem Benutzer", result.stdout)
        self.assertNotIn("fails 0.0.1", result.stdout)

    def test_empty_plugin_dir_is_a_usage_error(self):
        result = run("plugins", "--plugin-dir", "")
        self.assertExit(result, 2)
        self.assertIn("--plugin-dir: leerer Verzeichnisname", result.stderr)

    def test_a_plugin_dir_that_is_a_file_or_missing_is_named_as_such(self):
        file = self.write("modul.so", "")
        listing = run("plugins", "--plugin-dir", file, "--plugin-dir", self.path("fehlt")).stdout
        self.assertIn(f"{file}: ist kein Verzeichnis", listing)
        self.assertIn(f"{self.path('fehlt')}: Verzeichnis gibt es nicht", listing)


# Under AddressSanitizer with abort_on_error=1 (scripts/test.sh) the sanitizer catches the module's
# SIGSEGV, prints its report and aborts: the child then dies of SIGABRT, which eduplan reports as such.
SEGV_DEATH = ("Signal 6 (SIGABRT)" if "abort_on_error=1" in os.environ.get("ASAN_OPTIONS", "")
              else "Signal 11 (SIGSEGV)")


class Isolation(PlanDbTest):
    """A module that crashes, aborts, exits or hangs fails alone: eduplan reports it and goes on."""

    def setUp(self):
        super().setUp()
        self.target = self.write("report.txt", "the old report\n")

    def assertUntouched(self):
        with open(self.target) as f:
            self.assertEqual(f.read(), "the old report\n")
        self.assertEqual(sorted(os.listdir(self.dir)), ["plan.db", "report.txt"], "temporary file left behind")

    def test_a_crashing_entry_point_is_refused_and_the_rest_still_works(self):
        result = run("plugins", "--plugin-dir", MODULES)
        self.assertExit(result, 0)
        refused = result.stdout.split("Nicht geladen:")[1]
        self.assertIn(f"test_misbehaves_entry_crash.so: beim Laden abgestürzt ({SEGV_DEATH})", refused)
        self.assertIn("test_misbehaves_null_options.so: 5 Optionen deklariert, aber keine Liste", refused)
        csv = self.export("csv", self.path("plan.csv"), extra=["--plugin-dir", MODULES])
        self.assertExit(csv, 0)

    def test_a_module_that_hangs_while_loading_costs_only_exports_that_reach_it(self):
        # Modules are tried in the search order (the bundled ones first) until the wanted id is
        # found; this one never returns from its entry point, which costs the load time limit.
        hanging = os.path.join(os.path.dirname(MODULES), "modules-hang")
        started = time.monotonic()
        csv = self.export("csv", self.path("plan.csv"), extra=["--plugin-dir", hanging])
        self.assertExit(csv, 0)
        self.assertLess(time.monotonic() - started, 8)  # well below the 10 s load limit
        os.remove(self.path("plan.csv"))
        unknown = self.export("keiner", self.target, extra=["--plugin-dir", hanging])
        self.assertExit(unknown, 2)
        self.assertIn("test_misbehaves_entry_hang.so: beim Laden nach 10 s abgebrochen (Zeitlimit)",
                      unknown.stderr)
        self.assertUntouched()

    def test_every_way_of_dying_is_reported_with_the_module(self):
        cases = {"segv": f"abgestürzt ({SEGV_DEATH})", "aborts": "abgestürzt (Signal 6 (SIGABRT))",
                 "exits0": "hat den Prozess mit Exit-Code 0 beendet, ohne fertig zu werden",
                 "exits3": "hat den Prozess mit Exit-Code 3 beendet, ohne fertig zu werden"}
        for module_id, what in cases.items():
            result = self.export(module_id, self.target, extra=["--plugin-dir", MODULES])
            self.assertExit(result, 2)
            self.assertIn(f"Exporter {module_id} ist fehlgeschlagen: {os.path.realpath(MODULES)}/test_misbehaves_",
                          result.stderr)
            self.assertIn(what, result.stderr)
            self.assertIn("unverändert", result.stderr)
            self.assertUntouched()

    def test_time_limits_out_of_range_are_refused(self):
        for value in ("-1", "604801", "99999999999"):
            result = self.export("csv", self.path("x.csv"), extra=["--plugin-timeout", value])
            self.assertExit(result, 2)
            self.assertFalse(os.path.exists(self.path("x.csv")))

    def test_a_hanging_module_is_stopped_at_the_time_limit(self):
        result = self.export("hangs", self.target, extra=["--plugin-dir", MODULES, "--plugin-timeout", "2"])
        self.assertExit(result, 2)
        self.assertIn("nach 2 s abgebrochen (Zeitlimit)", result.stderr)
        self.assertUntouched()

    def test_what_a_module_starts_ends_with_its_run(self):
        # A process the module started used to outlive the export, holding the host's pipe, so that
        # an export that had succeeded waited for the time limit and then failed.
        pidfile = self.path("pid")
        started = time.monotonic()
        result = run_env(["export", "--db", self.db, "--format", "forks", "-o", self.target,
                          "--plugin-dir", MODULES, "--plugin-timeout", "30"], {"EDUPLAN_TEST_PIDFILE": pidfile})
        self.assertExit(result, 0)
        self.assertLess(time.monotonic() - started, 20)
        with open(pidfile) as f:
            pid = int(f.read())
        def gone():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    return f.read().split()[2] == "Z"  # killed, not yet reaped by init
            except FileNotFoundError:
                return True
        for _ in range(50):  # SIGKILL is delivered at once; the kernel may take a moment
            if gone():
                break
            time.sleep(0.1)
        else:
            self.fail(f"process {pid} the module started is still running")

    def test_a_dying_module_in_a_batch_fails_only_its_reports(self):
        out = self.path("batch")
        result = run("export", "--db", self.db, "--format", "segv", "--per", "division", "--output-dir", out,
                     "--plugin-dir", MODULES)
        self.assertExit(result, 1)
        self.assertIn("0 von 5 Berichten geschrieben", result.stdout)
        self.assertEqual(os.listdir(out), [])


class ModuleMessages(PlanDbTest):
    """A module's own failures in the language the user chose with --lang (ABI 1.5 hands it to the
    module), whatever language the report itself is in."""

    def test_bundled_modules_answer_in_the_chosen_language(self):
        cases = [
            (["--format", "xlsx", "--option", "tmpdir=/nicht/da"],
             "tmpdir /nicht/da ist kein Verzeichnis", "tmpdir /nicht/da is not a directory"),
            (["--format", "xlsx", "--option", "date=2026-13-01"],
             "date=2026-13-01: ein Datum wie 2026-11-26 erwartet",
             "date=2026-13-01: a date such as 2026-11-26 expected"),
            (["--format", "dot", "--option", "field=Nirgends"],
             "kein Handlungsfeld „Nirgends“ im Plan; es gibt: „Bildungsplanung/ Infrastruktur“",
             'no field "Nirgends" in the plan; there are: "Bildungsplanung/ Infrastruktur"'),
            (["--format", "dot", "--option", "view=cooperation", "--option", "min-weight=999"],
             "min-weight=999 lässt keine Verbindung übrig; die stärkste hat das Gewicht",
             "min-weight=999 leaves no connection; the strongest has the weight"),
        ]
        target = self.path("bericht")
        for args, german, english in cases:
            with self.subTest(args=args):
                de = run("export", "--db", self.db, "-o", target, *args)
                self.assertExit(de, 2)
                self.assertIn(german, de.stderr)
                # English messages, also for a German report (the report's own lang option)
                en = run("--lang", "en", "export", "--db", self.db, "-o", target, *args,
                         *(["--option", "lang=de"] if args[1] == "xlsx" else []))
                self.assertExit(en, 2)
                self.assertIn(english, en.stderr)
                self.assertNotIn(german, en.stderr)
                self.assertFalse(os.path.exists(target))


class EnglishDescriptions(PlanDbTest):
    """`eduplan --lang en plugins` describes the bundled exporters and their options in English (ABI
    1.5); a module without English texts keeps its own."""

    def test_descriptions_and_help_follow_the_language(self):
        english = run("--lang", "en", "plugins", "--plugin-dir", MODULES)
        self.assertExit(english, 0)
        for line in ("csv 1.0.0  .csv  CSV tables (RFC 4180, for Excel or other programs)",
                     "dot 1.0.0  .dot  Graphviz networks: responsibilities and cooperation",
                     "xlsx 1.0.0  .xlsx  Excel report: overview, fields, matrix, lists; ready to print",
                     "        field separator (semicolon for German Excel)",
                     "        leave out edges of a smaller weight",
                     "        rows per sheet before a table continues on another sheet",
                     "current15 0.0.1  .txt  ABI test", "        a number"):
            self.assertIn(line, english.stdout)
        for german in ("CSV-Tabellen", "Trennzeichen", "Kanten mit geringerem Gewicht", "Zeilen je Blatt",
                       "Sprache der Blattnamen"):
            self.assertNotIn(german, english.stdout)
        deutsch = run("plugins")
        self.assertIn("csv 1.0.0  .csv  CSV-Tabellen (RFC 4180, für Excel oder andere Programme)", deutsch.stdout)
        self.assertIn("        Trennzeichen (semicolon für deutsches Excel)", deutsch.stdout)
        help_text = run("--lang", "en", "export", "--format", "xlsx", "--help")
        self.assertExit(help_text, 0)
        self.assertIn("xlsx 1.0.0: Excel report: overview, fields, matrix, lists; ready to print", help_text.stdout)
        self.assertIn("date of the report (YYYY-MM-DD)", help_text.stdout)


class AtomicOutput(PlanDbTest):
    def setUp(self):
        super().setUp()
        self.target = self.write("report.txt", "the old report\n")

    def assertUntouched(self):
        with open(self.target) as f:
            self.assertEqual(f.read(), "the old report\n")
        self.assertEqual(sorted(os.listdir(self.dir)), ["plan.db", "report.txt"], "temporary file left behind")

    def test_exporter_failing_halfway(self):
        result = self.export("fails", self.target, extra=["--plugin-dir", MODULES])
        self.assertExit(result, 2)
        self.assertIn("Exporter fails ist fehlgeschlagen: Testfehler nach der Hälfte", result.stderr)
        self.assertUntouched()

    def test_exporter_throwing_through_the_helper(self):
        result = self.export("throws", self.target, extra=["--plugin-dir", MODULES])
        self.assertExit(result, 2)
        self.assertIn("Absicht: Ausnahme im Exporter", result.stderr)
        self.assertUntouched()

    def test_exception_escaping_a_raw_module(self):
        result = self.export("raw-throws", self.target, extra=["--plugin-dir", MODULES])
        self.assertExit(result, 2)
        self.assertIn("Ausnahme ist aus dem Exporter entkommen", result.stderr)
        self.assertUntouched()

    def test_refused_modules_cannot_be_used(self):
        for module_id in ("major2", "minor16"):
            result = self.export(module_id, self.target, extra=["--plugin-dir", MODULES])
            self.assertExit(result, 2)
            self.assertIn(f"kein Exporter „{module_id}“", result.stderr)
            self.assertIn("ABI-Version", result.stderr)  # the refusal is explained
        self.assertUntouched()

    def test_success_replaces_the_target(self):
        self.assertExit(self.export("csv", self.target), 0)
        with open(self.target, encoding="utf-8-sig") as f:
            self.assertTrue(f.read().startswith("art;feldnr;handlungsfeld"))
        self.assertEqual(sorted(os.listdir(self.dir)), ["plan.db", "report.txt"])

    def test_missing_directory_and_directory_target(self):
        result = self.export("csv", self.path("nope/x.csv"))
        self.assertExit(result, 2)
        self.assertIn("x.csv: das Verzeichnis", result.stderr)
        self.assertIn("gibt es nicht", result.stderr)
        self.assertExit(self.export("csv", self.dir), 2)

    def test_unwritable_location(self):
        result = self.export("csv", "/proc/eduplan-test.csv")
        self.assertExit(result, 2)
        self.assertIn("kann nicht geschrieben werden", result.stderr)


class Options(PlanDbTest):
    def test_help_is_generated_from_the_declaration(self):
        result = run("export", "--format", "dot", "--help")
        self.assertExit(result, 0)
        self.assertIn("--option view=responsibility|cooperation|fields", result.stdout)
        self.assertIn("--option min-weight=<int 1..1000000>", result.stdout)
        self.assertExit(run("export", "--help"), 0)

    def test_bad_options_are_refused_before_the_exporter_runs(self):
        target = self.path("x.csv")
        for option, expected in [("colour=red", "kennt die Option colour nicht; Optionen: table, delimiter"),
                                 ("delimiter=tab", "erwartet einen von: semicolon, comma"),
                                 ("bom=ja", "erwartet true oder false"),
                                 ("bom", "--option erwartet KEY=VALUE")]:
            result = self.export("csv", target, option)
            self.assertExit(result, 2)
            self.assertIn(expected, result.stderr)
            self.assertFalse(os.path.exists(target))
        result = self.export("dot", target, "min-weight=viele")
        self.assertIn("erwartet eine ganze Zahl", result.stderr)

    def test_unknown_exporter_lists_the_known(self):
        result = self.export("pdf", self.path("x.pdf"))
        self.assertExit(result, 2)
        self.assertIn("kein Exporter „pdf“", result.stderr)
        self.assertIn("csv", result.stderr)

    def test_default_file_name_is_made_safe(self):
        self.assertExit(run("import", os.path.join(os.environ["EDUPLAN_EXAMPLES"], "bildungskonzept.md"),
                            "--db", self.db, "--plan", "Dezernat IV/ Bibliothek: Plan?"), 0)
        result = run("export", "--db", os.path.abspath(self.db), "--plan", "Dezernat IV/ Bibliothek: Plan?",
                     "--format", "csv", cwd=self.dir)
        self.assertExit(result, 0)
        self.assertTrue(os.path.exists(self.path("Dezernat IV Bibliothek Plan.csv")), os.listdir(self.dir))


if __name__ == "__main__":
    import unittest
    unittest.main()
