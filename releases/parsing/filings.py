"""What a filing wraps around a release.

A covering letter to the stock exchanges, as Indian and many other Asian issuers file their releases:

    National Stock Exchange of India Limited / BSE Limited / ...
    Subject: Press Release
    Dear Sir/Madam,
    Pursuant to Regulation 30 ..., we are sending herewith a copy of the Press Release titled "...".
    Yours faithfully,
    For Acme Technology Services Limited / Jane Doe / Company Secretary

The release itself may follow the letter (under its own "Press Release" heading, with its own headline and
dateline), or the letter may be all there is: a notice of a board meeting or an earnings call, whose title is the
letter's subject and whose issuer is the company it is signed for.

An 8-K saved whole, whose cover page, items, signature and exhibit index fill the pages before the release.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .document import Block
from .fields import CORP_SUFFIX

LETTER_WINDOW = 40  # content blocks searched for the salutation
CLOSING_WINDOW = 15  # blocks from the salutation to the closing
SIGNATURE_BLOCKS = 3  # blocks from the closing that hold the "For Acme Limited" line

SALUTATION_RE = re.compile(r"^Dear\s+(?:Sirs?\b|Madam\b|Shareholders?\b|Members?\b)", re.I)
# "Sub: Intimation under Regulation 30 ...", "Subject: Press Release", "Re: Outcome of the Board Meeting"
SUBJECT_RE = re.compile(r"^(?:Sub(?:ject)?|Re|Ref)\s*[:.\-–]\s*(?P<subject>\S.{4,400})$", re.I)
REFERENCE_RE = re.compile(r"^Ref(?:erence)?\b", re.I)  # "Ref. No.: IGL/CS/2025": a file number, no subject
CLOSING_RE = re.compile(r"\b(?:Yours\s+(?:faithfully|sincerely|truly)|Thanking\s+you)\b", re.I)
# "For L&T Technology Services Limited", "for Indraprastha Gas Limited": the company the letter is signed for
SIGNATORY_RE = re.compile(r"^for\s+(?P<org>[A-Z][^\n]{1,100}?\b(?:" + CORP_SUFFIX + r")\.?)\s*$", re.I)
# The letter's subject names the release that follows it, not a title of its own
RELEASE_WORDS_RE = re.compile(r"^(?:press|news|media)\s+release\b", re.I)


@dataclass(frozen=True)
class Letter:
    closing: int  # the block that closes the letter ("Yours faithfully,"); the release, if any, follows it
    subject: str | None  # "Intimation under Regulation 30 ...", None where it only names the release enclosed
    signatory: str | None  # the company the letter is signed for


def covering_letter(blocks: Sequence[Block], order: Sequence[int]) -> Letter | None:
    """The covering letter at the head of a filing, if there is one: a salutation, then a closing."""
    window = list(order[:LETTER_WINDOW])
    salutation = next((p for p, i in enumerate(window) if any(SALUTATION_RE.match(x) for x in blocks[i].lines)),
                      None)
    if salutation is None:
        return None
    closing = next((p for p in range(salutation, min(len(window), salutation + CLOSING_WINDOW))
                    if CLOSING_RE.search(blocks[window[p]].text)), None)
    if closing is None:
        return None
    subject = None
    for index in window[: salutation + 2]:
        for line in blocks[index].lines:
            found = SUBJECT_RE.match(line.strip("#*_ "))
            if found and not REFERENCE_RE.match(line.strip("#*_ ")):
                subject = found["subject"].strip(" *_")
    headed = next((i for i in window[max(0, salutation - 1): salutation + 2] if blocks[i].tag.startswith("h")), None)
    if subject is None and headed is not None and not SALUTATION_RE.match(blocks[headed].text):
        subject = " ".join(blocks[headed].lines)  # the subject set as a heading, without its "Sub:"
    if subject and RELEASE_WORDS_RE.match(subject):
        subject = None
    signatory = next((found["org"] for i in window[closing: closing + SIGNATURE_BLOCKS] for line in blocks[i].lines
                      if (found := SIGNATORY_RE.match(line.strip()))), None)
    return Letter(closing=window[closing], subject=subject, signatory=signatory)


def release_header(blocks: Sequence[Block], header: Sequence[int], letter: Letter) -> list[int]:
    """The header of the release enclosed with a letter: the blocks after the letter, and after the release's own
    "Press Release" heading where it has one."""
    after = [i for i in header if i > letter.closing]
    heading = next((p for p, i in reversed(list(enumerate(after))) if RELEASE_WORDS_RE.fullmatch(
        blocks[i].text.strip(" #*_:"))), None)
    return after[heading + 1:] if heading is not None else after


# "4", "- 4 -", "Page 4": the number at the foot of a filing's page, left standing where the page ended
PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?(?:page\s+)?\d{1,3}(?:\s*-)?$", re.I)


def last_page(blocks: Sequence[Block], header: Sequence[int]) -> list[int]:
    """The header blocks on the page of the release itself: after the last page number before it (an 8-K's cover,
    items, signature and exhibit index fill the pages before the release it encloses)."""
    breaks = [p for p, i in enumerate(header) if PAGE_NUMBER_RE.match(blocks[i].text.strip())]
    return list(header[breaks[-1] + 1:]) if breaks and breaks[-1] + 1 < len(header) else list(header)
