"""Writes that span rows: a reviewed ParsedRelease and its source file in, stored records out;
and a release's way to publication (submit, approve, publish, unpublish), each checked and
logged by the disclosure app.

The admin's upload review, `import_releases` and `load_demo` all call
`release_create_from_upload`, so the three ways in cannot disagree. Each call is one
transaction: a release is stored with its company, listings, contacts, calls and
dial-ins, or nothing is.

Every row is `full_clean()`ed before it is written, but without the checks that would only
query again what this transaction has just read under the upload lock: that a foreign key's
row exists (the service holds it), and that a unique slug, file or listing is still free
(looked up above). The database enforces those constraints anyway, and a writer that slips
past the lock is retried (`release_create_from_upload`). That keeps an import to about ten
queries per release.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename, slugify

from alerts.tasks import schedule_release_alerts
from disclosure import audit, workflow

from .models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, ReleaseContact
from .parsing.category import guess_category
from .parsing.result import Call, ContactInfo, ParsedRelease

# North-American toll-free area codes: a dial-in with one of these is labelled "Toll-free".
TOLL_FREE_PREFIXES = ("+1800", "+1833", "+1844", "+1855", "+1866", "+1877", "+1888")
RACE_ATTEMPTS = 3
UPLOAD_LOCK_KEY = 0x1E51_7E00  # any constant: the advisory lock all uploads share


@dataclass(frozen=True)
class UploadOutcome:
    release: PressRelease
    created: bool  # False: the same file was stored before, and nothing was written
    notes: tuple[str, ...] = field(default=())  # what was left out, for the person who uploaded


def source_sha256(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()


def release_create_from_upload(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    uploaded_by=None,
    publish_at: datetime | None = None,
    category: str | None = None,
) -> UploadOutcome:
    """Store a reviewed release with everything it names; the same file twice stores nothing.

    Raises ValidationError (nothing saved) when the release lacks what a record needs.
    Concurrent uploads take turns (`lock_uploads`). Where a database gives no such lock and a
    concurrent upload stores the same file, company or contact between this attempt's lookups
    and its inserts, a unique constraint stops the attempt, and the next one finds those rows.
    """
    for attempt in range(1, RACE_ATTEMPTS + 1):
        try:
            return release_create_from_upload_once(
                parsed=parsed,
                source=source,
                source_name=source_name,
                uploaded_by=uploaded_by,
                publish_at=publish_at,
                category=category,
            )
        except IntegrityError:
            if attempt == RACE_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


@transaction.atomic
def release_create_from_upload_once(
    *,
    parsed: ParsedRelease,
    source: bytes,
    source_name: str,
    uploaded_by=None,
    publish_at: datetime | None = None,
    category: str | None = None,
) -> UploadOutcome:
    lock_uploads()
    sha256 = source_sha256(source)
    existing = PressRelease.objects.select_related("company").filter(source_sha256=sha256).first()
    if existing is not None:
        return UploadOutcome(release=existing, created=False)
    if not (parsed.headline or "").strip():
        raise ValidationError("The release has no headline; enter one.", code="no_headline")

    company = company_for_release(parsed=parsed)
    notes = []
    if publish_at is not None and company.requires_second_person:
        notes.append(f"Stored as a draft, not published: {company} requires a second person's approval.")
        publish_at = None
    body = nh3.clean(parsed.body_html) if parsed.body_html else ""
    release = PressRelease(
        company=company,
        headline=parsed.headline.strip(),
        subheadline=parsed.subheadline or "",
        slug=unique_release_slug(company=company, headline=parsed.headline),
        dateline_location=parsed.dateline.location or "",
        dateline_date=parsed.dateline.date,
        wire=parsed.wire or "",
        body=body,
        about=parsed.about or "",
        category=category or release_category(parsed=parsed),
        published_at=publish_at,
        source_name=source_name[:255],
        source_sha256=sha256,
        uploaded_by=uploaded_by,
    )
    # The slug was chosen free and the file looked up above, under the lock.
    release.full_clean(exclude=["company", "uploaded_by", "source_file"], validate_constraints=False)

    contacts = []
    known_contacts = list(company.contacts.all())
    for info in parsed.contacts:
        contact = contact_for_release(company=company, info=info, known=known_contacts)
        if contact is None:
            notes.append(f"Contact {contact_label(info)} was left out: it has no phone number or email.")
        elif contact not in contacts:
            contacts.append(contact)

    # The file is stored with the release's row; if anything after it fails, it is removed again.
    release.source_file.save(get_valid_filename(source_name) or f"{sha256}.txt", ContentFile(source), save=False)
    try:
        release.save()
        links = [ReleaseContact(pressrelease=release, contact=c) for c in contacts]
        audit.record_created(ReleaseContact.objects.bulk_create(links))  # bulk_create sends no signal
        for info in parsed.calls:
            call_create(company=company, release=release, info=info, default_title=release.headline)
    except BaseException:
        release.source_file.delete(save=False)
        raise
    return UploadOutcome(release=release, created=True, notes=tuple(notes))


def release_category(*, parsed: ParsedRelease) -> str:
    """The category guessed from the headline and the body's text (tags stripped)."""
    return guess_category(parsed.headline or "", nh3.clean(parsed.body_html or "", tags=set()))


def lock_uploads() -> None:
    """Uploads take turns: each one's lookups (file, company, contacts) then see every upload
    committed before it, so two writers never both create the same company or contact.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: the IMMEDIATE transaction mode in
    settings already takes the write lock at BEGIN. An upload's writes take milliseconds, so
    turns are short; parsing, the slow part, happens before and stays concurrent.
    """
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [UPLOAD_LOCK_KEY])


def company_matching(*, parsed: ParsedRelease) -> Company | None:
    """The stored company a release names: by a listing's exchange and ticker, then by name
    (case-insensitive); None when it names none. Writes nothing, so the review page can say it too."""
    return company_and_listings_matching(parsed=parsed)[0]


def company_and_listings_matching(*, parsed: ParsedRelease) -> tuple[Company | None, set[tuple[str, str]]]:
    """`company_matching`, and which of the release's (exchange, ticker) pairs are stored already."""
    listings = parsed_listings(parsed)
    stored = [
        listing
        for listing in Listing.objects.select_related("company").filter(ticker__in=[ticker for _, ticker in listings])
        if (listing.exchange, listing.ticker) in listings
    ]
    owners = {listing.company for listing in stored}
    if len(owners) > 1:
        names = ", ".join(sorted(c.name for c in owners))
        raise ValidationError(
            f"The release's listings belong to different companies ({names}); correct the listings.",
            code="listings_conflict",
        )
    known = {(listing.exchange, listing.ticker) for listing in stored}
    if owners:
        return owners.pop(), known
    name = (parsed.company.name or "").strip()
    return (Company.objects.filter(name__iexact=name).order_by("pk").first() if name else None), known


def parsed_listings(parsed: ParsedRelease) -> list[tuple[str, str]]:
    return [(x.exchange.strip().upper(), x.ticker.strip()) for x in parsed.listings if x.ticker.strip()]


def company_for_release(*, parsed: ParsedRelease) -> Company:
    """The issuer: the matching company, else a new one with a unique slug.

    Its listings are added; blank website and About are filled from the release.
    """
    company, known = company_and_listings_matching(parsed=parsed)
    if company is None:
        name = (parsed.company.name or "").strip()
        if not name:
            raise ValidationError(
                "The issuing company was not found in the release; enter its name.", code="no_company"
            )
        company = Company(name=name, slug=unique_company_slug(name=name))
    changed = company._state.adding
    if not company.website and parsed.company.website:
        company.website, changed = normalize_url(parsed.company.website), True
    if not company.about and parsed.about:
        company.about, changed = parsed.about, True
    if changed:
        company.full_clean(validate_unique=False)  # the slug was chosen free, under the lock
        company.save()

    # Every stored listing with one of these tickers is this company's (see the matching), so
    # the rest are new; the unique (exchange, ticker) constraint needs no query.
    new = []
    for exchange, ticker in parsed_listings(parsed):
        if (exchange, ticker) not in known:
            listing = Listing(company=company, exchange=exchange, ticker=ticker)
            listing.full_clean(exclude=["company"], validate_constraints=False)
            new.append(listing)
            known.add((exchange, ticker))
    # bulk_create sends no signal; the release saved with these clears the page cache.
    audit.record_created(Listing.objects.bulk_create(new))
    return company


def contact_for_release(*, company: Company, info: ContactInfo, known: list[Contact]) -> Contact | None:
    """The company's existing contact (by name, else email), updated; else a new one.

    `known` is the company's contacts, in their usual order; a new contact is added to it.
    None when the contact has neither phone nor email: it could not be reached.
    """
    name = (info.name or "").strip()
    email = next((e.strip() for e in info.emails if e.strip()), "")
    phones = [p.strip() for p in info.phones if p.strip()]
    contact = matching_contact(known, name=name, email=email, organization=(info.organization or "").strip())

    if contact is None:
        if not (phones or email):
            return None
        contact = Contact(company=company, role=info.role or Contact.Role.OTHER, name=name)
    before = (contact.email, contact.title, contact.organization, contact.phones)
    if not contact.email and email:
        contact.email = email
    contact.title = contact.title or (info.title or "")
    contact.organization = contact.organization or (info.organization or "")
    known_phones = contact.phone_list
    contact.phones = "\n".join(known_phones + [p for p in phones if p not in known_phones])
    if not contact._state.adding and (contact.email, contact.title, contact.organization, contact.phones) == before:
        return contact  # nothing new about this person: no write

    # The constraints, checked here against the company's contacts rather than by a query each:
    # reachable (a new contact has a phone or an email, an old one had), one row per name and email.
    contact.full_clean(exclude=["company"], validate_constraints=False)
    key = (contact.name.lower(), contact.email.lower())
    if any(other is not contact and (other.name.lower(), other.email.lower()) == key for other in known):
        raise ValidationError(
            f"The company already has a contact {contact_label(info)} with this email; "
            "correct the contact's name or email.",
            code="contact_exists",
        )
    contact.save()
    if contact not in known:
        known.append(contact)
    return contact


def matching_contact(known: list[Contact], *, name: str, email: str, organization: str) -> Contact | None:
    """By name (the one with the same email first), else a desk by email, else a desk by its name."""
    if name:
        matches = [c for c in known if c.name.lower() == name.lower()]
        same_email = [c for c in matches if email and c.email.lower() == email.lower()]
        return next(iter(same_email or matches), None)
    if email:
        return next((c for c in known if not c.name and c.email.lower() == email.lower()), None)
    return next(
        (c for c in known if not c.name and not c.email and c.organization.lower() == organization.lower()), None
    )


def call_create(*, company: Company, release: PressRelease, info: Call, default_title: str) -> ConferenceCall:
    replay = info.replay
    call = ConferenceCall(
        company=company,
        release=release,
        title=(info.title or default_title)[:300],
        starts_at=info.starts_at,
        timezone=info.zone or settings.TIME_ZONE,
        webcast_url=normalize_url(info.webcast_url or ""),
        passcode=info.passcode or "",
        replay_until=replay.until if replay else None,
        replay_passcode=(replay.passcode or "") if replay else "",
    )
    call.full_clean(exclude=["company", "release"])  # rows this transaction holds
    call.save()
    numbers = [(DialIn.Kind.LIVE, n) for n in info.dial_in] + [
        (DialIn.Kind.REPLAY, n) for n in (replay.dial_in if replay else ())
    ]
    seen, dial_ins = set(), []
    for kind, number in numbers:
        if not number.strip() or (kind, number.strip()) in seen:
            continue
        seen.add((kind, number.strip()))
        dial_in = DialIn(call=call, kind=kind, number=number)
        # The call is new and its numbers are deduplicated above: the unique constraint cannot fail,
        # so it is not queried once per number.
        dial_in.full_clean(exclude=["call"], validate_constraints=False)
        if dial_in.e164.startswith(TOLL_FREE_PREFIXES):
            dial_in.label = "Toll-free"
        dial_ins.append(dial_in)
    audit.record_created(DialIn.objects.bulk_create(dial_ins))  # bulk_create sends no signal
    return call


@transaction.atomic
def release_submit(*, release: PressRelease, by) -> PressRelease:
    """Draft -> submitted: ready for an approver."""
    workflow.submit(release=release, by=by)
    return release


@transaction.atomic
def release_approve(*, release: PressRelease, by) -> PressRelease:
    """Submitted -> approved, for exactly the content it has now. Where the company requires a
    second person, `by` may not be the author of the last change (a database constraint too)."""
    workflow.approve(release=release, by=by)
    return release


@transaction.atomic
def release_publish(
    *,
    release: PressRelease,
    at: datetime | None = None,
    by=None,
    confirmed: bool = False,
    override_reason: str = "",
    exchange_notified_at: datetime | None = None,
) -> PressRelease:
    """Publish now, or at a future time (an embargo: the release appears by itself then).

    Raises ValidationError, saying why, unless the disclosure checks pass (`disclosure.rules`:
    errors block, warnings need `confirmed`, material news in the exchange's window needs
    `exchange_notified_at`) and, where the company requires a second person, the release is
    approved as it stands or an approver (`by`) overrides with `override_reason`."""
    if at is not None and timezone.is_naive(at):
        raise ValueError("release_publish needs an aware datetime.")
    when = at or timezone.now()
    allowed = workflow.authorize(
        workflow.review_publication(release, at=when),
        by=by,
        confirmed=confirmed,
        override_reason=override_reason,
        exchange_notified_at=exchange_notified_at,
    )
    release.published_at = when
    release.full_clean()
    action = "schedule" if at is not None and at > timezone.now() else "publish"
    with audit.operation(action, release=release, reason=allowed.reason, override=allowed.override,
                         details=allowed.details):
        release.save(update_fields=["published_at", "updated_at"])
    # Email alerts go once the publication is committed: now, or at the embargo's time. Robust:
    # should the enqueue fail, the publish stands and the workers' sweep sends them.
    transaction.on_commit(partial(schedule_release_alerts, release_id=release.pk), robust=True)
    return release


@transaction.atomic
def release_unpublish(*, release: PressRelease, reason: str = "") -> PressRelease:
    """Back to a draft, to be submitted and approved again; refused for inside information
    (EU MAR) within five years of its publication."""
    workflow.refuse_if_retained(release, doing="unpublished")
    release.published_at = None
    release.full_clean()
    with audit.operation("unpublish", release=release, reason=reason):
        release.save(update_fields=["published_at", "updated_at"])
    workflow.withdrawn(release)
    return release


def unique_company_slug(*, name: str) -> str:
    return unique_slug(slugify(name)[:90] or "company", Company.objects.all())


def unique_release_slug(*, company: Company, headline: str) -> str:
    return unique_slug(slugify(headline)[:190] or "release", PressRelease.objects.filter(company=company))


def unique_slug(base: str, queryset) -> str:
    """`base`, else `base-2`, `base-3`, ... whichever the queryset does not hold yet."""
    base = base.strip("-")
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def normalize_url(url: str) -> str:
    """Releases print `www.example.com`; a URL field needs the scheme."""
    url = url.strip().strip("<>")
    if url and "://" not in url:
        url = "http://" + url
    return url


def contact_label(info: ContactInfo) -> str:
    return info.name or info.organization or f"({info.role})"
