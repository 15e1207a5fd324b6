"""What the parser returns: frozen dataclasses, one per record of the parser contract
(../shared/parser-contract.md). `ParsedRelease.as_contract()` gives the exact JSON shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Dateline:
    location: str | None = None
    date: date | None = None


@dataclass(frozen=True)
class CompanyInfo:
    name: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Listing:
    exchange: str
    ticker: str


@dataclass(frozen=True)
class Replay:
    until: date | None = None
    dial_in: tuple[str, ...] = ()
    passcode: str | None = None


@dataclass(frozen=True)
class Call:
    starts_at: datetime | None = None  # aware, in the zone the release named
    zone: str | None = None  # IANA name, e.g. "America/New_York"; None when no zone was printed
    zone_assumed: bool = False  # no zone was printed: `zone` is the issuer's own clock (its dateline's country)
    dial_in: tuple[str, ...] = ()
    passcode: str | None = None
    webcast_url: str | None = None
    replay: Replay | None = None
    title: str | None = None


@dataclass(frozen=True)
class ContactInfo:
    role: str = "other"  # "investors" | "media" | "other"
    name: str | None = None
    title: str | None = None
    organization: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class Doubt:
    """A field the person reviewing the upload should check, and why (`doubts.py`)."""

    field: str  # its path in the contract: "headline", "calls.0.passcode", "contacts.1.phones"
    message: str


@dataclass(frozen=True)
class ParsedRelease:
    headline: str | None = None
    subheadline: str | None = None
    dateline: Dateline = field(default_factory=Dateline)
    wire: str | None = None
    company: CompanyInfo = field(default_factory=CompanyInfo)
    listings: tuple[Listing, ...] = ()
    about: str | None = None
    calls: tuple[Call, ...] = ()
    contacts: tuple[ContactInfo, ...] = ()
    body_html: str = ""  # sanitized; chrome, About section and contact block removed
    # What a person reviewing the upload should check, field by field, and the same as sentences
    doubts: tuple[Doubt, ...] = ()
    warnings: tuple[str, ...] = ()

    def as_contract(self, source: str) -> dict:
        """The JSON object of the parser contract, every key present."""
        return {
            "source": source,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "dateline": {
                "location": self.dateline.location,
                "date": self.dateline.date.isoformat() if self.dateline.date else None,
            },
            "wire": self.wire,
            "company": {"name": self.company.name, "website": self.company.website},
            "listings": [{"exchange": x.exchange, "ticker": x.ticker} for x in self.listings],
            "about": self.about,
            "calls": [
                {
                    "starts_at": call.starts_at.isoformat() if call.starts_at else None,
                    "dial_in": list(call.dial_in),
                    "passcode": call.passcode,
                    "webcast_url": call.webcast_url,
                    "replay": None
                    if call.replay is None
                    else {
                        "until": call.replay.until.isoformat() if call.replay.until else None,
                        "dial_in": list(call.replay.dial_in),
                        "passcode": call.replay.passcode,
                    },
                }
                for call in self.calls
            ],
            "contacts": [
                {
                    "role": c.role,
                    "name": c.name,
                    "title": c.title,
                    "organization": c.organization,
                    "phones": list(c.phones),
                    "emails": list(c.emails),
                }
                for c in self.contacts
            ],
        }
