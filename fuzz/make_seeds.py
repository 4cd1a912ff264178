#!/usr/bin/env python3
"""Seed corpora for the structure-aware office harnesses (docs/fuzzing.md),
written into OUT/docx, OUT/xlsx and OUT/pdf from the checked-in fixtures:

  docx  word/document.xml, word/numbering.xml and word/styles.xml of each
        tests/fixtures/office/*.docx, joined by <!--part--> (fuzz_docx.cpp);
        styles.xml cut to the styles the document uses (Word's is 350 KB)
  xlsx  workbook, its rels, sharedStrings and up to three sheets of each
        *.xlsx, joined by <!--part--> (fuzz_xlsx.cpp), rows dropped from the
        end of the largest sheet until the seed fits the harness's 64 KB
  pdf   small uncompressed PDFs (CID font, ToUnicode map) laying out the
        bundled documents' lines as numbered paragraphs, a three-column
        table and repeated page furniture (the fixtures' PDFs are 240 KB,
        beyond kMaxInput), plus the small hostile PDFs

    fuzz/make_seeds.py OUT          (standard library only)
"""
import glob
import os
import re
import shutil
import sys
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OFFICE = os.path.join(ROOT, "tests", "fixtures", "office")
SEP = b"<!--part-->"
LIMIT = 60000


def member(z, name):
    try:
        return z.read(name)
    except KeyError:
        return b""


def used_styles(document, styles):
    """styles.xml holding only the styles `document` names and their basedOn chain."""
    blocks = {}
    for m in re.finditer(rb'<w:style\b[^>]*w:styleId="([^"]*)".*?</w:style>', styles, re.S):
        blocks[m.group(1)] = m.group(0)
    want = set(re.findall(rb'<w:pStyle w:val="([^"]*)"', document))
    want |= {k for k, v in blocks.items() if b"<w:numPr>" in v}
    todo = list(want)
    while todo:
        based = re.search(rb'<w:basedOn w:val="([^"]*)"', blocks.get(todo.pop(), b""))
        if based and based.group(1) not in want:
            want.add(based.group(1))
            todo.append(based.group(1))
    head = re.match(rb".*?<w:styles\b[^>]*>", styles, re.S)
    return (head.group(0) if head else b"<w:styles>") + b"".join(blocks[k] for k in sorted(want) if k in blocks) + b"</w:styles>"


def docx_seeds(out):
    for path in sorted(glob.glob(os.path.join(OFFICE, "*.docx"))):
        with zipfile.ZipFile(path) as z:
            doc = member(z, "word/document.xml")
            parts = [doc, member(z, "word/numbering.xml"), used_styles(doc, member(z, "word/styles.xml"))]
        write(out, os.path.basename(path), SEP.join(parts))


def shrink(parts):
    while sum(map(len, parts)) > LIMIT:
        i = max(range(3, len(parts)), key=lambda k: len(parts[k]))
        cut = parts[i].rfind(b"<row ")
        if cut < 0:
            break
        end = parts[i].find(b"</sheetData>", cut)
        parts[i] = parts[i][:cut] + (parts[i][end:] if end >= 0 else b"</sheetData></worksheet>")
    return parts


def xlsx_seeds(out):
    for path in sorted(glob.glob(os.path.join(OFFICE, "*.xlsx"))):
        with zipfile.ZipFile(path) as z:
            parts = [member(z, n) for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml")]
            parts += [member(z, "xl/worksheets/sheet%d.xml" % k) for k in (1, 2, 3)]
        write(out, os.path.basename(path), SEP.join(shrink(parts)))


def pdf(pages):
    """A PDF whose pages hold (x, y, size, text) runs in a CID font that maps
    each code to the Unicode code point of the same value (Identity-H)."""
    chars = {ord(c) for page in pages for _, _, _, t in page for c in t}
    highs = sorted({c >> 8 for c in chars if c < 0x10000})
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Q def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n%d beginbfrange\n" % len(highs))
    cmap += "".join("<%02X00> <%02XFF> <%02X00>\n" % (h, h, h) for h in highs)
    cmap += "endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
            b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
            stream(cmap.encode())]
    kids = []
    for page in pages:
        ops = "".join("BT /F1 %g Tf %g %g Td <%s> Tj ET\n" % (s, x, y, t.encode("utf-16-be").hex().upper())
                      for x, y, s, t in page)
        objs.append(stream(ops.encode()))
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objs)))
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def stream(data):
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def pdf_pages(lines, per_page, table):
    pages = []
    for k in range(0, len(lines), per_page):
        runs = [(290, 40, 9, "- %d -" % (len(pages) + 1)), (200, 800, 9, "国家知识产权局文件")]  # furniture
        y = 760
        for line in lines[k:k + per_page]:
            if table and "\t" in line:
                for x, cell in zip((60, 110, 420), line.split("\t")):
                    runs.append((x, y, 10.5, cell[:25]))
            else:
                for piece in (line[i:i + 36] for i in range(0, len(line), 36)):  # wrapped at 36 characters
                    runs.append((60, y, 12, piece))
                    y -= 18
                y += 18
            y -= 22
        pages.append(runs)
    return pages


def pdf_seeds(out):
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "corpus", "*.txt")))[:4]:
        with open(path, encoding="utf-8") as f:
            lines = [l.strip() for l in f if l.strip()][:24]
        stem = os.path.basename(path)[:3]
        write(out, stem + ".para.pdf", pdf(pdf_pages(lines, 12, False)))
        rows = ["序号\t重点任务\t负责单位"] + ["%d\t%s\t%s" % (i + 1, l[:40], "国家知识产权局") for i, l in enumerate(lines[4:20])]
        write(out, stem + ".table.pdf", pdf(pdf_pages(lines[:4] + rows, 10, True)))
    for name in ("bad-xref.pdf", "scan.pdf"):
        shutil.copy(os.path.join(OFFICE, "hostile", name), os.path.join(out, name))


def write(out, name, data):
    if len(data) > 65536:
        print("skipped (over 64 KB): %s" % name, file=sys.stderr)
        return
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for kind, fn in (("docx", docx_seeds), ("xlsx", xlsx_seeds), ("pdf", pdf_seeds)):
        os.makedirs(os.path.join(sys.argv[1], kind), exist_ok=True)
        fn(os.path.join(sys.argv[1], kind))


if __name__ == "__main__":
    main()
