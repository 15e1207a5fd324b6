"""Patterns shared by the call and contact extractors: phones, emails, URLs, dates, times.

Text in, matches out: each helper returns values (or None) and never decides what a
value means; calls.py and contacts.py decide that from where it stands.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

# --- markdown residue ---------------------------------------------------------------------

# "**Dial In:**", "_Investor Relations:_", and the escapes of "WN\\_9cx6" in markdown text
MARKDOWN_ESCAPE_RE = re.compile(r"\\(?=[_*\-#.\[\]()])")
MARKDOWN_RE = re.compile(r"\*\*|__|(?<![\w/])_(?=\S)|(?<=\S)_(?![\w/])")


def strip_markdown(text: str) -> str:
    """Text without markdown emphasis marks and backslash escapes."""
    if "*" not in text and "_" not in text and "\\" not in text:
        return text  # most lines: the substitutions would scan them for nothing
    return MARKDOWN_RE.sub("", MARKDOWN_ESCAPE_RE.sub("", text))


# --- phones -------------------------------------------------------------------------------

# North American numbers, with separators between groups so that a bare 10-digit
# conference ID is not taken for a phone: "1 (844) 808-7106", "(201)343-5202x121",
# "303.837.5484", "+1-404-231-0011", "1--800--717--1738" (dashes doubled by a converter),
# "408/555-1212" (the area code's slash of 1990s Business Wire contacts).
NANP_PHONE_RE = re.compile(
    r"(?<![\d+\w/])(?:\+?1[\s.\-–]{0,3})?(?:\(\d{3}\)|\d{3})(?:/|[\s.\-–]{0,3})\d{3}[\s.\-–]{1,3}\d{4}(?!\d)"
    r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?"
)
# International numbers with their country code: "+33 (0)1 7037 7166", "+49 9205 18 1399",
# "+46733583171", "+972 4 604 8308", "+44 (0)20 7496 0000".
INTL_PHONE_RE = re.compile(
    r"(?<![\w+])\+\d{1,3}[\s.\-]{0,2}(?:\(0\)[\s.\-]{0,2})?\d[\d\s.\-()]{5,18}\d(?!\d)"
    r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5}(?!\d))?"
)


# National numbers of Europe, printed without the country code: "0800 358 1035" (UK freephone),
# "0800 589 1234" (Germany), "01 70 37 71 66" (France), "040 / 300 30 – 1141" (a German area code's slash and
# the extension's dash); ten digits or more, in groups.
NATIONAL_PHONE_RE = re.compile(r"(?<![\w+.,/-])0\d{1,4}(?:(?: ?[/–-] ?| )\d{2,5}){2,4}(?!\d)(?![,.]\d)")


# Where a phone number may stand at all: "844) 808-7106", "408/555-1212", "303.837.5484", "+33", "0800 358 1035".
PHONE_HINT_RE = re.compile(
    r"\d{3}[)/]?[\s.\-–]{0,3}\d{3}[\s.\-–]{1,3}\d{4}|\+\s?\d|\b0\d{1,4}(?:[ \-]| ?/ ?)\d{2,4}[ \-]\d{2}")


def find_phones(text: str) -> list[tuple[int, int, str]]:
    """(start, end, number as printed) of every phone number in text, in order."""
    found: list[tuple[int, int, str]] = []
    if not PHONE_HINT_RE.search(text):
        return found
    taken: list[tuple[int, int]] = []
    for pattern in (INTL_PHONE_RE, NANP_PHONE_RE, NATIONAL_PHONE_RE):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            printed = match.group(0).strip().rstrip(".-–(")
            digits = re.sub(r"\D", "", printed)
            if not (10 if pattern is NATIONAL_PHONE_RE else 8) <= len(digits) <= 16:
                continue
            taken.append((start, end))
            found.append((start, end, printed))
    return sorted(found)


# Dial-in numbers printed in forms a contact's number seldom takes: a country code in brackets,
# "(44) 0 800 0156371", "(1) 1 855 2656958", "(+1) 203-518-9814"; a space after the plus, "+ 39 02 802 09 11";
# a national freephone after its label, "toll free 800 231 525" (Italy).
BRACKETED_CODE_PHONE_RE = re.compile(r"(?<![\w)])\(\+?\d{1,2}\)\s?\d[\d \-]{6,16}\d(?!\d)")
SPACED_PLUS_PHONE_RE = re.compile(r"(?<![\w+])\+ \d{1,3}[\s.\-]{1,2}\d[\d\s.\-()]{5,18}\d(?!\d)")
# ... and "The toll-free Israeli number is 1 809 406 247", "Toll-free Australia: 1800 123 456"
FREEPHONE_RE = re.compile(
    r"\btoll[\s-]?free(?:\s+(?-i:[A-Z])[a-z]+)?(?:\s+(?:number|dial[\s-]in))?(?:\s+is|\s+in\s+(?-i:[A-Z])[\w.]+)?:?\s*"
    r"(?P<number>\d{1,4}(?:[ \-]\d{2,4}){2,3})(?![\d-])",
    re.I,
)
DIAL_IN_HINT_RE = re.compile(r"\(\+?\d{1,2}\)|\+ \d|toll", re.I)
# "Argentina: 0080014243444 / Australia: 0080014243444 / ...", "Hong Kong: 800964448": a country's number, printed
# as the dial-in provider lists it (international toll-free numbers are no valid E.164 numbers)
_COUNTRIES = (
    "Argentina|Australia|Austria|Belgium|Brazil|Canada|Chile|China|Colombia|Denmark|Finland|France|Germany|Greece|"
    "Hong Kong|India|Indonesia|Ireland|Israel|Italy|Japan|Korea|South Korea|Luxembourg|Malaysia|Mexico|Netherlands|"
    "New Zealand|Norway|Philippines|Poland|Portugal|Singapore|South Africa|Spain|Sweden|Switzerland|Taiwan|Thailand|"
    "Turkey|UAE|UK|U\\.K\\.|United Kingdom|USA|U\\.S\\.A?\\.?|US|United States|Vietnam"
)
COUNTRY_NUMBER_RE = re.compile(
    rf"(?<![\w.])(?-i:{_COUNTRIES})\s*:\s*(?P<number>\+?\d[\d \-]{{6,16}}\d)(?![\d-])"
)


def find_dial_ins(text: str) -> list[tuple[int, int, str]]:
    """find_phones, and the forms of a list of dial-in numbers beside them."""
    found = find_phones(text)
    if not DIAL_IN_HINT_RE.search(text) and not COUNTRY_NUMBER_RE.search(text):
        return found
    taken = [(start, end) for start, end, _ in found]
    extra = []
    for pattern in (BRACKETED_CODE_PHONE_RE, SPACED_PLUS_PHONE_RE, FREEPHONE_RE, COUNTRY_NUMBER_RE):
        for match in pattern.finditer(text):
            group = "number" if pattern in (FREEPHONE_RE, COUNTRY_NUMBER_RE) else 0
            start, end = match.span(group)
            printed = match.group(group).strip()
            if any(start < b and a < end for a, b in taken) or not 8 <= len(re.sub(r"\D", "", printed)) <= 16:
                continue
            taken.append((start, end))
            extra.append((start, end, printed))
    return sorted(found + extra)


# --- emails and URLs ----------------------------------------------------------------------

# "ir@adobe.com", "investor.relations@novem.com", "nyc@clearthink.capital"
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

_TLDS = (
    "com|net|org|info|biz|io|co|us|ca|uk|de|fr|ch|nl|se|no|dk|fi|it|es|be|at|ie|il|in|jp|cn|hk|sg|"
    "au|nz|br|mx|tw|kr|lu|eu|gov|edu|capital|investor|investors|global|group|tech|ai"
)
# "https://event.on24.com/wcc/r/1952473/C5AC", "www.hr-reit.com/investor-relations/#events",
# and a bare domain with a path, "apple.com/investor/earnings-call"
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'\]\[{}|]+"
    rf"|(?<![\w@./-])(?:[a-z0-9-]+\.)+(?:{_TLDS})(?:/[^\s<>\"'\]\[{{}}|]*)?(?![\w@-])",
    re.I,
)


# "https://www.webcast-eqs.com/novem20251113Alternatively", "www.acme.com/investors.Additionally": the next
# sentence glued on by a converter that dropped the line break; only a last segment with no other capitals.
GLUED_WORD_RE = re.compile(r"(?<=/)(?P<keep>[^/A-Z]*[a-z0-9])\.?[A-Z][a-z]{3,}$")


# "www.acme.com.US" / "http://ir.acme.com.About": a host in lower case with the next sentence's capital word glued
# on after its full stop
GLUED_HOST_RE = re.compile(r"^(?P<keep>(?:https?://)?[a-z0-9.-]*[a-z0-9]\.[a-z]{2,6})\.[A-Z][A-Za-z]*$")


# "atwww.akerasa.com": the word before the site glued to its "www."
GLUED_WWW_RE = re.compile(r"^(?:https?://)?[a-z]{1,20}(?=www\.)", re.I)


def unglued_host(url: str) -> str:
    return GLUED_HOST_RE.sub(lambda m: m.group("keep"), GLUED_WWW_RE.sub("", url))


def clean_url(url: str) -> str:
    """A URL as printed, without markdown escapes and the sentence's closing punctuation."""
    url = url.replace("\\_", "_").replace("\\-", "-")
    url = unglued_host(url.rstrip(".,;:!?*_"))
    url = GLUED_WORD_RE.sub(lambda m: m.group("keep"), url)
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(".,;:!?")
    return url


URL_HINT_RE = re.compile(rf"https?:|www\.|\.(?:{_TLDS})\b", re.I)


def find_urls(text: str) -> list[tuple[int, str]]:
    """(start, URL) of each web address in text; email domains are not addresses."""
    if not URL_HINT_RE.search(text):
        return []
    return [(m.start(), clean_url(m.group(0))) for m in URL_RE.finditer(text) if "@" not in m.group(0)]


# --- dates --------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "Thursday, October 27, 2011", "Feb. 28", "November 12th, 2024", "13 November 2025",
# "3 May 2012", "14th of November", "11/12/2024", "2025-02-13", "27.02.2025" (European, day first)
DATE_RE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<year>(?:19|20)\d\d)\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH.replace('month', 'month2')}"
    rf"(?:,?\s*(?P<year2>(?:19|20)\d\d)\b)?"
    r"|\b(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>(?:19|20)?\d\d)\b"
    r"|(?<![\d.])(?P<d5>\d{1,2})\.(?P<m5>\d{1,2})\.(?P<y5>(?:19|20)\d\d)\b"
    r"|\b(?P<y4>(?:19|20)\d\d)-(?P<m4>\d\d)-(?P<d4>\d\d)\b",
    re.I,
)


def resolve_year(month: int, day: int, year: int | None, near: date | None) -> date | None:
    """A printed date; without a year, the first such date from about a month before `near` on."""
    try:
        if year is not None:
            return date(year, month, day)
        if near is None:
            return None
        found = date(near.year, month, day)
    except ValueError:
        return None
    if found < near - timedelta(days=45):
        found = found.replace(year=near.year + 1)
    return found


def find_dates(text: str, near: date | None) -> list[tuple[int, int, date]]:
    """(start, end, date) of each date printed in text; a missing year is taken from `near`."""
    found = []
    for match in DATE_RE.finditer(text):
        groups = match.groupdict()
        if (groups["month"] or groups["month2"]) == "may":
            continue  # "Phase 2 may begin": the verb, not the month
        if groups["month"] or groups["month2"]:
            month = MONTHS[(groups["month"] or groups["month2"])[:3].lower()]
            day = int(groups["day"] or groups["day2"])
            year = groups["year"] or groups["year2"]
            value = resolve_year(month, day, int(year) if year else None, near)
        elif groups["d5"]:
            value = resolve_year(int(groups["m5"]), int(groups["d5"]), int(groups["y5"]), near)
        elif groups["m3"]:
            year = int(groups["y3"])
            value = resolve_year(int(groups["m3"]), int(groups["d3"]), year + 2000 if year < 100 else year, near)
        else:
            value = resolve_year(int(groups["m4"]), int(groups["d4"]), int(groups["y4"]), near)
        if value is not None:
            found.append((match.start(), match.end(), value))
    return found


# --- times --------------------------------------------------------------------------------

_MERIDIEM = r"[ap]\.?\s?m\b\.?"
# "4:30 p.m.", "4:30pm", "8:30 AM", "10.00 a.m.", "13:00", "14h00", "7 a.m.", "from 14:00 to 15:00 p.m.",
# "9:00 - 10:00 a.m.", "noon"
TIME_RE = re.compile(
    rf"(?<![\d$.,:/])(?P<h1>[01]?\d|2[0-3])(?:(?:[:.]|h(?=\d\d))(?P<m1>[0-5]\d))?(?!\d)\s*(?P<ap1>{_MERIDIEM})?"
    rf"(?:\s*(?:-|–|—|to|until)\s*(?P<h2>[01]?\d|2[0-3])(?:[:.](?P<m2>[0-5]\d))?\s*(?P<ap2>{_MERIDIEM})?)?"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)


def clock(match: re.Match) -> tuple[int, int] | None:
    """(hour, minute) of a TIME_RE match on a 24-hour clock, or None when it is no time of day."""
    if match.group("noon"):
        return 12, 0
    hour, minute = int(match.group("h1")), int(match.group("m1") or 0)
    meridiem = (match.group("ap1") or match.group("ap2") or "").lower()[:1]
    if not meridiem:
        # A bare number is a time only as hh:mm (24-hour), "13:00 CET".
        return (hour, minute) if match.group("m1") else None
    if hour > 12:
        return (hour, minute) if not match.group("ap1") else None
    if not match.group("ap1") and match.group("h2"):
        # "11:00 to 12:30 p.m." starts in the morning; "1:00 to 2:00 p.m." in the afternoon.
        end = int(match.group("h2"))
        if meridiem == "p" and end == 12 and hour < 12:
            meridiem = "a"
    if meridiem == "p" and hour < 12:
        hour += 12
    if meridiem == "a" and hour == 12:
        hour = 0
    return hour, minute


# --- numbers in words ---------------------------------------------------------------------

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
}


def number(word: str) -> int | None:
    """'30' -> 30, 'seven' -> 7, else None."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
