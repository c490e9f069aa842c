"""What a printed workbook looks like: LibreOffice Calc (headless) turns it into a PDF, as a user's
spreadsheet program prints it, and poppler's pdftotext -bbox-layout gives every printed line's box."""
import os
import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET


def convert(files, outdir, target, infilter=None):
    """Converts files with LibreOffice in one run (its start takes seconds), with a private profile;
    returns the paths of the converted files."""
    profile = tempfile.mkdtemp(prefix="eduplan-lo-")
    try:
        args = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        if infilter:
            args.append(f"--infilter={infilter}")
        subprocess.run([*args, "--convert-to", target, "--outdir", outdir, *files], check=True,
                       capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    extension = target.split(":")[0]
    out = [os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + "." + extension) for f in files]
    if ":" not in target:  # with filter options (a sheet of a workbook) the names differ
        for p in out:
            assert os.path.exists(p), f"LibreOffice wrote no {p}"
    return out


def to_pdf(workbooks, outdir):
    """Prints workbooks to PDF as a user's LibreOffice does; returns the PDFs."""
    return convert(workbooks, outdir, "pdf")


class Page:
    def __init__(self, number, width, height, lines):
        self.number, self.width, self.height, self.lines = number, width, height, lines

    def text(self):
        return "\n".join(l["text"] for l in self.lines)


def pages(pdf):
    """The PDF's pages with their text lines: dicts with x0, y0, x1, y1 (points) and text."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", xml)
    root = ET.fromstring(xml)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    out = []
    for n, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [w.text or "" for w in line.iter("{http://www.w3.org/1999/xhtml}word")]
            lines.append({"x0": float(line.get("xMin")), "y0": float(line.get("yMin")),
                          "x1": float(line.get("xMax")), "y1": float(line.get("yMax")), "text": " ".join(words)})
        out.append(Page(n, float(page.get("width")), float(page.get("height")), lines))
    del ns
    return out


def _vertical(line):
    """Text printed bottom to top (the matrix's unit names): taller than wide."""
    return len(line["text"]) > 1 and (line["y1"] - line["y0"]) > 1.5 * (line["x1"] - line["x0"])


def overlaps(page, share=0.3):
    """Pairs of printed lines on a page that lie on top of each other. Two lines of a paragraph
    touch a little (a box spans the font's ascent and descent, more than the line pitch), so a pair
    counts when their boxes intersect across more than `share` of a line's thickness: its height for
    horizontal lines, its width for vertical ones."""
    found = []
    lines = sorted(page.lines, key=lambda l: l["y0"])
    for i, a in enumerate(lines):
        for b in lines[i + 1:]:
            if b["y0"] >= a["y1"]:
                break
            x = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            y = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
            if x <= 0 or y <= 0:
                continue
            va, vb = _vertical(a), _vertical(b)
            thick_a = (a["x1"] - a["x0"]) if va else (a["y1"] - a["y0"])
            thick_b = (b["x1"] - b["x0"]) if vb else (b["y1"] - b["y0"])
            across = x if va and vb else y if not va and not vb else min(x, y)
            if across > share * min(thick_a, thick_b):
                found.append((a["text"], b["text"]))
    return found


def words(pages_):
    """Every printed word, with how often it is printed."""
    from collections import Counter
    return Counter(w for p in pages_ for l in p.lines for w in l["text"].split())
