"""Companies, their listings, press releases, contacts and conference calls.

Publication is one nullable timestamp per release: NULL is a draft, a future time
is an embargo, a past time is published. Every public read goes through the
querysets here, so the rule exists once: published_q() for the ORM, and published_sql()
for the few hand-written statements of the pages read most, each held by a test to the
answers of the queryset it stands for.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from .phones import to_e164


def validate_iana_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            "%(value)s is not an IANA time zone name (for example America/New_York).",
            params={"value": value},
            code="invalid_zone",
        ) from None


def published_sql(column: str = "published_at") -> str:
    """published_q() in a hand-written statement: `column` is a release's publication time,
    and the parameter it takes is now_param()."""
    return f"{column} <= %s"


def public_call_sql(call: str) -> str:
    """ConferenceCallQuerySet.public() in a hand-written statement, for the call aliased
    `call`: entered by hand, or announced in a published release (taking now_param()). The
    release is a subquery per call: as a join, PostgreSQL hashed the whole release table to
    keep three upcoming calls of ninety (1 ms)."""
    release = f"(SELECT r.published_at FROM {PressRelease._meta.db_table} r WHERE r.id = {call}.release_id)"
    return f"({call}.release_id IS NULL OR {published_sql(release)})"


def now_param(using: str):
    """Now, as the database `using` compares it with a publication time."""
    return connections[using].ops.adapt_datetimefield_value(timezone.now())


Version = tuple[int, datetime]


def versions_by_sql(using: str, sql: str, params: list) -> list[Version]:
    """(pk, updated_at) pairs from a hand-written statement, `updated_at` aware as the ORM
    gives it (SQLite's driver returns it naive, in UTC).

    The hand-written statements below are the lists and lookups on every public page that is
    not served from the page cache: building and compiling such a query cost the ORM 150-250
    us, ten times what the database took to run it. Each applies the same rule as the queryset
    method it mirrors, and a test holds them to the same answers."""
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return aware_versions(cursor.fetchall())


def aware_versions(rows) -> list[Version]:
    return [(pk, at if timezone.is_aware(at) else at.replace(tzinfo=UTC)) for pk, at in rows]


def window(start: int, stop: int | None) -> tuple[str, list[int]]:
    """The LIMIT and OFFSET clause, and its parameters, for rows [start:stop]."""
    if stop is None:
        if start:
            raise ValueError("A window with no end starts at the first row.")
        return "", []
    return " LIMIT %s OFFSET %s", [max(0, stop - start), start]


class CompanyQuerySet(models.QuerySet):
    def public_version(self, slug: str) -> Version | None:
        """(pk, updated_at) of the company at `slug` if it has a published release or a public
        call (ConferenceCallQuerySet.public()), else None: the rule a company page follows."""
        companies, releases, calls = (model._meta.db_table for model in (Company, PressRelease, ConferenceCall))
        sql = (
            f"SELECT c.id, c.updated_at FROM {companies} c WHERE c.slug = %s AND ("
            f"EXISTS (SELECT 1 FROM {releases} r WHERE r.company_id = c.id AND {published_sql('r.published_at')}) "
            f"OR EXISTS (SELECT 1 FROM {calls} k WHERE k.company_id = c.id AND {public_call_sql('k')}))"
        )
        now = now_param(self.db)
        found = versions_by_sql(self.db, sql, [slug, now, now])
        return found[0] if found else None


class Company(models.Model):
    name = models.CharField(max_length=200, help_text="As the company prints it, e.g. “ImmunoGen, Inc.”.")
    slug = models.SlugField(max_length=100, unique=True, help_text="Used in the company's public URLs.")
    website = models.URLField(blank=True, max_length=500)
    about = models.TextField(blank=True, help_text="The current “About” boilerplate shown on the company page.")
    headquarters = models.CharField(max_length=200, blank=True, help_text="City and region, e.g. “Waltham, Mass.”.")
    postal_address = models.TextField(
        blank=True, help_text="The full postal address, printed in the footer of every email alert about the company."
    )
    requires_second_person = models.BooleanField(
        "Publication needs a second person",
        default=False,
        help_text="A release is published only once someone other than the author of its last change has "
        "approved it (or an approver overrides, giving a reason). See disclosure/.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("releases:company-detail", kwargs={"slug": self.slug})


class Listing(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="listings")
    exchange = models.CharField(
        max_length=40, help_text="Upper-case exchange code: NASDAQ, NYSE, NYSE AMERICAN, TSX, TSXV, LSE, …"
    )
    ticker = models.CharField(max_length=20)

    class Meta:
        ordering = ["exchange", "ticker"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "ticker"], name="listing_exchange_ticker_unique"),
        ]

    def __str__(self):
        return f"{self.exchange}: {self.ticker}"

    def clean(self):
        self.exchange = self.exchange.strip().upper()
        self.ticker = self.ticker.strip()


def published_q(prefix: str = "") -> Q:
    """The publication rule, for this model or across a relation (`prefix="release__"`)."""
    return Q(**{f"{prefix}published_at__lte": timezone.now()})


class PressReleaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_q())

    def drafts(self):
        return self.filter(published_at__isnull=True)

    def embargoed(self):
        return self.filter(published_at__gt=timezone.now())

    def published_versions(
        self,
        start: int = 0,
        stop: int | None = None,
        *,
        company=None,
        category: str = "",
        year: int | None = None,
        reverse: bool = False,
    ) -> list[Version]:
        """(pk, updated_at) of published releases [start:stop] in list order (Meta.ordering),
        or its reverse, of one company, category and year (in the site's zone) when given:
        what `published().filter(...).values_list("pk", "updated_at")[start:stop]` gives: off
        the release_published_idx index alone, or the company's or category's index and the
        table when filtered."""
        ops = connections[self.db].ops
        where, params = [published_sql()], [now_param(self.db)]
        if company is not None:
            where.append("company_id = %s")
            params.append(company.pk)
        if category:
            where.append("category = %s")
            params.append(category)
        if year is not None:
            where.append("published_at BETWEEN %s AND %s")
            params.extend(ops.year_lookup_bounds_for_datetime_field(year))
        limit, window_params = window(start, stop)
        order = "ASC" if reverse else "DESC"
        sql = (
            f"SELECT id, updated_at FROM {self.model._meta.db_table} WHERE {' AND '.join(where)} "
            f"ORDER BY published_at {order}, dateline_date {order}, id {order}{limit}"
        )
        return versions_by_sql(self.db, sql, [*params, *window_params])

    def published_page_at(self, company_slug: str, slug: str) -> ReleasePage | None:
        """The published release at a release page's address, as its version and the
        published releases just before and after it (in publication order, ties by pk);
        None when no published release is there.

        One hand-written statement, where the ORM took longer to build its three queries
        than the database to run them, and PostgreSQL a round trip each. It applies the same
        rule as published_q(), and each neighbour walks the published_at index from the
        release outwards. Only the next one needs the rule's bound: whatever was published
        before a published release is published too, and that bound made SQLite walk the
        index down from now rather than from the release (0.5 ms, not 6 us)."""
        releases, companies = self.model._meta.db_table, Company._meta.db_table
        previous = (
            f"SELECT q.id FROM {releases} q WHERE q.published_at <= r.published_at "
            "AND (q.published_at < r.published_at OR q.id < r.id) ORDER BY q.published_at DESC, q.id DESC LIMIT 1"
        )
        following = (
            f"SELECT q.id FROM {releases} q WHERE {published_sql('q.published_at')} "
            "AND q.published_at >= r.published_at AND (q.published_at > r.published_at OR q.id > r.id) "
            "ORDER BY q.published_at ASC, q.id ASC LIMIT 1"
        )
        sql = (
            "SELECT x.id, x.updated_at, p.headline, p.slug, pc.slug, n.headline, n.slug, nc.slug FROM ("
            f"SELECT r.id, r.updated_at, ({previous}) AS previous_id, ({following}) AS next_id "
            f"FROM {releases} r JOIN {companies} c ON c.id = r.company_id "
            f"WHERE c.slug = %s AND r.slug = %s AND {published_sql('r.published_at')}) x "
            f"LEFT JOIN {releases} p ON p.id = x.previous_id LEFT JOIN {companies} pc ON pc.id = p.company_id "
            f"LEFT JOIN {releases} n ON n.id = x.next_id LEFT JOIN {companies} nc ON nc.id = n.company_id"
        )
        now = now_param(self.db)
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, [now, company_slug, slug, now])
            row = cursor.fetchone()
        if row is None:
            return None
        (pk, updated_at), neighbours = aware_versions([row[:2]])[0], []
        for headline, release_slug, owner_slug in (row[2:5], row[5:8]):
            url = reverse("releases:release-detail", kwargs={"company": owner_slug, "slug": release_slug})
            neighbours.append(Neighbour(headline=headline, url=url) if headline is not None else None)
        return ReleasePage(version=(pk, updated_at), previous=neighbours[0], next=neighbours[1])


@dataclass(frozen=True)
class Neighbour:
    headline: str
    url: str


@dataclass(frozen=True)
class ReleasePage:
    version: Version
    previous: Neighbour | None
    next: Neighbour | None


class PressRelease(models.Model):
    class Category(models.TextChoices):
        EARNINGS = "earnings", "Earnings"
        CONFERENCE_CALL = "conference_call", "Conference call"
        DIVIDEND = "dividend", "Dividend"
        MANAGEMENT = "management", "Management change"
        MERGERS = "mergers", "Mergers & acquisitions"
        PRODUCT = "product", "Product"
        CLINICAL = "clinical", "Clinical / regulatory"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        EMBARGOED = "embargoed", "Embargoed"
        PUBLISHED = "published", "Published"

    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="releases")
    headline = models.CharField(max_length=500)
    subheadline = models.TextField(blank=True)
    slug = models.SlugField(max_length=200, help_text="Unique for the company; part of the release's URL.")
    dateline_location = models.CharField(max_length=200, blank=True, help_text="As printed, e.g. “WALTHAM, Mass.”.")
    dateline_date = models.DateField(null=True, blank=True)
    wire = models.CharField(max_length=100, blank=True, help_text="The newswire, e.g. “Business Wire”.")
    body = models.TextField(blank=True, help_text="Sanitized HTML.")
    about = models.TextField(blank=True, help_text="The “About” text as printed in this release.")
    category = models.CharField(max_length=20, choices=Category.choices, default=Category.OTHER)
    inside_information = models.BooleanField(
        default=False,
        help_text="EU MAR: the release discloses inside information. Its page says so, with the issuer's name and "
        "the time of disclosure; it cannot be unpublished or deleted for five years.",
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Empty: draft. A future time: embargoed until then, published by itself at that time.",
    )
    contacts = models.ManyToManyField("Contact", through="ReleaseContact", related_name="releases", blank=True)
    source_file = models.FileField(upload_to="sources/%Y/%m/", blank=True)
    source_name = models.CharField(max_length=255, blank=True, help_text="The uploaded file's original name.")
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-dateline_date", "-pk"]
        permissions = [
            ("publish_pressrelease", "Can publish, schedule and unpublish press releases"),
            ("approve_pressrelease", "Can approve press releases for publication, or override the approval"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["company", "slug"], name="release_slug_unique_per_company"),
            models.UniqueConstraint(
                fields=["source_sha256"], condition=~Q(source_sha256=""), name="release_source_file_unique"
            ),
        ]
        indexes = [
            # In the order of `ordering`, so a page of releases is read off the index alone,
            # with each release's version (releases/paginators.py): a key column rather than
            # INCLUDE, which SQLite ignores (a deep page then read 7,000 rows for it, 0.1 ms).
            models.Index(fields=["-published_at", "-dateline_date", "-id", "updated_at"], name="release_published_idx"),
            models.Index(
                fields=["company", "-published_at", "-dateline_date", "-id"], name="release_company_published_idx"
            ),
            models.Index(
                fields=["category", "-published_at", "-dateline_date", "-id"], name="release_category_published_idx"
            ),
        ]

    def __str__(self):
        return self.headline

    def get_absolute_url(self):
        return reverse("releases:release-detail", kwargs={"company": self.company.slug, "slug": self.slug})

    @property
    def status(self) -> str:
        if self.published_at is None:
            return self.Status.DRAFT
        if self.published_at > timezone.now():
            return self.Status.EMBARGOED
        return self.Status.PUBLISHED

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Contact(models.Model):
    class Role(models.TextChoices):
        INVESTORS = "investors", "Investor relations"
        MEDIA = "media", "Media"
        OTHER = "other", "Other"

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.OTHER)
    name = models.CharField(max_length=200, blank=True, help_text="Empty for a desk (e.g. ir@company.com).")
    title = models.CharField(max_length=300, blank=True)
    organization = models.CharField(
        max_length=300, blank=True, help_text="The company or agency, or the desk's name when no person is named."
    )
    phones = models.TextField(blank=True, help_text="One number per line, as printed.")
    email = models.EmailField(blank=True)
    on_company_page = models.BooleanField(
        "On the company page",
        default=False,
        help_text="Show this contact on the company's page even when no published release names it "
        "(a standing IR contact). Contacts named in a published release are shown anyway.",
    )

    class Meta:
        ordering = ["role", "name", "organization"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(phones="") & Q(email="")), name="contact_has_phone_or_email"
            ),
            models.UniqueConstraint(
                "company", Lower("name"), Lower("email"), name="contact_unique_per_company"
            ),
        ]

    def __str__(self):
        who = self.name or self.organization or self.email
        return f"{who} ({self.get_role_display()})"

    @property
    def phone_list(self) -> list[str]:
        return [line.strip() for line in self.phones.splitlines() if line.strip()]


class ReleaseContact(models.Model):
    """A contact named in a release. Kept in the table Django made for the plain M2M."""

    pressrelease = models.ForeignKey(PressRelease, on_delete=models.CASCADE, verbose_name="release")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE)

    class Meta:
        db_table = "releases_pressrelease_contacts"
        verbose_name = "release contact"
        constraints = [
            models.UniqueConstraint(fields=["pressrelease", "contact"], name="release_contact_unique"),
        ]

    def __str__(self):
        return str(self.contact)


class ConferenceCallQuerySet(models.QuerySet):
    def public(self):
        """Calls entered by hand, and calls whose announcing release is published."""
        return self.filter(Q(release__isnull=True) | published_q("release__"))

    def upcoming(self):
        return self.public().filter(starts_at__gte=timezone.now()).order_by("starts_at", "pk")

    def past(self):
        return self.public().filter(starts_at__lt=timezone.now()).order_by("-starts_at", "-pk")

    def public_versions(
        self, start: int = 0, stop: int | None = None, *, upcoming: bool, since=None, reverse: bool = False
    ) -> list[Version]:
        """(pk, updated_at) of upcoming() or past() calls [start:stop], in their order (ties
        by pk) or its reverse: what `upcoming().values_list("pk", "updated_at")[start:stop]`
        gives. With `since`, upcoming calls count from that moment rather than now."""
        calls = self.model._meta.db_table
        limit, window_params = window(start, stop)
        side, order = (">=", "ASC") if upcoming else ("<", "DESC")
        if reverse:
            order = "DESC" if order == "ASC" else "ASC"
        sql = (
            f"SELECT c.id, c.updated_at FROM {calls} c WHERE c.starts_at {side} %s "
            f"AND {public_call_sql('c')} ORDER BY c.starts_at {order}, c.id {order}{limit}"
        )
        now = timezone.now()
        bound = since if upcoming and since is not None else now
        adapt = connections[self.db].ops.adapt_datetimefield_value
        return versions_by_sql(self.db, sql, [adapt(bound), adapt(now), *window_params])


class ConferenceCall(models.Model):
    company = models.ForeignKey(Company, on_delete=models.PROTECT, related_name="calls")
    release = models.ForeignKey(
        PressRelease,
        null=True,
        blank=True,
        # A call announced in a release goes with it: set to NULL it would become a call
        # entered by hand, public at once, even when the release was an embargoed draft.
        on_delete=models.CASCADE,
        related_name="calls",
        help_text="The release that announced the call. A call announced in a release is public once the release is.",
    )
    title = models.CharField(max_length=300)
    starts_at = models.DateTimeField(null=True, blank=True, help_text="Empty when the release gives no time yet.")
    timezone = models.CharField(
        max_length=64,
        default="America/New_York",
        validators=[validate_iana_zone],
        help_text="The IANA zone the call was announced in, e.g. America/New_York, Europe/London.",
    )
    webcast_url = models.URLField(blank=True, max_length=500)
    passcode = models.CharField(max_length=100, blank=True)
    replay_until = models.DateField(null=True, blank=True)
    replay_passcode = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConferenceCallQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["starts_at"], name="call_starts_at_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("releases:event-detail", kwargs={"pk": self.pk})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_starts_at(self):
        """The start as the release printed it, in the call's own zone."""
        return self.starts_at.astimezone(self.zone) if self.starts_at else None


class DialIn(models.Model):
    class Kind(models.TextChoices):
        LIVE = "live", "Live call"
        REPLAY = "replay", "Replay"

    call = models.ForeignKey(ConferenceCall, on_delete=models.CASCADE, related_name="dial_ins")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.LIVE)
    label = models.CharField(max_length=100, blank=True, help_text="E.g. “Toll-free”, “International”, “UK”.")
    number = models.CharField(max_length=60, help_text="As printed in the release.")
    e164 = models.CharField(max_length=20, blank=True, editable=False, help_text="Derived from the number.")

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = "dial-in number"
        constraints = [
            models.UniqueConstraint(fields=["call", "kind", "number"], name="dialin_unique_per_call"),
        ]

    def __str__(self):
        return f"{self.label or self.get_kind_display()}: {self.number}"

    def clean(self):
        self.number = self.number.strip()
        self.e164 = to_e164(self.number) or ""

    @property
    def tel_url(self) -> str:
        return f"tel:{self.e164}" if self.e164 else ""
