"""HTML text (a newswire web page or an SEC exhibit) -> Document.

Page chrome (scripts, styles, navigation, headers, footers, share bars, cookie notices)
is dropped and, where the page marks its article, only the article is kept. What is left
is walked in document order into blocks: one per paragraph-like element, one per data
table. Layout tables (one column, or cells holding whole paragraphs) are walked through.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .document import Block, Document, Link, block_html, collapse, table_html
from .errors import ParseError

DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "textarea", "iframe", "object", "svg", "canvas", "video", "audio", "map", "head", "title",
)
VOID_TAGS = ("embed", "input", "param", "source", "track", "meta", "link", "img", "wbr", "keygen")
BLOCK_LEVEL = {
    "p", "div", "section", "article", "main", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
    "h4", "h5", "h6", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "center", "address", "figure",
    "figcaption", "hr", "body", "html",
}
# class/id words of page chrome: "site-header", "share-bar", "cookie-banner", "related-news"
CHROME_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|header|footer|sidebar|share|sharing|social|cookie|"
    r"consent|related|newsletter|subscribe|advert|ads?|promo|masthead|skip|modal|popup|toolbar|login|search|"
    # a site's machine-written summary of the release above it (Investegate's "Summary by AI")
    r"ai[\s_-]summary|summary[\s_-]disclaimer)"
    r"(?:$|[\s_-])",
    re.I,
)
# "gallery-wrap", "photo-carousel": a photo gallery, whose captions and share links are not the release; but
# "news-release inline-gallery-template" (PR Newswire) is the release laid out with a gallery
GALLERY_RE = re.compile(r"(?:^|[\s_-])(?:gallery|carousel|slideshow|lightbox)(?:$|[\s_-])", re.I)
RELEASE_MARKER_RE = re.compile(r"release|article|story|body|content|template", re.I)
# Containers newswire pages put the release in (Business Wire, PR Newswire, GlobeNewswire, ...), strongest first:
# (attribute, how it is compared, values). Read in one pass over the page rather than one XPath per rule.
ARTICLE_RULES = (
    ("itemprop", "equals", ("articleBody",)),
    ("class", "word", ("bw-release-story",)),
    ("class", "contains", ("release-body",)),
    ("class", "contains", ("article-body", "articleBody")),
    ("class", "contains", ("main-body-container",)),
    ("id", "equals", ("articlebody", "article-body", "release-body")),
    ("class", "contains", ("story-body", "news-release-body", "press-release-body")),
    ("id", "equals", ("main-body-container",)),
    ("tag", "equals", ("article",)),
    ("tag", "equals", ("main",)),
)
HEADLINE_XPATHS = ("//h1", '//*[@itemprop="headline"]', '//*[contains(@class, "headline")]')
SITE_SUFFIX_RE = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014]{2,40}$")  # "Title | Business Wire"
BULLET_MARK_RE = re.compile(r"^[•●▪■◦·]\s*")  # "•Adobe achieved revenue of ..."
# Document / exhibit 99.1 / ex-99.1 / exv99w1 / d123456dex991: a file's or an exhibit's name, not a headline
# Text of press release issued by Acme Inc. on January 18, 2011 / Press release dated May 2, 2019: a filer's description
GENERIC_TITLES_RE = re.compile(r"^(?:document|untitled|exhibit\b.*|ex-?v?99.*|\w*ex-?v?99\w*(?:\.html?)?|"
                               r".*\bexhibit 99.*|press release|"
                               r"(?:text of |copy of )?(?:the |a )?(?:press|news|earnings) release\b(?!\s*[:|–—-]).*)$",
                               re.I)


MAX_ELEMENTS = 100_000  # five times the largest newswire page seen; past it the walk alone takes seconds


# <%@ page language="java" %> / <% ... %>: a JSP or ASP page saved from its source, the server's code in it
SERVER_CODE_RE = re.compile(r"<%(?:[^%]|%(?!>))*+%>")


def html_document(text: str) -> Document:
    text = SERVER_CODE_RE.sub("", text)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise ParseError("The HTML of this file could not be read.") from exc
    elements = sum(1 for _ in root.iter())
    if elements > MAX_ELEMENTS:
        raise ParseError(
            f"This page has {elements:,} HTML elements; a press release's page has far fewer (at most tens of "
            "thousands). Upload the release's own page, or its text."
        )
    title = page_title(root)
    meta = tuple(
        (m.get("name") or m.get("property") or "", collapse(m.get("content") or ""))
        for m in root.iter("meta")
        if (m.get("name") or m.get("property") or "").lower() in {"og:title", "og:site_name", "author", "date",
                                                                     "article:published_time", "description"}
    )
    strip_chrome(root)
    content = article_root(root)
    headline = None
    if content is not root:
        content = with_its_header(root, content)
        inside = set(content.iter())
        outside = [h for xp in HEADLINE_XPATHS for h in root.xpath(xp) if h not in inside]
        # a site's logo may sit in an <h1> too: the headline is the wordiest one
        headline = max(outside, key=lambda h: len(collapse(h.text_content()).split()), default=None)
    walker = Walker()
    if headline is not None:
        walker.walk(headline)
        walker.flush()
    walker.walk(content)
    walker.flush()
    return Document(blocks=tuple(walker.blocks), title=title, kind="html", meta=meta)


def page_title(root) -> str | None:
    og = root.xpath('//meta[@property="og:title"]/@content')
    candidates = [collapse(og[0])] if og else []
    candidates += [collapse(t.text_content()) for t in root.iter("title")]
    for candidate in candidates:
        if GENERIC_TITLES_RE.match(candidate) or re.search(r"\bexhibit\b|\bex-?99", candidate, re.I):
            continue
        candidate = SITE_SUFFIX_RE.sub("", candidate)
        if candidate and not GENERIC_TITLES_RE.match(candidate):
            return candidate
    return None


def strip_chrome(root) -> None:
    for element in list(root.iter(*VOID_TAGS)):
        element.drop_tag()  # libxml2 nests what follows a bare <embed> inside it: keep that content
    for element in list(root.iter(*DROP_TAGS)):
        if element.tag == "header" and element.xpath(".//h1"):
            continue  # an article's own header holds its headline
        drop(element)
    for element in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        drop(element)
    dropped: set = set()
    for element in root.xpath(CHROME_CANDIDATES):
        if element.tag in {"html", "body"} or any(a in dropped for a in element.iterancestors()):
            continue
        if is_chrome(element):
            dropped.add(element)
            drop(element)


# Only elements that carry a class, id or role, or a style that may hide them, can be chrome.
CHROME_CANDIDATES = '//*[@class or @id or @role or contains(@style, "none") or contains(@style, "NONE")]'


def is_chrome(element) -> bool:
    marker = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    # The size limit counts printed text, not the indentation a template leaves between tags.
    chrome = CHROME_RE.search(marker) or is_gallery(element, marker)
    if marker.strip() and chrome and not element.xpath(".//h1") and len(collapse(element.text_content())) < 3000:
        return True
    return "display:none" in (element.get("style") or "").replace(" ", "").lower()


def is_gallery(element, marker: str) -> bool:
    return bool(GALLERY_RE.search(marker)) and not RELEASE_MARKER_RE.search(marker) and element.tag not in {
        "article", "main", "body"}


def drop(element) -> None:
    """Remove an element, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    parent.remove(element)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def article_root(root):
    """The page's release container by the strongest rule that finds one with text (the wordiest <article> or
    <main>, the first of any other), else the body."""
    matches: list[list] = [[] for _ in ARTICLE_RULES]
    for element in root.xpath(ARTICLE_CANDIDATES):
        for position, rule in enumerate(ARTICLE_RULES):
            if rule_matches(element, *rule):
                matches[position].append(element)
    for rule, found in zip(ARTICLE_RULES, matches):
        if rule[0] == "itemprop" and len(found) > 1:
            found = [common_container(found)]
        found = [e for e in found if len(collapse(e.text_content())) > 400]
        if found:
            return max(found, key=lambda e: len(e.text_content())) if rule[0] == "tag" else found[0]
    body = root.find("body")
    return body if body is not None else root


ARTICLE_CANDIDATES = "//*[@class or @id or @itemprop] | //article | //main"


def common_container(elements: list):
    """The nearest element holding all of them: a page that marks each paragraph itemprop="articleBody" (PR Newswire,
    2015) rather than their container holds the release, lists and tables between them included, in their parent."""
    shared = None
    for element in elements:
        chain = [element, *element.iterancestors()]
        shared = chain if shared is None else [a for a in chain if a in set(shared)]
    return shared[0] if shared else elements[0]


def rule_matches(element, attribute: str, how: str, values: tuple[str, ...]) -> bool:
    value = element.tag if attribute == "tag" else element.get(attribute)
    if not value:
        return False
    if how == "equals":
        return value in values
    if how == "word":
        return any(v in value.split() for v in values)
    return any(v in value for v in values)


def with_its_header(root, content):
    """The article's container when it also holds the headline (and the deck and date under it)."""
    inside = set(content.iter())
    outside = [h for h in root.iter("h1") if h not in inside]
    if not outside:
        return content
    ancestors = set(outside[0].iterancestors())
    common = next((a for a in content.iterancestors() if a in ancestors), None)
    if common is None or common.tag in {"body", "html"}:
        return content
    if len(common.text_content()) > len(content.text_content()) + 3000:
        return content
    return common


class Walker:
    """Walks an element tree in document order, cutting blocks at block-level elements."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.links: list[Link] = []
        self.tag = "p"

    def flush(self) -> None:
        text = "\n".join(collapse(line) for line in "".join(self.parts).split("\n"))
        text = re.sub(r"\n{2,}", "\n", text).strip("\n ")
        if text and BULLET_MARK_RE.match(text):
            text, self.tag = BULLET_MARK_RE.sub("", text), "li"
        if text:
            links = tuple(link for link in self.links if link.text and link.text in text)
            self.blocks.append(Block(text=text, tag=self.tag, links=links, html=block_html(text, self.tag, links)))
        self.parts, self.links, self.tag = [], [], "p"

    def walk(self, element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        cells = cell_texts(element) if tag == "table" else []
        if tag == "table" and (items := bullet_rows(cells)):
            # "•" in one cell and the text in the next: a list laid out as a table (SEC exhibits)
            self.flush()
            self.blocks.extend(Block(text=item, tag="li", html=block_html(item, "li", ())) for item in items)
            return
        if tag == "table" and is_data_table(element, cells):
            self.flush()
            rows = ["\t".join(c for c in row if c) for row in cells if any(row)]
            if rows:
                self.blocks.append(Block(text="\n".join(rows), tag="table", html=table_html(rows),
                                         links=tuple(links_in(element))))
            return
        if tag in BLOCK_LEVEL:
            self.flush()
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6", "li", "pre"}:
                self.tag = tag
        if tag == "br":
            self.parts.append("\n")
        if tag == "a" and element.get("href"):
            self.links.append(Link(collapse(element.text_content()), element.get("href").strip()))
        if element.text and tag:
            text = element.text if tag == "pre" else element.text.replace("\n", " ")
            opens = not "".join(self.parts).strip()
            self.parts.append("• " if opens and symbol_bullet(element, text) else text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.parts.append(child.tail.replace("\n", " "))
        if tag in BLOCK_LEVEL:
            self.flush()


# <font face="Wingdings">&#159;</font> / <font style="font-family:Symbol">·</font>: a bullet drawn from a symbol font,
# in the letter the font draws it for (Word also writes them as private-use code points, U+F000 + the letter)
SYMBOL_FONT_RE = re.compile(r"wingdings|webdings|symbol", re.I)
SYMBOL_BULLETS = {
    "symbol": "·•",  # the bullet; µ ± ≤ α in Symbol are letters of the text
    "wingdings": "§lnquvØüŸ",  # square, disc, boxes, diamonds, arrow, check, small disc
    "webdings": "=",
}


def symbol_bullet(element, text: str) -> bool:
    """A symbol font's bullet glyph alone in its element: the caller asks only at the start of a block or cell."""
    glyph = text.strip()
    if len(glyph) != 1:
        return False
    font = SYMBOL_FONT_RE.search(f"{element.get('face', '')} {element.get('style', '')}")
    if font is None:
        return False
    letter = chr(ord(glyph) - 0xF000) if 0xF020 <= ord(glyph) <= 0xF0FF else glyph
    return letter in SYMBOL_BULLETS[font.group(0).lower()]


def cell_texts(table) -> list[list[str]]:
    """The text of each cell of a table's own rows (not of tables nested in it), read once."""
    return [[collapse(cell_text(c)) for c in row if c.tag in {"td", "th"}]
            for row in table.xpath("./tr|./tbody/tr|./thead/tr|./tfoot/tr")]


def cell_text(element) -> str:
    """A cell's text with a space for each <br>: "Mary Major<br>Chief Financial Officer" is not one word."""
    if element.find(".//br") is None:
        return element.text_content()
    parts = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append(" ")
        elif isinstance(child.tag, str):
            parts.append(cell_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def is_data_table(table, cells: list[list[str]]) -> bool:
    """A table of figures or contact columns, rather than one used to lay out paragraphs."""
    if max((sum(1 for c in row if c) for row in cells), default=0) < 2:
        return False
    longest = max((len(c) for row in cells for c in row), default=0)
    return longest < 400 and not table.xpath(".//table")


def bullet_rows(cells: list[list[str]]) -> list[str]:
    """The items of a table whose every row is a bullet mark followed by text, else []."""
    items = []
    for row in cells:
        row = [c for c in row if c]
        if not row:
            continue
        if len(row) < 2 or not BULLET_MARK_RE.fullmatch(row[0] + " ") and row[0] not in {"-", "–", "—", "o"}:
            return []
        items.append(" ".join(row[1:]))
    return items


def links_in(element) -> list[Link]:
    return [Link(collapse(a.text_content()), a.get("href").strip()) for a in element.iter("a") if a.get("href")]
