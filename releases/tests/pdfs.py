"""Small PDFs written by hand for the tests (the corpus has none): a release's text laid out on Letter pages
in Helvetica, as a word processor would print it, and a page holding only an image, as a scanner would.

`release_pdf(text)` takes a plain-text release (paragraphs parted by blank lines): the first paragraph is the
title (large, bold, wrapped), one-line paragraphs of a few words are bold subheads, a paragraph of several lines
keeps its lines (a contact block), a long line is wrapped at the text width. A paragraph may run on to the next
page; each page may carry a running header and a "Page N of M" footer.
"""

from __future__ import annotations

import io
import textwrap
import zlib

PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 612, 792, 72
BODY, TITLE = 10, 16  # font sizes in points
WRAP = 95  # characters of 10-point Helvetica on a line of 468 points, about

# A conference call announcement with its About section and two contact blocks, as plain text
CALL_RELEASE = """Acme Widgets, Inc. Announces Conference Call to Discuss Its Fourth Quarter and Full Year 2024 Financial Results

BOSTON, Feb. 3, 2025 /PRNewswire/ -- Acme Widgets, Inc. (NASDAQ: ACMW), a maker of industrial widgets for the energy and water industries, today announced that it will host a conference call and webcast at 8:30 a.m. Eastern Time on Thursday, February 13, 2025, to discuss its financial results for the fourth quarter and full year ended December 31, 2024.

To access the live call by phone, dial 1-800-555-0100 (toll-free) or 1-212-555-0199 (international) and provide the conference ID 4417822. The live webcast will be available on the Investors section of the company's website at www.acmewidgets.com. A replay of the call will be available through February 27, 2025 by dialing 1-800-555-0111, passcode 4417822.

About Acme Widgets, Inc.

Acme Widgets, Inc. designs and manufactures industrial widgets that help utilities and industrial customers measure and control the flow of water and energy. Founded in 1952, the company is headquartered in Boston, Massachusetts. For more information, visit www.acmewidgets.com.

Investor Contact:
Jane Doe
Vice President, Investor Relations
+1 617-555-0142
ir@acmewidgets.com

Media Contact:
John Roe
Roe Communications
+1 617-555-0187
john@roecomms.com
"""  # noqa: E501


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def release_pdf(text: str, *, header: str = "", footer: bool = False, line_gap: float = 1.2,
                paragraph_gap: float = 8, columns: dict[str, list[str]] | None = None) -> bytes:
    """columns: a paragraph's first line -> the lines printed beside it (a two-column contact block)."""
    paragraphs = [p.strip("\n") for p in text.strip().split("\n\n") if p.strip()]
    pages: list[list[tuple]] = [[]]
    y = PAGE_HEIGHT - MARGIN

    def put(x: float, size: float, font: str, line: str) -> None:
        nonlocal y
        if y < MARGIN:
            pages.append([])
            y = PAGE_HEIGHT - MARGIN
        pages[-1].append((x, y, size, font, line))

    for number, paragraph in enumerate(paragraphs):
        lines = paragraph.split("\n")
        if number == 0:
            size, font, lines = TITLE, "F2", textwrap.wrap(" ".join(lines), 60)
        elif len(lines) == 1 and len(lines[0]) < 60 and not lines[0].endswith("."):
            size, font = BODY, "F2"
        else:
            size, font = BODY, "F1"
            lines = [part for line in lines for part in (textwrap.wrap(line, WRAP) or [""])]
        beside = (columns or {}).get(lines[0], [])
        for index, line in enumerate(lines):
            put(MARGIN, size, font, line)
            if index < len(beside):
                pages[-1].append((MARGIN + 250, y, size, font, beside[index]))
            y -= size * line_gap
        y -= paragraph_gap
    total = len(pages)
    for number, runs in enumerate(pages, start=1):
        if header:
            runs.insert(0, (MARGIN, PAGE_HEIGHT - 40, 8, "F1", header))
        if footer:
            runs.append((PAGE_WIDTH / 2 - 20, 40, 8, "F1", f"Page {number} of {total}"))
    return pdf_bytes([page_stream(runs) for runs in pages])


def page_stream(runs: list[tuple]) -> bytes:
    return "\n".join(f"BT /{font} {size} Tf {x:g} {y:g} Td ({escape(text)}) Tj ET"
                     for x, y, size, font, text in runs).encode("cp1252")


def scanned_pdf(pages: int = 1) -> bytes:
    """Pages that each show one grey image and no text: what a scanner produces without OCR."""
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 " \
            b"/Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream"
    return pdf_bytes([b"q 612 0 0 792 0 0 cm /Im1 Do Q"] * pages, image=image)


def encrypted_pdf(text: str, password: str = "secret") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(release_pdf(text)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_bytes(streams: list[bytes], *, image: bytes | None = None) -> bytes:
    """A PDF file of one page per content stream (compressed), with Helvetica, Helvetica-Bold and an image."""
    objects: list[bytes] = [b"", b""]  # the catalog and the page tree, written once the pages are known
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    xobjects = ""
    if image is not None:
        objects.append(image)
        xobjects = f"/XObject << /Im1 {len(objects)} 0 R >>"
    kids = []
    for stream in streams:
        data = zlib.compress(stream)
        objects.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Contents {len(objects)} 0 R "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> {xobjects} >> >>".encode()
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
