"""Raw upload -> Document: decoded text split into blocks (paragraph-like units).

Every later stage reads blocks, never raw bytes or HTML. A block keeps its text
(whitespace collapsed within a line, line breaks kept where the source had them, e.g.
in a contact block) and the links it contained, so that "click here" can be resolved
to its href.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    kind: str = "text"  # "text", "html", "docx"
    meta: tuple[tuple[str, str], ...] = ()  # selected <meta> name/content pairs of an HTML page
