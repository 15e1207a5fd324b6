"""Single fields of a release read from its text: dates, the dateline, the wire, the issuer,
its listings and its website. Each function takes a string and returns a value or None."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .patterns_calls import unglued_host

# --- dates ---------------------------------------------------------------------------------

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|"
         r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
MONTH_WORD = MONTH.replace("(?P<month>", "(?:")
# October 20, 2011 / Oct 20, 2011 / Feb. 12, 2025 / November 07 2024 / Jan. 25 (year elsewhere)
MDY_RE = re.compile(MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)
# 2 July 2026 / 13 November 2025 / 02 May 2012
# (and "14th February 2025", "1st of March 2024")
DMY_RE = re.compile(r"\b(?P<day>\d{1,2})(?:\.|st|nd|rd|th)?(?:\s+of)?\s+" + MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
                    re.I)
# 07/22/2004 (US month/day/year) or 2025-02-12
NUMERIC_DATE_RE = re.compile(r"\b(?:(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)?\d\d)|"
                             r"(?P<iyear>(?:19|20)\d\d)-(?P<imonth>\d\d)-(?P<iday>\d\d))\b")
DATE_RES = (MDY_RE, DMY_RE, NUMERIC_DATE_RE)


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    month: int
    day: int
    year: int | None

    def as_date(self, default_year: int | None = None) -> date | None:
        year = self.year or default_year
        if year is None:
            return None
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None


def find_date(text: str, *, at_start: bool = False) -> DateFound | None:
    """The first date printed in text (at its very start, if at_start)."""
    found = []
    for pattern in DATE_RES:
        match = pattern.match(text) if at_start else pattern.search(text)
        if match and (value := date_of(match)):
            found.append(value)
    return min(found, key=lambda d: (d.start, -d.end)) if found else None


def date_of(match: re.Match) -> DateFound | None:
    groups = match.groupdict()
    if groups.get("iyear"):
        month, day, year = int(groups["imonth"]), int(groups["iday"]), int(groups["iyear"])
    elif groups["month"].isdigit():
        month, day, year = int(groups["month"]), int(groups["day"]), int(groups["year"])
        year += 2000 if year < 100 and year < 50 else 1900 if year < 100 else 0
    else:
        month = MONTHS[groups["month"].lower()[:3]]
        day, year = int(groups["day"]), int(groups["year"]) if groups.get("year") else None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateFound(match.start(), match.end(), month, day, year)


# A header line that is only a date: "March 04, 2019 08:00 AM Eastern Standard Time",
# "Jan. 25, 2005", "For Immediate Release: November 22, 2024", "02 May 2012", "4 February 2025 at 9.00 EET"
HEADER_DATE_RE = re.compile(
    r"^(?:(?:for\s+immediate\s+release|release\s+date|date)\s*+[:\-–]?\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    r"(?P<date>.{6,22}?)(?:\s*+(?:[,@]|at\b)?\s*\d{1,2}[:.]\d\d\s*+(?:[ap]\.?m\.?)?.*)?$",
    re.I,
)


# 31.5.2006 / 04.02.2025 at 9.00: a European header's date, day first (dots are never a US date's)
DOTTED_DATE_RE = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")


def header_date(line: str) -> date | None:
    """The date of a line that holds nothing but a date (and maybe a time)."""
    if (dotted := DOTTED_DATE_RE.match(line.strip())) and HEADER_DATE_RE.match(line.strip()):
        rest = line.strip()[dotted.end():]
        if not rest.strip() or re.match(r"\s*+(?:[,@]|at\b)?\s*\d{1,2}[:.]\d\d", rest):
            try:
                return date(int(dotted["year"]), int(dotted["month"]), int(dotted["day"]))
            except ValueError:
                return None
    match = HEADER_DATE_RE.match(line.strip())
    if not match:
        return None
    found = find_date(match["date"], at_start=True)
    if found is None or match["date"][found.end:].strip(" ,.") or found.year is None:
        return None
    return found.as_date()


# -0- 07/22/2004 (the trailer of a PR Newswire text release)
WIRE_TRAILER_DATE_RE = re.compile(r"-0-\s*(?P<date>\d{1,2}/\d{1,2}/\d{2,4})")


# --- wires ---------------------------------------------------------------------------------

# Newswire names as printed -> the spelling the contract uses.
WIRES = (
    (re.compile(r"business\s*wire", re.I), "Business Wire"),
    (re.compile(r"pr\s*newswire", re.I), "PR Newswire"),
    (re.compile(r"globe\s*newswire", re.I), "GlobeNewswire"),
    (re.compile(r"access\s*newswire", re.I), "ACCESS Newswire"),
    (re.compile(r"accesswire", re.I), "ACCESSWIRE"),
    (re.compile(r"marketwired", re.I), "Marketwired"),
    (re.compile(r"market\s*wire", re.I), "Marketwire"),
    (re.compile(r"newsfile", re.I), "Newsfile"),
    (re.compile(r"\bCNW\b|canada\s*newswire", re.I), "CNW"),
    (re.compile(r"newmediawire", re.I), "NewMediaWire"),
    (re.compile(r"\bthe\s*newswire\b", re.I), "TheNewswire"),
    (re.compile(r"ein\s*presswire", re.I), "EIN Presswire"),
    (re.compile(r"media\s*outreach(?:\s*newswire)?", re.I), "Media OutReach Newswire"),
    (re.compile(r"\bnewswire\s+today\b", re.I), "Newswire Today"),
    (re.compile(r"\bPRWeb\b", re.I), "PRWeb"),
    # Earlier names of today's wires, in their own spelling: CCNMatthews became Marketwire, PrimeZone GlobeNewswire
    (re.compile(r"\bCCN\s*Matthews\b", re.I), "CCNMatthews"),
    (re.compile(r"\bprime\s*zone(?:\s*wire|\s*media\s*network)?\b", re.I), "PrimeZone"),
    (re.compile(r"\binternet\s*wire\b", re.I), "Internet Wire"),
    (re.compile(r"\b(?:JCN|ACN)\s*Newswire\b", re.I), None),
    (re.compile(r"\bKyodo\s*JBN\b", re.I), "Kyodo JBN"),  # Japan's wire: "/Kyodo JBN-AsiaNet/"
    (re.compile(r"\bPR\.com\b", re.I), "PR.com"),
    (re.compile(r"\b24-7\s*Press\s*Release\b", re.I), "24-7PressRelease"),
    # PRISM MediaWire: a distributor's brand before "MediaWire", in its own spelling
    (re.compile(r"\b[A-Z][A-Za-z]{1,20} MediaWire\b"), None),
)


def wire_name(text: str) -> str | None:
    """The newswire a marker such as "(BUSINESS WIRE)" or "/PRNewswire-FirstCall/" names."""
    for pattern, name in WIRES:
        if match := pattern.search(text):
            return name or match.group(0)
    return None


# --- the dateline ------------------------------------------------------------------------------

WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
# WALTHAM, Mass. / TEL AVIV, Israel / SAN JOSE, Calif. / TORONTO, ONTARIO / ST. JOHN'S, N.L.
# (a backtick or an apostrophe stands for the ayin of a transliterated Hebrew or Arabic name: ROSH HA`AYIN, RA'ANANA)
LOCATION_RE = re.compile(
    # a place's words hold single hyphens only: "CUPERTINO, Calif.--Dec. 20, 1996--" ends at the double dash
    # ("FRANKFURT/MAIN, Germany": a slash between two words in capitals, not the one before "/PRNewswire/")
    r"^(?P<location>(?:[A-ZÀ-Þ](?:[A-ZÀ-Þ.'’`&]|-(?!-)|/(?=[A-ZÀ-Þ]+(?:[,\s]|$)))*\.?)"
    r"(?:[ ](?:[A-ZÀ-Þ](?:[A-ZÀ-Þ.'’`&]|-(?!-))*|de|du|la|d'|of|"
    r"and|&))*"
    r"(?:,[ ]?(?!" + MONTH_WORD + r"\s+\d|" + WEEKDAY + r")(?:the[ ])?(?:[A-ZÀ-Þ](?:[\w.'’`&]|-(?!-))*)"
    r"(?:[ ](?:(?:and|of|de|du|la|&)[ ])?(?!" + MONTH_WORD + r"\s+\d)[A-ZÀ-Þ](?:[\w.'’`&]|-(?!-))*){0,2}){0,2})"
)
# (BUSINESS WIRE) / ( BUSINESS WIRE ) / /PRNewswire/ / /CNW/ / / ACCESS Newswire / / (NEWMEDIAWIRE)
WIRE_MARKER_RE = re.compile(r"^(?:\(\s*(?P<p>[^()\n]{2,60}?)\s*\)|/\s*(?P<s>[^/\n]{2,60}?)\s*/)")
SEPARATOR_RE = re.compile(r"^[\s,:/–—-]+")
WEEKDAY_RE = re.compile(r"^" + WEEKDAY + ",?", re.I)
TIME_RE = re.compile(r"^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}\b)?", re.I)
# ACCESS Newswire / Media OutReach Newswire -: a wire's name between separators, unbracketed
WIRE_NAME_RE = re.compile(r"^[A-Za-z ]{3,40}?(?=\s*[/(–—-])")
# (Press Release Service – Press Release Distribution): words only, no listing, date or figure
TAGLINE_RE = re.compile(r"^\s*\([A-Za-z&' –—-]{3,80}\)")
NOT_A_PLACE_RE = re.compile(
    r"^(?:FOR IMMEDIATE RELEASE|IMMEDIATE RELEASE|NEWS RELEASE|PRESS RELEASE|MEDIA RELEASE|NEWS|UPDATE|CORRECTION|"
    r"CORRECTING AND REPLACING|EMBARGOED.*|EXHIBIT.*|CONTACTS?|MEDIA CONTACTS?|INVESTOR CONTACTS?|SOURCE)$",
    re.I,
)
DASHES_RE = re.compile(r"^\s*(?:--|—|–|-\s)")


@dataclass(frozen=True)
class DatelineFound:
    location: str | None
    date: DateFound | None
    wire: str | None
    rest: str  # the lead sentence after the dateline


# Toronto, Ontario--(Newsfile Corp. - January 5, 2021): a title-case place, allowed before a wire marker only
FULL_DATE = (r"(?:" + MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|"
             r"\d{1,2}(?:st|nd|rd|th)?\.?\s+" + MONTH_WORD + r",?\s+(?:19|20)\d\d)")
TITLE_LOCATION_RE = re.compile(
    r"^(?P<location>(?-i:[A-ZÀ-Þ][\w.'’-]+(?:[ ][A-ZÀ-Þ][\w.'’-]+){0,3}"
    r"(?:[ ](?:and|&|/)[ ][A-ZÀ-Þ][\w.'’-]+(?:[ ][A-ZÀ-Þ][\w.'’-]+){0,2})?"  # Kawasaki and Yokohama; Garching / Munich
    r"(?:,[ ]?(?:the[ ])?[A-ZÀ-Þ][\w.'’-]*(?:[ ][A-ZÀ-Þ][\w.'’-]*){0,2}){0,2}))"
    r"(?=(?:,?\s*+" + FULL_DATE + r")?"  # Salt Lake City, UT, June 30, 2026
    r"\s*+(?:(?:--|—|–|-|,)?\s*+[(/]\s*+[^()/]{0,30}?(?:wire|newsfile|presswire|CNW)\b|"
    r"[—–-]\s*(?:TheNewswire|ACCESS Newswire|Media OutReach Newswire)\b)"  # Vancouver, BC – TheNewswire - June 5
    # Milan, 13 February 2025 – / Milan, February 13th, 2025 – / a header line "Kawasaki, Japan, March 3, 2025"
    # ("Oslo, 14th February 2025: Itera ...", "Munich, February 7, 2025 –ITM ...": a bold dateline's mark ran on)
    r"|(?P<dated>,\s*" + FULL_DATE + r"(?:\s*(?:--|—|–|-)\s|\s*[—–](?=[A-Z])|\s*:\s|\s*$)"
    r"|\s*\(" + FULL_DATE + r"\)\s*(?:--|—|–|-)\s)"  # San Francisco (March 24, 2022) - GitLab Inc.
    r"|(?P<undated>\s+[—–]\s+(?-i:[A-Z])))",  # Amsterdam, the Netherlands – Royal Philips
    re.I,
)
# The country a title-case place with neither date nor wire must end with: "Amsterdam, the Netherlands –",
# "Espoo, Finland –" (a European or Asian release's dateline), not "Strong Growth, Record Margins –".
COUNTRY_RE = re.compile(
    r"(?:the[ ])?(?:Netherlands|Belgium|Luxembourg|Germany|Austria|Switzerland|France|Italy|Spain|Portugal|"
    r"Ireland|United Kingdom|UK|Denmark|Norway|Sweden|Finland|Iceland|Poland|Czech Republic|Hungary|Greece|"
    r"Israel|Turkey|United Arab Emirates|UAE|Saudi Arabia|India|China|Hong Kong|Taiwan|Japan|(?:South )?Korea|"
    r"Singapore|Malaysia|Thailand|Indonesia|Philippines|Vietnam|Australia|New Zealand|Canada|Mexico|Brazil|"
    r"Argentina|Chile|South Africa|USA|U\.S\.A?\.?|United States)"
)
# The lead after such a place: the issuer's name, then its listing, an aside or a verb ("Royal Acme (NYSE: ...",
# "Acme Oyj today announced"), and a sentence ended by a full stop after a lower-case word ("... to create
# value."), not a headline's second half
ISSUER_OPENS_RE = re.compile(r"\s*(?:\(|,|[a-z])")
SENTENCE_END_WORD_RE = re.compile(r"[a-z]{2}[.!?](?:\s|$)")
# January 5, 2021 -- NEW YORK -- Acme Corp. ... (the date before the place)
DATE_FIRST_MIN_LEAD = 100
DATE_FIRST_RE = re.compile(r"^(?P<sep>\s*(?:--|—|–|-|/|\|)\s*)")


def parse_dateline(text: str) -> DatelineFound | None:
    """`WALTHAM, Mass., Oct 20, 2011 (BUSINESS WIRE) -- ImmunoGen...` -> location, date, wire, rest."""
    text = text.strip()
    return place_first(text) or date_first(text)


def date_first(text: str) -> DatelineFound | None:
    found = find_date(text, at_start=True)
    if found is None or found.year is None:
        return None
    rest = text[found.end:]
    rest = TIME_RE.sub("", rest.lstrip(" ,"), count=1) if TIME_RE.match(rest.lstrip(" ,")) else rest
    marker = WIRE_MARKER_RE.match(rest.lstrip())
    wire = wire_name(marker["p"] or marker["s"] or "") if marker else None
    if wire:  # "Jan. 5, 2021 (GLOBE NEWSWIRE) -- Acme Corp. ...": the wire's marker without a place
        rest = rest.lstrip()[marker.end():]
        separator = DATE_FIRST_RE.match(rest)
        lead = rest[separator.end():].strip() if separator else ""
        return DatelineFound(location=None, date=found, wire=wire, rest=lead) if lead else None
    separator = DATE_FIRST_RE.match(rest)
    if not separator:
        return None
    rest = rest[separator.end():]
    place = place_first(rest)
    if place is not None and place.date is None:
        return DatelineFound(location=place.location, date=found, wire=place.wire, rest=place.rest)
    if len(rest.strip()) < DATE_FIRST_MIN_LEAD:  # "November 08, 2023 16:05 ET | Source: Acme" is a header line
        return None
    return DatelineFound(location=None, date=found, wire=None, rest=rest.strip())


def place_first(text: str) -> DatelineFound | None:
    match = LOCATION_RE.match(text)
    if not match or len(match["location"]) < 2 or not re.search(r"[A-ZÀ-Þ]{2}", match["location"]):
        match = TITLE_LOCATION_RE.match(text)
        if not match:
            return None
    location = match["location"].rstrip(" ,-")
    rest = text[len(location):]
    found_date, wire, dashed = None, None, False
    for _ in range(8):
        before = rest
        rest = rest.lstrip(" ,")
        if DASHES_RE.match(rest):
            dashed = True
        marker = WIRE_MARKER_RE.match(rest)
        inner = (marker["p"] or marker["s"] or "") if marker else ""
        if wire is None and marker and (name := wire_name(inner)):
            # (Marketwired - Jan. 5, 2016) / (Newsfile Corp. - January 5, 2021): the date rides inside
            wire, rest = name, rest[marker.end():]
            found_date = found_date or find_date(inner)
            continue
        if found_date is None and marker and (d := find_date(inner, at_start=True)) and not inner[d.end:].strip(" ,"):
            found_date, rest = d, rest[marker.end():]
            continue
        rest = SEPARATOR_RE.sub("", rest)
        if weekday := WEEKDAY_RE.match(rest):
            rest = rest[weekday.end():]
            continue
        if found_date is None and (d := find_date(rest, at_start=True)):
            found_date, rest = d, rest[d.end:]
            continue
        if found_date is not None and (t := TIME_RE.match(rest)):
            rest = rest[t.end():]
            continue
        if wire is None and (name_match := WIRE_NAME_RE.match(rest)) and (name := wire_name(name_match.group(0))):
            wire, rest = name, rest[name_match.end():]
            # "PRISM MediaWire (Press Release Service – Press Release Distribution) –": the wire's tagline
            if (tagline := TAGLINE_RE.match(rest)) and not wire_name(tagline.group(0)):
                rest = rest[tagline.end():]
            continue
        if rest == before:
            break
    # A location alone counts when a dash parts it from the lead: "ATLANTA - Southern Company today",
    # not a capitalised headline with a dash in it, nor "FOR IMMEDIATE RELEASE - ...".
    if found_date is None and wire is None and (
        not dashed or len(location) > 40 or not re.search(r"[a-z]", rest[:40]) or NOT_A_PLACE_RE.match(location)
    ):
        return None
    if not re.match(r"^[A-ZÀ-Þ .'’&-]{2,}(?:,|$)", location) and wire is None and not titled_place(match, rest):
        return None
    return DatelineFound(location=location, date=found_date, wire=wire, rest=rest.strip())


def titled_place(match: re.Match, rest: str) -> bool:
    """A title-case place without a wire: "Milan, 13 February 2025 – ..." (dated), or "Amsterdam, the Netherlands –
    ..." (a place and its country, then a paragraph)."""
    groups = match.groupdict()
    if groups.get("dated"):
        return True
    if not groups.get("undated") or "," not in match["location"] or not SENTENCE_END_WORD_RE.search(rest):
        return False
    country = match["location"].rstrip(" ,-").rsplit(",", 1)[1].strip()
    issuer = company_name(rest)
    return bool(COUNTRY_RE.fullmatch(country) and issuer and rest.startswith(issuer)
                and ISSUER_OPENS_RE.match(rest[len(issuer):]))


# --- the issuer ---------------------------------------------------------------------------

CORP_SUFFIX = (r"(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|INC|CORP|CO|LTD|LIMITED|LLC|L\.L\.C|LP|"
               r"L\.P|PLC|plc|N\.V|"
               r"S\.A\.B\.? de C\.V|S\.A\.B|S\.A|SA|AG|SE|NV|AB|ASA|A/S|Oyj|GmbH|S\.p\.A|SpA|Pty|B\.V|BV|K\.K|Trust|Group)\.?")
# ImmunoGen, Inc. / Bora Pharmaceuticals Co., Ltd. / H&R Real Estate Investment Trust / Aaron's, Inc. /
# Cresud S.A.C.I.F. y A. (Spanish "y")
COMPANY_RE = re.compile(
    r"^(?P<name>(?:[A-Z0-9À-Þ][\w&'’.+\-®™]*|[a-z][A-Z][\w&'’.\-]*)"
    r"(?:(?:\s+(?:of|and|for|de|du|la|the|y|&|\+))*\s+(?:A/S\b|[A-Z0-9À-Þ][\w&'’.+\-®™]*|[a-z][A-Z][\w&'’.\-]*))*"
    r"(?:,?\s+" + CORP_SUFFIX + r")*)"
)
LEAD_TIME = r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?"
LEAD_PREFIX_RE = re.compile(
    # "On Thursday, July 30, 2009,", "On February 14th, 2025, at 8 AM CEST,", "On Thursday, February 13th at 08.30
    # CET / 13.00 IST,": the day (and time) of what the issuer does, before its name
    r"^(?:(?:today|yesterday|on\s+(?:" + WEEKDAY + r",?\s+)?\S+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?"
    r"(?:,?\s+at\s+" + LEAD_TIME + r"(?:\s*/\s*" + LEAD_TIME + r")?)?)\s*,\s*|"
    r"(?:the\s+)?(?:board\s+of\s+directors|shareholders|management|directors)\s+of\s+|"
    # "The fintech company Rubean AG, Munich ...": what the issuer is, before its name
    # (not "The Nordex Group today announced": the descriptor's words are in lower case)
    r"the\s+(?-i:[a-z][\w-]*\s+){1,3}(?:company|group|bank|firm)\s+(?-i:(?=[A-Z]))|"
    # "(NASDAQ: MCHP) -- Microchip Technology Incorporated, a leading provider ...": the listing first
    r"\((?:[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*)?):\s*[A-Z][A-Z0-9.]*\)\s*(?:--|[–—])\s*)",
    re.I,
)
# "Citing continued economic strength and a growing customer base in the Southeast, Southern Company today
# reported ...": a clause before the issuer's name, opened by a word that is no name's (a gerund or a preposition
# before a lower-case word), closed by the comma before the name and its verb
OPENING_CLAUSE_RE = re.compile(
    r"^(?:[A-Z][a-z]{2,}ing|After|Following|Despite|Amid|With|Due\s+to|Driven\s+by|Building\s+on)\s+"
    r"[a-z][^,;.]{0,200}+,\s*+"
    r"(?=[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.,-]*){0,6}\s+(?:\([^()]{1,60}\)\s+)?"
    r"(?:today|announced|reported|said|will|has|is|posted|delivered)\b)"
)
# Sears, Roebuck and Co. / Merrill Lynch, Pierce, Fenner & Smith Incorporated: a name whose comma is inside it,
# told by the corporate suffix its tail ends with
SUFFIXED_TAIL_RE = re.compile(r"^(?:,\s+[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*){0,3}){1,3},?\s+(?:and\s+)?"
                              + CORP_SUFFIX + r"(?=[\s,(]|$)")
# NETGEAR®, Inc. / Acme™ Corp.: a registration mark is not part of the name
TRADEMARK_RE = re.compile(r"\s*[®™℠]|\s*\((?:R|TM)\)(?=[\s,]|$)")
NOT_A_NAME_RE = re.compile(r"^(?:The|A|An|This|Today|In|On|For|At|Our|We|As)$")
# "Acme Water President Jane Doe", "Acme CEO John Roe": an officer named after the company, who speaks for it
_CHIEF_EXECUTIVE = r"(?:CEO|Chief\s+Executive(?:\s+Officer)?)"
OFFICER_RE = re.compile(
    rf"(?:'s|’s)?\s+(?:President|Chairman|Chairwoman|Chair|CFO|COO|{_CHIEF_EXECUTIVE})(?:\s+and\s+{_CHIEF_EXECUTIVE})?"
    r"\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+$"
)
# "... Board of Directors", "...'s Supervisory Board": the company's organ, named with it
BOARD_RE = re.compile(r"(?:'s|’s)?\s+(?:(?:Supervisory|Executive|Management)\s+)?Board(?:\s+of\s+Directors)?$")
# "Fujitsu Limited and Yokohama National University today announced": a second party after the first's suffix
SECOND_PARTY_RE = re.compile(r"\s++(?:and|&)\s++(?=[A-Z])")


def company_name(lead: str) -> str | None:
    """The issuer as first named at the start of the lead sentence."""
    # "September 26, 2000...ROCK OF AGES CORPORATION (NASDAQ: ROAC)"; "**Tamboran Resources successfully ..." (a
    # paragraph set in bold, too long for the reader to have taken its marks off)
    text = lead.strip().lstrip("—–-.… *_")
    for _ in range(2):
        text = LEAD_PREFIX_RE.sub("", text, count=1)
    text = OPENING_CLAUSE_RE.sub("", text, count=1)
    match = COMPANY_RE.match(text)
    if not match:
        return None
    name = match["name"].strip().rstrip(",")
    if not re.search(CORP_SUFFIX + r"$", name) and (more := SUFFIXED_TAIL_RE.match(text[match.end():])):
        name += more.group(0).rstrip()
    name = TRADEMARK_RE.sub("", name)
    if officer := OFFICER_RE.search(name):
        name = name[:officer.start()]  # "Indiana American Water President Deborah Dewey today announced ..."
    if board := BOARD_RE.search(name):
        # "The Oracle Board of Directors", "Aker ASA's Board of Directors": the board's company
        name = re.sub(r"^The\s+", "", name[:board.start()])
    name = next((name[:joint.start()] for joint in SECOND_PARTY_RE.finditer(name)
                 if re.search(r"\b" + CORP_SUFFIX + r"\Z", name[:joint.start()])), name)
    words = name.split()
    # "Southern Company today" stops by itself; a trailing capitalised verb does not occur.
    while words and NOT_A_NAME_RE.match(words[-1]):
        words.pop()
    name = " ".join(words).rstrip(",")  # "Camtek Ltd. , today announced" -> "Camtek Ltd."
    if not name or len(name) > 90 or NOT_A_NAME_RE.match(name):
        return None
    return listed_after_a_dash(text, name) or name


# "All Remote - GitLab Inc. (NASDAQ: GTLB)": a tagline, a dash, then the name its listing follows
GLUED_DASH_RE = re.compile(r"(?<=[a-z])[-–—](?=\s)")
DASH_BEFORE_LISTED_RE = re.compile(r"[*_]*\s*[-–—]\s*[*_]*(?P<name>[^-–—()*_]{2,80}?)[\s,]*\((?=[^()]{2,40}\))")


def listed_after_a_dash(text: str, name: str) -> str | None:
    """The issuer's name after a dash when its listing follows it and the name found first does not."""
    start = text.find(name)
    if start < 0:
        return None  # the name as cleaned ("NETGEAR, Inc." of "NETGEAR®, Inc.") is not printed so
    if glued := GLUED_DASH_RE.search(name):  # "All Remote- GitLab Inc., (NASDAQ: GTLB)": the dash inside the match
        start, name = start + glued.start(), name[glued.start():]
    match = DASH_BEFORE_LISTED_RE.match(text, start + (0 if glued else len(name)))
    if match is None or not listings_in(text[match.end() - 1: match.end() + 60]):
        return None
    found = COMPANY_RE.match(match["name"].strip())
    return found["name"].strip().rstrip(",") if found and found.end() >= len(match["name"].strip()) else None


# --- listings ----------------------------------------------------------------------------

# NASDAQ: IMGN / NYSE:BILL / TSX: “HBP” / Euronext Paris / London Stock Exchange: ETL / TWSE: 6472
LISTING_RE = re.compile(
    r"(?P<exchange>[A-Z][A-Za-z]*(?:[ -](?:[A-Z][A-Za-z]*|-[A-Z]))*(?:\s*/\s*[A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)*+)*)"
    r"\s*:\s*[\"“”']?(?P<ticker>[A-Z0-9][A-Za-z0-9]*(?:[.\-][A-Z0-9]+)*(?:\s[A-Z](?=\s*(?:[)\],;]|$)))?)[\"“”']?"
    # NOVO B / ERIC B: a Nordic share class after a space, at the end of the listing
)
# , BRK.B / and ACMEW: more tickers on the same exchange ("NYSE: BRK.A, BRK.B"), none followed by a colon
MORE_TICKERS_RE = re.compile(
    r"(?:\s*(?:,\s*and|,|and|&)\s*)(?P<ticker>[A-Z][A-Z0-9]{0,5}(?:\.[A-Z0-9]{1,3})?)(?![\w.:-]|\s*:)"
)
# NYSE and TSX: ABC / NYSE, TSX: ABC: an exchange that shares the ticker printed after the next one
SHARED_EXCHANGE_RE = re.compile(r"(?P<exchange>\b[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)?)(?:\s*,\s*|\s+(?:and|&)\s+)$")
NOT_EXCHANGES = {"ISIN", "WKN", "CUSIP", "SEDOL", "LEI", "CIK", "FIGI", "TICKER", "SYMBOL", "CODE", "SOURCE",
                 "CONTACT", "NOTE", "ATTN", "TEL", "FAX", "WEB", "EMAIL", "WEBSITE", "PHONE"}
EXCHANGE_NAMES = (
    # (not Nasdaq's European exchanges: "Nasdaq Stockholm", "Nasdaq Helsinki", "Nasdaq First North")
    (re.compile(r"^NASDAQ(?!\s*(?:STOCKHOLM|HELSINKI|COPENHAGEN|ICELAND|REYKJAVIK|TALLINN|RIGA|VILNIUS|NORDIC|"
                r"FIRST\s+NORTH|BALTIC))", re.I), "NASDAQ"),
    (re.compile(r"^(?:NYSE\s*(?:MKT|AMEX|AMERICAN)|AMEX|AMERICAN STOCK EXCHANGE)$", re.I), "NYSE AMERICAN"),
    (re.compile(r"^(?:NYSE|NEW YORK STOCK EXCHANGE)$", re.I), "NYSE"),
    (re.compile(r"^(?:TSX\s*+-?\s*V|TSX\s*VENTURE(?:\s*EXCHANGE)?|TSXV)$", re.I), "TSXV"),
    (re.compile(r"^(?:TSX|TORONTO STOCK EXCHANGE)$", re.I), "TSX"),
)


@dataclass(frozen=True)
class ListingFound:
    exchange: str
    ticker: str


def normalise_exchange(printed: str) -> str:
    printed = re.sub(r"\s+", " ", printed.strip(" -")).upper()
    for pattern, name in EXCHANGE_NAMES:
        if pattern.match(printed):
            return name
    return printed


def listings_in(text: str) -> list[ListingFound]:
    """Every EXCHANGE: TICKER pair in a short stretch of text (what a pair of brackets holds), in order, without
    repeats."""
    found: list[ListingFound] = []
    for match in LISTING_RE.finditer(text):
        exchanges = [e for e in re.split(r"\s*/\s*", match["exchange"]) if e.strip()]
        if shared := SHARED_EXCHANGE_RE.search(text[max(0, match.start() - 40):match.start()]):
            exchanges.insert(0, shared["exchange"])
        tickers = [match["ticker"], *more_tickers(text[match.end():])]
        for printed in exchanges:
            printed = re.sub(r"^(?:and|or|the)\s+", "", printed.strip(), flags=re.I)
            name = normalise_exchange(printed)
            if name in NOT_EXCHANGES or len(name) < 2:
                continue
            if not (is_listed_code(text, match) if name in BRACKET_ONLY_CODES else is_exchange(name)):
                continue
            for ticker in tickers:
                listing = ListingFound(name, ticker)
                if listing not in found:
                    found.append(listing)
    return found


def more_tickers(rest: str) -> list[str]:
    """Tickers printed after a listing's own, on the same exchange, up to the end of its brackets."""
    tickers = []
    while (match := MORE_TICKERS_RE.match(rest)) and len(tickers) < 4:
        tickers.append(match["ticker"])
        rest = rest[match.end():]
    return tickers if re.match(r"\s*(?:[)\];]|$)", rest) else []


EXCHANGE_WORD_RE = re.compile(
    r"^(?:NASDAQ|NYSE|AMEX|TSX|TSXV|CSE|OTC\w*|LSE|AIM|ASX|NZX|SGX|HKEX|SEHK|HKSE|TWSE|TPEX|TSE|JPX|KRX|KOSDAQ|SSE|SZSE|"
    r"BSE|NSE|SIX|TASE|JSE|BMV|B3|BOVESPA|FSE|FWB|XETRA|FRANKFURT|EURONEXT.*|.*STOCK EXCHANGE|.*EXCHANGE|"
    r"NEO|CBOE.*|BATS|ARCA|NYSE ARCA|OMX.*|NASDAQ.*|STO|OSE|MOEX|WSE|GPW|BME|MTA|BIT|ATHEX|ISE|EGX|KLSE|IDX|SET|"
    r"PSE|HOSE|QSE|TADAWUL|ADX|DFM|BVC|BVL|BCS|CNSX|GXG|NEX|PINK(?: SHEETS)?|OTCQX|OTCQB|OTCPINK|"
    r"OTCBB|AEX|BYMA|BCBA|MERVAL|ICEX|NGM|SPOTLIGHT|AQUIS|AQSE|FRA|"
    # Business Wire's Euronext codes: "Legrand (Paris:LR)", "(Amsterdam:AGN)", "(Brussels:UCB)"
    r"PARIS|AMSTERDAM|BRUSSELS|LISBON|"
    # an ISO 10383 market identifier (XMIL, XPAR, XLON, XETR, XASX, XTSE), as listed, not any X word ("XBRL")
    r"X(?:NYS|NAS|ASE|TSE|TSX|CNQ|MEX|BSP|BUE|SGO|BOG|LIM|LON|DUB|PAR|AMS|BRU|LIS|MIL|MAD|SWX|ETR|FRA|WBO|LUX|STO|"
    r"HEL|CSE|OSL|ICE|WAR|PRA|BUD|ATH|IST|TAE|JSE|HKG|SHG|SHE|TKS|KRX|KOS|TAI|SES|BOM|NSE|IDX|KLS|BKK|PHS|ASX|NZE|"
    r"RIS|TAL|LIT))$"
)
# Google Finance's codes (TYO: 7203, ETR: SAP, EPA: AIR, STO: ERIC-B) are also words, agencies and tickers ("EPA",
# "AMS", "ELI"): one counts only where a listing opens (the start of the bracket, or after , ; /), before a ticker
# printed in capitals or figures: "(STO: VICO)", "(NYSE: ACM; EPA: ACM)"
BRACKET_ONLY_CODES = {"TYO", "ETR", "EPA", "EBR", "ELI", "AMS", "OSL", "HEL", "CPH", "STO", "FRA", "PARIS", "AMSTERDAM",
                      "BRUSSELS", "LISBON"}
CAPITAL_TICKER_RE = re.compile(r"[A-Z0-9]+(?:[.\-][A-Z0-9]+)*(?:\s[A-Z])?")
LISTING_SEPARATORS = ",;/|"


def is_exchange(name: str) -> bool:
    return bool(EXCHANGE_WORD_RE.match(name)) or bool(
        re.search(r"\b(?:EXCHANGE|NASDAQ|NYSE|OTC\w*|EURONEXT|BOURSE|BÖRSE|BORSA|BOLSA|MARKETS?)\b", name))


def is_listed_code(text: str, match: re.Match) -> bool:
    """A Google Finance code that stands as a listing in this bracketed stretch: where a listing opens, before a
    ticker in capitals."""
    before = text[:match.start()].rstrip()
    opens = not before or before[-1] in LISTING_SEPARATORS
    return opens and bool(CAPITAL_TICKER_RE.fullmatch(match["ticker"]))


# --- websites ------------------------------------------------------------------------------

# https://www.paltalk.com / www.sanuwave.com/investors / nephros.com / aws.amazon.com
# (and "s.steiner@autodoc.euwww.autodoc.group": a site glued to the mailbox before it)
URL_RE = re.compile(
    r"(?:(?<![@\w.])|(?<=[a-z])(?=www\.))(?P<url>(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|net|org|io|co|us|ca|uk|de|fr|ch|eu|info|biz|ai|tw|jp|cn|hk|au|nz|in|il|se|no|dk|fi|nl|be|at|it|es|"
    r"ie|lu|sg|kr|br|mx|za|ar|cl|pe|tr|pl|cz|pt|gr|ru|id|my|ph|th|vn|ae|is|hu|ro|global|health|bio|tech|energy|"
    r"group|bank|investor|us\.com|co\.uk|com\.au)"
    r"(?!\.[a-z0-9])(?::\d+)?(?:/[^\s<>\"'’”)\]]*)?)(?![\w@])",  # www.cresud.com.ar: never cut at .com
    re.I,
)
# Sites that are never the issuer's own: social networks, regulators, wires, webcast and IR hosts.
NOT_ISSUER_HOSTS = {
    "twitter.com", "x.com", "linkedin.com", "facebook.com", "youtube.com", "youtu.be", "instagram.com", "tiktok.com",
    "sec.gov", "sedar.com", "sedarplus.ca", "sedarplus.com", "businesswire.com", "prnewswire.com",
    "globenewswire.com", "accesswire.com", "accessnewswire.com", "newsfilecorp.com", "newmediawire.com",
    "einpresswire.com", "marketwired.com", "newswire.ca", "media-outreach.com", "newsramp.com", "cision.com",
    "reddit.com", "google.com", "bit.ly", "nasdaq.com", "nyse.com", "tsx.com", "otcmarkets.com", "fda.gov",
    "clinicaltrials.gov", "zoom.us", "q4inc.com", "q4cdn.com", "gcs-web.com", "investorcalendar.com",
    "streamlinks.com", "viavid.com", "notified.com", "mzgroup.us", "wsj.com", "bloomberg.com", "on24.com",
    "choruscall.com", "webcaster4.com", "webcasts.com", "media-server.com", "netroadshow.com", "vimeo.com",
    # exchanges' announcement services and repost sites
    "oslobors.no", "euronext.com", "asx.com.au", "londonstockexchange.com", "investegate.co.uk", "tradingview.com",
    "reuters.com", "morningstar.com", "marketscreener.com",
}
# webcast.example.com / events.q4inc.com: a host whose name says it serves webcasts or events
NOT_ISSUER_HOST_RE = re.compile(r"(?:^|\.)(?:webcasts?|event|events|edge|streams?|register)\d*\.|webcast", re.I)


def is_issuer_site(url: str) -> bool:
    host = domain_of(url)
    if NOT_ISSUER_HOST_RE.search(host):
        return False
    return not any(host == blocked or host.endswith("." + blocked) for blocked in NOT_ISSUER_HOSTS)


def websites_in(text: str) -> list[str]:
    """URLs printed in text that can be a company's own site, as printed, trailing punctuation off."""
    found = []
    for match in URL_RE.finditer(text):
        url = unglued_host(match["url"].rstrip(".,;:!?"))
        start = match.start()
        if start and text[start - 1] == "@":
            continue
        if not is_issuer_site(url):
            continue
        found.append(url)
    return found


def domain_of(url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0]
    return host[4:] if host.startswith("www.") else host
