"""Companies, their listings, press releases, contacts and conference calls.

Publication is one nullable timestamp per release: NULL is a draft, a future time
is an embargo, a past time is published. Every public read goes through the
querysets here, so each rule exists once: published() for releases, public() for calls
and for companies.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
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


class CompanyQuerySet(models.QuerySet):
    def public(self):
        """Companies with a published release or a public call (ConferenceCallQuerySet.public()):
        the one rule for a company's page, the company list, the sitemap and its feeds. A company
        created by a draft upload stays unseen, so its name cannot leak an embargo."""
        releases = PressRelease.objects.published().filter(company=OuterRef("pk"))
        calls = ConferenceCall.objects.public().filter(company=OuterRef("pk"))
        return self.filter(Exists(releases) | Exists(calls))


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

    def neighbours(self, release: PressRelease) -> tuple[PressRelease | None, PressRelease | None]:
        """The published releases just before and just after `release`, in publication order
        (ties by pk); None at either end. Each bounded on the side of `release`, so the
        database walks the publication index outwards from it, not from now."""
        at, pk = release.published_at, release.pk
        published = self.published().only("headline", "slug", "company_id")
        older = published.filter(published_at__lte=at).exclude(published_at=at, pk__gte=pk)
        newer = published.filter(published_at__gte=at).exclude(published_at=at, pk__lte=pk)
        return older.order_by("-published_at", "-pk").first(), newer.order_by("published_at", "pk").first()


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
            # In the order of `ordering`, so a page of releases' keys is read off the index alone
            # (views.KeysFirstPaginator). updated_at, once read with the keys, is still a column
            # of it (migration 0010): dropping it would only rebuild the index.
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
