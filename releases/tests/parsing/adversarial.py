"""Adversarial uploads: inputs shaped to make a backtracking pattern, a recursive walk or a
quadratic loop in the parser take far longer than a release does.

Each is (name, filename, bytes), built once by `adversarial_inputs()`; the test module
(test_adversarial.py) holds each to the parse time limit, and `bench/parse_bench.py` times
them and names the worst. Pure Python: no Django.
"""

from __future__ import annotations

import functools
import random

KB = 1024
MB = 1024 * KB

HEADLINE = "Acme Corp. Announces Fourth Quarter Results\n\n"
LEAD = ("NEW YORK--(BUSINESS WIRE)--Jan. 5, 2024--Acme Corp. (NYSE: ACM) today announced results for its fourth "
        "quarter, with revenue and earnings above what analysts had expected for the period.\n\n")
WORDS = ("revenue", "quarter", "company", "results", "Acme", "growth", "the", "and", "of", "NEW", "YORK",
         "Investor", "Relations", "Contact", "call", "conference", "dial", "Inc", "Corp", "announced")


def words(size: int, *, seed: int = 12, separator: str = " ") -> str:
    """`size` characters of words and commas, and no full stop, question or exclamation mark."""
    rng = random.Random(seed)
    out, total = [], 0
    while total < size:
        word = rng.choice(WORDS) + ("," if rng.random() < 0.05 else "")
        out.append(word)
        total += len(word) + len(separator)
    return separator.join(out)[:size]


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def release(middle: str) -> str:
    """A plain release with `middle` as a paragraph between its lead and its last paragraph."""
    return f"{HEADLINE}{LEAD}{middle}\n\nAbout Acme\n\nAcme Corp. makes anvils. www.acme.com\n"


def html_page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Acme Corp. Announces Results</title></head><body>{body}</body></html>"


def _inputs() -> list[tuple[str, str, bytes]]:
    cases: list[tuple[str, str, str | bytes]] = [
        # The list
        ("100 KB of words without a full stop", "words.txt", words(100 * KB)),
        ("100 KB of words without a full stop, in a release", "words-release.txt", release(words(100 * KB))),
        ("100 KB of words without a full stop, one word a line", "words-lines.txt",
         HEADLINE + words(100 * KB, separator="\n")),
        ("100 KB of digits", "digits.txt", release(repeated("1234567890", 100 * KB))),
        ("100 KB of digit groups", "digit-groups.txt", release(repeated("555 ", 100 * KB))),
        ("100 KB of digits and dashes", "digit-dashes.txt", release(repeated("1-", 100 * KB))),
        ("100 KB of spaces", "spaces.txt", release("Contact:" + " " * (100 * KB) + "x")),
        ("100 KB of spaces and tabs", "tabs.txt", release("Acme" + repeated(" \t", 100 * KB) + "!")),
        ("100 KB of dashes", "dashes.txt", release("NEW YORK" + "-" * (100 * KB) + "Acme")),
        ("100 KB of spaced dashes", "spaced-dashes.txt", release(repeated("- ", 100 * KB))),
        ("100 KB of blank lines", "blank-lines.txt", release("Acme" + "\n \n" * (30 * KB) + "x")),
        ("10,000 nested tags", "nested.html", html_page("<div>" * 10_000 + LEAD + "</div>" * 10_000)),
        ("10,000 nested inline tags", "nested-inline.html",
         html_page("<p>" + "<b><i>" * 5_000 + words(2 * KB) + "</i></b>" * 5_000 + "</p>")),
        ("5,000 nested lists", "nested-lists.html", html_page("<ul><li>" * 5_000 + LEAD + "</li></ul>" * 5_000)),
        ("one 2 MB line", "line.txt", HEADLINE + words(2 * MB)),
        ("one 2 MB line of sentences", "line-sentences.txt",
         HEADLINE + LEAD.strip() + " " + repeated("Acme Corp. sells anvils to the coyote every quarter. ", 2 * MB)),
        ("5 MB of table cells", "cells.html",
         html_page("<table>" + repeated("<tr>" + "<td>1,234</td><td>Acme</td>" * 10 + "</tr>", 5 * MB - 200)
                   + "</table>")),
        ("5 MB of one-cell rows", "rows.html", html_page("<table>" + repeated("<tr><td>x</td></tr>", 5 * MB - 200)
                                                          + "</table>")),
        # Of our own
        ("2,000 conference call headings", "call-headings.txt",
         release(repeated("Conference Call\n\n", 2_000 * 17))),
        ("conference call lines with times", "call-times.txt",
         release(repeated("Conference call at 10:00 a.m. ET on Jan. 6, 2024\n", 60 * KB))),
        ("100 KB of opening parentheses", "parens.txt", release("(" * (100 * KB))),
        ("100 KB of +1 (", "plus-one.txt", release(repeated("+1 (", 100 * KB))),
        ("100 KB of phone-like digits", "phones.txt", release(repeated("+1 (212) 555-", 100 * KB))),
        ("2,000 Contact: lines", "contacts.txt", release(repeated("Contact:\n", 2_000 * 9))),
        ("2,000 contact blocks", "contact-blocks.txt",
         release(repeated("Contact:\nJane Doe\nAcme Corp.\n+1 212 555 0100\njane@acme.com\n\n", 2_000 * 65))),
        ("100 KB of dots", "dots.txt", release("www." + repeated("a.", 100 * KB))),
        ("100 KB of at signs", "at-signs.txt", release(repeated("a@", 100 * KB))),
        ("100 KB of capitalised words", "capitals.txt", release(repeated("Acme ", 100 * KB))),
        ("100 KB of upper-case words", "upper.txt", repeated("NEW YORK, ", 100 * KB) + "--(BUSINESS WIRE)--"),
        ("100 KB of datelines", "datelines.txt", release(repeated("NEW YORK--(BUSINESS WIRE)--", 100 * KB))),
        ("100 KB of exchange prefixes", "exchanges.txt", release(repeated("(NYSE: ", 100 * KB))),
        ("100 KB of dates", "dates.txt", release(repeated("January 5, 2024 ", 100 * KB))),
        ("100 KB of URL", "url.txt", release("Visit https://www." + repeated("acme-", 100 * KB) + " today")),
        ("2,000 About headings", "abouts.txt", release(repeated("About Acme Corp.\n\n", 2_000 * 18))),
        ("100 KB of apostrophes and quotes", "quotes.txt", release(repeated("'\"’“” ", 100 * KB))),
        ("500 KB of HTML attributes", "attributes.html",
         html_page('<p class="' + "a " * (250 * KB) + '">Acme Corp. results</p>')),
        ("100 KB HTML paragraph of words", "words.html", html_page("<p>" + words(100 * KB) + "</p>")),
        ("capitals run into a listing", "capitals-listing.txt",
         HEADLINE + "NEW YORK--(BUSINESS WIRE)--Jan. 5, 2024--" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3
         + "! (NYSE: ACM) today announced results for its fourth quarter, above what analysts had expected.\n"),
        ("a contacts heading of 2,000 words", "contacts-heading.txt",
         release("Investor " + "relations " * 2_000 + "x\n\nJane Doe\n+1 212 555 0100")),
        ("40 contacts headings of 40 words", "contacts-headings.txt",
         release(repeated("Investor " + "relations " * 40 + "!\n\n", 40 * 420))),
    ]
    return [(name, filename, raw if isinstance(raw, bytes) else raw.encode()) for name, filename, raw in cases]


# Inputs whose parse is linear but, at their size, may take longer than the 2 s the test allows on a shared
# 2-core machine (the contact reader over 15,000 one-word lines or 2,000 contact blocks): for these the
# time-limit refusal is an accepted outcome. Pages of more than 100,000 elements and files of more than a
# million characters of text are refused at once, with a sentence. Figures: bench/README.md.
SLOW = frozenset({"100 KB of words without a full stop, one word a line", "2,000 contact blocks"})


@functools.cache
def adversarial_inputs() -> tuple[tuple[str, str, bytes], ...]:
    return tuple(_inputs())
