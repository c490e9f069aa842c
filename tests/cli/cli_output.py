"""Output files: a killed export's temporary file is removed by the next run, a report keeps the
permissions of the file it replaces, and new reports follow the umask."""
import os
import signal
import stat
import subprocess
import time
import unittest

from support import EDUPLAN, MODULES, PlanDbTest


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class OutputFiles(PlanDbTest):
    def export_with_umask(self, mask, *args):
        return subprocess.run([EDUPLAN, "export", "--db", self.db, *args], capture_output=True, text=True,
                              timeout=120, preexec_fn=lambda: os.umask(mask))

    def test_a_killed_export_leaves_a_temporary_that_the_next_run_removes(self):
        out = self.path("berichte")
        os.mkdir(out)
        killed = subprocess.Popen([EDUPLAN, "export", "--db", self.db, "--plugin-dir", MODULES, "--format",
                                   "sleeps", "-o", os.path.join(out, "bericht.txt")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        temporaries = []
        while time.monotonic() < deadline and not temporaries:
            temporaries = [n for n in os.listdir(out) if n.startswith(".bericht.txt.tmp-")]
            time.sleep(0.05)
        self.assertEqual(len(temporaries), 1, os.listdir(out))
        temporary = os.path.join(out, temporaries[0])
        while time.monotonic() < deadline and os.path.getsize(temporary) == 0:
            time.sleep(0.05)
        self.assertEqual(mode(temporary), 0o600)  # private while it is written
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=60)
        self.assertEqual(os.listdir(out), temporaries)  # left behind, with half a report
        # Not ours: a file that only looks like a temporary.
        lookalike = os.path.join(out, ".bericht.txt.tmp-entwurf")
        with open(lookalike, "w") as f:
            f.write("Notizen")
        result = self.export("csv", os.path.join(out, "plan.csv"))
        self.assertExit(result, 0)
        self.assertEqual(sorted(os.listdir(out)), [".bericht.txt.tmp-entwurf", "plan.csv"])

    def test_a_private_report_stays_private(self):
        for fmt, name in (("csv", "plan.csv"), ("xlsx", "plan.xlsx"), ("dot", "plan.dot")):
            target = self.path(name)
            with open(target, "w") as f:
                f.write("vertraulich")
            os.chmod(target, 0o600)
            self.assertExit(self.export(fmt, target), 0)
            self.assertEqual(mode(target), 0o600, fmt)
            self.assertGreater(os.path.getsize(target), len("vertraulich"))
            os.chmod(target, 0o640)
            self.assertExit(self.export(fmt, target), 0)
            self.assertEqual(mode(target), 0o640, fmt)

    def test_new_reports_follow_the_umask(self):
        for mask, expected in ((0o022, 0o644), (0o027, 0o640), (0o077, 0o600)):
            target = self.path(f"plan-{mask:o}.xlsx")
            result = self.export_with_umask(mask, "--format", "xlsx", "-o", target)
            self.assertExit(result, 0)
            self.assertEqual(mode(target), expected, oct(mask))
        out = self.path("steckbriefe")
        self.assertExit(self.export_with_umask(0o077, "--format", "csv", "--per", "division", "--output-dir", out), 0)
        self.assertGreater(len(os.listdir(out)), 3)
        for name in os.listdir(out):
            self.assertEqual(mode(os.path.join(out, name)), 0o600, name)


if __name__ == "__main__":
    unittest.main()
