"""Body blocks of a release -> the conference calls and webcasts it announces.

`find_calls(blocks, release_date=..., website=...)` reads the body (lead paragraph
onward, with the About sections, forward-looking statements and contact blocks already
taken out) and returns one `Call` per event, by the parser contract's rules:

1. The body is cut into units (a line of a details list, or a sentence of prose).
2. Units that speak of a call (its words, numbers, passcodes, links, time) form clusters;
   a cluster with no call word ("conference call", "webcast", ...) is not a call.
3. Inside a cluster, each unit is read as live or replay: the words "replay",
   "archived", "recording", ... switch to replay from where they stand, "live",
   "participants", "dial-in", ... switch back. Numbers, passcodes and links go to
   the part they stand in.
4. Times in live units, with their zone and date, give the events; a cluster with
   times on several dates holds several calls, each owning the details that follow it.
   A time with no date in its sentence or the one before falls on the release date; where
   one instant is printed in several zones, the first zone stands.
5. Clusters without a time of their own complete the call before them.

A time printed without a zone ("at 4:30 p.m.") gives `starts_at=None`, `zone=None`: the
contract wants an instant with its UTC offset, and no zone is implied by a release as a
whole (wires print Eastern, Central, CET and local times alike), so guessing one would
publish a wrong hour; the review page flags the call as having no start time instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from . import zones
from .document import Block
from .patterns_calls import (
    COUNTRY_NUMBER_RE,
    DIAL_IN_HINT_RE,
    PHONE_HINT_RE,
    TIME_RE,
    clock,
    find_dates,
    find_dial_ins,
    find_phones,
    find_urls,
    number,
    strip_markdown,
)
from .result import Call, Replay

# --- vocabulary ---------------------------------------------------------------------------

# "conference call", "earnings call", "webcast", "webinar", "investor call", "dial-in", "web conference"
CALL_WORD_RE = re.compile(
    r"\b(?:conference[\s-]call|(?:earnings|investor|analysts?|financial|results|quarterly|live|video|audio|"
    r"shareholder|teleconference)\s+(?:call|event)|call|webcasts?|web\s?casts?|audio\s?casts?|webinars?|"
    r"teleconferences?|"
    r"(?:web|video|audio|telephone)[\s-]?conferences?|"
    r"dial[\s-]?in|live\s+stream(?:ing)?|fireside\s+chats?|investor\s+day|capital\s+markets\s+day|"
    r"(?:will\s+(?:also\s+)?)?present(?:s|ing)?\s+(?:at|to)|presentations?|"
    r"(?:will\s+be\s+)?presented\s+at\b|"  # "The report will be presented at 09:30 CET by the CEO"
    r"(?:news|press|analysts?|investors?|results)\s+(?:conferences?|briefings?|meetings?)|"
    r"(?:virtual|online)\s+(?:meetings?|presentations?|briefings?|events?)|"
    # "will conduct its quarterly earnings review for the investment community and news media on ..."
    r"(?:earnings|results)\s+review|"
    # "executives will be participating in the Goldman Sachs Technology and Internet Conference on ..."
    r"(?:participat(?:e|es|ing)\s+in|speak(?:s|ing)?\s+at)\s+(?:the\s+)?(?:[\w&.'’,-]+\s+){0,8}?"
    r"(?:conference|summit|forum)|"
    # "This event will be broadcast live on the Internet via the Acme corporate website at ..."
    r"broadcast\s+live|live\s+broadcast|"
    # "Nordkraft ASA will present its fourth quarter results on 12 February 2025 at 08:00 CET"
    r"present(?:s|ing)?\s+(?:its|their|our|the)\s+(?:[\w-]+\s+){0,5}?(?:results|report|figures|earnings))\b",
    re.I,
)
# "please contact Jane Doe at 212-555-0100, jane@acme.com": a person to reach, unless the
# sentence also says how to dial in ("dial", "toll-free", "passcode", ...)
# ("NOTE TO EDITORS: For additional information visit ... or call the Media Helpline at (408) 555-0100")
CONTACT_LINE_RE = re.compile(
    r"\bcontact|@[\w-]+\.|\bhelp\s?line|\bhotline|\bnote\s+to\s+editors|\bfor\s+(?:additional|further|more)\s+information",
    re.I,
)
DIAL_RE = re.compile(r"\b(?:dial|toll|replay|listen|participa|pass\s?code|conference\s+id|access\s+code)", re.I)
# "will host a conference call", "to hold an earnings call", "will webcast its ... call"
ANNOUNCE_RE = re.compile(
    r"\b(?:will|to|plans\s+to|intends\s+to)\s+(?:host|hold|conduct|webcast|broadcast)\b[^.]{0,80}?"
    r"\b(?:call|webcast|webinar|teleconference)\b",
    re.I,
)
# A call word that alone makes a cluster a call (a bare "presentation" does not; a "live
# presentation" via an online platform does).
STRONG_CALL_RE = re.compile(
    # ("or call Apple's Media Helpline at ...": to telephone someone, not a call to join)
    r"\b(?:conference[\s-]calls?|(?<!please\s)(?<!\bor\s)call(?!\s+(?:us|our|me|him|her|them|toll|\+?\d|\(\d)|"
    r"\s+[A-Z][\w&.-]*(?:'s|’s)\s)|webcasts?|"
    r"web\s?casts?|audio\s?casts?|webinars?|teleconferences?|(?:web|video|audio|telephone)[\s-]?conferences?|"
    r"dial[\s-]?in|live\s+streams?|"
    r"live\s+(?:online\s+|virtual\s+|video\s+)?presentation|"
    r"broadcast\s+live\s+(?:on|over|via)\s+the\s+(?:internet|web)|"
    # "a virtual meeting for investors and analysts": held online, as a call is
    r"(?:virtual|online)\s+(?:meeting|presentation|briefing)s?\s+for\s+(?:investors|analysts|shareholders))\b",
    re.I,
)
# "replay", "archived for playback", "a recording will be available", "remain available" (not "a pre-recorded
# audio cast at 10 AM": an event with a time of its own)
REPLAY_RE = re.compile(
    r"\b(?:replay|re-play|rebroadcast|playback|archive[ds]?|archiving|recording|(?<!pre-)recorded|encore|"
    r"on[\s-]demand|remains?\s+(?:available|accessible|posted|on\b))",
    re.I,
)
# "live", "participants", "to participate", "to join", "Dial-In Number", "to access the call", "please dial"
LIVE_RE = re.compile(
    r"\b(?:live|participants?|participate|to\s+join|join\s+the|dial[\s-]?in\s+(?:number|phone|information|details)"
    r"|to\s+access\s+the\s+(?:live\s+)?(?:call|conference|webcast)|to\s+listen"
    # "If you need to call in via telephone line, please dial ...": the way into the live call
    r"|call\s+in|please\s+dial)\b",
    re.I,
)
# "Passcode: 7751636", "Conference ID: SANUWAVE", "entering pass code 101496",
# "Participant Access Code: 309193", "Replay Access ID: 11157276", "(Conference ID 10011365)",
# "Conference Name: Newmont Mining", "replay access code: 7896562#"
PASSCODE_RE = re.compile(
    r"\b(?P<label>pass\s?code|password|pin(?:\s+(?:code|number))?|conference\s+(?:id|i\.d\.|code|number|name)"
    # "the conference call identification number is 49267105"
    r"|(?:conference\s+)?(?:call\s+)?identification\s+(?:number|code)"
    r"|access\s+(?:code|id|number)|entry\s+code|participant\s+code|meeting\s+(?:id|number|code)"
    r"|event\s+(?:id|code|number|passcode)|webinar\s+id|confirmation\s+(?:code|number)"
    r"|reservation\s+(?:code|number)|replay\s+(?:id|code|pin))\b"
    # "The required confirmation code for the replay is 825570"
    r"(?:\s+for\s+(?:the\s+)?(?:replay|call|conference(?:\s+call)?|webcast))?"
    r"\s*(?:number|#|no\.)?\s*(?:is|of|:|=|-|–|\|)?\s*"
    r"(?:[\"“”](?P<quoted>[^\"“”]{1,60}?)[\"“”]"
    r"|(?P<code>\d[\d ]{2,18}\d|[A-Z0-9][A-Za-z0-9-]{2,24})(?P<rest>[^.;,\n]*))?",
    re.I,
)
# 'Quote "Eutelsat" to the operator', 'reference "Moody's Corporation"',
# "Please ask for the Ensco conference call." / "ask for the Acme Corp. Third Quarter Earnings Call"
SPOKEN_PASSCODE_RE = re.compile(
    r"\b(?i:quote|reference|mention|give|provide)\s+(?i:the\s+(?:conference\s+)?(?:name|code)\s+)?"
    r"[\"“](?P<quoted>[^\"“”]{2,60})[\"”]"
    r"|\b(?i:(?:ask(?:ing)?\s+(?:the\s+operator\s+)?for|request(?:ing)?)\s+(?:the\s+)?)"
    r"(?P<named>[\"“][^\"“”]{2,60}[\"”]|[A-Z](?:[^.;:()\n]|\.(?=\s[A-Z])){1,60}"
    r"\b(?i:call|conference|webcast|meeting))\b"
    # "please reference the company name and call title: ODDITY Fourth Quarter and Full Year 2024 Earnings Call."
    r"|\b(?i:quote|reference|mention|give|provide)\s+(?i:the\s+)?(?i:company\s+name\s+and\s+)?"
    r"(?i:(?:call|conference|event)\s+(?:title|name))\s*+:\s*+(?P<titled>[A-Z][^.;\n]{2,80})",
)
TELEPHONE_REPLAY_RE = re.compile(r"\b(?:tele)?phone\b|\bdial(?:ing|-in)?\b|\bcall(?:ing)?\s+\+?\(?\d", re.I)
# "through November 3, 2011", "until March 13, 2025", "to Feb. 28", "ending on ...", and the labels of a
# details list: "Replay end: March 11, 2025", "Expiration Date: ..."
UNTIL_RE = re.compile(
    r"\b(?:through|thru|until|till|to|ending(?:\s+on)?|expires?(?:\s+on)?|up\s+to)\s+"
    r"|\b(?:end|ends|expiration|expiry|expires)(?:\s+date)?\s*:\s*",
    re.I,
)
# What may stand between "until" and its date: "until 11:59 p.m. ET on Tuesday, March 18"
UNTIL_FILLER_RE = re.compile(
    r"(?:[\s,]|\b(?:on|at|the|of|midnight|noon|end|(?:mon|tues|wednes|thurs|fri|satur|sun)day|eastern|pacific|central|"
    r"mountain|time|(?-i:[A-Z]{1,4}T))\b|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?|\(|\))*",
    re.I,
)
# "for 30 days", "for seven days following", "for a period of 90 days", "for at least 90 days"
FOR_DAYS_RE = re.compile(
    r"\bfor\s+(?:a\s+period\s+of\s+)?(?:approximately\s+|about\s+|at\s+least\s+|up\s+to\s+)?"
    r"(?P<n>\d{1,3}|[a-z-]+)\s+days\b",
    re.I,
)
# "today at 4:30 p.m.", "this afternoon", "tomorrow, at 8:30 a.m."
TODAY_RE = re.compile(r"\b(?P<word>today|tonight|this\s+(?:morning|afternoon|evening)|tomorrow)\b", re.I)
# A date after these words is not the call's: "quarter ended September 30", "as of".
NOT_CALL_DATE_RE = re.compile(r"\b(?:ended|ending|through|until|as\s+of|since|from|dated|year|period)\s*$", re.I)
# "The interim report ... will be available on 13 November 2025 at 9:00 a.m. CET": a time
# for documents, not for the call.
DOCUMENT_TIME_RE = re.compile(
    r"\b(?:report|results|statements?|materials?|documents?|documentation|accounts|slides|release)\b.*"
    r"\b(?:available|published|posted|released|issued|announced|distributed)\b",
    re.I,
)
# "The accompanying slides will be available before the webcast on ...", "The slides that will be
# referenced during the call will be available at www.acme.com": a sentence about documents, whose
# link is theirs even where it names the call.
DOCUMENT_SUBJECT_RE = re.compile(
    r"\A(?:the|an?|our|its)?\s*+(?:[\w-]++\s++){0,2}?(?:slides?|slide\s+(?:deck|presentation)|presentation\s+"
    r"(?:slides|materials?|deck|visuals)|(?:supporting\s+|financial\s+)?materials?|earnings\s+release|press\s+release|"
    r"(?:financial\s+)?supplement|report|documents?)\b[^.]{0,80}?\b(?:will|is|are|can|may)\s+(?:also\s+)?"
    r"(?:be\s+)?(?:made\s+)?(?:available|posted|published|accessible|found|downloaded)",
    re.I,
)
# "the Investor Relations section of the Company's website", "on our investor page"
WEBSITE_SECTION_RE = re.compile(
    r"\b(?:section|page|portion|area|tab|site|website|web\s+site)\b[^.]{0,60}?\b(?:web\s?site|home\s?page)\b"
    r"|\b(?:investors?|investor\s+relations|ir|events?)\s+(?:section|page|portion|area|tab|website|web\s+site)\b"
    r"|\b(?:company['’]s|our|its)\s+(?:corporate\s+)?(?:web\s?site|web\s+site|home\s?page)\b",
    re.I,
)
# A link text that stands for its href: "click here", "here", "this link", "Register"
LINK_WORDS_RE = re.compile(r"^(?:click\s+here|here|this\s+link|link|register|registration|webcast|listen|join)", re.I)
# Hosts that serve webcasts or their registration pages.
WEBCAST_HOST_RE = re.compile(
    r"webcast|on24|zoom\.us|choruscall|viavid|webcaster|q4inc|q4cdn|media-server|streamlabs|vimeo|"
    r"youtube|brighttalk|gotowebinar|teams\.microsoft|event|register|registration|earnings-call|"
    r"livestream|incommon|netroadshow|openexchange|mzgroup|engage|investorsummit|summit|webinar|vevent|notified|"
    r"issuerdirect|mediasite|webex|gotomeeting|intrado|events\.q4|stream",
    re.I,
)
# "| | | | Dial-In Number | | | | 1-855-209-8210": the cells of a flattened table
TABLE_PIPES_RE = re.compile(r"\s*\|\s*(?:\|\s*)*")
# A sentence end: ". " before a capital. Not after "p.m.", "Inc.", "Feb.", "U.S." (see ABBREVIATION_RE).
# "... financial results., To join the live audio ...": a repost that ran its paragraphs together with ", ".
SENTENCE_END_RE = re.compile(r"[.!?],?(?=\s+[A-Z(\"“])")
ABBREVIATION_RE = re.compile(
    r"(?:\b[ap]\.m|\b[A-Z]|\b(?:Inc|Ltd|Corp|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Mr|Ms|Dr|St|"
    r"approx|vs|U\.S|e\.g|i\.e))$"
)


def sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        if ABBREVIATION_RE.search(text[max(0, match.start() - 8): match.start()]):
            continue
        pieces.append(text[start: match.end()])
        start = match.end()
    pieces.append(text[start:])
    return pieces


# --- units --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    text: str
    hrefs: tuple[tuple[int, str], ...] = ()  # (position in text, href) of "click here" links
    item: bool = False  # an event of a list announced by the line before ("will present at the following ...:")


def clean(text: str) -> str:
    if "*" in text or "_" in text or "\\" in text:
        text = strip_markdown(text)
    if "|" in text:
        text = TABLE_PIPES_RE.sub(" | ", text).strip(" |")
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = SPACES_RE.sub(" ", text)
    return text.strip()


SPACES_RE = re.compile(r"[ \t\u00a0]+")


# "Toll Free: 877-407-0784", "Conference ID: 13751042", "Webcast: https://...": a label and its value
DETAIL_LINE_RE = re.compile(r"[A-Z][\w/&().-]*(?: [\w/&().-]+){0,4}\s?:\s+\S")


def is_wrapped_prose(lines: list[str]) -> bool:
    """Lines of a hard-wrapped paragraph (fixed-width text), rather than a list of items."""
    if len(lines) < 2:
        return False
    if sum(bool(DETAIL_LINE_RE.match(line)) for line in lines) * 2 >= len(lines):
        return False  # "Call me link: https://...", "Webcast: https://...": long, but a list of details
    long = sum(len(line) >= 55 for line in lines[:-1])
    return long >= max(1, (len(lines) - 1) * 2 // 3)


def block_units(block: Block) -> list[Unit]:
    lines = [clean(line) for line in block.lines]
    lines = [line for line in lines if line]
    if is_wrapped_prose(lines):
        lines = [" ".join(lines)]
    labels = link_labels(block)
    units = []
    for line in lines:
        pieces = sentences(line) if len(line) > 80 else [line]
        for piece in pieces:
            piece = piece.strip()
            if piece:
                units.append(Unit(piece, link_positions(piece, labels)))
    return units


def link_labels(block: Block) -> list[tuple[str, str]]:
    """(label, href) of the block's "click here" links: those whose text is no address itself."""
    found = []
    for link in block.links:
        label = link.text.strip()
        if not label or not link.href.lower().startswith(("http://", "https://")):
            continue
        if LINK_WORDS_RE.match(label) or not find_urls(label):
            found.append((label, unwrapped(link.href)))
    return found


# A wire's click-tracking address, whose target rides in its query: "https://c212.net/c/link/?...&u=https%3A%2F%2F...",
# "https://cts.businesswire.com/ct/CT?id=smartlink&url=https%3A%2F%2F..."
REDIRECTORS = {"c212.net": "u", "cts.businesswire.com": "url", "www.globenewswire.com": "url"}


def unwrapped(href: str) -> str:
    """The address a wire's tracking link leads to, else the link as it is."""
    parts = urlsplit(href)
    key = REDIRECTORS.get(parts.netloc.lower())
    target = parse_qs(parts.query).get(key, [""])[0] if key else ""
    return target if target.lower().startswith(("http://", "https://")) else href


# The release's own copy on a wire's or an exchange's site, which a repost links to beside the call: no webcast
WIRE_PAGE_RE = re.compile(
    r"(?:news|mb)\.cision\.com/|businesswire\.com/news/|prnewswire\.com/news-releases/|globenewswire\.com/"
    r"(?:news-release|newsroom)/|accessnewswire\.com/newsroom/|newmediawire\.com/news/|newsweb\.oslobors\.no/|"
    r"tradingview\.com/news/|morningstar\.com/news/",
    re.I,
)


def link_positions(text: str, labels: list[tuple[str, str]]) -> tuple[tuple[int, str], ...]:
    found = []
    for label, href in labels:
        position = text.find(label)
        if position >= 0:
            found.append((position, href))
    return tuple(found)


# Words without which no unit speaks of a call (those of CALL_WORD_RE, REPLAY_RE, PASSCODE_RE
# and the detail-line labels), searched in the lower-cased text: a case-sensitive search is
# several times cheaper than the re.I patterns it spares on the prose and tables of a release.
HINT_RE = re.compile(
    r"call|cast|dial|play|code|pass|pin|webinar|present|stream|chat|day|archiv|record|encore|demand|remain|"
    r"date|time|when|where|link|toll|domestic|international|http|www|listen|regist|join|access|quote|ask|"
    r"request|conference|event|participa|meeting|confirmation|reservation|\.[a-z]{2,}/"
)
# CALL_WORD_RE, REPLAY_RE and PASSCODE_RE in one, for the lower-cased text: whether a unit
# says anything of a call at all, in one case-sensitive pass (their words are all lower-case).
RELATED_RE = re.compile("|".join(f"(?:{p.pattern})" for p in (CALL_WORD_RE, REPLAY_RE, PASSCODE_RE)))
DETAIL_LABEL_RE = re.compile(r"^(?:date|time|when|where|link|webcast|replay|dial|toll|international|domestic)\b", re.I)


# "Thursday, February 13, 2025" / "10:00 a.m. ET" on lines of their own under a "Conference Call" heading
WHEN_LINE_RE = re.compile(r"[\w\s,.:()/–-]*")


def is_when_line(text: str) -> bool:
    """A short line that gives no more than a date or a time (with its zone): a call's detail."""
    if not WHEN_LINE_RE.fullmatch(text) or not any(ch.isdigit() for ch in text):
        return False
    return bool(find_dates(text, date(2000, 1, 1)) or event_times(Unit(text), 0, len(text)))


def is_related(unit: Unit) -> bool:
    text = unit.text
    if any(LINK_WORDS_RE.match(text, position) or WEBCAST_HOST_RE.search(href) for position, href in unit.hrefs):
        return True  # "click here", "Register": the link says no more than its target
    if len(text) < 60 and is_when_line(text):
        return True
    lower = text.lower()
    if not (HINT_RE.search(lower) or PHONE_HINT_RE.search(text) or DIAL_IN_HINT_RE.search(text)
            or COUNTRY_NUMBER_RE.search(text)):
        return False
    return bool(
        RELATED_RE.search(lower)
        or find_dial_ins(text)
        or (len(text) < 200 and find_urls(text))
        or DETAIL_LABEL_RE.match(text)
    )


# A line that opens a contact block: "Investor Relations Department.", "For further information:",
# "Media Contact". What follows is whom to call, not a number to dial into the call.
CONTACT_HEADING_RE = re.compile(
    r"(?:for\s+(?:further|more)\s+information(?:,?\s+(?:please\s+)?contact)?|(?:investor|media|press|public)\s+"
    r"relations(?:\s+(?:department|team|contacts?|office))?|(?:investor|media|press|company)\s+(?:contacts?|enquiries"
    r"|inquiries)|contacts?|enquiries|inquiries)\s*[:.]?",
    re.I,
)
# "3 Glenlake Parkway | Atlanta, GA 30328 | Phone +1 (770) 418-7000": a letterhead or footer address,
# its phone the switchboard's. A city's US state and ZIP code, or a UK postcode.
POSTAL_CODE_RE = re.compile(r",\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")


def is_stop(unit: Unit) -> bool:
    """A unit that ends any call cluster: a contact block's heading, or an address line."""
    text = unit.text
    if len(text) < 60 and CONTACT_HEADING_RE.fullmatch(text.strip(" *_|")):
        return True
    return bool(POSTAL_CODE_RE.search(text)) and not CALL_WORD_RE.search(text)


def is_event_item(unit: Unit) -> bool:
    """'Morgan Stanley Technology Conference on Monday, March 2, 2015 at 3:15pm PT at The Palace Hotel': an
    event with its own date and time, under "will be presenting at the following conferences:"."""
    text = unit.text
    return len(text) < 300 and not REPLAY_RE.search(text) and bool(find_dates(text, date(2000, 1, 1))) \
        and bool(event_times(unit, 0, len(text)))


def clusters(units: list[Unit]) -> list[tuple[list[Unit], list[Unit]]]:
    """Runs of related units, each with the two units before it (where "that day" finds its date);
    one short unrelated unit between two related ones is kept (two, when the second is a label ending in ":",
    "Presenter: Jane Doe" then "Register at:"); a contact heading or an address ends a run."""
    runs: list[tuple[list[Unit], list[Unit]]] = []
    current: list[Unit] = []
    gap: list[Unit] = []
    lead: list[Unit] = []
    listing = False  # the units so far are a list announced by a call line ending in ":"
    for index, unit in enumerate(units):
        listing = listing and is_event_item(unit)
        if listing:
            unit = replace(unit, item=True)
        if is_stop(unit):
            if current:
                runs.append((lead, current))
            current, gap = [], []
        elif unit.item or is_related(unit):
            listing = listing or (unit.text.rstrip().endswith(":") and bool(CALL_WORD_RE.search(unit.text)))
            if current and gap:
                current.extend(gap)
            if not current:
                lead = units[max(0, index - 2): index]
            current.append(unit)
            gap = []
        elif current and len(unit.text.split()) <= 14 and (
            not gap or (len(gap) == 1 and unit.text.rstrip().endswith(":"))
        ):
            gap = [*gap, unit]  # a second one only if it is a label for the line below ("Register at:")
        else:
            if current:
                runs.append((lead, current))
            current, gap = [], []
    if current:
        runs.append((lead, current))
    return [(lead, run) for lead, run in runs if any(STRONG_CALL_RE.search(u.text) for u in run)]


# --- reading a cluster --------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the whole release tells the reading of each cluster."""

    release_date: date | None  # "today" and "tomorrow" count from it
    near: date | None  # a date printed without its year falls near it: the release date, else the body's first date
    region: str | None  # the dateline's country ("CN", "IE", "IL"), for the zones it reads otherwise ("CST", "IST")
    local_zone: str | None = None  # the issuer's own clock, for a time printed without a zone (zones.local_zone)


def first_full_date(units: Sequence[Unit]) -> date | None:
    """The first date printed with its year: where a release without a date of its own stands in time."""
    for unit in units:
        for _, _, value in find_dates(unit.text, None):
            return value
    return None


@dataclass
class Part:
    """What one stretch of a cluster says about a call."""

    position: int  # index of its first unit within the cluster
    starts_at: datetime | None = None
    zone: str | None = None
    day: date | None = None
    dial_in: list[str] = field(default_factory=list)
    passcode: str | None = None
    passcode_is_id: bool = False  # labelled "Conference ID", "Webinar ID": a passcode printed later wins
    urls: list[tuple[int, str]] = field(default_factory=list)  # (rank, url)
    website_named: bool = False
    announced: bool = False  # "Acme will host a conference call ...", even without a time yet
    undated: tuple[int, int, str] | None = None  # (hour, minute, zone) of a time printed with no day near it
    zone_assumed: bool = False  # the time was printed without a zone: the issuer's own clock was taken
    session: bool = False  # one of several sessions of its day, each at its own time (split_sessions)
    listed: bool = False  # one of the events of a list (is_event_item)
    replay: bool = False
    replay_until: date | None = None
    replay_until_by_phone: bool = False  # the date is the telephone replay's, which a webcast archive's gives way to
    replay_days: int | None = None
    replay_dial_in: list[str] = field(default_factory=list)
    replay_passcode: str | None = None


# "using the same conference ID", "with the same passcode": the replay takes the live call's code
SAME_CODE_RE = re.compile(
    r"\bsame\s+(?:conference\s+(?:id|code|number)|pass\s?code|access\s+code|entry\s+code|pin|code|password)\b", re.I
)
# "a simultaneous live, and then archived, webcast ... (www.acme.com)": one link serves both,
# and the sentence stays live (a replay is noted all the same)
# ("Webcast and Replay: https://...", "A live webcast and replay of the call ...", "Live webcasts, as well as
# replays, will be available at ...", "broadcast and archived on our website" too: one link for both)
LIVE_AND_ARCHIVED_RE = re.compile(
    r"\blive,?\s+and\s+(?:then\s+)?(?:an?\s+)?(?=archiv|record|replay|on[\s-]demand)"
    r"|\bweb\s?casts?,?\s+(?:and|&|/|as\s+well\s+as)\s+(?:an?\s+|the\s+)?(?=replays?\b|archives?\b|recordings?\b)"
    # "will also be simultaneously broadcast and archived on our website at ..."
    r"|\b(?:broadcast|webcast|streamed)\s+(?:live\s+)?and\s+(?=archived\b|recorded\b)",
    re.I,
)


# "Date: Tuesday, February 25, 2025", "Time:", "When:", "Date and Time:": the first line of the event's own details
EVENT_DETAIL_RE = re.compile(r"^(?:date|time|when|date\s*(?:and|&|/)\s*time)\s*:", re.I)


def opens_event_details(before: str, text: str) -> bool:
    """'A webcast and replay will be available on the Company's website.' over 'Date: ...', 'Time: ...',
    'Dial-In: ...': a sentence that names the replay in passing hands no replay on to the list of the
    event's details below it."""
    return bool(EVENT_DETAIL_RE.match(text)) and before.rstrip().endswith(".") and len(before.split()) >= 6


# "To listen": a live word only where the text is not already about the replay
LISTEN_RE = re.compile(r"to\s+listen\b", re.I)


def sentence_end(text: str, start: int) -> int:
    found = SENTENCE_END_RE.search(text, start)
    return found.end() if found else len(text)


def segments(unit: Unit, live: bool) -> tuple[list[tuple[int, int, bool]], bool]:
    """(start, end, is_live) stretches of a unit, and the mode it leaves for the next unit."""
    switches = sorted(
        [(m.start(), False) for m in REPLAY_RE.finditer(unit.text)]
        + [(m.start(), True) for m in LIVE_RE.finditer(unit.text)]
    )
    # "the live webcast replay": a switch to replay wins over a live word right before it.
    # "A replay will be available to listen to at ...": within one sentence, no way back to live.
    stretches, start, mode = [], 0, live
    replay_seen_at = None
    # "webcast live and archived for replay ... at www.acme.com": that sentence is about the live event and its
    # archive alike, so no replay word in it takes the link from the live call
    both = [(m.end(), sentence_end(unit.text, m.end())) for m in LIVE_AND_ARCHIVED_RE.finditer(unit.text)]
    switches = [(p, lv) for p, lv in switches if lv or not any(start <= p < end for start, end in both)]
    for position, to_live in switches:
        if to_live and not mode and any(p > position and not lv for p, lv in switches if p - position < 25):
            continue
        if to_live and not mode and LISTEN_RE.match(unit.text, position):
            continue  # "A replay will be available through May 1. To listen, please call ...": the replay's numbers
        if to_live and replay_seen_at is not None and not SENTENCE_END_RE.search(unit.text, replay_seen_at, position):
            continue
        if not to_live:
            replay_seen_at = position
        if to_live != mode:
            stretches.append((start, position, mode))
            start, mode = position, to_live
    stretches.append((start, len(unit.text), mode))
    # A unit that mentions a replay and nothing live hands replay on; a unit that starts
    # afresh with a live word hands live on.
    return [s for s in stretches if s[1] > s[0]], mode


def passcode_value(match: re.Match) -> str | None:
    if match.group("quoted"):
        return match.group("quoted").strip()
    code = match.group("code")
    if not code:
        return None
    label = match.group("label").lower()
    if label.endswith("name") and match.group("rest"):
        # "Conference Name: Newmont Mining"
        words = (code + match.group("rest")).split()
        code = " ".join(words[:5])
    code = code.strip().rstrip("#")
    if code.lower() in NOT_A_CODE:
        return None
    if not any(ch.isdigit() for ch in code) and not code[:1].isupper():
        return None  # "passcode will be provided": a lower-case word is the sentence going on
    return code


# Words that follow a passcode label without being the passcode: "Passcode: Please ask ..."
NOT_A_CODE = {
    "for", "and", "the", "will", "number", "followed", "please", "when", "is", "to", "or", "if", "you", "your",
    "required", "not", "none", "n/a", "available", "provided", "tbd", "given", "below", "above", "upon", "via",
    "in", "at", "on", "by", "that", "this", "after", "before", "with", "which", "are", "be", "as", "each",
}


# "Webinar ID: 951 4144 0099 / Password: 620076", "Meeting ID ... Passcode ...": where a call has both,
# the passcode is the code so labelled; an ID (or a name to give the operator) serves only alone.
ID_LABEL_RE = re.compile(r"(?:id|i\.d\.|number|name)$", re.I)


def passcodes_in(text: str) -> list[tuple[int, str, bool]]:
    """(position, code, whether its label names an ID rather than a passcode) of each code in text."""
    found = []
    for match in PASSCODE_RE.finditer(text):
        value = passcode_value(match)
        if value:
            found.append((match.start(), value, bool(ID_LABEL_RE.search(match.group("label")))))
    for match in SPOKEN_PASSCODE_RE.finditer(text):
        value = (match.group("quoted") or match.group("named") or match.group("titled") or "").strip("\"“” ")
        if value:
            found.append((match.start(), value, True))
    return sorted(found)


def dangling_label_value(units: list[Unit], index: int) -> str | None:
    """'Conference Name' on a line of its own, its value a line or two below (a flattened table)."""
    for later in units[index + 1: index + 3]:
        text = later.text.strip(" |")
        if find_phones(text) or not text:
            continue
        if len(text.split()) <= 5 and not CALL_WORD_RE.search(text) and ":" not in text:
            return text
        return None
    return None


# What may stand between a time and its zone: "14:00 hrs CET", "10.00 hours (CET)", "15 Uhr MEZ",
# "7:00 am, Eastern Time"
ZONE_GAP_RE = re.compile(r"\s*(?:(?:hrs|hours|h|Uhr)\b\.?\s*)?(?:,\s*)?", re.I)
# Between a time with its zone and the same instant in another zone: "4:00 p.m. CET (3:00 p.m. GMT)",
# "8:00 a.m. ET / 2:00 p.m. CET", "7:00 a.m. Eastern Time on March 5, 2025 or 8:00 p.m. Beijing Time"
ALTERNATE_GAP_RE = re.compile(r"[^;]{0,40}")
ALTERNATE_MARK_RE = re.compile(r"[(/|]|\bor\b|,|–|—|\s-\s")


def event_times(
    unit: Unit, start: int, end: int, region: str | None = None
) -> list[tuple[int, tuple[int, int], str | None, int]]:
    """(position, (hour, minute), IANA zone, distance to a call word) for each time in a stretch.
    Where one instant is printed in several zones, the first zone printed stands (parser contract)."""
    text = unit.text
    calls = [m.start() for m in CALL_WORD_RE.finditer(text)]
    found = []
    zoned_end = None  # where the last time with a zone ended
    for match in TIME_RE.finditer(text, start, end):
        hm = clock(match)
        if hm is None:
            continue
        zone_match = zones.ZONE_RE.match(text, ZONE_GAP_RE.match(text, match.end()).end())
        zone = zones.zone_name(zone_match.group(0), region) if zone_match else None
        if zone is None and not (match.group("ap1") or match.group("ap2") or match.group("noon")):
            continue  # "13:00" alone could be anything; with a zone it is a time
        if afternoon_by_habit(match, zone):
            hm = (hm[0] + 12, hm[1])
        if zone is not None:
            alternate = zoned_end is not None and is_alternate(text[zoned_end: match.start()])
            zoned_end = zone_match.end()
            if alternate:
                continue
        distance = min((abs(match.start() - c) for c in calls), default=10_000)
        found.append((match.start(), hm, zone, distance))
    return found


def afternoon_by_habit(match: re.Match, zone: str | None) -> bool:
    """"live 3:10 - 3:20 Eastern Time": on a 12-hour clock printed without a.m. or p.m., an hour from 1 to 6 is in the
    afternoon (no American call starts at three in the morning); "08:30 CET" is a 24-hour clock."""
    return bool(zone and zone.startswith("America/") and not (match.group("ap1") or match.group("ap2"))
                and not match.group("noon") and len(match.group("h1")) == 1 and 1 <= int(match.group("h1")) <= 6)


def is_alternate(gap: str) -> bool:
    return bool(
        ALTERNATE_GAP_RE.fullmatch(gap) and ALTERNATE_MARK_RE.search(gap) and not CALL_WORD_RE.search(gap)
    )


def day_for(units: list[Unit], index: int, position: int, context: Context) -> date | None:
    """The date a time at (unit, position) falls on: its own unit's, else the nearest before, else after."""
    text = units[index].text
    release_date = context.release_date
    relative = [m for m in TODAY_RE.finditer(text)]
    if relative and release_date:
        nearest = min(relative, key=lambda m: abs(m.start() - position))
        days = 1 if nearest.group("word").lower() == "tomorrow" else 0
        own = own_dates(text, context.near)
        if not own or abs(nearest.start() - position) <= min(abs(s - position) for s, _ in own):
            return release_date + timedelta(days=days)
    own = own_dates(text, context.near)
    if own:
        return min(own, key=lambda item: (abs(item[0] - position), item[0] < position))[1]
    if (weekday := coming_weekday(text, release_date)) is not None:
        return weekday
    order = list(range(index - 1, -1, -1)) + list(range(index + 1, min(len(units), index + 3)))
    for other in order:
        dated = own_dates(units[other].text, context.near)
        if dated:
            return dated[-1][1] if other < index else dated[0][1]
        if release_date and TODAY_RE.search(units[other].text):
            word = TODAY_RE.search(units[other].text).group("word").lower()
            return release_date + timedelta(days=1 if word == "tomorrow" else 0)
        if other == index - 1 and (weekday := coming_weekday(units[other].text, release_date)) is not None:
            return weekday  # a weekday only from the sentence before (contract), not from further up
    return None


# "on Thursday at 10:00 a.m. ET": a weekday with no date of its own is the next such day from the release on
WEEKDAY_RE = re.compile(r"\b(?P<day>mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
WEEKDAYS = ["mon", "tues", "wednes", "thurs", "fri", "satur", "sun"]


def coming_weekday(text: str, release_date: date | None) -> date | None:
    """The day a weekday printed without its date stands for, counted from the release date; None if the
    text names no weekday or several."""
    if release_date is None:
        return None
    days = {match.group("day").lower() for match in WEEKDAY_RE.finditer(text)}
    if len(days) != 1:
        return None
    ahead = (WEEKDAYS.index(days.pop()) - release_date.weekday()) % 7
    return release_date + timedelta(days=ahead)


def own_dates(text: str, near: date | None) -> list[tuple[int, date]]:
    return [
        (start, value)
        for start, _, value in find_dates(text, near)
        if not NOT_CALL_DATE_RE.search(text[max(0, start - 20): start])
    ]


# "The webcast can be followed at ...", "listen to the live audio at ...", "(live broadcast/replays of
# quarterly conference call)": the sentence is about the webcast
WEBCAST_SENTENCE_RE = re.compile(
    r"\b(?:web\s?cast|webinar|live\s+stream|listen|watch|view|audio|video|broadcast|web\s+conferenc)", re.I
)
# "please register in advance here to receive the dial-in numbers", "Dial-in registration:": a link that
# only registers callers for their numbers is no webcast (parser contract), unless the webcast is named too.
REGISTRATION_RE = re.compile(r"\bregist(?:er|ers|ered|ering|ration)\b", re.I)
DIAL_DETAILS_RE = re.compile(
    r"\b(?:dial[\s-]?in|dial|phone|telephone|telephonically|numbers?|pin|call[\s-]in|callers?|live\s+call)\b", re.I
)


HEADING_CHARS = 60  # a heading or label over the line it names


def is_dial_registration(units: Sequence[Unit], index: int) -> bool:
    """Whether units[index] registers callers for dial-in details: its own words or a neighbour's."""
    text = units[index].text
    if not REGISTRATION_RE.search(text) or WEBCAST_SENTENCE_RE.search(text):
        return False
    if index and len(units[index - 1].text) < HEADING_CHARS and WEBCAST_SENTENCE_RE.search(units[index - 1].text):
        return False  # "Link to webcast" / "https://acme.events.inderes.com/q4/register": the webcast's own page
    near = units[max(0, index - 1): index + 2]
    return any(DIAL_DETAILS_RE.search(unit.text) for unit in near)


def registration_link_only(units: Sequence[Unit], index: int) -> bool:
    """Its links are dial-in registration pages: the unit registers callers, or it is the link line
    under a label that does ("Participant Online Registration:" / https://...)."""
    if is_dial_registration(units, index):
        return True
    return index > 0 and units[index - 1].text.rstrip().endswith(":") and is_dial_registration(units, index - 1)


SITE_RANK = 2  # ranks from here on are pages of a website, not a webcast host


def url_rank(url: str, sentence: str = "") -> int:
    """Lower is better: a webcast host named in a sentence about the webcast, then any webcast host,
    then a page path and a bare home page in a sentence about the webcast, then those elsewhere
    ("a list of customers is available at www.acme.com/customers" beside the call)."""
    bare = re.sub(r"^[a-z]+://", "", url.lower()).rstrip("/")
    about_webcast = bool(WEBCAST_SENTENCE_RE.search(sentence))
    if WEBCAST_HOST_RE.search(bare):
        return 0 if about_webcast else 1
    return (2 if "/" in bare else 3) + (0 if about_webcast else 2)


def unit_events(
    unit: Unit, times: list[tuple[int, tuple[int, int], str | None, int]], units: list[Unit], index: int,
    context: Context,
) -> list[tuple[int, tuple[int, int], str | None, date | None]]:
    """(position, (hour, minute), zone, day) of the events a unit announces: the one time that follows a call
    word, else the time nearest a call word; or, where one sentence names several events on days of their own
    ("the Acme Conference on February 26 at 10:00am ET and the Beta Conference on March 3 at 10:40am ET"), each
    of them (parser contract:
    presentations at separate times are separate calls)."""
    if not times:
        return []
    dated = [(position, hm, zone, day_for(units, index, position, context)) for position, hm, zone, _ in times]
    previous, events = 0, []
    for event in sorted(dated):
        if event[3] is not None and CALL_WORD_RE.search(unit.text, previous, event[0]):
            events.append(event)
        previous = event[0]
    if len(events) == 1 or len({event[3] for event in events}) == len(events) > 1:
        return events  # "will release its results at 4:05 p.m. ET and host a conference call at 8:30 a.m. ET"
    position = min(times, key=lambda t: (t[3], t[0]))[0]
    return [next(event for event in dated if event[0] == position)]


def read_cluster(units: list[Unit], context: Context, lead: Sequence[Unit] = ()) -> list[Part]:
    parts = [Part(position=0)]
    live = True
    seen_days: dict[date, Part] = {}
    closing: Part | None = None  # what a line after a list of events says of them all
    for index, unit in enumerate(units):
        text = unit.text
        if not live and index and opens_event_details(units[index - 1].text, text):
            live = True
        stretches, live = segments(unit, live)
        # "for more information contact Jane Doe at 212-555-0100, jane@x.com": a contact, not a dial-in
        contact_line = bool(CONTACT_LINE_RE.search(text)) and not DIAL_RE.search(text)
        documents_only = bool(DOCUMENT_TIME_RE.search(text)) and not STRONG_CALL_RE.search(text)
        # links of documents and of dial-in registration pages are no webcast
        links_elsewhere = (
            documents_only or bool(DOCUMENT_SUBJECT_RE.match(text)) or registration_link_only(units, index)
        )
        # New events first, so that the details of this unit go to the call they follow.
        if not documents_only:
            times = [t for s, e, is_live in stretches if is_live for t in event_times(unit, s, e, context.region)]
            for position, (hour, minute), zone, day in unit_events(unit, times, [*lead, *units], index + len(lead),
                                                                   context):
                assumed = zone is None and context.local_zone is not None
                zone = zone or context.local_zone
                part = parts[-1]
                if unit.item:
                    # Each event of a list is a call of its own, even two on one day (parser contract); the same
                    # instant printed again in another zone on a line of its own is the same event.
                    instant = zones.localize(day, hour, minute, zone) if day and zone else None
                    same = next((p for p in parts if instant is not None and p.starts_at == instant), None)
                    if same is not None:
                        part = same
                    elif part.day or part.starts_at or part.undated:
                        part = Part(position=index)
                        parts.append(part)
                    part.listed = part.session = True
                elif day is not None and day not in seen_days and any(seen_days):
                    part = Part(position=index)
                    parts.append(part)
                if day is not None and day not in seen_days:
                    seen_days[day] = part
                if day is None and zone is not None and part.undated is None:
                    part.undated, part.zone_assumed = (hour, minute, zone), assumed
                if part.day is None or (day is not None and day == part.day
                                        and (part.zone is None or part.zone_assumed and not assumed)):
                    part.day = day
                    if day is not None and zone is not None:
                        part.starts_at, part.zone = zones.localize(day, hour, minute, zone), zone
                        part.zone_assumed = assumed
        part = parts[-1]
        if part.listed and not unit.item and not times:
            # "Live webcasts, as well as replays, will be available at ...": for every event of the list
            part = closing = closing or Part(position=index)
        if LIVE_AND_ARCHIVED_RE.search(text):
            part.replay = True
        for start, end, is_live in stretches:
            piece = text[start:end]
            if not is_live:
                part.replay = True
            phones = [p for _, _, p in find_dial_ins(piece)] if not contact_line else []
            codes = [(value, is_id) for _, value, is_id in passcodes_in(piece)]
            label = PASSCODE_RE.fullmatch(piece.strip(" |:")) if not codes else None
            if label and (value := dangling_label_value(units, index)):
                codes = [(value, bool(ID_LABEL_RE.search(label.group("label"))))]
            if is_live:
                part.dial_in.extend(p for p in phones if p not in part.dial_in)
                if codes and (part.passcode is None or part.passcode_is_id):
                    value, is_id = min(codes, key=lambda code: code[1])  # a passcode before an ID
                    if part.passcode is None or not is_id:
                        part.passcode, part.passcode_is_id = value, is_id
                if not links_elsewhere:
                    part.urls.extend((url_rank(url, piece), url) for _, url in find_urls(piece)
                                     if not WIRE_PAGE_RE.search(url))
                    part.urls.extend((url_rank(href, piece), href) for p, href in unit.hrefs if start <= p < end
                                     and not WIRE_PAGE_RE.search(href))
                if WEBSITE_SECTION_RE.search(piece) and STRONG_CALL_RE.search(text) and not links_elsewhere:
                    part.website_named = True
                if ANNOUNCE_RE.search(piece):
                    part.announced = True
            else:
                part.replay_dial_in.extend(p for p in phones if p not in part.replay_dial_in)
                part.replay_passcode = part.replay_passcode or (codes[0][0] if codes else None)
                if not part.replay_passcode and SAME_CODE_RE.search(piece):
                    part.replay_passcode = part.passcode
                # "A replay will be available at that same website until February 27, 2021" then "A telephone
                # replay ... until March 5, 2020": the telephone replay's date goes with its numbers
                until = until_date(piece, context.near)
                by_phone = bool(phones) or bool(TELEPHONE_REPLAY_RE.search(text))
                if until and (part.replay_until is None or by_phone and not part.replay_until_by_phone):
                    part.replay_until, part.replay_until_by_phone = until, by_phone
                if part.replay_days is None and (days := FOR_DAYS_RE.search(piece)):
                    part.replay_days = number(days.group("n"))
    for listed in (p for p in parts if p.listed and closing is not None):
        merge(listed, closing)
    share_site_details(parts)
    return [session for part in parts for session in split_sessions(part, units)]


def session_links(units: Sequence[Unit]) -> dict[tuple[int, int], str]:
    """(hour, minute) -> link of each live unit that pairs one time with one link, its own or the next
    line's: "The Norwegian presentation at 08:30 can be accessed at: https://...", "The English
    presentation at 09:30 can be accessed at:" / https://..."""
    found: dict[tuple[int, int], str] = {}
    for index, unit in enumerate(units):
        text = unit.text
        if REPLAY_RE.search(text) or DOCUMENT_TIME_RE.search(text) or DOCUMENT_SUBJECT_RE.match(text):
            continue
        times = {hm for match in TIME_RE.finditer(text) if (hm := clock(match))}
        if len(times) != 1:
            continue
        links = [url for _, url in find_urls(text)] + [href for _, href in unit.hrefs]
        if not links and text.rstrip().endswith(":") and index + 1 < len(units):
            links = [url for _, url in find_urls(units[index + 1].text)] + [href for _, href in units[index + 1].hrefs]
        if len(links) == 1:
            found.setdefault(times.pop(), links[0])
    return found


def split_sessions(part: Part, units: Sequence[Unit]) -> list[Part]:
    """Sessions of one day at separate times, each with a link of its own, are separate calls (parser
    contract): "In Norwegian at 08:30 and in English at 09:30", each line then giving its webcast."""
    if part.day is None or part.zone is None:
        return [part]
    links = session_links(units[part.position:])
    if len(links) < 2 or len(set(links.values())) < len(links):
        return [part]
    return [
        replace(
            part,
            starts_at=zones.localize(part.day, hour, minute, part.zone),
            urls=[(0, url)],
            dial_in=list(part.dial_in),
            replay_dial_in=list(part.replay_dial_in),
            session=True,
        )
        for (hour, minute), url in sorted(links.items())
    ]


def share_site_details(parts: list[Part]) -> None:
    """Several events in one paragraph ("presentations at two conferences ... A live webcast of the
    presentations will be available on the Investors section"): a site page and a replay period
    printed once serve every event that has none of its own. A unique webcast link is not shared."""
    if len(parts) < 2:
        return
    site = next((url for part in parts for url in part.urls if url[0] >= SITE_RANK), None)
    named = any(part.website_named for part in parts)
    replayed = next((part for part in parts if part.replay), None)
    for part in parts:
        if not part.urls and not part.website_named:
            part.urls = [site] if site else []
            part.website_named = named
        if replayed is not None and not part.replay:
            part.replay, part.replay_days = True, replayed.replay_days


def until_date(text: str, near: date | None) -> date | None:
    for match in UNTIL_RE.finditer(text):
        window = text[match.end(): match.end() + 60]
        dated = find_dates(window, near)
        if dated and UNTIL_FILLER_RE.fullmatch(window[: dated[0][0]]):
            return dated[0][2]
    return None


# --- from parts to calls ------------------------------------------------------------------


def merge(into: Part, other: Part) -> None:
    into.dial_in.extend(p for p in other.dial_in if p not in into.dial_in)
    if into.passcode is None or (into.passcode_is_id and other.passcode and not other.passcode_is_id):
        into.passcode, into.passcode_is_id = other.passcode, other.passcode_is_id
    into.undated = into.undated or other.undated
    into.urls.extend(other.urls)
    into.website_named = into.website_named or other.website_named
    into.replay = into.replay or other.replay
    into.replay_until = into.replay_until or other.replay_until
    into.replay_days = into.replay_days or other.replay_days
    into.replay_dial_in.extend(p for p in other.replay_dial_in if p not in into.replay_dial_in)
    into.replay_passcode = into.replay_passcode or other.replay_passcode


def start_of(part: Part, release_date: date | None) -> tuple[datetime | None, str | None]:
    """The call's instant and zone; "at 1:30 p.m. (Pacific)" with no day in its sentence or the one
    before falls on the call's day, else the release's (parser contract)."""
    if part.starts_at is not None or part.undated is None or not (part.day or release_date):
        return part.starts_at, part.zone
    hour, minute, zone = part.undated
    return zones.localize(part.day or release_date, hour, minute, zone), zone


def to_call(part: Part, website: str | None, release_date: date | None) -> Call:
    starts_at, zone = start_of(part, release_date)
    urls = sorted(part.urls, key=lambda item: item[0])  # stable: first printed among the best
    webcast = urls[0][1] if urls else (website if part.website_named else None)
    replay = None
    if part.replay or part.replay_dial_in or part.replay_passcode:
        until = part.replay_until
        if until is None and part.replay_days and starts_at is not None:
            until = starts_at.date() + timedelta(days=part.replay_days)
        replay = Replay(until=until, dial_in=tuple(part.replay_dial_in), passcode=part.replay_passcode)
    return Call(
        starts_at=starts_at,
        zone=zone,
        zone_assumed=part.zone_assumed and starts_at is not None,
        dial_in=tuple(part.dial_in),
        passcode=part.passcode,
        webcast_url=webcast,
        replay=replay,
    )


def is_call(part: Part) -> bool:
    return bool(
        part.day or part.starts_at or part.undated or part.dial_in or part.urls or part.passcode or part.announced
    )


def is_same_call(known: Part, part: Part) -> bool:
    """Parts of one call: the same day, and for sessions of a day, the same time too."""
    if known.day != part.day:
        return False
    return not (known.session or part.session) or known.starts_at == part.starts_at


def find_calls(blocks: Sequence[Block], *, release_date: date | None, website: str | None,
               local_zone: str | None = None) -> tuple[Call, ...]:
    """The calls a release announces; `local_zone` is the clock a time printed without a zone is read in."""
    units = [unit for block in blocks for unit in block_units(block)]
    dateline = units[0].text if units else ""
    context = Context(release_date, release_date or first_full_date(units), zones.region_of(dateline), local_zone)
    timed: list[Part] = []
    loose: list[tuple[int, Part]] = []  # parts without a day, with the number of timed parts before them
    for lead, cluster in clusters(units):
        for part in read_cluster(cluster, context, lead):
            if part.day is not None:
                same = next((t for t in timed if is_same_call(t, part)), None)
                if same is not None:
                    if same.starts_at is None and part.starts_at is not None:
                        same.starts_at, same.zone, same.zone_assumed = part.starts_at, part.zone, part.zone_assumed
                    merge(same, part)
                else:
                    timed.append(part)
            elif is_call(part) or part.replay:
                loose.append((len(timed), part))
    for before, part in loose:
        if timed:
            merge(timed[max(0, before - 1)], part)
    if not timed:
        parts = [part for _, part in loose]
        if not parts or not any(is_call(p) for p in parts):
            return ()
        first = parts[0]
        for part in parts[1:]:
            merge(first, part)
        timed = [first]
    return tuple(to_call(part, website, release_date) for part in timed if is_call(part) or part.replay)
