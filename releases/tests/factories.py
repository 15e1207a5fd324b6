"""Plain factory functions: sensible defaults, every field overridable by keyword."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease
from releases.parsing.doubts import with_doubts
from releases.parsing.result import Call, CompanyInfo, ContactInfo, Dateline, ParsedRelease, Replay
from releases.parsing.result import Listing as ParsedListing

_seq = itertools.count(1)


def company(**fields) -> Company:
    n = next(_seq)
    fields.setdefault("name", f"Company {n}, Inc.")
    fields.setdefault("slug", f"company-{n}")
    return Company.objects.create(**fields)


def listing(**fields) -> Listing:
    if "company" not in fields:
        fields["company"] = company()
    fields.setdefault("exchange", "NASDAQ")
    fields.setdefault("ticker", f"T{next(_seq)}")
    return Listing.objects.create(**fields)


def release(**fields) -> PressRelease:
    n = next(_seq)
    if "company" not in fields:
        fields["company"] = company()
    fields.setdefault("headline", f"Company Announces Something Number {n}")
    fields.setdefault("slug", f"company-announces-something-{n}")
    return PressRelease.objects.create(**fields)


def contact(**fields) -> Contact:
    if "company" not in fields:
        fields["company"] = company()
    fields.setdefault("name", f"Person {next(_seq)}")
    fields.setdefault("email", "ir@example.com")
    return Contact.objects.create(**fields)


def call(**fields) -> ConferenceCall:
    if "company" not in fields:
        fields["company"] = fields["release"].company if fields.get("release") else company()
    fields.setdefault("title", "Quarterly results conference call")
    fields.setdefault("starts_at", datetime(2030, 1, 15, 16, 30, tzinfo=ZoneInfo("America/New_York")))
    return ConferenceCall.objects.create(**fields)


def dial_in(**fields) -> DialIn:
    if "call" not in fields:
        fields["call"] = call()
    fields.setdefault("number", "913-312-0940")
    fields.setdefault("e164", "+19133120940")
    return DialIn.objects.create(**fields)


def ir_staff_user(username: str = "staffer", **fields):
    """A staff member in the "IR staff" group, not a superuser: what a real IR person has."""
    user = get_user_model().objects.create_user(username=username, is_staff=True, **fields)
    user.groups.add(Group.objects.get(name="IR staff"))
    return user


def parsed_call(**fields) -> Call:
    fields.setdefault("starts_at", datetime(2011, 10, 27, 16, 30, tzinfo=ZoneInfo("America/New_York")))
    fields.setdefault("zone", "America/New_York")
    fields.setdefault("dial_in", ("913-312-0940", "800-555-0199"))
    fields.setdefault("passcode", "7751636")
    fields.setdefault("webcast_url", "http://www.immunogen.com")
    fields.setdefault("replay", Replay(until=date(2011, 11, 3), dial_in=("719-457-0820",), passcode="42"))
    return Call(**fields)


def parsed_contact(**fields) -> ContactInfo:
    fields.setdefault("role", "investors")
    fields.setdefault("name", "Carol Hausner")
    fields.setdefault("title", "Executive Director, Investor Relations")
    fields.setdefault("organization", "ImmunoGen, Inc.")
    fields.setdefault("phones", ("781-895-0600",))
    fields.setdefault("emails", ("info@immunogen.com",))
    return ContactInfo(**fields)


def parsed_release(*, doubts=(), **fields) -> ParsedRelease:
    """A ParsedRelease as the parser would return for corpus/dev/000.txt, built by hand, with the doubts
    the parser would find in it and any given."""
    fields.setdefault(
        "headline",
        "ImmunoGen, Inc. Announces Conference Call to Discuss its First Quarter Fiscal Year 2012 Financial Results",
    )
    fields.setdefault("dateline", Dateline(location="WALTHAM, Mass.", date=date(2011, 10, 20)))
    fields.setdefault("wire", "Business Wire")
    fields.setdefault("company", CompanyInfo(name="ImmunoGen, Inc.", website="http://www.immunogen.com"))
    fields.setdefault("listings", (ParsedListing(exchange="NASDAQ", ticker="IMGN"),))
    fields.setdefault("about", "ImmunoGen, Inc. develops targeted anticancer therapeutics.")
    fields.setdefault("calls", (parsed_call(),))
    fields.setdefault(
        "contacts",
        (
            parsed_contact(),
            parsed_contact(
                role="media",
                name="Barbara Yates",
                title=None,
                organization="The Yates Network",
                phones=("781-258-6153",),
                emails=(),
            ),
        ),
    )
    fields.setdefault("body_html", "<p>WALTHAM, Mass. -- ImmunoGen will host a conference call.</p>")
    return with_doubts(ParsedRelease(**fields), extra=doubts)
