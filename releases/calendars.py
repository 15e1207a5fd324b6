"""iCalendar (RFC 5545) for conference calls: one call's "Add to calendar" file, and
subscribable feeds of many.

In: public ConferenceCall rows (with `company` loaded) and the site's absolute address.
Out: the bytes of a VCALENDAR whose events start in the call's own zone (DTSTART;TZID,
with the matching VTIMEZONE), carry the dial-ins, passcode and webcast in DESCRIPTION,
and as RFC 7986 CONFERENCE properties that calendar apps turn into "Join" buttons.

The whole calendar is cached with the page (releases/pagecache.py). Beneath it, each event's
text is kept under a digest of everything it is written from (the call's fields, its company's
name, its dial-ins, its address and the code), so it is never stale and a calendar rendered
again after a write writes only the events that changed: icalendar folds its lines one
character at a time, most of a calendar's time (bench/README.md). Each VTIMEZONE is kept once
per process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from django.core.cache import cache
from icalendar import Calendar, Conference, Event, Timezone

from .models import ConferenceCall, DialIn
from .pagecache import code_digest

PRODID = "-//irsite//Investor relations events//EN"
# Releases give a start, never an end; an earnings call runs about an hour.
CALL_LENGTH = timedelta(hours=1)


def call_uid(call: ConferenceCall) -> str:
    return f"conference-call-{call.pk}@irsite"


def dial_in_uri(dial_in: DialIn, passcode: str) -> str:
    # Commas are dialling pauses (RFC 7986's own example), so a phone can enter the code.
    return f"{dial_in.tel_url},,,{passcode}" if passcode else dial_in.tel_url


def describe(call: ConferenceCall, page_url: str) -> str:
    lines = [f"{call.company.name}: {call.title}", ""]
    live = [d for d in call.dial_ins.all() if d.kind == DialIn.Kind.LIVE]
    replay = [d for d in call.dial_ins.all() if d.kind == DialIn.Kind.REPLAY]
    for dial_in in live:
        lines.append(f"Dial-in ({dial_in.label or 'live'}): {dial_in.number}")
    if call.passcode:
        lines.append(f"Passcode: {call.passcode}")
    if call.webcast_url:
        lines.append(f"Webcast: {call.webcast_url}")
    if replay or call.replay_until:
        lines.append("")
        if call.replay_until:
            until = call.replay_until
            lines.append(f"Replay available until {until:%B} {until.day}, {until.year}")
        for dial_in in replay:
            lines.append(f"Replay ({dial_in.label or 'dial-in'}): {dial_in.number}")
        if call.replay_passcode:
            lines.append(f"Replay passcode: {call.replay_passcode}")
    lines += ["", f"Details: {page_url}"]
    return "\n".join(lines)


def conferences(call: ConferenceCall) -> list[Conference]:
    found = []
    if call.webcast_url:
        found.append(Conference(call.webcast_url, feature=["AUDIO", "VIDEO"], label="Webcast"))
    for dial_in in call.dial_ins.all():
        if dial_in.kind == DialIn.Kind.LIVE and dial_in.tel_url:
            label = f"Dial-in ({dial_in.label})" if dial_in.label else "Dial-in"
            found.append(Conference(dial_in_uri(dial_in, call.passcode), feature="PHONE", label=label))
    return found


def call_event(call: ConferenceCall, page_url: str) -> Event:
    start = call.local_starts_at
    event = Event.new(
        uid=call_uid(call),
        # The call's last change, not the time of the request: the same calls give the same
        # bytes, so a subscribed calendar's conditional GET is answered 304.
        stamp=call.updated_at,
        start=start,
        end=start + CALL_LENGTH,
        summary=f"{call.company.name}: {call.title}",
        description=describe(call, page_url),
        url=page_url,
        location=call.webcast_url or None,
        last_modified=call.updated_at,
        conferences=conferences(call) or None,
    )
    return event


def event_key(call: ConferenceCall, page_url: str) -> str:
    """A name for the event's text made of all it is written from (dial-ins loaded)."""
    dial_ins = [(d.kind, d.label, d.number, d.e164) for d in call.dial_ins.all()]
    fields = (
        call.pk, call.title, call.starts_at, call.timezone, call.webcast_url, call.passcode, call.replay_until,
        call.replay_passcode, call.updated_at, call.company.name, dial_ins, page_url, code_digest(),
    )
    return f"irsite:ics-event:{hashlib.sha256(repr(fields).encode()).hexdigest()}"


def events_text(calls: list[ConferenceCall], site_url: str) -> list[tuple[tuple[str, ...], bytes]]:
    """(zones, VEVENT text) of each call, from the cache where an event of the same inputs was written."""
    urls = [site_url + call.get_absolute_url() for call in calls]
    keys = [event_key(call, url) for call, url in zip(calls, urls, strict=True)]
    found = cache.get_many(keys)
    written = {}
    for call, url, key in zip(calls, urls, keys, strict=True):
        if key not in found:
            event = call_event(call, url)
            written[key] = (event_tzids(event), event.to_ical())
    cache.set_many(written)
    return [found.get(key) or written[key] for key in keys]


def event_tzids(event: Event) -> tuple[str, ...]:
    """The zones the event's times name, as Calendar.get_missing_tzids finds them (UTC needs none)."""
    found = {value.params.get("TZID") for _, value in event.property_items(sorted=False) if hasattr(value, "params")}
    return tuple(sorted(found - {None, "UTC"}))


@lru_cache(maxsize=128)
def timezone_text(tzid: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of `tzid` with its transitions from January 1 of `first_year` to
    January 1 of `last_year`; empty for a zone icalendar cannot describe, which
    Calendar.add_missing_timezones leaves out too."""
    try:
        zone = Timezone.from_tzid(tzid, first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1))
    except ValueError:
        return b""
    return zone.to_ical()


END_CALENDAR = b"END:VCALENDAR\r\n"


def calendar_bytes(calls: Iterable[ConferenceCall], *, name: str, uid: str, site_url: str) -> bytes:
    """A VCALENDAR of the calls that have a start time, with one VTIMEZONE per zone used,
    in the order of the zones' names (so every process writes the same bytes).

    `calls` come from a public queryset, their company and dial-ins loaded. `site_url` is the
    scheme and host ("https://example.com"), `uid` names the calendar itself (RFC 7986), stable
    for one address."""
    calendar = Calendar.new(prodid=PRODID, name=name, uid=uid)  # NAME and X-WR-CALNAME
    calendar.add("METHOD", "PUBLISH")
    calendar.add("REFRESH-INTERVAL", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", "PT6H")
    calls = [call for call in calls if call.starts_at]
    events = events_text(calls, site_url)
    zones = []
    if calls:
        # Transitions only for the years the events span, not icalendar's default 1970-2038.
        years = [call.local_starts_at.year for call in calls]
        tzids = sorted({tzid for names, _ in events for tzid in names})
        zones = [timezone_text(tzid, min(years), max(years) + 1) for tzid in tzids]
    head = calendar.to_ical().removesuffix(END_CALENDAR)
    return b"".join([head, *zones, *(text for _, text in events), END_CALENDAR])
