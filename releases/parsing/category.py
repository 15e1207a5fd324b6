"""A release's headline and text -> its category, one of PressRelease.Category's values.

The headline decides when it names the subject; the body only breaks ties, since
nearly every release mentions earnings or products somewhere in its boilerplate.
Rules are ordered strongest-first: an earnings release that also announces its call is
"earnings", a call announcement without results is "conference_call".
"""

from __future__ import annotations

import re

# (category, pattern) pairs, tried in order against the headline.
HEADLINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Declares Quarterly Dividend", "Increases Cash Dividend by 8%", "Special Distribution"
    ("dividend", re.compile(r"\bdividends?\b|\bdistributions?\b(?! agreement)|\bshare (re)?purchase", re.I)),
    # "Reports Third Quarter 2025 Results", "Posts Record Revenue": results, whatever else follows
    (
        "earnings",
        re.compile(
            r"(?<!to )(?<!will )\b(reports?|reported|posts?|delivers?)\b.*\b(results|earnings|revenues?|sales|EPS)\b",
            re.I,
        ),
    ),
    # "Announces Conference Call to Discuss its First Quarter Results", "to Present at the J.P. Morgan
    # Healthcare Conference", "Schedules Fourth Quarter Earnings Release and Webcast"
    (
        "conference_call",
        re.compile(
            r"\bconference call\b|\bwebcast\b|\binvestor (day|conference)\b|\bcapital markets day\b"
            r"|\bto (present|participate) at\b|\bfireside chat\b|\bearnings call\b"
            r"|\b(to|will) (report|announce|release)\b.*\b(results|earnings)\b",
            re.I,
        ),
    ),
    # "Announces Fiscal 2024 Financial Results", "Third Quarter 2025 Results"
    (
        "earnings",
        re.compile(
            r"\b(quarter(ly)?|fiscal|full[- ]year|annual|Q[1-4]|first half|half[- ]year|interim)\b"
            r".*\b(results|earnings)\b",
            re.I,
        ),
    ),
    # "Appoints Jane Doe Chief Financial Officer", "Names New CEO", "Board of Directors"
    (
        "management",
        re.compile(
            r"\b(appoints?|appointment|names?|named|elects?|elected|promotes?|hires?|retire(s|ment)?|steps? down"
            r"|succession|resigns?|resignation)\b|\b(chief \w+ officer|CEO|CFO|COO|president|board of directors)\b",
            re.I,
        ),
    ),
    # "to Acquire", "Completes Merger with", "Definitive Agreement", "Divestiture"
    (
        "mergers",
        re.compile(
            r"\b(acquires?|acquisition|to acquire|merger|merge|combination|divest(s|iture)?|tender offer"
            r"|definitive agreement|takeover)\b",
            re.I,
        ),
    ),
    # "FDA Approves", "Phase 3 Trial Meets Primary Endpoint", "Receives CE Mark"
    (
        "clinical",
        re.compile(
            r"\b(FDA|EMA|CHMP|clinical|phase (1|2|3|I{1,3}|[123][ab]?)|trial|study|patients?|approval|approves?"
            r"|clearance|510\(k\)|CE mark|IND|NDA|BLA|data (at|from)|endpoint)\b",
            re.I,
        ),
    ),
    # "Launches", "Introduces", "Unveils", "Now Available"
    (
        "product",
        re.compile(r"\b(launch(es|ed)?|introduces?|unveils?|now available|releases? new|debuts?|rolls? out)\b", re.I),
    ),
)

# When the headline says nothing, the lead paragraph may: the first few hundred characters only.
LEAD_CHARS = 600


def guess_category(headline: str, text: str) -> str:
    """ "XYZ Corp. Declares Quarterly Dividend" -> "dividend"; "other" when nothing fits."""
    for source in (headline or "", (text or "")[:LEAD_CHARS]):
        for category, pattern in HEADLINE_RULES:
            if pattern.search(source):
                return category
    return "other"
