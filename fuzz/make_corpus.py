#!/usr/bin/python3
"""Writes the fuzz targets' seed corpus (fuzz/corpus/<target>/) from the examples and the tests' data.

Usage: fuzz/make_corpus.py BUILD_DIR   (a default build: its bin/eduplan exports the flat CSV seeds)

The seeds are committed; run this again after the input formats grow, then look at `git status`.
Office seeds need pandoc and LibreOffice (scripts/install-deps.sh installs both). The seeds are
small on purpose: libFuzzer mutates from them, and a large seed slows every run."""
import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "cli"))
import office_files  # noqa: E402
import variants  # noqa: E402

CORPUS = os.path.join(ROOT, "fuzz", "corpus")
EXAMPLE_PLAN = os.path.join(ROOT, "examples", "bildungskonzept.md")
EXAMPLE_UNITS = os.path.join(ROOT, "examples", "verwaltungsgliederung.csv")
RULES = os.path.join(ROOT, "tests", "data", "rules")
PRINT = os.path.join(ROOT, "tests", "data", "print")

# Variants of tests/cli/variants.py that change the document's form (each a separate seed).
VARIANTS = ["nfd", "crlf", "bom", "windows-1252", "utf-16", "old-mac-line-ends", "heading-number-before",
            "heading-setext", "heading-attributes", "objectives-in-header-row", "objectives-bullet-list",
            "html-entities", "markdown-escapes", "no-outer-pipes", "combined", "third-column"]


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(target, name, content):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as f:
        f.write(content.encode("utf-8") if isinstance(content, str) else content)


def small_plan():
    """The example plan's title and first two fields: its forms, at a third of its size."""
    text = read(EXAMPLE_PLAN)
    starts = [m.start() for m in re.finditer(r"^## ", text, re.M)]
    return text[:starts[2]] if len(starts) > 2 else text


def markdown_seeds(seed):
    write("plan_markdown", "example.md", read(EXAMPLE_PLAN))
    write("plan_markdown", "neustadt.md", read(os.path.join(PRINT, "neustadt.md")))
    for name in sorted(os.listdir(RULES)):
        if name.endswith(".md"):
            with open(os.path.join(RULES, name), "rb") as f:  # encoding-converted.md is Latin-1
                write("plan_markdown", "rules-" + name, f.read())
    chosen = {name: content for name, _, content, _ in variants.variants(seed)}
    for name in VARIANTS:
        write("plan_markdown", f"variant-{name}.md", chosen[name])
    # pandoc's own forms: HTML tables (GFM keeps cells with line breaks as HTML) and grid tables.
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "seed.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(office_files.markdown_to_html(seed))
        for fmt, name in [("gfm", "pandoc-html-tables.md"), ("markdown", "pandoc-grid-tables.md")]:
            out = subprocess.run(["pandoc", "-f", "html", "-t", fmt, page], check=True, capture_output=True)
            write("plan_markdown", name, out.stdout)


def eduplan(build, *args):
    subprocess.run([os.path.join(build, "bin", "eduplan"), *args], check=True, capture_output=True, timeout=120)


def flat_csv_seeds(build, seed):
    with tempfile.TemporaryDirectory() as tmp:
        def export(markdown, name, *options):
            source = os.path.join(tmp, name + ".md")
            with open(source, "w", encoding="utf-8") as f:
                f.write(markdown)
            db = os.path.join(tmp, name + ".db")
            eduplan(build, "import", source, "--db", db, "--plan", "seed")
            target = os.path.join(tmp, name + ".csv")
            opts = [a for o in options for a in ("--option", o)]
            eduplan(build, "export", "--db", db, "--plan", "seed", "--format", "csv", *opts, "-o", target)
            with open(target, "rb") as f:
                return f.read()

        german = export(seed, "german")
        write("flat_csv", "exported-de.csv", german)
        write("flat_csv", "exported-en-comma-lf.csv",
              export(seed, "english", "lang=en", "delimiter=comma", "bom=false", "newline=lf"))
        third = {n: c for n, _, c, _ in variants.variants(seed)}["third-column"]
        write("flat_csv", "exported-attribute.csv", export(third, "attribute"))
        formula = seed.replace("| Reaktivierung der Kontakte zu Kitas", "| =Reaktivierung der Kontakte zu Kitas")
        write("flat_csv", "exported-neutralised.csv", export(formula, "formula"))
        write("flat_csv", "exported-example.csv", export(read(EXAMPLE_PLAN), "example"))
        # The other kinds of rows: a field without focus areas, a focus area without units.
        for rules in ("field-empty", "focus-no-unit"):
            write("flat_csv", f"exported-{rules}.csv", export(read(os.path.join(RULES, rules + ".md")), rules))

        # Other programs' dialects of the same table, and eduplan 0.1's version 1 (no feldnr).
        rows = list(csv.reader(io.StringIO(german.decode("utf-8-sig"), newline=""), delimiter=";"))

        def dialect(rows, **kw):
            out = io.StringIO(newline="")
            csv.writer(out, lineterminator=kw.pop("newline", "\r\n"), **kw).writerows(rows)
            return out.getvalue()

        write("flat_csv", "libreoffice-quoted.csv", dialect(rows, delimiter=";", quoting=csv.QUOTE_ALL))
        write("flat_csv", "version-1.csv", dialect([[r[0]] + r[2:] for r in rows], delimiter=";"))
        upper = [[c.upper() for c in rows[0]]] + rows[1:]
        write("flat_csv", "header-upper-case.csv", dialect(upper, delimiter=",", newline="\n"))
        breaks = [r[:] for r in rows]
        breaks[-1][7] = breaks[-1][7] + "\nzweite Zeile\tmit Tab"
        write("flat_csv", "line-break-in-cell.csv", dialect(breaks, delimiter=";"))
        write("flat_csv", "windows-1252.csv", dialect(rows[:12], delimiter=";").encode("cp1252"))


def units_seeds():
    units = read(EXAMPLE_UNITS)
    write("units_directory", "example.csv", units)
    write("units_directory", "rules.csv", read(os.path.join(RULES, "units.csv")))
    write("units_directory", "neustadt.csv", read(os.path.join(PRINT, "neustadt-verwaltung.csv")))
    write("units_directory", "bom-crlf.csv", "\ufeff" + units.replace("\n", "\r\n"))
    write("units_directory", "windows-1252.csv", units.encode("cp1252"))
    write("units_directory", "quoted.csv",
          'unit,division,aliases\n"Dezernat IV","","Dez. IV|Dezernat 4"\n'
          '"Amt ""Kultur"", Sport",Dezernat IV,"Kulturamt|Amt für Kultur, Sport"\n'
          '"Stadtbibliothek",Dezernat IV,"Bibliothek|Stadtbücherei\n|Bücherei"\n')


def office_seeds(seed):
    """The seed as .docx and .odt by pandoc and LibreOffice, and their main XML parts."""
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "seed.md")
        with open(source, "w", encoding="utf-8") as f:
            f.write(seed)
        made = office_files.make_documents(source, tmp)
        for label, path in made.items():
            name = re.sub(r"[^a-z0-9]+", "-", label.lower())
            with open(path, "rb") as f:
                write("office_zip", f"{name}.{path.rsplit('.', 1)[1]}", f.read())
            with zipfile.ZipFile(path) as z:
                if path.endswith(".docx"):
                    write("docx_xml", f"{name}-document.xml", z.read("word/document.xml"))
                else:
                    write("odt_xml", f"{name}-content.xml", z.read("content.xml"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    build = os.path.abspath(sys.argv[1])
    for target in ("plan_markdown", "flat_csv", "units_directory", "office_zip", "docx_xml", "odt_xml"):
        shutil.rmtree(os.path.join(CORPUS, target), ignore_errors=True)
    seed = small_plan()
    markdown_seeds(seed)
    flat_csv_seeds(build, seed)
    units_seeds()
    office_seeds(seed)


if __name__ == "__main__":
    main()
