"""core/src is grouped by stage of the data flow; includes say which stage they cross into and
only ever point backwards along the flow (a stage may use earlier stages, never later ones).
Public headers include only public headers and never SQLite, libxlsxwriter or Program_options.

Usage: check_layout.py CORE_DIR
"""
import os
import re
import sys

# The stages in data-flow order (docs/architecture.md).
STAGES = ["util", "model", "parse", "resolve", "rules", "read", "storage", "monitor", "export", "api"]
FORBIDDEN_IN_PUBLIC = ("sqlite3.h", "xlsxwriter.h", "boost/program_options")


def includes(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', line)
            if m:
                yield number, m.group(1), m.group(2)


def main(core):
    problems = []
    src = os.path.join(core, "src")
    for stage in sorted(os.listdir(src)):
        if stage not in STAGES:
            problems.append(f"core/src/{stage}: not a stage ({', '.join(STAGES)})")
            continue
        for root, _, files in os.walk(os.path.join(src, stage)):
            for f in files:
                path = os.path.join(root, f)
                rel = os.path.relpath(path, core)
                for number, kind, target in includes(path):
                    if kind == "<":
                        continue
                    head = target.split("/")[0]
                    if head == "eduplan":
                        continue
                    if head not in STAGES:
                        problems.append(f"{rel}:{number}: \"{target}\" does not name its stage")
                    elif STAGES.index(head) > STAGES.index(stage):
                        problems.append(f"{rel}:{number}: {stage} includes the later stage {head} "
                                        f"(\"{target}\")")
    public = os.path.join(core, "include", "eduplan")
    for f in sorted(os.listdir(public)):
        for number, kind, target in includes(os.path.join(public, f)):
            if kind == '"' and not target.startswith("eduplan/"):
                problems.append(f"include/eduplan/{f}:{number}: includes the internal \"{target}\"")
            if any(target.startswith(x) for x in FORBIDDEN_IN_PUBLIC):
                problems.append(f"include/eduplan/{f}:{number}: exposes <{target}>")
    for p in problems:
        print(p)
    print(f"{len(problems)} layout problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
