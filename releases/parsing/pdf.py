"""PDF bytes -> Document: the text layer of each page, laid out as blocks.

pypdf's layout mode prints each page's text at its place (a fixed-width page, columns kept apart by spaces) and
marks the distance between lines with blank lines, here a quarter of a line's height each. From that:
- a gap wider than the document's usual line step starts a new block (a paragraph, a contact block);
- a wrapped line joins the next one (the next line's first word would not have fitted on it), other lines stay
  lines, so a contact block keeps "Jane Doe" / "Investor Relations" / a phone apart;
- lines printed in columns (a two-column contact block, a table of figures) make a table block;
- text printed clearly larger than the body is a heading: the largest on the first page an h1 (the headline);
- page numbers and a header or footer repeated on the pages are left out; a paragraph cut by a page break is
  joined again.
A PDF with no text layer (a scan), an encrypted, damaged or oversized one raises ParseError.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .document import BULLET_RE, Block, Document, block_html, collapse, table_html
from .errors import ParseError

MAX_PAGES = 60  # a release with its financial tables runs to a dozen pages; an annual report is not a release
MAX_TEXT = 1_000_000  # characters of text over all pages
MAX_STREAM = 20_000_000  # bytes a single compressed stream may inflate to
STEP = 0.25  # the height, in lines of text, that one blank line of the layout stands for
SCAN = ("This PDF has no text layer: its pages are images only, so it may be a scan. Upload the release as text, "
        ".html or .docx, or a PDF saved from the original document.")
DAMAGED = "This PDF is damaged or incomplete, so its text could not be read."
ENCRYPTED = ("This PDF is encrypted (password-protected), so its text cannot be read: upload a copy saved without "
             "a password, or the release as text, .html or .docx.")

# "   ": columns printed side by side (a wider gap than any space between words)
COLUMN_GAP_RE = re.compile(r" {3,}")
# "Page 2 of 3" / "- 2 -" / "2" / "2/3": a page number on a line of its own
PAGE_NUMBER_RE = re.compile(r"(?:page\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,3})?", re.I)
# "...the company said." / "Contacts:": a line that ends a sentence or opens a list, so a page break after it
# is a paragraph break
LINE_END_RE = re.compile(r"[.!?:;][\"'”’)]?$")
# "...December 31, 2024." / "About Acme Widgets, Inc.": a line that ends a sentence
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]?$")
HEADING_SCALE = 1.15  # text this much larger than the body's is a heading


@dataclass
class Line:
    text: str  # as laid out: leading spaces are its indent, runs of spaces part columns
    gap: int  # blank layout lines above it (-1 at the top of a page)

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @property
    def right(self) -> int:
        return len(self.text.rstrip())

    @property
    def cells(self) -> list[str]:
        return [collapse(c) for c in COLUMN_GAP_RE.split(self.text.strip()) if c.strip()]


@dataclass
class Paragraph:
    page: int
    lines: list[Line] = field(default_factory=list)


def pdf_document(raw: bytes) -> Document:
    with quiet_pypdf():
        reader = open_pdf(raw)
        pages = page_texts(reader)
        sizes = text_sizes(reader)
    if sum(1 for c in "".join(pages) if c.isalpha()) < 20:
        raise ParseError(SCAN)
    lines = [list(page_lines(text)) for text in pages]
    width = text_width([line for page in lines for line in page])
    paragraphs = drop_page_furniture(paragraphs_of(lines, width))
    placed = [(p.page, block) for p in join_page_breaks(paragraphs, width) for block in paragraph_blocks(p, width)]
    return Document(blocks=tuple(with_headings(placed, sizes)), kind="pdf")


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs (and warns about) every flaw it repairs in a file: noise for the person uploading it. Its
    decompression limits are lowered to what a release needs, and it never calls an external image decoder."""
    import pypdf

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(), pypdf.apply_configuration(
            zlib_maximum_output_length=MAX_STREAM, lzw_maximum_output_length=MAX_STREAM,
            run_length_maximum_output_length=MAX_STREAM, brotli_maximum_output_length=MAX_STREAM,
            array_based_stream_maximum_output_length=MAX_STREAM, jbig2dec_binary=None,
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def open_pdf(raw: bytes):
    import pypdf
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):  # a PDF locked only against editing opens with ""
            raise ParseError(ENCRYPTED)
        count = len(reader.pages)
    except ParseError:
        raise
    except (DependencyError, NotImplementedError) as exc:  # an encryption pypdf cannot undo without a library
        raise ParseError(ENCRYPTED) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        # pypdf raises its own errors for a damaged file, and plain ones where the damage is deeper
        raise ParseError(DAMAGED) from exc
    if count == 0:
        raise ParseError(DAMAGED)
    if count > MAX_PAGES:
        raise ParseError(f"This PDF has {count} pages; a press release may have at most {MAX_PAGES}.")
    return reader


def page_texts(reader) -> list[str]:
    """Each page's text as laid out, one blank line per quarter of a line's height between lines."""
    texts, total, failed = [], 0, 0
    for page in reader.pages:
        try:
            text = page.extract_text(extraction_mode="layout", layout_mode_space_vertically=True,
                                     layout_mode_font_height_weight=STEP)
        except Exception:  # one damaged page: the others may still hold the release
            failed += 1
            text = ""
        total += len(text.strip())
        if total > MAX_TEXT:
            raise ParseError(f"This PDF holds more than {MAX_TEXT:,} characters of text: it is not a press release.")
        texts.append(text)
    if failed == len(texts):
        raise ParseError(DAMAGED)
    return texts


def text_sizes(reader) -> dict[float, str]:
    """The text shown at each font size on the first pages (rounded to a point), whitespace left out, in the
    order it is drawn: which lines are headings. Only pypdf's plain mode reports sizes."""
    shown: dict[float, list[str]] = {}

    def visit(text, cm, tm, font, size) -> None:
        if not text.strip() or not size:
            return
        scale = abs(tm[2] * cm[1] + tm[3] * cm[3]) or abs(tm[0] * cm[0] + tm[1] * cm[2]) or 1.0
        shown.setdefault(round(size * scale), []).append("".join(text.split()))

    for page in reader.pages[:3]:
        try:
            page.extract_text(visitor_text=visit)
        except Exception:  # headings are a refinement: a page that fails here was read above
            continue
    return {size: "".join(parts) for size, parts in shown.items()}


# --- pages -> paragraphs ---------------------------------------------------------------------

def paragraphs_of(lines: list[list[Line]], width: int) -> list[Paragraph]:
    step = usual_gap([line for page in lines for line in page])
    paragraphs: list[Paragraph] = []
    for number, page in enumerate(lines):
        current = Paragraph(number)
        previous: Line | None = None
        for line in page:
            if current.lines and starts_paragraph(line, previous, current, step, width):
                paragraphs.append(current)
                current = Paragraph(number)
            current.lines.append(line)
            previous = line
        if current.lines:
            paragraphs.append(current)
    return paragraphs


def page_lines(text: str) -> Iterator[Line]:
    gap = -1
    for raw in text.split("\n"):
        if not raw.strip():
            gap += 1 if gap >= 0 else 0
            continue
        yield Line(raw.replace("\t", " ").rstrip(), gap)
        gap = 0


def usual_gap(lines: list[Line]) -> int:
    """The document's line step: the commonest gap between lines (that of the body's lines)."""
    gaps = Counter(line.gap for line in lines if 0 <= line.gap <= 12)
    return gaps.most_common(1)[0][0] if gaps else 3


def starts_paragraph(line: Line, previous: Line, current: Paragraph, step: int, width: int) -> bool:
    if line.gap >= step + 2:  # half a line or more of extra space
        return True
    # Where paragraphs are not spaced apart: a sentence ends short of the margin and prose follows (in a contact
    # block, "Acme Corp." is followed by a short line)
    if (SENTENCE_END_RE.search(previous.text) and not wraps(previous, line, width) and line.right >= width * 0.6
            and len(line.cells) == 1):
        return True
    # A first-line indent after a short line, where paragraphs are not spaced apart
    margin = min(x.indent for x in current.lines)
    return line.indent >= margin + 3 and previous.right < max(x.right for x in current.lines) * 0.8


def drop_page_furniture(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Page numbers, and a page's first or last line when another page opens or ends with it too (a running
    header, a letterhead, a footer)."""
    edges: dict[int, set[str]] = {}
    for page in {p.page for p in paragraphs}:
        on_page = [p for p in paragraphs if p.page == page]
        edges[page] = {furniture_key(on_page[0].lines[0]), furniture_key(on_page[-1].lines[-1])}
    seen = Counter(key for keys in edges.values() for key in keys)
    kept = []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.lines
                 if not PAGE_NUMBER_RE.fullmatch(line.text.strip())
                 and not (seen[key := furniture_key(line)] >= 2 and key in edges[paragraph.page])]
        if lines:
            kept.append(Paragraph(paragraph.page, lines))
    return kept


def furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", collapse(line.text)).casefold()


def text_width(lines: list[Line]) -> int:
    """Where the body's lines end: most wrapped lines reach within a word of it."""
    rights = sorted(line.right for line in lines if len(line.cells) == 1)
    return rights[int(len(rights) * 0.9)] if rights else 80


def join_page_breaks(paragraphs: list[Paragraph], width: int) -> list[Paragraph]:
    """A paragraph that runs on over a page break is one paragraph."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        last = joined[-1] if joined else None
        if (last is not None and paragraph.page == last.page + 1 and paragraph is first_on_page(paragraphs, paragraph)
                and wraps(last.lines[-1], paragraph.lines[0], width) and not LINE_END_RE.search(last.lines[-1].text)):
            last.lines.extend(paragraph.lines)
            continue
        joined.append(Paragraph(paragraph.page, list(paragraph.lines)))
    return joined


def first_on_page(paragraphs: list[Paragraph], paragraph: Paragraph) -> Paragraph:
    return next(p for p in paragraphs if p.page == paragraph.page)


def wraps(line: Line, following: Line, width: int) -> bool:
    """The line was wrapped: the next line's first word would not have fitted on it."""
    if len(line.cells) > 1 or len(following.cells) > 1 or BULLET_RE.match(following.text.strip()):
        return False
    word = following.text.split()[0]
    return line.right + 1 + len(word) > width


# --- paragraphs -> blocks ---------------------------------------------------------------------

def paragraph_blocks(paragraph: Paragraph, width: int) -> list[Block]:
    lines = paragraph.lines
    if sum(1 for line in lines if len(line.cells) > 1) >= 2:
        rows = ["\t".join(line.cells) for line in lines]
        return [Block(text="\n".join(rows), tag="table", html=table_html(rows))]
    blocks: list[Block] = []
    texts: list[str] = []
    tag = "p"

    def flush() -> None:
        nonlocal tag
        if texts:
            text = "\n".join(texts)
            blocks.append(Block(text=text, tag=tag, html=block_html(text, tag, ())))
            texts.clear()
        tag = "p"

    for position, line in enumerate(lines):
        text = collapse(line.text)
        bullet = BULLET_RE.match(text)
        if bullet:
            flush()
            tag, text = "li", text[bullet.end():]
        if texts and position and wraps(lines[position - 1], line, width):
            texts[-1] += text if texts[-1].endswith("-") else " " + text  # "toll-" / "free": one word again
        else:
            texts.append(text)
    flush()
    return blocks


def with_headings(placed: list[tuple[int, Block]], sizes: dict[float, str]) -> list[Block]:
    """Blocks printed larger than the body as h2, the largest (of three words or more) on the first page as h1."""
    blocks = [block for _, block in placed]
    if not sizes:
        return blocks
    body = max(sizes, key=lambda size: len(sizes[size]))
    larger = sorted((size for size in sizes if size >= body * HEADING_SCALE), reverse=True)
    levels = [heading_size(block, larger, sizes, body) for block in blocks]
    first_page = placed[0][0] if placed else 0
    candidates = [i for i, size in enumerate(levels)
                  if size and placed[i][0] == first_page and len(blocks[i].text.split()) >= 3]
    headline = max(candidates, key=lambda i: (levels[i], -i), default=None)
    return [
        block if size is None else Block(text=block.text, tag=(tag := "h1" if index == headline else "h2"),
                                         links=block.links, html=block_html(block.text, tag, block.links))
        for index, (block, size) in enumerate(zip(blocks, levels))
    ]


def heading_size(block: Block, larger: list[float], sizes: dict[float, str], body: float) -> float | None:
    """The size a block is printed at when that is larger than the body's: its text is all among that size's."""
    bare = "".join(block.text.split())
    if block.tag == "table" or len(bare) < 4 or bare in sizes[body]:
        return None
    return next((size for size in larger if bare in sizes[size]), None)
