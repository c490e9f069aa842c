"""Realistic variants of the example plan: what converters, other cities' habits and other operating
systems do to the same document. Each variant is (name, file name, content, expectation):
  "identical"  eduplan must store exactly the plan of the example (texts included);
  "explained"  it may store another plan, but then with findings the example does not have.
The classes follow the issue that asked for them (decomposed umlauts, special spaces, invisible
characters, numbered and styled headings, objectives in other forms, other separators, entities and
escapes, other table syntaxes, lost line breaks, typos)."""
import re
import textwrap
import unicodedata

NBSP, NNBSP, SHY, ZWSP, ZWJ, WJ = "\u00a0", "\u202f", "\u00ad", "\u200b", "\u200d", "\u2060"


def _fields(seed, fn):
    """Rewrites each '## *Handlungsfeld X*' heading line with fn(index, title, line)."""
    out, index = [], 0
    for line in seed.splitlines(keepends=True):
        m = re.match(r"^## \*{1,2}Handlungsfeld (.*?)\*{1,2}\s*$", line)
        if m:
            index += 1
            out.append(fn(index, m.group(1)) + "\n")
        else:
            out.append(line)
    return "".join(out)


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII"]


def _objective_tables(seed, fn):
    """Rewrites each objectives table (the lines from the header row before 'Ableitungen:' on) with fn(rows)."""
    lines = seed.split("\n")
    out, i = [], 0
    while i < len(lines):
        if i + 2 < len(lines) and lines[i].startswith("|") and lines[i + 1].startswith("|--") and \
                "Ableitungen:" in lines[i + 2]:
            j = i + 2
            rows = []
            while j < len(lines) and lines[j].startswith("|"):
                cells = [c.strip() for c in lines[j].strip().strip("|").split("|")]
                rows.append(cells[-1])
                j += 1
            out.extend(fn(rows))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _unit_cells(seed, fn):
    """Rewrites the second cell of every focus-area row (not header, not objectives) with fn(cell)."""
    out = []
    for line in seed.split("\n"):
        if line.startswith("| ") and "Verwaltungsbereich" not in line and "Ableitungen" not in line and \
                not line.startswith("|--") and line.count("|") == 3 and "Dezernat" in line + "BOB":
            cells = line.split("|")
            if cells[2].strip():
                cells[2] = " " + fn(cells[2].strip()) + " "
            line = "|".join(cells)
        out.append(line)
    return "\n".join(out)


def _focus_tables(seed, header, value):
    """Adds a column to every focus-area table: `header` in its header row, `value` in its rows."""
    out, in_focus = [], False
    for line in seed.split("\n"):
        if "Verwaltungsbereich" in line and line.startswith("|"):
            in_focus = True
            line = line.rstrip().rstrip("|") + f"| {header} |"
        elif in_focus and line.startswith("|--"):
            line = line.rstrip().rstrip("|") + "|---|"
        elif in_focus and line.startswith("|"):
            line = line.rstrip().rstrip("|") + f"| {value} |"
        else:
            in_focus = False
        out.append(line)
    return "\n".join(out)


def _number_focus_rows(seed, number_column, hierarchical=False):
    """Numbers every focus-area row, per field: in a column "Nr." in front, or in front of the text
    ("1. …", or "3.1 …" with the field's number)."""
    out, in_focus, field, row = [], False, 0, 0
    for line in seed.split("\n"):
        if "Verwaltungsbereich" in line and line.startswith("|"):
            in_focus, field, row = True, field + 1, 0
            if number_column:
                line = "| Nr. " + line
        elif in_focus and line.startswith("|--"):
            if number_column:
                line = "|---" + line
        elif in_focus and line.startswith("|"):
            row += 1
            if number_column:
                line = f"| {row} " + line
            else:
                cells = line.split("|")
                cells[1] = f" {field}.{row} " + cells[1].strip() + " " if hierarchical else f" {row}. " + cells[1].strip() + " "
                line = "|".join(cells)
        else:
            in_focus = False
        out.append(line)
    return "\n".join(out)


def _split_focus_tables(seed, after=3):
    """Splits each focus-area table after `after` rows, as a PDF converter does at a page break: the next
    row becomes the header of a new table."""
    out, in_focus, rows = [], False, 0
    for line in seed.split("\n"):
        if "Verwaltungsbereich" in line and line.startswith("|"):
            in_focus, rows = True, 0
        elif in_focus and line.startswith("|--"):
            pass
        elif in_focus and line.startswith("|"):
            rows += 1
            if rows == after + 1:
                out.extend(["", line, "|---|---|"])
                continue
        else:
            in_focus = False
        out.append(line)
    return "\n".join(out)


def _no_outer_pipes(seed):
    out = []
    for line in seed.split("\n"):
        if line.startswith("|"):
            line = line.strip()[1:-1].strip()
            if re.fullmatch(r"[-: |]+", line):
                line = " | ".join("---" for _ in line.split("|"))
        out.append(line)
    return "\n".join(out)


def _pipe_tables(seed, fn):
    """Rewrites every pipe table (header, delimiter row, rows) with fn(header_cells, rows) -> lines."""
    lines, out, i = seed.split("\n"), [], 0
    cells = lambda l: [c.strip() for c in l.strip()[1:-1].split("|")]
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|--"):
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            out.extend(fn(cells(lines[i]), [cells(l) for l in lines[i + 2:j]]))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _simple_table(header, rows):
    """pandoc's simple table (headerless if the header is empty, then with dash lines above and below);
    <br> as pandoc's raw `<br>`{=html}."""
    rows = [[c.replace("<br>", "`<br>`{=html}") for c in r] for r in rows]
    widths = [max(len(r[c]) for r in rows + [header]) + 2 for c in range(len(header))]
    line = lambda r: "  " + " ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()
    dashes = "  " + " ".join("-" * w for w in widths)
    if not any(header):
        return [dashes] + [line(r) for r in rows] + [dashes]
    return [line(header), dashes] + [line(r) for r in rows]


def _multiline_table(header, rows, width=30):
    """pandoc's multiline table: cells wrapped at `width`, rows separated by blank lines, a <br> as a
    hard line break (a backslash at the end of the cell's line)."""
    def cell_lines(c):
        parts = c.split("<br>")
        out = []
        for k, p in enumerate(parts):
            wrapped = textwrap.wrap(p, width, break_on_hyphens=False, break_long_words=False) or [""]
            if k + 1 < len(parts):
                wrapped[-1] += "\\"
            out.extend(wrapped)
        return out
    widths = [width + 2] * len(header)
    def block(r):
        cols = [cell_lines(c) for c in r]
        height = max(len(c) for c in cols)
        return ["  " + " ".join((c[k] if k < len(c) else "").ljust(w) for c, w in zip(cols, widths)).rstrip()
                for k in range(height)]
    full = "  " + "-" * (sum(widths) + len(widths) - 1)
    dashes = "  " + " ".join("-" * w for w in widths)
    body = []
    for r in rows:
        body.extend(block(r) + [""])
    if not any(header):
        return [dashes] + body[:-1] + [dashes]
    return [full] + block(header) + [dashes] + body[:-1] + [full]


def variants(seed):
    v = []
    add = lambda name, content, expectation="identical", ext="md": v.append((name, f"{name}.{ext}", content,
                                                                               expectation))
    # Operating systems and editors.
    add("nfd", unicodedata.normalize("NFD", seed))
    add("crlf", seed.replace("\n", "\r\n"))
    add("bom", "\ufeff" + seed)
    add("tabs", seed.replace("   |", "\t|"))
    add("trailing-spaces", seed.replace("\n", "   \n"))
    add("nbsp-after-slash-and-comma", seed.replace("/ ", "/" + NBSP).replace(", ", "," + NBSP))
    add("narrow-nbsp", seed.replace("Dezernat ", "Dezernat" + NNBSP))
    add("soft-hyphens", seed.replace("Stadtbibliothek", "Stadt" + SHY + "bibliothek")
        .replace("Jugendamt", "Jugend" + SHY + "amt").replace("Integrationskoordination", "Integrations" + SHY + "koordination"))
    add("zero-width", seed.replace("Stadtarchiv", "Stadt" + ZWSP + "archiv").replace("Theater", "The" + ZWJ + "ater")
        .replace("Konservatorium", "Konserva" + WJ + "torium"))
    add("windows-1252", seed.encode("cp1252"), ext="md")
    add("mac-roman", seed.encode("mac_roman"), ext="md")
    add("dos-cp850", seed.encode("cp850", errors="replace"), ext="md")
    add("utf-16", "\ufeff".encode("utf-16-le") + seed.encode("utf-16-le"))
    add("old-mac-line-ends", seed.replace("\n", "\r"))
    # Headings.
    add("heading-number-after", _fields(seed, lambda i, t: f"## Handlungsfeld {i}: {t}"))
    add("heading-number-dash", _fields(seed, lambda i, t: f"## Handlungsfeld {i} – {t}"))
    add("heading-number-before", _fields(seed, lambda i, t: f"## {i}. Handlungsfeld {t}"))
    add("heading-roman-before", _fields(seed, lambda i, t: f"## {ROMAN[i]}. Handlungsfeld {t}"))
    add("heading-level-3", _fields(seed, lambda i, t: f"### Handlungsfeld {t}"))
    add("heading-level-1", _fields(seed, lambda i, t: f"# Handlungsfeld {t}"))
    add("heading-setext", _fields(seed, lambda i, t: f"Handlungsfeld {t}\n" + "-" * 20))
    add("heading-setext-1", _fields(seed, lambda i, t: f"Handlungsfeld {t}\n" + "=" * 20))
    add("heading-bold-paragraph", _fields(seed, lambda i, t: f"**Handlungsfeld {t}**"))
    add("heading-attributes", _fields(seed, lambda i, t: f"## Handlungsfeld {t} {{#feld-{i} .handlungsfeld}}"))
    add("heading-closing-hashes", _fields(seed, lambda i, t: f"## Handlungsfeld {t} ##"))
    add("heading-without-word", _fields(seed, lambda i, t: f"## {t}"))
    add("heading-lower-case", _fields(seed, lambda i, t: f"## handlungsfeld {t}"))
    add("heading-colon", _fields(seed, lambda i, t: f"## Handlungsfeld: {t}"))
    add("heading-trailing-colon", _fields(seed, lambda i, t: f"## Handlungsfeld {t}:"))
    add("heading-pandoc-anchor", _fields(seed, lambda i, t: f"## []{{#anchor}}*Handlungsfeld {t}*"))
    add("heading-html-anchor", _fields(seed, lambda i, t: f'## <a id="feld-{i}"></a><span class="x">Handlungsfeld {t}</span>'))
    add("heading-html", _fields(seed, lambda i, t: f'<h{1 + i % 2} id="feld-{i}">Handlungsfeld {t}</H{1 + i % 2}>'))
    add("heading-plain-line", _fields(seed, lambda i, t: f"Handlungsfeld {t}"))
    add("title-and-contents", "# Bildungskonzept\n\n## Inhalt\n\n| Kapitel | Seite |\n|---|---|\n"
        "| Handlungsfelder | 2 |\n\n" + seed)
    # Objectives in other forms.
    add("objectives-in-header-row", _objective_tables(seed, lambda rows: [f"| Ableitungen: | {rows[0]} |", "|---|---|"]
                                                      + [f"| | {r} |" for r in rows[1:]]))
    add("objectives-bold-label", _objective_tables(seed, lambda rows: ["**Ableitungen:**", "", "|  |  |", "|---|---|"]
                                                   + [f"| | {r} |" for r in rows]))
    add("objectives-bullet-list", _objective_tables(seed, lambda rows: ["Ableitungen:", ""]
                                                    + [f"- {r}" for r in rows]))
    add("objectives-bold-bullet-list", _objective_tables(seed, lambda rows: ["**Ableitungen**", ""]
                                                         + [f"* {r}" for r in rows]))
    add("objectives-heading-list", _objective_tables(seed, lambda rows: ["### Ableitungen", ""]
                                                     + [f"{n}. {r}" for n, r in enumerate(rows, 1)]))
    # Wrapped lines: pandoc writes Markdown at 72 columns (list items indented to their text),
    # editors wrap without indenting (lazy continuation lines).
    add("objectives-list-pandoc-wrapped", _objective_tables(seed, lambda rows: ["Ableitungen:", ""] + [
        line for r in rows for line in textwrap.wrap(r, 72, initial_indent="-   ", subsequent_indent="    ")]))
    add("objectives-list-lazy-lines", _objective_tables(seed, lambda rows: ["Ableitungen:", ""] + [
        line for r in rows for line in textwrap.wrap(r, 40, initial_indent="* ")]))
    add("heading-bold-wrapped", _fields(seed, lambda i, t: "\n".join(textwrap.wrap(f"**Handlungsfeld {t}**", 22))))
    # Other content after the objectives: a list under running text, a table of figures.
    extra = "\nBeteiligte Partner außerhalb der Verwaltung:\n\n- Universität\n- Hochschule\n\n" \
            "| Kennzahl | Wert 2024 |\n|---|---|\n| Teilnehmende | 1.250 |\n\n"
    add("lists-and-figures-after-objectives",
        _fields(seed, lambda i, t: (extra if i > 1 else "") + f"## *Handlungsfeld {t}*") + extra)
    add("objectives-table-with-period", _objective_tables(seed, lambda rows: ["| Ableitungen | Zeitraum |", "|---|---|"]
                                                          + [f"| {r} | 2025–2027 |" for r in rows]))
    add("objectives-letter-list", _objective_tables(seed, lambda rows: ["Ableitungen:", ""]
                                                    + [f"{'abcdefgh'[k]}) {r.replace('<br>', ' ')}" for k, r in enumerate(rows)]))
    add("objectives-roman-list", _objective_tables(seed, lambda rows: ["Ableitungen:", ""]
                                                   + [f"{['i', 'ii', 'iii', 'iv', 'v', 'vi'][k]}. {r.replace('<br>', ' ')}"
                                                      for k, r in enumerate(rows)]))
    add("objectives-one-column", _objective_tables(seed, lambda rows: ["| Ableitungen |", "|---|"]
                                                   + [f"| {r} |" for r in rows]))
    # Unit lists.
    add("semicolons", _unit_cells(seed, lambda c: re.sub(r",(?! Wahlen| Digitalisierung)", ";", c)))
    add("bullets", _unit_cells(seed, lambda c: "<br>".join("• " + p for p in c.split("<br>"))))
    add("dezernat-arabic", re.sub(r"Dezernat (IV|V|VI|III|II|I)\b",
                                  lambda m: "Dezernat " + str(ROMAN.index(m.group(1))), seed))
    add("dezernat-abbreviated", re.sub(r"Dezernat (IV|V|VI|III|II|I)/", r"Dez. \1/", seed))
    division = r"(Dezernat [IVX]+|BOB)/ "
    add("division-dash", _unit_cells(seed, lambda c: re.sub(division, r"\1 – ", c)))
    add("division-hyphen", _unit_cells(seed, lambda c: re.sub(division, r"\1 - ", c)))
    add("division-colon", _unit_cells(seed, lambda c: re.sub(division, r"\1: ", c)))
    add("division-in-parentheses", _unit_cells(seed, lambda c: "<br>".join(
        re.sub(r"^(Dezernat [IVX]+|BOB)/ (.*)$", r"\2 (\1)", p) for p in c.split("<br>"))))
    # Entities and escapes.
    add("html-entities", seed.replace('"', "&quot;").replace("Einwohner:innen", "Einwohner&#58;innen")
        .replace("für", "f&uuml;r"))
    add("markdown-escapes", seed.replace("(", "\\(").replace(")", "\\)").replace("-Berufe", "\\-Berufe"))
    add("typographic-quotes", re.sub(r'"([^"]*)"', "„\\1“", seed))
    # Inline markup (formatting and converters' raw HTML): the same plan.
    add("emphasis-inside-cells", seed.replace("Förderung der Medienkompetenz und Digitalisierung",
                                              "Förderung der *Medienkompetenz* und **Digitalisierung**")
        .replace("Entwicklung eines Jugendmedienzentrums", "_Entwicklung eines *Jugendmedienzentrums*_"))
    add("inline-code-and-sup", seed.replace("Dezernat IV/ Stadtbibliothek<br>", "Dezernat IV/ `Stadtbibliothek`<br>")
        .replace("Digitalisierte Medienarbeit", "Digitalisierte<sup></sup> Medienarbeit"))
    add("span-around-division", seed.replace("Dezernat V/", "<span>Dezernat V</span>/"))
    add("pandoc-raw-br", seed.replace("<br>", "`<br>`{=html}"))
    add("paragraphs-in-cells", re.sub(r"\| (Dezernat [^|]*<br>[^|]*?)\s*\|",
                                      lambda m: "| <p>" + m.group(1).replace("<br>", "</p><p>") + "</p> |", seed))
    add("link-in-unit", seed.replace("Dezernat IV/ Stadtbibliothek<br>",
                                     "Dezernat IV/ [Stadtbibliothek](https://example.org/bib)<br>"))
    add("comment-in-cell", seed.replace("Dezernat V/ Jugendamt   |", "Dezernat V/ Jugendamt <!-- prüfen --> |"))
    add("control-characters", seed.replace("Jugendamt", "Jugend\x01amt").replace("Theater", "The\x7fater"))
    add("cross-field-section", seed + "\n## Handlungsfeld-übergreifende Ableitungen\n\n- Monitoring aufbauen\n")
    second = seed.index("interne und externe Strukturen", seed.index("interne und externe Strukturen") + 1)
    add("shared-objective-other-case", seed[:second] + "Interne und externe Strukturen" + seed[second + 30:])
    # Deleted text and footnotes: a different plan, with a finding.
    add("struck-unit", seed.replace("Dezernat V/ Jugendamt   |", "Dezernat V/ Jugendamt, ~~Sozialamt~~ |"))
    add("struck-objective-words", seed.replace("Bildungsangebote regelmäßig evaluieren",
                                               "Bildungsangebote ~~regelmäßig~~ evaluieren"), "explained")
    add("footnote-reference", seed.replace("Entwicklung eines Jugendmedienzentrums",
                                           "Entwicklung eines Jugendmedienzentrums[^1]")
        + "\n[^1]: Beschluss vom 3. Mai\n")
    # Tables.
    add("no-outer-pipes", _no_outer_pipes(seed))
    add("no-delimiter-rows", "\n".join(l for l in seed.split("\n") if not re.fullmatch(r"\|[-:| ]+\|", l.strip())))
    add("repeated-header-row", seed.replace("| Förderung der Medienkompetenz und Digitalisierung",
                                            "| genannte Handlungsschwerpunkte der Fachbereiche | befasster "
                                            "Verwaltungsbereich |\n| Förderung der Medienkompetenz und Digitalisierung"))
    add("table-split-at-page-break", _split_focus_tables(seed))
    add("header-synonyms", seed.replace("genannte Handlungsschwerpunkte der Fachbereiche", "Maßnahme")
        .replace("befasster Verwaltungsbereich", "Federführung"))
    add("pandoc-simple-tables", _pipe_tables(seed, _simple_table))
    add("pandoc-multiline-tables", _pipe_tables(seed, _multiline_table))
    add("wide-padding", seed.replace(" | ", "      |      "))
    # Editors, converters and other cities' habits that must not change the plan.
    add("front-matter", "---\ntitle: Bildungskonzept\nauthor: Stadt\n---\n\n" + seed)
    add("alignment-colons", re.sub(r"^\|-+\|-+\|$", "|:---|:---:|", seed, flags=re.M))
    add("space-around-slash", seed.replace("Dezernat IV/ ", "Dezernat IV / ").replace("Dezernat V/ ", "Dezernat V/"))
    add("br-variants", seed.replace("<br>BOB/", "<br><br>BOB/").replace("<br>Dezernat", "<BR/>Dezernat")
        .replace("| Dezernat V/ Jugendamt   |", "| <br>Dezernat V/ Jugendamt<br>   |"))
    add("bold-header-cells", re.sub(r"^\| genannte Handlungsschwerpunkte der Fachbereiche\s*\| befasster Verwaltungsbereich\s*\|$",
                                    "| **genannte Handlungsschwerpunkte der Fachbereiche** | **befasster Verwaltungsbereich** |",
                                    seed, flags=re.M))
    add("rules-and-page-breaks", seed.replace("\n## *Handlungsfeld M", "\n---\n\n## *Handlungsfeld M")
        .replace("\n## **Handlungsfeld D", '\n<div style="page-break-after: always;"></div>\n\n## **Handlungsfeld D'))
    add("draft-comment-with-table", seed.replace("\n## *Handlungsfeld MINT*",
                                                 "\n<!--\nEntwurf: bitte prüfen\n| X | Dezernat I/ FB 01 |\n-->\n## *Handlungsfeld MINT*"))
    add("fields-under-a-chapter", seed.replace("\n## ", "\n### ").replace("\n### *Handlungsfeld Bildungsplanung",
                                                                      "\n## Handlungsfelder\n\n### *Handlungsfeld Bildungsplanung", 1))
    # Several at once, as a document passed through a few hands.
    combined = unicodedata.normalize("NFD", seed).replace("\n", "\r\n").replace("/ ", "/" + NBSP)
    combined = _fields(combined, lambda i, t: f"### Handlungsfeld {i}: {t} {{#f{i}}}")
    add("combined", _unit_cells(combined, lambda c: c.replace("Dezernat IV", "Dez. 4")))
    # Changes eduplan cannot undo: they must be reported.
    add("typo-in-unit", seed.replace("Volkshochschule", "Volkshochshule"), "explained")
    add("typo-two-letters", seed.replace("Seniorenkoordination", "Senoirenkordination", 1), "explained")
    add("unknown-unit", seed.replace("Dezernat V/ Gesundheitsamt", "Dezernat V/ Gesundheitsamt, Ordnungsamt"),
        "explained")
    add("lost-line-breaks", seed.replace("<br>", ""), "explained")
    add("row-with-extra-cell", seed.replace("| Stärkung des Ehrenamtes  |", "| Stärkung des Ehrenamtes | x |"),
        "explained")
    add("third-column", _focus_tables(seed, "Zeitraum", "2025–2027"), "explained")
    add("objectives-one-cell-as-list", _objective_tables(seed, lambda rows: [
        "|  |  |", "|---|---|", "| Ableitungen: | " + "<br>".join("- " + r for r in rows) + " |"]))
    add("objectives-one-cell-as-html-list", _objective_tables(seed, lambda rows: [
        "<table><tr><td>Ableitungen:</td><td><ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul></td></tr></table>"]))
    add("objectives-task-list", _objective_tables(seed, lambda rows: ["Ableitungen:", ""]
                                                  + [f"- [ ] {r.replace('<br>', ' ')}" for r in rows]))
    add("code-block-with-a-sample-row", seed.replace("## *Handlungsfeld MINT*",
        "```\n| Beispiel | Dezernat I/ FB 01 |\n```\n\n## *Handlungsfeld MINT*", 1))
    add("footnote-marks", seed.replace("Reaktivierung der Kontakte zu Kitas", "Reaktivierung der Kontakte zu Kitas<sup>1</sup>"))
    add("sub-heading-above-each-table", seed.replace("\n| genannte Handlungsschwerpunkte",
                                                     "\n### Einzelne Maßnahmen\n\n| genannte Handlungsschwerpunkte"))
    # Issue 9: forms that were read into another plan without a word.
    flat = lambda r: r.replace("<br>", " ")
    add("objectives-label-and-items-in-one-line", _objective_tables(seed, lambda rows: [
        "Ableitungen:<br>" + "<br>".join("- " + flat(r) for r in rows)]))
    add("objectives-label-and-items-in-one-paragraph", _objective_tables(seed, lambda rows: [
        "Ableitungen:<br>"] + ["- " + flat(r) + "<br>" for r in rows[:-1]] + ["- " + flat(rows[-1])]))
    add("objectives-nested-list", _objective_tables(seed, lambda rows: ["Ableitungen:", ""] + [
        line for r in rows for line in (["- " + r.split("<br>")[0]] + ["    - " + p for p in r.split("<br>")[1:]])]))
    add("footnote-marks-pandoc", seed.replace("Reaktivierung der Kontakte zu Kitas", "Reaktivierung der Kontakte zu Kitas^1^")
        .replace("Bildungsangebote regelmäßig evaluieren", "Bildungsangebote regelmäßig evaluieren^2,3^")
        .replace("## *Handlungsfeld MINT*", "## *Handlungsfeld MINT*^4^"))
    add("footnote-marks-superscript-digits", seed.replace("Reaktivierung der Kontakte zu Kitas", "Reaktivierung der Kontakte zu Kitas¹")
        .replace("Bildungsangebote regelmäßig evaluieren", "Bildungsangebote regelmäßig evaluieren²³")
        .replace("Dezernat IV/ Volkshochschule", "Dezernat IV/ Volkshochschule⁴"))
    add("objectives-label-ziele", seed.replace("Ableitungen:", "Ziele:"))
    add("objectives-label-zielsetzungen-list", _objective_tables(seed, lambda rows: ["Zielsetzungen:", ""]
                                                                 + [f"- {flat(r)}" for r in rows]))
    add("objectives-label-ableitungen-ziele", seed.replace("Ableitungen:", "Ableitungen / Ziele:"))
    add("struck-heading", seed.replace("## *Handlungsfeld MINT*", "## ~~Handlungsfeld MINT~~"), "explained")
    add("objectives-one-cell-br", _objective_tables(seed, lambda rows: [
        "|  |  |", "|---|---|", "| Ableitungen: | " + "<br>".join(flat(r) for r in rows) + " |"]), "explained")
    add("objective-wrapped-over-rows", seed.replace(
        "| Ableitungen: | Entwicklung von geschlechtersensiblen Angeboten, die für verschiedene Zielgruppen",
        "| Ableitungen: | Entwicklung von geschlechtersensiblen Angeboten, |\n|  | die für verschiedene Zielgruppen")
        .replace("| Querschnittsthemen wie kulturelle Bildung und Bildung für",
                 "| Querschnittsthemen wie kulturelle Bildung und Bildung für |\n|                     |"))
    add("objectives-one-cell-as-nested-html-list", _objective_tables(seed, lambda rows: [
        "<table><tr><td>Ableitungen:</td><td><ul>" + "".join(
            f"<li>{r.split('<br>')[0]}" + "".join(f"<ul><li>{p}</li></ul>" for p in r.split("<br>")[1:]) + "</li>"
            for r in rows) + "</ul></td></tr></table>"]))
    add("objective-wrapped-before-conjunction", seed.replace(
        "durch gruppenspezifische und gegebenenfalls", "durch gruppenspezifische |\n|  | und gegebenenfalls"))
    add("objectives-one-line-semicolons", _objective_tables(seed, lambda rows: [
        "Ableitungen: " + "; ".join(flat(r) for r in rows)]), "explained")
    add("footnote-marks-in-brackets", seed.replace("Reaktivierung der Kontakte zu Kitas", "Reaktivierung der Kontakte zu Kitas[1]")
        .replace("Bildungsangebote regelmäßig evaluieren", "Bildungsangebote regelmäßig evaluieren<sup>[2]</sup>"))
    add("objectives-arrow-bullets", _objective_tables(seed, lambda rows: ["Ableitungen:", ""]
                                                      + [f"➢ {flat(r)}" for r in rows]))
    add("objectives-symbol-font-bullets", _objective_tables(seed, lambda rows: ["Ableitungen:", ""]
                                                            + [f"\uf0b7 {flat(r)}" for r in rows]))
    add("objectives-word-copied-sub-bullets", _objective_tables(seed, lambda rows: ["Ableitungen:", ""] + [
        line for r in rows for line in (["• " + r.split("<br>")[0]] + ["    o " + p for p in r.split("<br>")[1:]])]))
    add("unit-square-bullets", _unit_cells(seed, lambda c: "<br>".join("■ " + p for p in c.split("<br>"))))
    add("numbering-column", _number_focus_rows(seed, number_column=True))
    add("numbered-focus-areas", _number_focus_rows(seed, number_column=False))
    add("numbered-focus-areas-by-field", _number_focus_rows(seed, number_column=False, hierarchical=True))
    return v
