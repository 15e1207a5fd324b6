"""A parsed release -> what the person reviewing the upload should check, field by field.

Each Doubt names the field by its path in the parser contract ("headline", "calls.0.passcode",
"contacts.1.phones") and says in a sentence what is missing or looks wrong, and what to do about
it. The review page shows each beside its field; `parse_release` prints them as warnings. The
checks read the result alone, so they hold whichever stage found the value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta

from .fields import domain_of
from .result import Call, ContactInfo, Doubt, ParsedRelease

# A headline this long has usually swallowed its subheadline or the first paragraph.
LONG_HEADLINE = 250
# A call announced for a date this long after the release is more often a misread year than a real date.
FAR_AHEAD = timedelta(days=366)
# Digits in a telephone number, country code included (ITU E.164 allows at most 15).
PHONE_DIGITS = range(7, 16)
# Words of a company name that say nothing about which company it is: its legal form, and common words.
LEGAL_WORDS = {"inc", "corp", "corporation", "company", "co", "the", "ltd", "limited", "and", "plc", "llc", "lp",
               "sa", "ag", "nv", "se", "asa", "ab", "oyj", "of"}
GENERIC_WORDS = LEGAL_WORDS | {"group", "holdings", "holding", "international", "global", "technologies"}


def with_doubts(result: ParsedRelease, *, extra: Iterable[Doubt] = ()) -> ParsedRelease:
    """The result with its doubts (and any `extra` ones), and the same as sentences in `warnings`."""
    doubts = (*doubts_for(result), *extra)
    return replace(result, doubts=doubts, warnings=tuple(warning_text(d, result) for d in doubts))


def warning_text(doubt: Doubt, result: ParsedRelease) -> str:
    """The doubt as a sentence that says which call or contact it is about."""
    kind, _, rest = doubt.field.partition(".")
    index = rest.partition(".")[0]
    if kind == "calls" and index.isdigit():
        label = f"Call {int(index) + 1}" if len(result.calls) > 1 else "The call"
        return f"{label}: {doubt.message}"
    if kind == "contacts" and index.isdigit():
        contact = result.contacts[int(index)]
        return f"Contact {contact.name or contact.organization or int(index) + 1}: {doubt.message}"
    return doubt.message


def doubts_for(result: ParsedRelease) -> tuple[Doubt, ...]:
    found = [*release_doubts(result)]
    for index, call in enumerate(result.calls):
        found.extend(call_doubts(call, f"calls.{index}", result))
    for index, contact in enumerate(result.contacts):
        found.extend(contact_doubts(contact, f"contacts.{index}"))
    return tuple(found)


def release_doubts(result: ParsedRelease) -> list[Doubt]:
    found = []
    if not result.headline:
        found.append(Doubt("headline", "No headline found: type the release's title."))
    elif len(result.headline) > LONG_HEADLINE:
        found.append(Doubt("headline", f"The headline is {len(result.headline)} characters long: check that it "
                                       "holds only the title, not the subheadline or the first paragraph."))
    if not result.dateline.date:
        found.append(Doubt("dateline.date", "No release date found: type the date printed on the release."))
    if not result.dateline.location:
        found.append(Doubt("dateline.location", "No dateline location found (the city before the date)."))
    if not result.wire:
        found.append(Doubt("wire", "No newswire named: leave it empty if the release went out on none "
                                   "(an SEC exhibit, the company's own site)."))
    if not result.company.name:
        found.append(Doubt("company.name", "The issuing company could not be identified: type its name."))
    elif not mentioned_elsewhere(result.company.name, result):
        found.append(Doubt("company.name", "This name was read from the first sentence, but the headline and the "
                                           "About section do not name it: check that it is the issuer."))
    if not result.company.website:
        found.append(Doubt("company.website", "No company website found."))
    elif result.company.name and not site_carries_name(result.company.website, result.company.name):
        found.append(Doubt("company.website", "The website's address does not carry the company's name: check "
                                              "that it is the issuer's own site."))
    if not result.about:
        found.append(Doubt("about", "No “About” section found."))
    if not result.listings:
        found.append(Doubt("listings", "No exchange listing (EXCHANGE: TICKER) found."))
    if not result.contacts:
        found.append(Doubt("contacts", "No contacts found: add the investor or media contact below."))
    return found


def call_doubts(call: Call, path: str, result: ParsedRelease) -> list[Doubt]:
    found = []
    if call.starts_at is None:
        found.append(Doubt(f"{path}.starts_at", "No call time found."))
    else:
        if call.zone is None:
            found.append(Doubt(f"{path}.zone", "The call's time was printed without a time zone: choose the zone."))
        elif call.zone_assumed:
            found.append(Doubt(f"{path}.zone", f"The call's time was printed without a time zone; it was read as "
                                               f"{call.zone.replace('_', ' ')} time, the issuer's own: check it."))
        release_date = result.dateline.date
        if release_date and call.starts_at.date() < release_date:
            found.append(Doubt(f"{path}.starts_at", "The call is dated before the release: check its date."))
        elif release_date and call.starts_at.date() - release_date > FAR_AHEAD:
            found.append(Doubt(f"{path}.starts_at", "The call is dated more than a year after the release: check "
                                                    "its year."))
    if not call.dial_in and not call.webcast_url:
        found.append(Doubt(f"{path}.dial_in", "Neither a dial-in number nor a webcast link was found: investors "
                                              "would not know how to join."))
    else:
        if not call.dial_in:
            found.append(Doubt(f"{path}.dial_in", "No dial-in number found."))
        if not call.webcast_url:
            found.append(Doubt(f"{path}.webcast_url", "No webcast link found."))
    found.extend(Doubt(f"{path}.dial_in", message) for message in phone_doubts(call.dial_in))
    if call.dial_in and not call.passcode:
        found.append(Doubt(f"{path}.passcode", "No passcode found: check whether callers need one."))
    website = result.company.website
    if call.webcast_url and website and same_address(call.webcast_url, website):
        found.append(Doubt(f"{path}.webcast_url", "Only the company's website was found for the webcast: add the "
                                                  "webcast's own link if the release gives one."))
    if call.replay is not None:
        if call.replay.until is None:
            found.append(Doubt(f"{path}.replay.until", "A replay is announced without the date it ends."))
        found.extend(Doubt(f"{path}.replay.dial_in", message) for message in phone_doubts(call.replay.dial_in))
    return found


def contact_doubts(contact: ContactInfo, path: str) -> list[Doubt]:
    found = []
    if not contact.name:
        found.append(Doubt(f"{path}.name", "No person named (a desk): add the name if the release gives one."))
    if not contact.emails:
        found.append(Doubt(f"{path}.emails", "No email address found for this contact."))
    elif len(contact.emails) > 1:
        found.append(Doubt(f"{path}.emails", f"{len(contact.emails)} email addresses found; only the first is kept: "
                                             f"{', '.join(contact.emails[1:])}."))
    if not contact.phones:
        found.append(Doubt(f"{path}.phones", "No telephone number found for this contact."))
    found.extend(Doubt(f"{path}.phones", message) for message in phone_doubts(contact.phones))
    if contact.role == "other":
        found.append(Doubt(f"{path}.role", "Not labelled an investor or a media contact: choose its role."))
    return found


def phone_doubts(numbers) -> list[str]:
    return [f"“{number}” does not look like a whole telephone number: check its digits."
            for number in numbers if len(re.sub(r"\D", "", number)) not in PHONE_DIGITS]


def significant_words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w{2,}", name.casefold()) if w not in GENERIC_WORDS}


def mentioned_elsewhere(name: str, result: ParsedRelease) -> bool:
    words = significant_words(name)
    if not words:
        return True
    elsewhere = significant_words(" ".join(filter(None, [result.headline, result.about, result.subheadline])))
    return bool(words & elsewhere)


def site_carries_name(website: str, name: str) -> bool:
    domain = re.sub(r"\W", "", domain_of(website).casefold())
    words = significant_words(name)
    initials = "".join(w[0] for w in re.findall(r"\w+", name.casefold()) if w not in LEGAL_WORDS)
    return not words or any(w in domain for w in words) or (len(initials) >= 2 and initials in domain)


def same_address(first: str, second: str) -> bool:
    def bare(url: str) -> str:
        return re.sub(r"^[a-z]+://(?:www\.)?", "", url.casefold()).rstrip("/")

    return bare(first) == bare(second)
