"""Word and LibreOffice documents made from the example plan by the real programs: pandoc and
LibreOffice Writer (soffice --headless). The example's Markdown becomes HTML first, so that its
<br> line breaks survive as real line breaks; pandoc's own Markdown reader would drop them."""
import html
import os
import re
import shutil
import subprocess
import tempfile


def _inline(text):
    text = text.strip()
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"(?<!\*)\*(?!\*)(.+?)\*", r"<i>\1</i>", text)


def markdown_to_html(markdown):
    """The example's Markdown subset (headings, pipe tables with <br> and <b>) as HTML."""
    out = ['<html><head><meta charset="utf-8"><title>Bildungskonzept</title></head><body>']
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            i += 1
            continue
        if line.strip().startswith("|"):
            out.append("<table>")
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    out.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in cells) + "</tr>")
                i += 1
            out.append("</table>")
            continue
        if line.strip():
            out.append(f"<p>{_inline(line)}</p>")
        i += 1
    out.append("</body></html>")
    return "\n".join(out)


def soffice_convert(sources, fmt, outdir):
    """Converts files with LibreOffice headless in one run (its start takes seconds)."""
    profile = tempfile.mkdtemp(prefix="eduplan-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", outdir, *sources], check=True, capture_output=True, timeout=240)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def make_documents(seed, directory):
    """{label: path} of the example as .docx and .odt, made by pandoc and by LibreOffice."""
    with open(seed, encoding="utf-8") as f:
        markdown = f.read()
    page = os.path.join(directory, "seed.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(markdown_to_html(markdown))
    made = {}
    for ext in ("docx", "odt"):
        target = os.path.join(directory, f"pandoc.{ext}")
        subprocess.run(["pandoc", "-f", "html", "-t", ext, page, "-o", target], check=True, timeout=120)
        made[f"pandoc {ext}"] = target
    lo = os.path.join(directory, "lo")
    os.mkdir(lo)
    soffice_convert([page], "docx:MS Word 2007 XML", lo)
    soffice_convert([page, made["pandoc docx"]], "odt", lo)
    made["LibreOffice docx"] = os.path.join(lo, "seed.docx")
    made["LibreOffice odt"] = os.path.join(lo, "seed.odt")
    made["LibreOffice odt from pandoc docx"] = os.path.join(lo, "pandoc.odt")
    return made
