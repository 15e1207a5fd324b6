"""Untrusted HTML fragments -> HTML safe to render: paragraphs, lists, tables and links
kept; scripts, styles, event handlers, `javascript:` URLs and CSS gone (nh3, i.e. ammonia)."""

from __future__ import annotations

from collections.abc import Sequence

import nh3

from .document import Block

ALLOWED_TAGS = {
    "p", "br", "a", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h2", "h3",
    "h4", "h5", "h6", "pre", "blockquote", "strong", "em", "b", "i", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan", "scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def body_html(blocks: Sequence[Block]) -> str:
    """The body's blocks as one sanitized fragment; consecutive list items form one list."""
    parts: list[str] = []
    in_list = False
    for block in blocks:
        html = block.html or f"<p>{nh3.clean_text(block.text)}</p>"
        if block.tag == "h1":
            html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
        if block.tag == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif block.tag != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(html)
    if in_list:
        parts.append("</ul>")
    return clean_html("\n".join(parts))
