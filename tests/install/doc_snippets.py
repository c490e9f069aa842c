"""Runs the code in a document exactly as printed, against an installed eduplan.

Annotated code blocks (the info string after the language):
  ```cpp file=konzept/main.cpp     the block is written to that file (relative to a work directory)
  ```sh run                        the block is run with bash -e in the work directory
  ```text output                   must be, exactly, the last lines the run block before it printed
Every cpp, c and cmake block must carry file=, so that nothing printed goes untested. The one
liberty taken: the documented prefix /opt/eduplan is replaced by the prefix under test.

Usage: doc_snippets.py DOCUMENT PREFIX WORK_DIR [ENV=VALUE ...]
"""
import os
import re
import subprocess
import sys

DOC_PREFIX = "/opt/eduplan"
BLOCK = re.compile(r"^```(\w+)([^\n]*)\n(.*?)^```\s*$", re.S | re.M)


def main(document, prefix, work, env_pairs):
    with open(document, encoding="utf-8") as f:
        text = f.read()
    env = dict(os.environ)
    env.update(pair.split("=", 1) for pair in env_pairs)
    os.makedirs(work, exist_ok=True)
    last_output, ran, written = None, 0, 0
    for match in BLOCK.finditer(text):
        language, info, body = match.group(1), match.group(2).strip(), match.group(3)
        line = text.count("\n", 0, match.start()) + 1
        where = f"{document}:{line}"
        if info.startswith("file="):
            path = os.path.join(work, info[len("file="):])
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(body.replace(DOC_PREFIX, prefix))
            written += 1
        elif language in ("cpp", "c", "cmake"):
            print(f"{where}: a {language} block without file= (every snippet must be tested)")
            return 1
        elif info == "run":
            script = body.replace(DOC_PREFIX, prefix)
            result = subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env, capture_output=True,
                                    text=True, timeout=600)
            if result.returncode != 0:
                print(f"{where}: exit {result.returncode}\n--- script\n{script}\n--- stdout\n{result.stdout}"
                      f"\n--- stderr\n{result.stderr}")
                return 1
            last_output = result.stdout.replace(prefix, DOC_PREFIX)
            ran += 1
        elif info == "output":
            expected = body.splitlines()
            printed = (last_output or "").splitlines()
            if last_output is None or printed[-len(expected):] != expected:
                print(f"{where}: the documented output is not what the commands printed\n--- documented\n{body}"
                      f"--- printed\n{last_output}")
                return 1
    print(f"{document}: {written} files written, {ran} command blocks run")
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
