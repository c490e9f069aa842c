"""The complete example in docs/plugin-sdk.md compiles, loads and exports."""
import os
import re
import subprocess

from support import PlanDbTest, run

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CXX = os.environ.get("EDUPLAN_CXX", "c++")


class SdkExample(PlanDbTest):
    def test_documented_exporter_builds_and_runs(self):
        with open(os.path.join(ROOT, "docs", "plugin-sdk.md"), encoding="utf-8") as f:
            code = re.search(r"```cpp\n(.*?)```", f.read(), re.S).group(1)
        source = self.write("unit_list.cc", code)
        plugins = self.path("plugins")
        os.mkdir(plugins)
        module = os.path.join(plugins, "unit_list.so")
        subprocess.run([CXX, "-std=c++20", "-O1", "-shared", "-fPIC", "-fvisibility=hidden", "-Wall", "-Werror",
                        "-I", os.path.join(ROOT, "sdk", "include"), source, "-o", module], check=True)
        listed = run("plugins", "--plugin-dir", plugins)
        self.assertIn("unit-list 1.0.0", listed.stdout)
        self.assertIn("--option order=name|count", listed.stdout)
        target = self.path("units.txt")
        result = run("export", "--db", self.db, "--plugin-dir", plugins, "--format", "unit-list",
                     "--option", "order=count", "-o", target)
        self.assertExit(result, 0)
        with open(target, encoding="utf-8") as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[0], "Stabsstelle Bildung und Wissenschaft\t21")
        self.assertEqual(len(lines), 26)


if __name__ == "__main__":
    import unittest
    unittest.main()
