"""Helpers for the end-to-end tests: run the real eduplan binary on real files."""
import hashlib
import os
import subprocess
import tempfile
import unittest

EDUPLAN = os.environ["EDUPLAN"]
EXAMPLES = os.environ["EDUPLAN_EXAMPLES"]
TEST_DATA = os.environ["EDUPLAN_TEST_DATA"]
SQLITE3 = os.environ.get("SQLITE3", "sqlite3")
SEED = os.path.join(EXAMPLES, "bildungskonzept.md")
UNITS = os.path.join(EXAMPLES, "verwaltungsgliederung.csv")


def run(*args, cwd=None):
    """Runs eduplan; returns CompletedProcess with text stdout/stderr."""
    return subprocess.run([EDUPLAN, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def query(db, sql):
    """Rows of an SQL query, read with the sqlite3 command-line shell (not with eduplan)."""
    out = subprocess.run([SQLITE3, "-batch", "-noheader", "-separator", "\t", db, sql],
                         capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def scalar(db, sql):
    return query(db, sql)[0][0]


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="eduplan-test-")
        self.dir = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, content):
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(self.path(name), mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(content)
        return self.path(name)

    def assertExit(self, result, code):
        self.assertEqual(result.returncode, code, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")


MODULES = os.environ.get("EDUPLAN_TEST_MODULES", "")


def run_env(args, env_changes, cwd=None):
    """Runs eduplan with environment changes (a value None removes the variable)."""
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([EDUPLAN, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


class PlanDbTest(TempDirTest):
    """A temporary directory with the seed imported into plan.db."""

    def setUp(self):
        super().setUp()
        self.db = self.path("plan.db")
        result = run("import", SEED, "--db", self.db, "--units", UNITS)
        self.assertExit(result, 0)

    def export(self, fmt, target, *options, extra=()):
        args = ["export", "--db", self.db, "--format", fmt, "-o", target, *extra]
        for o in options:
            args += ["--option", o]
        return run(*args)
