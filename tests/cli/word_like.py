"""The example as Microsoft Word writes a .docx, built here part by part because Word itself cannot run
on the test machines: German built-in style ids ("berschrift2" named "heading 2", "Titel"), runs split
at revision ids and spell-check marks, bookmarks, a table of contents in a content control whose entries
name every field, tracked insertions and deletions, a comment, rendered page breaks, header rows marked
to repeat, cells whose lines are paragraphs or line breaks (Enter or Shift+Enter), a page header part."""
import html
import re
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""


def _heading_style(style_id, name, level):
    return (f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Standard"/><w:next w:val="Standard"/><w:link w:val="{style_id}Zchn"/>'
            f'<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>'
            f'<w:spacing w:before="40" w:after="0"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            f'<w:rPr><w:rFonts w:asciiTheme="majorHAnsi"/><w:color w:val="2F5496"/><w:sz w:val="26"/></w:rPr></w:style>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="de-DE"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:qFormat/></w:style>
{_heading_style("berschrift1", "heading 1", 1)}
{_heading_style("berschrift2", "heading 2", 2)}
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standard"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Inhaltsverzeichnisberschrift"><w:name w:val="TOC Heading"/>
<w:basedOn w:val="berschrift1"/><w:next w:val="Standard"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Verzeichnis2"><w:name w:val="toc 2"/><w:basedOn w:val="Standard"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
<w:style w:type="table" w:styleId="Tabellenraster"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""

COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Amt 40" w:date="2026-05-04T10:00:00Z" w:initials="A">
<w:p><w:r><w:t>Bitte mit dem Fachbereich abstimmen</w:t></w:r></w:p></w:comment></w:comments>"""

HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>Bildungskonzept – Entwurf, Seite </w:t></w:r></w:p></w:hdr>"""

_rsid = [0x00A1B2C3]


def _rsid_next():
    _rsid[0] += 0x101
    return f"{_rsid[0]:08X}"


def _runs(text, bold=False):
    """Text as Word splits it into runs: at revision ids, around spell-check marks, every few words."""
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    words = text.split(" ")
    out = []
    for i in range(0, len(words), 3):
        chunk = " ".join(words[i:i + 3]) + (" " if i + 3 < len(words) else "")
        if not chunk:
            continue
        if len(chunk) > 6 and i % 2 == 0:  # a word cut between two runs
            head, tail = chunk[:4], chunk[4:]
            out.append(f'<w:r w:rsidR="{_rsid_next()}">{props}<w:t xml:space="preserve">{html.escape(head)}</w:t></w:r>')
            out.append('<w:proofErr w:type="spellStart"/>')
            out.append(f'<w:r w:rsidR="{_rsid_next()}">{props}<w:t xml:space="preserve">{html.escape(tail)}</w:t></w:r>')
            out.append('<w:proofErr w:type="spellEnd"/>')
        else:
            out.append(f'<w:r>{props}<w:t xml:space="preserve">{html.escape(chunk)}</w:t></w:r>')
    return "".join(out)


def _paragraph(text, style=None, bold=False, extra=""):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p w:rsidR="{_rsid_next()}" w:rsidRDefault="00A1B2C3">{ppr}{extra}{_runs(text, bold)}</w:p>'


def _strip_markup(text):
    return re.sub(r"</?b>|\*\*|(?<!\*)\*(?!\*)", "", text).strip()


def _cell(text, width, index):
    """One table cell. `<br>` becomes a paragraph of its own (Enter) in even cells and a line break
    (Shift+Enter) in odd ones; bold text stays bold."""
    bold = "<b>" in text or text.startswith("**")
    lines = [_strip_markup(part) for part in text.split("<br>")]
    if index % 2 == 0:
        body = "".join(_paragraph(line, bold=bold) for line in lines) or "<w:p/>"
    else:
        br = '<w:r><w:br/></w:r>'
        body = f'<w:p w:rsidR="{_rsid_next()}">' + br.join(_runs(line, bold) for line in lines) + "</w:p>"
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'


def _table(rows, counter):
    grid = "".join('<w:gridCol w:w="4531"/>' for _ in rows[0])
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="Tabellenraster"/><w:tblW w:w="0" w:type="auto"/>'
           f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for r, cells in enumerate(rows):
        header = '<w:trPr><w:tblHeader/></w:trPr>' if r == 0 and any(cells) else ""
        out.append(f'<w:tr w:rsidR="{_rsid_next()}">{header}')
        for cell in cells:
            counter[0] += 1
            out.append(_cell(cell, 4531, counter[0]))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _toc(titles, content_control):
    """Word's table of contents: a TOC field whose entries are hyperlinks to the headings, each with
    its page number after a tab; since Word 2007 inside a content control, before only paragraphs in
    the styles "toc 1" … "toc 9"."""
    out = ['<w:sdt><w:sdtPr><w:id w:val="-1"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
           '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>' if content_control else "",
           _paragraph("Inhalt", style="Inhaltsverzeichnisberschrift")]
    for i, title in enumerate(titles):
        begin = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" '
                 '\\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>') if i == 0 else ""
        out.append(f'<w:p><w:pPr><w:pStyle w:val="Verzeichnis2"/><w:tabs><w:tab w:val="right" w:leader="dot" '
                   f'w:pos="9062"/></w:tabs></w:pPr>{begin}<w:hyperlink w:anchor="_Toc{1000 + i}" w:history="1">'
                   f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{html.escape(title)}</w:t></w:r>'
                   f'<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                   f'xml:space="preserve"> PAGEREF _Toc{1000 + i} \\h </w:instrText></w:r><w:r><w:fldChar '
                   f'w:fldCharType="separate"/></w:r><w:r><w:t>{i + 2}</w:t></w:r><w:r><w:fldChar '
                   f'w:fldCharType="end"/></w:r></w:hyperlink></w:p>')
    out.append('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    if content_control:
        out.append("</w:sdtContent></w:sdt>")
    return "".join(out)


def _tracked(paragraph_xml):
    """The first run holding `word` gets a tracked deletion before it and a tracked insertion after it
    (the deleted text must never be read; the inserted one must)."""
    deleted = ('<w:del w:id="90" w:author="Amt 40" w:date="2026-05-04T10:00:00Z"><w:r>'
               '<w:delText xml:space="preserve">ENTWURF GESTRICHEN </w:delText></w:r></w:del>')
    xml = paragraph_xml.replace("<w:r", deleted + "<w:r", 1)
    run = re.search(r"<w:r><w:t xml:space=\"preserve\">[^<]*</w:t></w:r>", xml)
    return xml[:run.start()] + '<w:ins w:id="91" w:author="Amt 40" w:date="2026-05-04T10:00:00Z">' + \
        run.group(0) + "</w:ins>" + xml[run.end():]


def parse_seed(markdown):
    """[(kind, payload)]: ('heading', (level, text)), ('table', rows), ('para', text)."""
    blocks, lines, i = [], markdown.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        heading = re.match(r"^(#+)\s+(.*)$", line)
        if heading:
            blocks.append(("heading", (len(heading.group(1)), _strip_markup(heading.group(2)))))
        elif line.strip().startswith("|"):
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append(cells)
                i += 1
            blocks.append(("table", rows))
            continue
        elif line.strip():
            blocks.append(("para", line.strip()))
        i += 1
    return blocks


def word_document_xml(markdown, toc_in_content_control=True):
    blocks = parse_seed(markdown)
    titles = [payload[1] for kind, payload in blocks if kind == "heading"]
    body = [_paragraph("Bildungskonzept der Stadt", style="Titel"), _toc(titles, toc_in_content_control),
            '<w:p><w:r><w:br w:type="page"/></w:r></w:p>']
    counter, commented = [0], False
    for n, (kind, payload) in enumerate(blocks):
        if kind == "heading":
            level, text = payload
            mark = f'<w:bookmarkStart w:id="{n}" w:name="_Toc{1000 + titles.index(text)}"/>'
            p = _paragraph(text, style=f"berschrift{min(level, 2)}", extra=mark)
            body.append(p.replace("</w:p>", f'<w:bookmarkEnd w:id="{n}"/></w:p>'))
        elif kind == "table":
            table = _table(payload, counter)
            if not commented:  # a comment anchored in the first table's first cell
                table = table.replace("<w:r", '<w:commentRangeStart w:id="0"/><w:r', 1)
                table = table.replace("</w:p>", '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>', 1)
                table = _tracked(table)
                commented = True
            body.append(table)
            body.append('<w:p><w:r><w:lastRenderedPageBreak/></w:r></w:p>')
        else:
            body.append(_paragraph(_strip_markup(payload)))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1417" w:right="1417" w:bottom="1134" w:left="1417" w:header="708" w:footer="708" '
            'w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}">'
            f'<w:body>{"".join(body)}{sect}</w:body></w:document>')


def write_word_like(markdown, path, toc_in_content_control=True):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", PACKAGE_RELS)
        z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        z.writestr("word/document.xml", word_document_xml(markdown, toc_in_content_control))
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/comments.xml", COMMENTS)
        z.writestr("word/header1.xml", HEADER)
    return path
