"""The checks before publishing: a stored release and the moment it would appear in; the
findings (errors block, warnings need a confirmation) out, each a small function of its
arguments, in the order the review page lists them.

- Reg FD call notice (SEC C&DI 102.01): date, time with zone, a way to take part, the replay.
- Exchange windows (NYSE Listed Company Manual 202.06, Nasdaq Rule 5250(b)(1)): material news
  during market hours or in the five minutes after the close.
- Consistency: dateline date, calls in the past, a call's zone against the dateline's country,
  an investor contact.

Trading days come from the `holidays` package's NYSE calendar, not a list kept here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

import holidays
import nh3
from django.conf import settings
from django.utils import timezone

from releases.models import ConferenceCall, Contact, DialIn, PressRelease
from releases.parsing.result import ParsedRelease
from releases.parsing.zones import ZONE_RE

ERROR, WARNING = "error", "warning"
NEW_YORK = ZoneInfo("America/New_York")
MARKET_OPEN, MARKET_CLOSE, CLOSE_WINDOW_END = time(9, 30), time(16, 0), time(16, 5)
MIN_NOTICE_BUSINESS_DAYS = 2
MATERIAL = {
    PressRelease.Category.EARNINGS,
    PressRelease.Category.DIVIDEND,
    PressRelease.Category.MERGERS,
    PressRelease.Category.MANAGEMENT,
}
EXCHANGE_CODES = {"exchange_market_hours", "exchange_close_window"}

# A time of day as releases print it: "4:30 p.m.", "8 a.m.", "16:00" (zone looked for after it).
# "4:30 p.m.", "16:30", "16h30"; "14.00" only after "at", "from" or "until" (elsewhere "$2.20" is a price)
TIME_RE = re.compile(
    r"\b(?:\d{1,2}(?::[0-5]\d)?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])|(?:[01]?\d|2[0-3])[:h][0-5]\d\b"
    r"|(?:(?<=\bat )|(?<=\bfrom )|(?<=\buntil ))(?:[01]?\d|2[0-3])\.[0-5]\d\b(?![.,]\d))", re.I
)


@dataclass(frozen=True)
class Finding:
    level: str  # ERROR or WARNING
    code: str
    message: str


def check_release(release: PressRelease, *, at: datetime | None = None) -> list[Finding]:
    calls = list(release.calls.order_by("starts_at", "pk").prefetch_related("dial_ins"))
    for call in calls:
        call.dial_in_rows = list(call.dial_ins.all())
    return check_parts(release, calls, list(release.contacts.all()), at=at or timezone.now())


def check_parsed(parsed: ParsedRelease, *, category: str, at: datetime | None = None) -> list[Finding]:
    """The same checks on an upload not yet saved, as the review page shows it. A call whose
    time the parser found printed without a zone is an error even where the text's other times
    have one."""
    release = PressRelease(
        headline=parsed.headline or "",
        body=nh3.clean(parsed.body_html or ""),
        dateline_location=parsed.dateline.location or "",
        dateline_date=parsed.dateline.date,
        category=category,
    )
    calls = []
    for info in parsed.calls:
        replay = info.replay
        call = ConferenceCall(
            title=info.title or release.headline, starts_at=info.starts_at, timezone=info.zone or settings.TIME_ZONE,
            webcast_url=info.webcast_url or "", replay_until=replay.until if replay else None,
            replay_passcode=(replay.passcode or "") if replay else "",
        )
        call.dial_in_rows = [DialIn(kind=DialIn.Kind.LIVE, number=n) for n in info.dial_in] + [
            DialIn(kind=DialIn.Kind.REPLAY, number=n) for n in (replay.dial_in if replay else ())
        ]
        calls.append(call)
    contacts = [Contact(role=info.role or Contact.Role.OTHER) for info in parsed.contacts]
    findings = check_parts(release, calls, contacts, at=at or timezone.now())
    unzoned = [info for info in parsed.calls if info.starts_at is not None and not info.zone]
    if unzoned and not any(f.code == "call_zone_missing" for f in findings):
        findings.insert(0, Finding(ERROR, "call_zone_missing", "The call's time is printed without its time zone: "
                                                               "add it, e.g. “4:30 p.m. ET”."))
    return findings


def check_parts(release: PressRelease, calls: list[ConferenceCall], contacts: list[Contact], *, at: datetime):
    """Every check, on a release and its calls (each with `dial_in_rows`) and contacts."""
    return [
        *call_notice(release, calls, at=at),
        *exchange_window(release, at=at),
        *dateline_date(release, at=at),
        *calls_in_the_past(calls, at=at),
        *call_zone_country(release, calls),
        *investor_contact(contacts),
    ]


# --- Reg FD call notice -------------------------------------------------------------------


def call_notice(release: PressRelease, calls: list[ConferenceCall], *, at: datetime) -> list[Finding]:
    if not calls:
        if release.category == PressRelease.Category.CONFERENCE_CALL:
            return [Finding(ERROR, "call_missing", "The release announces a conference call but gives none: "
                                                   "add its date, time, dial-in or webcast and replay.")]
        return []
    findings = []
    if untimed := times_without_zone(release.body):
        findings.append(Finding(ERROR, "call_zone_missing", f"The text gives a time without its time zone "
                                                            f"(“{untimed}”): write it as, e.g., “4:30 p.m. ET”."))
    for call in calls:
        live = [d for d in call.dial_in_rows if d.kind == DialIn.Kind.LIVE]
        replay = [d for d in call.dial_in_rows if d.kind == DialIn.Kind.REPLAY]
        if call.starts_at is None:
            findings.append(Finding(ERROR, "call_time_missing", f"“{call}” has no date and time."))
        if not live and not call.webcast_url:
            findings.append(Finding(ERROR, "call_access_missing",
                                    f"“{call}” gives no way to take part: add a dial-in number or a webcast."))
        if call.replay_until is None:
            detail = "how long the replay is available" if (replay or call.replay_passcode) else "a replay"
            findings.append(Finding(WARNING, "call_replay_missing", f"“{call}” does not say {detail}."))
        if call.starts_at is not None and call.starts_at > at:
            days = business_days_between(at, call.starts_at)
            if days < MIN_NOTICE_BUSINESS_DAYS:
                findings.append(Finding(WARNING, "call_short_notice",
                                        f"“{call}” is {days} business day(s) after publication; Reg FD guidance "
                                        f"expects at least {MIN_NOTICE_BUSINESS_DAYS}."))
    return findings


def times_without_zone(body: str) -> str | None:
    """The first time of day in the text that no zone follows, or None."""
    text = nh3.clean(body or "", tags=set())
    for match in TIME_RE.finditer(text):
        if not ZONE_RE.match(text[match.end():match.end() + 60].lstrip()):
            return match.group(0)
    return None


@lru_cache(maxsize=64)
def nyse_holidays(year: int):
    return holidays.financial_holidays("NYSE", years=year)


def is_trading_day(day: date) -> bool:
    return day.weekday() < 5 and day not in nyse_holidays(day.year)


def business_days_between(start: datetime, end: datetime) -> int:
    """NYSE trading days after `start`'s day, up to and including `end`'s (in New York)."""
    day, last, count = start.astimezone(NEW_YORK).date(), end.astimezone(NEW_YORK).date(), 0
    while day < last:
        day += timedelta(days=1)
        count += is_trading_day(day)
    return count


# --- exchange windows ---------------------------------------------------------------------


def exchange_window(release: PressRelease, *, at: datetime) -> list[Finding]:
    if release.category not in MATERIAL:
        return []
    local = at.astimezone(NEW_YORK)
    if not is_trading_day(local.date()):
        return []
    ask = "Notify the exchange at least ten minutes before, and enter when it was notified."
    if MARKET_CLOSE <= local.time() < CLOSE_WINDOW_END:
        return [Finding(WARNING, "exchange_close_window",
                        f"Material news between 4:00 and 4:05 p.m. ET (NYSE 202.06, Nasdaq 5250(b)(1)). {ask}")]
    if MARKET_OPEN <= local.time() < MARKET_CLOSE:
        return [Finding(WARNING, "exchange_market_hours",
                        f"Material news during market hours (NYSE 202.06, Nasdaq 5250(b)(1)). {ask}")]
    return []


# --- consistency --------------------------------------------------------------------------


def dateline_date(release: PressRelease, *, at: datetime) -> list[Finding]:
    published_on = timezone.localtime(at).date()
    if release.dateline_date and release.dateline_date != published_on:
        return [Finding(WARNING, "dateline_date_differs",
                        f"The dateline says {release.dateline_date:%Y-%m-%d}; the release is published on "
                        f"{published_on:%Y-%m-%d}.")]
    return []


def calls_in_the_past(calls: list[ConferenceCall], *, at: datetime) -> list[Finding]:
    return [Finding(WARNING, "call_in_past", f"“{call}” starts before the release is published.")
            for call in calls if call.starts_at is not None and call.starts_at < at]


def call_zone_country(release: PressRelease, calls: list[ConferenceCall]) -> list[Finding]:
    country = dateline_country(release.dateline_location)
    if country is None:
        return []
    return [Finding(WARNING, "call_zone_country",
                    f"“{call}” is in {call.timezone}, but the dateline ({release.dateline_location}) is in {country}.")
            for call in calls if zone_countries().get(call.timezone, country) not in (country, None)]


def investor_contact(contacts: list[Contact]) -> list[Finding]:
    if any(contact.role == Contact.Role.INVESTORS for contact in contacts):
        return []
    return [Finding(WARNING, "no_investor_contact", "The release names no investor relations contact.")]


@lru_cache(maxsize=1)
def zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from tzdata's zone.tab."""
    countries: dict[str, str | None] = {"UTC": None}
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _, zone, *_ = line.split("\t")
            countries[zone] = code
    return countries


# The dateline's last part: a U.S. state as AP prints it, a Canadian province, a country.
US_STATES = {
    "ala.", "alabama", "alaska", "ariz.", "arizona", "ark.", "arkansas", "calif.", "california", "colo.", "colorado",
    "conn.", "connecticut", "del.", "delaware", "fla.", "florida", "ga.", "georgia", "hawaii", "idaho", "ill.",
    "illinois", "ind.", "indiana", "iowa", "kan.", "kansas", "ky.", "kentucky", "la.", "louisiana", "maine", "md.",
    "maryland", "mass.", "massachusetts", "mich.", "michigan", "minn.", "minnesota", "miss.", "mississippi", "mo.",
    "missouri", "mont.", "montana", "neb.", "nebraska", "nev.", "nevada", "n.h.", "new hampshire", "n.j.",
    "new jersey", "n.m.", "new mexico", "n.y.", "new york", "n.c.", "north carolina", "n.d.", "north dakota", "ohio",
    "okla.", "oklahoma", "ore.", "oregon", "pa.", "pennsylvania", "r.i.", "rhode island", "s.c.", "south carolina",
    "s.d.", "south dakota", "tenn.", "tennessee", "texas", "utah", "vt.", "vermont", "va.", "virginia", "wash.",
    "washington", "w.va.", "west virginia", "wis.", "wisconsin", "wyo.", "wyoming", "d.c.", "u.s.", "usa",
}
PROVINCES = {"ontario", "ont.", "quebec", "que.", "british columbia", "b.c.", "alberta", "alta.", "manitoba",
             "saskatchewan", "nova scotia", "new brunswick", "canada"}
COUNTRIES = {
    "england": "GB", "scotland": "GB", "wales": "GB", "uk": "GB", "u.k.": "GB", "united kingdom": "GB",
    "ireland": "IE", "france": "FR", "germany": "DE", "switzerland": "CH", "netherlands": "NL",
    "the netherlands": "NL", "belgium": "BE", "denmark": "DK", "sweden": "SE", "norway": "NO", "finland": "FI",
    "spain": "ES", "italy": "IT", "austria": "AT", "israel": "IL", "japan": "JP", "china": "CN", "india": "IN",
    "australia": "AU", "singapore": "SG", "hong kong": "HK",
}
# AP datelines that stand alone, without a state or country.
CITIES = {
    "new york": "US", "boston": "US", "chicago": "US", "los angeles": "US", "san francisco": "US",
    "washington": "US", "atlanta": "US", "dallas": "US", "houston": "US", "miami": "US", "philadelphia": "US",
    "seattle": "US", "denver": "US", "detroit": "US", "london": "GB", "paris": "FR", "berlin": "DE",
    "frankfurt": "DE", "zurich": "CH", "geneva": "CH", "amsterdam": "NL", "dublin": "IE", "toronto": "CA",
    "montreal": "CA", "vancouver": "CA", "tokyo": "JP", "sydney": "AU", "tel aviv": "IL",
}


def dateline_country(location: str) -> str | None:
    """'WALTHAM, Mass.' -> 'US', 'LONDON' -> 'GB', 'TORONTO, Ontario' -> 'CA'; None when unknown."""
    parts = [p.strip().lower() for p in (location or "").split(",") if p.strip()]
    if not parts:
        return None
    last = parts[-1]
    if last in US_STATES:
        return "US"
    if last in PROVINCES:
        return "CA"
    return COUNTRIES.get(last) or (CITIES.get(parts[0]) if len(parts) == 1 else None)
