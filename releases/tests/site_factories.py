"""Factories for the public-site tests: published, embargoed and draft releases, calls
with dial-ins, and a small world that uses every public surface."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from releases.models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease

_seq = itertools.count(1)
NEW_YORK = ZoneInfo("America/New_York")


def company(**fields) -> Company:
    n = next(_seq)
    fields.setdefault("name", f"Northwind Holdings {n}, Inc.")
    fields.setdefault("slug", f"northwind-{n}")
    fields.setdefault("about", "Northwind makes instruments for laboratories.")
    fields.setdefault("headquarters", "Boston, Mass.")
    fields.setdefault("website", "https://www.example.com")
    return Company.objects.create(**fields)


def listing(company: Company, exchange: str = "NASDAQ", ticker: str | None = None) -> Listing:
    return Listing.objects.create(company=company, exchange=exchange, ticker=ticker or f"NW{next(_seq)}")


def release(*, published_at: datetime | None | str = "past", **fields) -> PressRelease:
    """A release; `published_at` is "past" (published a day ago) by default."""
    n = next(_seq)
    if published_at == "past":
        published_at = timezone.now() - timedelta(days=1, minutes=n)
    fields.setdefault("company", fields.get("company") or company())
    fields.setdefault("headline", f"Northwind Reports Results Number {n}")
    fields.setdefault("slug", f"northwind-reports-results-{n}")
    fields.setdefault("body", f"<p>Northwind reported results for period {n}.</p>")
    fields.setdefault("category", PressRelease.Category.EARNINGS)
    return PressRelease.objects.create(published_at=published_at, **fields)


def embargoed(**fields) -> PressRelease:
    return release(published_at=timezone.now() + timedelta(hours=2), **fields)


def draft(**fields) -> PressRelease:
    return release(published_at=None, **fields)


def call(*, starts_at: datetime | None | str = "future", **fields) -> ConferenceCall:
    if starts_at == "future":
        starts_at = (timezone.now() + timedelta(days=7)).astimezone(NEW_YORK).replace(
            hour=16, minute=30, second=0, microsecond=0
        )
    if "company" not in fields:
        fields["company"] = fields["release"].company if fields.get("release") else company()
    fields.setdefault("title", f"Quarterly results conference call {next(_seq)}")
    fields.setdefault("timezone", "America/New_York")
    fields.setdefault("webcast_url", "https://events.example.com/northwind")
    fields.setdefault("passcode", "7751636")
    return ConferenceCall.objects.create(starts_at=starts_at, **fields)


def dial_in(call: ConferenceCall, number: str = "913-312-0940", **fields) -> DialIn:
    row = DialIn(call=call, number=number, **fields)
    row.clean()
    row.save()
    return row


def contact(company: Company, **fields) -> Contact:
    fields.setdefault("role", Contact.Role.INVESTORS)
    fields.setdefault("name", f"Avery Quinn {next(_seq)}")
    fields.setdefault("phones", "781-895-0600")
    fields.setdefault("email", "ir@example.com")
    return Contact.objects.create(company=company, **fields)


@dataclass
class World:
    company: Company
    published: PressRelease
    embargoed: PressRelease
    draft: PressRelease
    public_call: ConferenceCall
    hidden_call: ConferenceCall


def world() -> World:
    """One company with a published release announcing a call, an embargoed release
    announcing another call, and a draft: every surface must show only the first."""
    owner = company(name="Northwind Holdings, Inc.", slug="northwind")
    listing(owner, ticker="NWND")
    published = release(company=owner, headline="Northwind Announces Third Quarter Call", slug="q3-call")
    contact(owner, name="Avery Quinn").releases.add(published)
    hidden = embargoed(company=owner, headline="Northwind To Acquire Contoso", slug="contoso-deal")
    secret = draft(company=owner, headline="Northwind Draft Dividend Notice", slug="dividend-draft")
    public_call = call(release=published, title="Third quarter results call")
    dial_in(public_call, "1-800-555-0199", label="Toll-free")
    dial_in(public_call, "719-457-0820", label="Replay", kind=DialIn.Kind.REPLAY)
    hidden_call = call(release=hidden, title="Contoso acquisition investor call")
    return World(owner, published, hidden, secret, public_call, hidden_call)
