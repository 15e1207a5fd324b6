"""doubts_for: what a reviewer should check, each check firing on a result that breaks it and silent on one
that does not."""

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from releases.parsing.doubts import doubts_for, with_doubts
from releases.parsing.result import Call, CompanyInfo, ContactInfo, Dateline, Doubt, Listing, ParsedRelease, Replay

NEW_YORK = ZoneInfo("America/New_York")
CALL = Call(starts_at=datetime(2024, 2, 8, 16, 30, tzinfo=NEW_YORK), zone="America/New_York",
            dial_in=("877-407-0792",), passcode="13744512", webcast_url="https://ir.acme.com/events/q4",
            replay=Replay(until=date(2024, 2, 22), dial_in=("844-512-2921",), passcode="13744512"))
CONTACT = ContactInfo(role="investors", name="Jane Roe", phones=("212-555-0100",), emails=("ir@acme.com",))
CLEAN = ParsedRelease(
    headline="Acme Corp. Announces Fourth Quarter Results", dateline=Dateline("NEW YORK", date(2024, 2, 1)),
    wire="Business Wire", company=CompanyInfo("Acme Corp.", "https://www.acme.com"),
    listings=(Listing("NYSE", "ACM"),), about="Acme Corp. makes anvils.", calls=(CALL,), contacts=(CONTACT,),
)


def test_a_complete_plausible_release_raises_no_doubt():
    assert doubts_for(CLEAN) == ()


def call(**fields):
    return replace(CLEAN, calls=(replace(CALL, **fields),))


def contact(**fields):
    return replace(CLEAN, contacts=(replace(CONTACT, **fields),))


@pytest.mark.parametrize("result, field, words", [
    pytest.param(replace(CLEAN, headline=None), "headline", "No headline found", id="no-headline"),
    pytest.param(replace(CLEAN, headline="Acme " * 60), "headline", "300 characters long", id="long-headline"),
    pytest.param(replace(CLEAN, dateline=Dateline("NEW YORK", None)), "dateline.date", "No release date",
                 id="no-date"),
    pytest.param(replace(CLEAN, dateline=Dateline(None, date(2024, 2, 1))), "dateline.location",
                 "No dateline location", id="no-location"),
    pytest.param(replace(CLEAN, wire=None), "wire", "No newswire named", id="no-wire"),
    pytest.param(replace(CLEAN, company=CompanyInfo(None, "https://www.acme.com")), "company.name",
                 "could not be identified", id="no-company"),
    pytest.param(replace(CLEAN, company=CompanyInfo("Consolidated", "https://www.acme.com")), "company.name",
                 "do not name it", id="company-named-nowhere-else"),
    pytest.param(replace(CLEAN, company=CompanyInfo("Acme Corp.", "https://www.anvil-news.com")),
                 "company.website", "does not carry the company's name", id="someone-elses-site"),
    pytest.param(replace(CLEAN, about=None), "about", "No “About” section", id="no-about"),
    pytest.param(replace(CLEAN, listings=()), "listings", "No exchange listing", id="no-listing"),
    pytest.param(replace(CLEAN, contacts=()), "contacts", "No contacts found", id="no-contacts"),
    pytest.param(call(starts_at=None), "calls.0.starts_at", "No call time", id="call-without-time"),
    pytest.param(call(zone=None), "calls.0.zone", "without a time zone", id="call-without-zone"),
    pytest.param(call(zone_assumed=True), "calls.0.zone", "America/New York time, the issuer's own",
                 id="call-zone-assumed"),
    pytest.param(call(starts_at=datetime(2024, 1, 8, 16, 30, tzinfo=NEW_YORK)), "calls.0.starts_at",
                 "before the release", id="call-before-release"),
    pytest.param(call(starts_at=datetime(2025, 5, 8, 16, 30, tzinfo=NEW_YORK)), "calls.0.starts_at",
                 "more than a year after", id="call-a-year-on"),
    pytest.param(call(dial_in=(), webcast_url=None), "calls.0.dial_in", "would not know how to join",
                 id="call-without-access"),
    pytest.param(call(passcode=None), "calls.0.passcode", "No passcode", id="dial-in-without-passcode"),
    pytest.param(call(dial_in=("877-407",)), "calls.0.dial_in", "“877-407” does not look like a whole",
                 id="short-dial-in"),
    pytest.param(call(webcast_url="http://acme.com/"), "calls.0.webcast_url", "Only the company's website",
                 id="webcast-is-the-website"),
    pytest.param(call(replay=Replay()), "calls.0.replay.until", "without the date it ends", id="open-replay"),
    pytest.param(contact(name=None, organization="Acme IR"), "contacts.0.name", "No person named", id="desk"),
    pytest.param(contact(emails=()), "contacts.0.emails", "No email address", id="no-email"),
    pytest.param(contact(emails=("a@acme.com", "b@acme.com")), "contacts.0.emails", "only the first is kept: "
                 "b@acme.com", id="two-emails"),
    pytest.param(contact(phones=()), "contacts.0.phones", "No telephone number", id="no-phone"),
    pytest.param(contact(phones=("+44 20 7946 0958 1234 5678",)), "contacts.0.phones", "does not look like",
                 id="overlong-phone"),
    pytest.param(contact(role="other"), "contacts.0.role", "choose its role", id="unlabelled-role"),
])
def test_a_doubt_names_its_field_and_says_why(result, field, words):
    doubts = [d for d in doubts_for(result) if d.field == field]
    assert doubts and words in " ".join(d.message for d in doubts)


@pytest.mark.parametrize("result, field", [
    pytest.param(replace(CLEAN, company=CompanyInfo("International Business Machines Corporation",
                                                   "https://www.ibm.com"),
                         headline="IBM Reports Results", about="International Business Machines makes computers."),
                 "company.website", id="initials-in-the-domain"),
    pytest.param(call(dial_in=("+44 (0) 20 3936 2999",)), "calls.0.dial_in", id="uk-number-with-trunk-zero"),
    pytest.param(call(webcast_url=None, replay=None), "calls.0.dial_in", id="dial-in-only-call"),
    pytest.param(call(webcast_url="https://www.acme.com/investors"), "calls.0.webcast_url", id="website-section"),
])
def test_plausible_values_raise_no_doubt_about_them(result, field):
    assert field not in {d.field for d in doubts_for(result)}


def test_warnings_say_which_call_or_contact_a_doubt_is_about():
    two_calls = replace(CLEAN, calls=(CALL, replace(CALL, passcode=None)), contacts=(replace(CONTACT, emails=()),))
    result = with_doubts(two_calls, extra=[Doubt("wire", "Two wires named.")])
    assert result.warnings == (
        "Call 2: No passcode found: check whether callers need one.",
        "Contact Jane Roe: No email address found for this contact.",
        "Two wires named.",
    )
