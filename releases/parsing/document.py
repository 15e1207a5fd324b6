"""Raw upload -> Document: decoded text split into blocks (paragraph-like units).

Every later stage reads blocks, never raw bytes or HTML. A block keeps its text
(whitespace collapsed within a line, line breaks kept where the source had them, e.g.
in a contact block) and the links it contained, so that "click here" can be resolved
to its href.

`to_document(raw, filename=...)` accepts the bytes (or text) of a plain-text or
markdown-style release, an HTML page or SEC exhibit (EDGAR `<DOCUMENT>` wrapper
included), a .docx file or a PDF with a text layer. It raises ParseError for input that is not text at all.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape, unescape
from itertools import islice

from .errors import ParseError
from .fields import CORP_SUFFIX, header_date, parse_dateline


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Block:
    text: str  # lines joined by "\n"
    tag: str = "p"  # "p", "h1".."h6", "li", "table", "pre": where it came from
    links: tuple[Link, ...] = ()
    html: str = ""  # sanitized HTML of the block, for the body; empty for plain text input

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    title: str | None = None  # an HTML <title> or og:title, if any
    kind: str = "text"  # "text", "html", "docx", "pdf"
    meta: tuple[tuple[str, str], ...] = ()  # selected <meta> name/content pairs of an HTML page


# --- decoding ---------------------------------------------------------------------------

UTF8_BOM = b"\xef\xbb\xbf"
# Control characters other than tab, newline, form feed and carriage return: text has none.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(raw: bytes) -> str:
    """Bytes -> text: UTF-8 (with or without BOM) or UTF-16 with BOM; a byte that is not UTF-8 is read as
    Windows-1252 (Latin-1 where that has no character), so a file mixing the two keeps both."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM):]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:8192]:
        raise ParseError("This file is binary, not text: upload the release as .txt, .html, .docx or .pdf.")
    return raw.decode("utf-8", errors=CP1252_FALLBACK)


def cp1252_byte(error: UnicodeDecodeError) -> tuple[str, int]:
    """A codecs error handler: the offending bytes as Windows-1252, else Latin-1."""
    chunk = error.object[error.start:error.end]
    try:
        return chunk.decode("cp1252"), error.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), error.end


CP1252_FALLBACK = "irsite-cp1252-fallback"
codecs.register_error(CP1252_FALLBACK, cp1252_byte)


def check_text(text: str) -> str:
    if not text.strip():
        raise ParseError("The file is empty: there is no release text to read.")
    sample = text[:20000]
    if len(CONTROL_RE.findall(sample)) > max(8, len(sample) // 100):
        raise ParseError("This file is binary, not text: upload the release as .txt, .html, .docx or .pdf.")
    return CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --- entry point ------------------------------------------------------------------------

DOCX_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
# <DOCUMENT>\n<TYPE>EX-99.1 ... <TEXT> ... </TEXT>: an EDGAR full-text submission
EDGAR_DOCUMENT_RE = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.S | re.I)
EDGAR_TYPE_RE = re.compile(r"<TYPE>\s*([^\s<]+)", re.I)
EDGAR_TEXT_RE = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)
EDGAR_TAG_LINE_RE = re.compile(
    r"^[ \t]*</?(?:SEC-DOCUMENT|SEC-HEADER|IMS-HEADER|DOCUMENT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|TEXT)>.*$",
    re.M | re.I,
)
# <TYPE>EX-99.1 opening the file: the header of one document of an EDGAR submission
EDGAR_HEADER_START_RE = re.compile(r"\s*<(?:TYPE|SEQUENCE|FILENAME|DESCRIPTION)>", re.I)
# <html, <!DOCTYPE html, <body, <div ...: markup rather than text
HTML_SNIFF_RE = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|table|font|span|br)\b", re.I)


def to_document(raw: str | bytes, *, filename: str = "") -> Document:
    if isinstance(raw, bytes):
        if raw.startswith(DOCX_MAGIC) or filename.lower().endswith(".docx"):
            return docx_document(raw)
        if raw[:1024].lstrip().startswith(PDF_MAGIC) or filename.lower().endswith(".pdf"):
            from .pdf import pdf_document  # pdf.py builds on this module's Block: imported here, not at the top

            return pdf_document(raw)
        text = decode(raw)
    else:
        text = raw
    text = check_text(text)
    text = edgar_text(text)
    if looks_like_html(text, filename):
        from .html import html_document  # html.py builds on this module's Block: imported here, not at the top

        return html_document(text)
    return text_document(text)


def edgar_text(text: str) -> str:
    """The press release inside an EDGAR SGML wrapper: the EX-99 document's <TEXT>, else the first."""
    if "<DOCUMENT>" not in text[:20000].upper():  # after an SEC header, which may list many filers
        # One document cut out of a submission keeps its own header (<TYPE>EX-99.1 / <SEQUENCE>2 / <FILENAME>...)
        # and <TEXT> around the exhibit, without the <DOCUMENT> around them.
        if not EDGAR_HEADER_START_RE.match(text):
            return text
        inner = EDGAR_TEXT_RE.search(text)
        return EDGAR_TAG_LINE_RE.sub("", inner.group(1) if inner else text)
    documents = EDGAR_DOCUMENT_RE.findall(text)
    if not documents:
        return text
    chosen = next((d for d in documents if (m := EDGAR_TYPE_RE.search(d)) and m.group(1).upper().startswith("EX-99")),
                  documents[0])
    inner = EDGAR_TEXT_RE.search(chosen)
    # The wrapper's own lines (<TYPE>, <FILENAME>, <DESCRIPTION>, a nested <DOCUMENT>) describe the filing, not the
    # release.
    return EDGAR_TAG_LINE_RE.sub("", inner.group(1) if inner else chosen)


def looks_like_html(text: str, filename: str) -> bool:
    # A page rendered by a server template may open with thousands of blank lines or spaces before
    # "<!doctype html>": the sniffing windows count from the first printed character.
    start = len(text) - len(text.lstrip())
    if filename.lower().endswith((".htm", ".html", ".xhtml")) and re.search(r"<[a-zA-Z!]", text[start:start + 4000]):
        return True
    tags = [tag.lower() for tag in HTML_SNIFF_RE.findall(text[start:start + 20000])]
    # (Markdown with a "<br>" or two among its lines is still Markdown: "**Media Contact:**\n<br>\nNatasha Woods")
    return len(tags) >= 2 and (text[start:start + 1] == "<" or any(tag != "<br" for tag in tags))


DOCX_MAX_INFLATED = 50 * 1024 * 1024  # a real release's .docx inflates to a few MB at most
DOCX_MAX_PARTS = 2000


def docx_document(raw: bytes) -> Document:
    check_docx_size(raw)
    try:
        import docx  # python-docx

        word = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises BadZipFile, KeyError, ValueError and lxml errors alike
        raise ParseError("This file is not a readable Word (.docx) document.") from exc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks = []
    for child in word.element.body.iterchildren():
        kind = child.tag.rsplit("}", 1)[-1]
        if kind == "p":
            paragraph = Paragraph(child, word)
            text = collapse(paragraph.text)
            if text:
                blocks.append(text_block(text, docx_tag(paragraph)))
        elif kind == "tbl":
            rows = ["\t".join(collapse(cell.text) for cell in row.cells) for row in Table(child, word).rows]
            if any(r.strip() for r in rows):
                blocks.append(Block(text="\n".join(rows), tag="table", html=table_html(rows)))
    return Document(blocks=tuple(blocks), kind="docx")


def check_docx_size(raw: bytes) -> None:
    """Refuse a .docx whose parts would inflate beyond reason (a zip bomb) before python-docx inflates them."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ParseError("This file is not a readable Word (.docx) document.") from exc
    if len(parts) > DOCX_MAX_PARTS or sum(part.file_size for part in parts) > DOCX_MAX_INFLATED:
        raise ParseError(
            f"This Word file would expand to more than {DOCX_MAX_INFLATED // 1048576} MB: it is not a press release."
        )


def docx_tag(paragraph) -> str:
    """Word's Title and Heading N styles as h1..h6, list styles as li, the rest as p."""
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if style == "title":
        return "h1"
    if style.startswith("heading") and style[-1:].isdigit():
        return f"h{min(int(style[-1]), 6)}"
    return "li" if "list" in style else "p"


# --- plain and markdown-style text --------------------------------------------------------

# ---\ntitle: "X"\ndate: "2025-02-12 20:10:00"\n---  (front matter of a repost site)
FRONT_MATTER_RE = re.compile(r"\A\s*---\n(?P<body>.*?)\n---\n", re.S)
FRONT_FIELD_RE = re.compile(r'^(?P<key>title|date):\s*+"?(?P<value>.*?)"?\s*$', re.M)
# ![Business Wire](/images/bwlogo.png)
# ![logo](/logo.png "Return to PR Newswire homepage"): a title may follow the address
MD_IMAGE_RE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)")
# [ImmunoGen, Inc.](http://www.immunogen.com)
# (Neither part may hold its own opening bracket: runs of "[" or "](" then cost linear time, not quadratic.)
MD_LINK_RE = re.compile(
    r"\[(?P<text>[^\[\]\n]{0,500})\]\((?P<href>[^()\[\]\s<>]{1,2000})(?:\s+\"[^\"\n]{0,300}\")?\)")
# <http://www.immunogen.com>
ANGLE_URL_RE = re.compile(r"<(?P<href>(?:https?://|www\.)[^<>\s]{1,2000})>")
# Heading\n======= / Contacts\n--------: a setext heading's underline
SETEXT_RE = re.compile(r"^(?:=+|-+)$")
# | John Stevens, CEO | Tim Pierce |: a row of a Markdown table; | --- | --- |: its rule
MD_TABLE_ROW_RE = re.compile(r"^\|.*\|$")
MD_TABLE_RULE_RE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
# # Heading / ## Contacts
MD_HEADING_RE = re.compile(r"^(?P<level>#{1,6})\s++(?P<text>.*)$")
# * item / - item / • item / ● item
BULLET_RE = re.compile(r"^(?:[*•●▪■◦·]|--?(?=\s)|\d{1,2}[.)](?=\s))\s+")
# **bold** / __bold__
MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1", re.S)  # may span a block's lines
# _Proven P2P and B2B Network_ / *italic* (not snake_case or a*b)
MD_ITALIC_RE = re.compile(r"(?<![\w*])([*_])(?=\S)([^\n]{1,300}?)(?<=\S)\1(?![\w*])")
# "...patient needs.   By investing ..." : paragraphs of a flattened page parted by runs of spaces
FLAT_BREAK_RE = re.compile(r"(?<=[.!?:\"”)])[ \u00a0]{3,}(?=\S)")
FLAT_LINE = 300  # only lines this long are flattened paragraphs
# "... after the close of the U.S. markets.The earnings call ..." / "... http://ir.acme.com/.About Acme, Inc.Acme,
# Inc. is ...": a scraper that dropped the paragraph breaks of a page, a full stop glued to the next paragraph
GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z0-9/)]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][”\"])(?=[A-Z])")
# "... please visit: http://ir.acme.com/. Contact for Media and Investors:Jane Doe ..." / "...-301006346.htmlSOURCE
# Acme": a contact label, the wire's credit line or its SOURCE line run into the text before it
FLAT_SECTION_RE = re.compile(
    r"(?<=[.!?])\s+(?=(?:for\s+(?:investor|media|press|more|further|additional)\b[^.:\n]{0,60}|"
    r"(?:investor|media|press|company)?\s*(?:relations\s+)?contacts?\b[^.:\n]{0,40}):)|"
    r"(?<=\S)\s*(?=View original content\b)|(?<=\S)(?=SOURCE\s+[A-Z])",
    re.I,
)
# "... inventories. About Agilent Technologies Agilent Technologies Inc. is ...": an About heading run into the text
FLAT_ABOUT_RE = re.compile(r"(?<=[.!?”\"])\s+(?=About\s+((?:[A-Z][\w&'’.-]*\s+){1,5})\1)")
# "... Earnings Call 9M 2025.About Shelly Group" (end of line): an About heading glued to the sentence before it
GLUED_ABOUT_RE = re.compile(r"(?<=[\w)”\"][.!?])(?=About [A-Z][^.!?\n]{1,60}$)", re.M)
# "...financial results., To join the call, ..." / "...LOGO, , To view the original ...": a feed that saved a page's
# paragraphs joined by ", " (an empty paragraph leaves ", , "), a sentence's full stop right before the comma
EMPTY_JOIN_RE = re.compile(r",(?: ,)+ (?=\S)")
# (not before a company suffix: "Amazon.com, Inc.")
SENTENCE_JOIN_RE = re.compile(
    r"(?:(?<=[.!?:]), (?=[A-Z“\"])|(?<=\.[a-z]{3}), (?=[A-Z][a-z]))(?!" + CORP_SUFFIX + r"\b)")
# The word before a joining full stop ends a sentence, not an abbreviation ("Calif., Oct. 5" / "Inc., Beta"): a
# lower-case word, a number, a web or mail address, a long capitalised word or one in capitals without inner dots
SENTENCE_END_WORD_RE = re.compile(r"\W{0,3}(?:[a-z]{3,}|[\d()+-]{0,12}\d{3,}|\S+\.[a-z]{2,6}|(?:https?://|www\.)\S+|"
                                  r"[A-Z][A-Za-z]{5,}|[A-Z]{4,})[.!?:)”\"]{0,3}")
JOINS_MIN = 3  # joins in a document before its commas are read as paragraph breaks
# "Carley PartridgePR SpecialistPress@acme.com" / "CONTACT:Jane Doe": a paragraph's lines run together in such a
# feed, each glued to the next where a lower-case letter meets capitals or an e-mail address
# ("McDonald", "DeAngelis" and "Jan.deVries@" keep their capitals: a glued word has four lower-case letters or more)
GLUED_LINE_RE = re.compile(r"(?<=[a-z])(?=[A-Z]{2})|(?<=[a-z]{4})(?=[A-Z][a-z])|(?<=[A-Z]:)(?=[A-Z][a-z])|"
                           r"(?<=[a-z]{2})(?=[+(]\d)")
GLUED_LINES_MAX = 160  # only a short paragraph (a contact's name, title and address) is un-glued
# "www.acme.comE-Mail: info@acme.com" / "@Acme_TechFacebook: Acme" / "AcmePhone: 555-0100": a page's contact lines
# run together when its line breaks were lost, each label glued to the value before it
# (two characters before the label, so "iPhone:" stays whole; after a capital only a label with lower-case letters,
# so "APEX:" does too)
GLUED_LABEL_RE = re.compile(r"(?<=\S[a-z0-9_:])(?=(?:E-?[Mm]ail|Phone|Tel|Telephone|Fax|Mobile|Website|Web|X|Twitter|"
                            r"Facebook|LinkedIn|Instagram|YouTube):[ ])|"
                            r"(?<=\S[A-Z])(?=(?:E-?mail|Phone|Website|Twitter|Facebook|LinkedIn|Instagram|YouTube):"
                            r"[ ])")
# "Contact Acme:Website: ..." / "Investor Relations:Jane Doe, Acme": a contact block's label glued to its first line
GLUED_CONTACT_LABEL_RE = re.compile(
    r"^(?P<label>[ \t]*(?:Contacts?|Investor Relations|Investors|Media(?: Relations)?|Press|Enquiries|Inquiries)"
    r"(?: [A-Z][\w&.’'-]*){0,3}:)(?=[A-Z])", re.M)
PAGE_MARK_RE = re.compile(r"^[^\S\n]*</?(?:PAGE|S|C|FN|CAPTION|TABLE)>\s*$", re.I | re.M)
UNWRAPPED_LINE = 200  # no text is hard-wrapped this wide
WRAP_WIDTH = 55  # a line at least this long, in a hard-wrapped paragraph, continues on the next
# https://wire.example/news/...?utm_source=... / <https://...> / [Read more](https://...): a link alone on its line,
# as long as it is, says nothing of how the text around it is wrapped
LINK = r"<?(?:https?://|www\.)\S+>?"
LINK_ONLY_RE = re.compile(LINK)  # a paragraph that is one link and nothing else
URL_ONLY_RE = re.compile(LINK + r"|\[[^\]\n]*\]\(\S+\)")
# A line of a hard-wrapped paragraph stops mid-sentence; one of a paragraph per line ends with its sentence
SENTENCE_END_RE = re.compile(r"[.!?][”\"’)]?$")
# "... results." / "Webcast details:" / "... said.”": where a line of an unwrapped stretch ends its paragraph
PARAGRAPH_END_RE = re.compile(r"[.!?:;”\"]$")
# "(NYSE:" / "(Nasdaq:": a listing cut by the wrap, where a line ending in a colon still goes on
LISTING_CUT_RE = re.compile(r"\([A-Za-z ]{2,20}:$")
WRAP_RUN = 3  # lines in a row within WRAP_SLACK of one another, none ending a sentence: a paragraph hard-wrapped
WRAP_SLACK = 12  # a wrapped line falls short of the wrap width by at most a long word
WRAP_MIN = 30  # narrower than this, lines are a list or a letterhead, not a wrapped paragraph
HARD_WRAP_MAX = 100  # a text whose long lines are wider than this is not hard-wrapped
WRAP_FILLED = 0.35  # the share of a hard-wrapped text's lines that fill the wrap width
WRAP_TOLERANCE = 2  # columns a wrapping tool may leave or overrun
# A long link ends a list item, and a label starts the next: "Call me link: https://..." over
# "Webcast: https://..." is two lines of a call's details, not one wrapped sentence
URL_END_RE = re.compile(r"(?:https?://|www\.)\S+$")
# (BUSINESS WIRE) / /PRNewswire/ / (GLOBE NEWSWIRE): a wire's marker, which a dateline standing alone ends with
WIRE_MARK_RE = re.compile(r"\((?:business\s?wire|globe\s?newswire|accesswire)\)|/\s?prnewswire\S*\s?/", re.I)
DATELINE_ALONE_MAX = 100
# "View source version on businesswire.com: https://...": the wire's credit, after which the contacts begin
CREDIT_LINE_RE = re.compile(r"^view (?:the )?(?:source|original)\b", re.I)
DETAIL_START_RE = re.compile(r"[A-Z][\w/&-]*(?: [\w/&-]+){0,3}:(?:\s|$)|(?:[A-Z][\w&-]*\s){0,3}Contacts?:?$")


ENTITY_RE = re.compile(
    r"&(?:amp|lt|gt|quot|apos|nbsp|rsquo|lsquo|rdquo|ldquo|ndash|mdash|hellip|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


BR_LINE_RE = re.compile(r"(?<=\n)[ \t]*+<br\s*+/?>[ \t]*+\n", re.I)
BR_TAG_RE = re.compile(r"<br\s*+/?>", re.I)
BACKSLASH_BREAK_RE = re.compile(r"(?<=\S)[ \t]*+\\(?=\n)")


def text_document(text: str) -> Document:
    title = None
    meta: list[tuple[str, str]] = []
    front = FRONT_MATTER_RE.match(text)
    if front:
        fields = {m["key"]: m["value"] for m in FRONT_FIELD_RE.finditer(front["body"])}
        title = collapse(fields.get("title", "")) or None
        meta = [(key, value) for key, value in fields.items()]
        text = text[front.end():]
    text = PAGE_MARK_RE.sub("", text)
    # "**Media Contact:**\n<br>\nNatasha Woods": Markdown's HTML line breaks, a line of their own or inside one
    text = BR_LINE_RE.sub("", text)
    text = BR_TAG_RE.sub("\n", text)
    text = BACKSLASH_BREAK_RE.sub("", text)  # "Natasha Woods \": Markdown's other line break
    # "Peapack Private Bank &amp; Trust": a page saved as Markdown keeps the HTML's character references
    text = ENTITY_RE.sub(lambda m: unescape(m.group(0)), text)
    text = GLUED_CONTACT_LABEL_RE.sub("\\g<label>\n", GLUED_LABEL_RE.sub("\n", text))
    text = comma_joined_paragraphs(text)
    text = "\n".join(unflatten(line) if len(line) > FLAT_LINE else line for line in text.split("\n"))
    lines = text.split("\n")
    text = "\n".join([glued_dateline(line) for line in lines[:GLUED_PLACE_LINES]] + lines[GLUED_PLACE_LINES:])
    text = GLUED_ABOUT_RE.sub("\n\n", text)
    return Document(blocks=tuple(text_blocks(text)), title=title, kind="text", meta=tuple(meta))


def comma_joined_paragraphs(text: str) -> str:
    """Paragraph breaks back into a page whose paragraphs were saved joined by commas; text without the signature
    is returned as it is."""
    joins = [m for m in SENTENCE_JOIN_RE.finditer(text) if SENTENCE_END_WORD_RE.fullmatch(last_word(text, m.start()))]
    if len(joins) + 2 * len(EMPTY_JOIN_RE.findall(text)) < JOINS_MIN:
        return text
    parts, last = [], 0
    for match in joins:
        parts.append(text[last:match.start()])
        last = match.end()
    parts.append(text[last:])
    paragraphs = [p for part in parts for p in EMPTY_JOIN_RE.split(part)]
    return "\n\n".join(unglued(p.strip()) for p in paragraphs if p.strip())


def last_word(text: str, end: int) -> str:
    words = text[max(0, end - 80):end].split()
    return words[-1] if words else ""


def unglued(paragraph: str) -> str:
    if len(paragraph) > GLUED_LINES_MAX or "\n" in paragraph:
        return paragraph
    if "@" not in paragraph and not re.search(r"\d{3}", paragraph):
        return paragraph
    return GLUED_LINE_RE.sub("\n", paragraph)


def unflatten(line: str) -> str:
    """Paragraph breaks back into a page flattened to long lines."""
    line = FLAT_BREAK_RE.sub("\n\n", line)
    line = GLUED_SENTENCE_RE.sub(lambda m: m.group(0) if in_address(line, m.start()) else "\n\n", line)
    line = FLAT_SECTION_RE.sub("\n\n", line)
    line = GLUED_ABOUT_NAME_RE.sub(lambda m: f"\n\nAbout {m['name']}\n\n", line)
    return FLAT_ABOUT_RE.sub("\n\n", line) if "About " in line else line


ABOUT_NEXT_RE = re.compile(r"About [A-Z]")  # ".../static-files/3303.About Align Technology": an About heading
HOST_END_RE = re.compile(r"\.[a-z]{2,6}\.$")  # "ir.acme.com." : a host name, then a full stop


# "About CognizantCognizant (Nasdaq: CTSH) is ..." / "About JD.com, Inc.JD.com is ...": an About heading glued to
# its section, which opens with the issuer's name again
GLUED_ABOUT_NAME_RE = re.compile(
    r"\bAbout (?P<name>(?P<first>[A-Z][\w&'’.-]*?)(?:,? [A-Z][\w&'’.-]*){0,4}?)(?=(?P=first)\b)")


# '... of "Chinese espionage"VELDHOVEN, the Netherlands, April 11, 2019 - ASML ...': a title glued to the dateline
GLUED_PLACE_RE = re.compile(r"(?<=[a-z\"”)])(?=[A-Z]{3,}[A-Z .'’-]{0,30},)")
GLUED_PLACE_WINDOW = 1000  # the dateline stands near the top of a flattened page
GLUED_PLACE_LINES = 60  # ... and within the first lines of any text
GLUED_PLACE_TRIES = 3


def glued_dateline(line: str) -> str:
    """The line with a paragraph break before a dateline run into the text above it, if one is."""
    for match in islice(GLUED_PLACE_RE.finditer(line[:GLUED_PLACE_WINDOW]), GLUED_PLACE_TRIES):
        found = parse_dateline(line[match.start():])
        if found is not None and (found.date or found.wire) and len(found.rest) >= 20:
            return line[:match.start()] + "\n\n" + line[match.start():]
    return line


def in_address(line: str, at: int) -> bool:
    """Whether the text at `at` is inside a web or mail address (the token around it holds one)."""
    start = max(line.rfind(" ", 0, at), line.rfind("\n", 0, at)) + 1
    end = min((i for i in (line.find(" ", at), line.find("\n", at)) if i >= 0), default=len(line))
    token = line[start:end]
    before = line[start:at]
    host = before.split("://", 1)[-1]
    if before.endswith("/.") or "@" not in token and "/" not in host and HOST_END_RE.search(host) \
            or ABOUT_NEXT_RE.match(line, at):
        return False  # "http://ir.acme.com/.About Acme", "http://ir.acme.com.About Acme": the address ended
    return "://" in token or "www." in token or "@" in token


HARD_BREAK = "  "  # a line of two spaces: a page converted to Markdown by html2text marks a <br> so
HARD_BREAK_LINE = 80  # ... under a short line; under a sentence, it ends a paragraph


def text_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    nonblank = sum(1 for line in lines if line.strip())
    blank = len(lines) - nonblank
    # One paragraph per line (PR Newswire text exports) when blank lines are rare, unless the text is hard-wrapped
    # (an exhibit or a PDF's text without blank lines): then a paragraph ends where a line stops short of the wrap.
    one_per_line = nonblank > 8 and blank < nonblank / 6
    wrapped_at = hard_wrap_width(lines) if one_per_line else None
    blocks: list[Block] = []
    chunk: list[str] = []
    fence = False

    def flush() -> None:
        if chunk:
            blocks.extend(chunk_blocks(chunk, one_per_line, wrapped_at))
            chunk.clear()

    for line in lines:
        if line.strip().startswith("```"):
            flush()
            fence = not fence
            continue
        if fence:
            chunk.append("\x00pre" + line)  # kept verbatim as one preformatted block
            continue
        if chunk and chunk[0].startswith("\x00pre"):
            flush()
        if line == HARD_BREAK and chunk and len(chunk[-1].strip()) <= HARD_BREAK_LINE \
                and not PARAGRAPH_END_RE.search(chunk[-1].strip(" *_")):
            continue  # html2text's "<br>" after a short line ("Jane Doe" / "  " / "+1 212 555 0100"): one paragraph
        if not line.strip():
            flush()
            continue
        if chunk and bool(MD_TABLE_ROW_RE.match(line.strip())) != bool(MD_TABLE_ROW_RE.match(chunk[-1].strip())):
            flush()  # a Markdown table printed with no blank line around it is a block of its own
        chunk.append(line)
    flush()
    return [b for b in blocks if b.text.strip()]


def hard_wrap_width(lines: Sequence[str]) -> int | None:
    """The width a text is hard-wrapped to, if it is: many of its lines fill it to within a long word."""
    texts = [line.strip() for line in lines if line.strip() and not MD_TABLE_ROW_RE.match(line.strip())]
    if len(texts) < WRAP_RUN * 3:
        return None
    counts = Counter(len(text) for text in texts if len(text) <= HARD_WRAP_MAX)
    filled, width = max((sum(counts[n] for n in range(w - WRAP_SLACK, w + 1)), w) for w in counts) if counts else (0, 0)
    if width < WRAP_MIN * 2 or filled < len(texts) * WRAP_FILLED:
        return None
    # A wrap breaks lines mid-sentence; lines of one length that each end a sentence are paragraphs, one per line.
    full = [text for text in texts if width - WRAP_SLACK <= len(text) <= width]
    return width if sum(1 for text in full if SENTENCE_END_RE.search(text)) * 2 < len(full) else None


def wrapped_here(previous: str, line: str, width: int) -> bool:
    """Whether a hard wrap at `width` broke `previous` before `line`: the line's first word would not have fit."""
    first = line.split(maxsplit=1)[0] if line.split() else ""
    return (len(previous) + 1 + len(first) > width - WRAP_TOLERANCE and len(previous) <= width + WRAP_TOLERANCE
            and not previous.endswith(":"))


# Two columns of text side by side in a plain-text release: a gap of three spaces or more inside a line
COLUMN_GAP_RE = re.compile(r"(?<=\S) {3,}(?=\S)")
COLUMN_CELL_MAX = 60  # a cell of a column is short; prose justified with wide gaps is not
COLUMN_SLACK = 3  # columns a cell may start left or right of its column's edge


def is_column_layout(chunk: Sequence[str]) -> bool:
    """A paragraph printed as columns ("Jane Doe          Bob Smith" / "Chief Financial Officer   Managing
    Director" / ...): most of its lines part at one column, and no cell is a sentence's length."""
    gapped = [line.rstrip() for line in chunk if COLUMN_GAP_RE.search(line.strip())]
    if len(gapped) < 2 or len(gapped) * 2 < len(chunk):
        return False
    cells = [COLUMN_GAP_RE.split(line.strip()) for line in gapped]
    if any(len(cell) > COLUMN_CELL_MAX for row in cells for cell in row):
        return False
    # "John Smith, Chief Executive Officer      +44 (0)20 7000 0000": rows of a table, each name with its number,
    # not two columns; a second column holds words too (a name, a title, a firm)
    if sum(1 for row in cells if not re.search(r"[\d@]", row[-1])) < 2:
        return False
    starts = Counter(m.end() for line in gapped for m in COLUMN_GAP_RE.finditer(line))
    return any(sum(n for s, n in starts.items() if abs(s - start) <= COLUMN_SLACK) >= len(gapped) for start in starts)


def chunk_blocks(chunk: list[str], one_per_line: bool, wrapped_at: int | None = None) -> list[Block]:
    if chunk[0].startswith("\x00pre") or not one_per_line and is_column_layout(chunk):
        body = "\n".join(line[4:] if line.startswith("\x00pre") else line for line in chunk)
        body = "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")
        return [Block(text=body, tag="pre", html=f"<pre>{escape(body)}</pre>")] if body.strip() else []
    if len(chunk) > 1 and all(MD_TABLE_ROW_RE.match(line.strip()) for line in chunk):
        return markdown_table(chunk)
    # A stretch holding lines far longer than any hard wrap (an exhibit saved one paragraph per line, with blank lines
    # only here and there): each line is a paragraph, unless a shorter one stops mid-sentence and goes on below.
    unwrapped = not one_per_line and len(chunk) > 1 and any(
        len(line.strip()) > UNWRAPPED_LINE and not URL_ONLY_RE.fullmatch(line.strip()) for line in chunk)
    width = wrap_width(chunk) if unwrapped else WRAP_WIDTH
    blocks: list[Block] = []
    current: list[str] = []
    tag = "p"

    def flush() -> None:
        nonlocal tag
        if current:
            blocks.append(text_block("\n".join(current), tag))
            current.clear()
        tag = "p"

    previous = ""  # the last source line: a long one was wrapped, so the next line continues it
    for raw_line in chunk:
        line = raw_line.strip()
        if line.startswith(">"):
            line = line.lstrip("> ").strip()
        if current and len(line) >= 3 and SETEXT_RE.match(line) and len(current[-1]) <= 200:
            title = current.pop()
            flush()
            blocks.append(text_block(title, "h1" if line[0] == "=" else "h2"))
            previous = ""
            continue
        heading = MD_HEADING_RE.match(line)
        bullet = BULLET_RE.match(line)
        if current and len(line) <= DATELINE_ALONE_MAX and WIRE_MARK_RE.search(line) and (
                (found := parse_dateline(line)) is not None and not found.rest.strip(" -–—:")):
            flush()  # "Deck line" / "    WINONA, Minn.--(BUSINESS WIRE)--": the dateline starts the lead's block
        wrapped = wrapped_at is not None and wrapped_here(previous, line, wrapped_at)
        if heading or bullet or (one_per_line and current and not wrapped) or (
                unwrapped and current and not continues(previous, width)) or (
                current and (URL_END_RE.search(previous) and CREDIT_LINE_RE.match(previous)
                             or CREDIT_LINE_RE.match(line))):
            flush()  # the wire's credit line ends the release's text: the contacts below are a block of their own
        if heading:
            tag, line = f"h{len(heading['level'])}", heading["text"].strip()
        elif bullet:
            tag, line = "li", line[bullet.end():]
        if not line:
            continue
        # A date alone on its line (a newswire page's "August 08, 2024 14:25 ET" under the headline) starts a line.
        if (current and len(previous) >= WRAP_WIDTH and not previous.endswith(":")
                and not (len(line) < 60 and header_date(line.strip("*_ ")))
                and not (URL_END_RE.search(previous) and DETAIL_START_RE.match(line))):
            current[-1] = current[-1] + " " + line
        else:
            current.append(line)
        previous = line
        if tag.startswith("h") and len(line) < WRAP_WIDTH:
            flush()
    flush()
    return blocks


def continues(previous: str, width: int = WRAP_WIDTH) -> bool:
    """A line of an unwrapped stretch that carries on below: wrap-long, shorter than a paragraph, unfinished."""
    return width <= len(previous) <= UNWRAPPED_LINE and (
        not PARAGRAPH_END_RE.search(previous) or bool(LISTING_CUT_RE.search(previous)))


def wrap_width(chunk: Sequence[str]) -> int:
    """The width a stretch's own hard-wrapped paragraph is wrapped to (a lead wrapped at 48 columns among paragraphs
    printed one per line), less a long word: the global WRAP_WIDTH where it holds none."""
    lines = [line.strip() for line in chunk]
    for run in zip(*(lines[start:] for start in range(WRAP_RUN))):
        lengths = [len(line) for line in run]
        if (min(lengths) >= WRAP_MIN and max(lengths) <= UNWRAPPED_LINE and max(lengths) - min(lengths) <= WRAP_SLACK
                and not any(SENTENCE_END_RE.search(line) or BULLET_RE.match(line) for line in run)):
            return min(WRAP_WIDTH, max(WRAP_MIN, max(lengths) - WRAP_SLACK))
    return WRAP_WIDTH


def markdown_table(lines: list[str]) -> list[Block]:
    """A Markdown table as a table block, one tab-separated row per line, its rule and empty rows left out."""
    rows = []
    for line in lines:
        line = line.strip()
        if MD_TABLE_RULE_RE.match(line):
            continue
        cells = [text_block(cell.strip()).text for cell in line.strip("|").split("|")]
        if any(cells):
            rows.append("\t".join(c for c in cells if c))
    text = "\n".join(rows)
    return [Block(text=text, tag="table", html=table_html(rows))] if text else []


def text_block(text: str, tag: str = "p") -> Block:
    """A block from one paragraph of text, markdown links and emphasis resolved."""
    links: list[Link] = []
    text = MD_IMAGE_RE.sub("", text)
    text = MD_EMPHASIS_RE.sub(r"\2", text)
    text = MD_ITALIC_RE.sub(r"\2", text)

    def md_link(match: re.Match) -> str:
        if not match["text"].strip() and match["href"].startswith(("/", "#")):
            return ""  # [![logo](...)](/): a site's logo linking to its home page
        label = match["text"].strip() or match["href"]
        links.append(Link(label, match["href"]))
        return label

    def angle_link(match: re.Match) -> str:
        links.append(Link(match["href"], match["href"]))
        return match["href"]

    text = MD_LINK_RE.sub(md_link, text)
    text = ANGLE_URL_RE.sub(angle_link, text)
    text = "\n".join(collapse(line) for line in text.split("\n"))
    text = text.strip("\n")
    return Block(text=text, tag=tag, links=tuple(links), html=block_html(text, tag, tuple(links)))


# --- shared helpers -------------------------------------------------------------------------

SPACE_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def collapse(text: str) -> str:
    return SPACE_RE.sub(" ", text).strip()


BLOCK_TAGS = {"p", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
# http://x.com/a or www.x.com/a, printed in text
BARE_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]{0,2000}[^\s<>\"')\].,;:!?]")


def block_html(text: str, tag: str, links: tuple[Link, ...]) -> str:
    """Escaped text in its tag, line breaks as <br>, links (and printed URLs) as anchors."""
    tag = tag if tag in BLOCK_TAGS else "p"
    html = escape(text, quote=False)
    anchored: set[str] = set()
    for link in links:
        label = escape(link.text, quote=False)
        if not label or label in anchored or not safe_href(link.href):
            continue
        anchored.add(label)
        html = html.replace(label, f'<a href="{escape(link.href)}">{label}</a>', 1)
    if not anchored:
        html = BARE_URL_RE.sub(lambda m: f'<a href="{url_href(m.group(0))}">{m.group(0)}</a>', html)
    html = html.replace("\n", "<br>")
    return f"<{tag}>{html}</{tag}>"


def safe_href(href: str) -> bool:
    return bool(re.match(r"(?:https?://|mailto:|/|www\.)", href.strip(), re.I))


def url_href(url: str) -> str:
    return escape(url if re.match(r"https?://", url) else "http://" + url)


def table_html(rows: list[str]) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell, quote=False)}</td>" for cell in row.split("\t")) + "</tr>" for row in rows
    )
    return f"<table><tbody>{body}</tbody></table>"
