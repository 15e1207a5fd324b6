"""Admin forms: the upload (a file or pasted text in, a parsed release out), the review
(the parsed release shown field by field, editable, with flags for what was not found,
and the corrected ParsedRelease out) and the schedule action's time."""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Sequence
from datetime import datetime
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from . import parsing
from .models import ConferenceCall, Contact, PressRelease, validate_iana_zone
from .parsing.errors import ParseError
from .parsing.result import Call, CompanyInfo, ContactInfo, Dateline, Doubt, Listing, ParsedRelease, Replay

logger = logging.getLogger(__name__)

UPLOAD_EXTENSIONS = (".txt", ".html", ".htm", ".docx", ".pdf")
PASTED_NAME = "pasted-release.txt"


# The zones listed companies announce calls in, as IANA names with a label staff recognise.
COMMON_ZONES = [
    ("America/New_York", "US Eastern (New York)"),
    ("America/Chicago", "US Central (Chicago)"),
    ("America/Denver", "US Mountain (Denver)"),
    ("America/Phoenix", "US Mountain, no DST (Phoenix)"),
    ("America/Los_Angeles", "US Pacific (Los Angeles)"),
    ("America/Anchorage", "Alaska (Anchorage)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
    ("America/Toronto", "Canada Eastern (Toronto)"),
    ("America/Vancouver", "Canada Pacific (Vancouver)"),
    ("America/Halifax", "Canada Atlantic (Halifax)"),
    ("America/Mexico_City", "Mexico City"),
    ("America/Sao_Paulo", "São Paulo"),
    ("Europe/London", "UK (London)"),
    ("Europe/Dublin", "Ireland (Dublin)"),
    ("Europe/Paris", "Central European (Paris)"),
    ("Europe/Berlin", "Central European (Berlin, Frankfurt)"),
    ("Europe/Zurich", "Switzerland (Zurich)"),
    ("Europe/Amsterdam", "Netherlands (Amsterdam)"),
    ("Europe/Stockholm", "Sweden (Stockholm)"),
    ("Europe/Helsinki", "Eastern European (Helsinki)"),
    ("Asia/Jerusalem", "Israel (Jerusalem, Tel Aviv)"),
    ("Asia/Dubai", "Gulf (Dubai)"),
    ("Asia/Kolkata", "India (Mumbai, Kolkata)"),
    ("Asia/Singapore", "Singapore"),
    ("Asia/Hong_Kong", "Hong Kong"),
    ("Asia/Shanghai", "China (Beijing, Shanghai)"),
    ("Asia/Taipei", "Taiwan (Taipei)"),
    ("Asia/Seoul", "Korea (Seoul)"),
    ("Asia/Tokyo", "Japan (Tokyo)"),
    ("Australia/Perth", "Australia Western (Perth)"),
    ("Australia/Sydney", "Australia Eastern (Sydney, Melbourne)"),
    ("Pacific/Auckland", "New Zealand (Auckland)"),
    ("UTC", "UTC"),
]
ZONE_HELP = "The zone the call was announced in; the start time is entered and shown in it."


class ZoneField(forms.ChoiceField):
    """A select of the common call zones. Any other IANA zone (stored, parsed or posted) is
    accepted too, and `include()` adds it to the list so a form never drops it silently."""

    default_error_messages = {
        "invalid_choice": "%(value)s is not a time zone name: choose the call's zone from the list "
        "(ET is US Eastern, America/New_York).",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", COMMON_ZONES)
        kwargs.setdefault("help_text", ZONE_HELP)
        super().__init__(**kwargs)

    def valid_value(self, value):
        if super().valid_value(value):
            return True
        try:
            validate_iana_zone(value)
        except ValidationError:
            return False
        return True

    def include(self, zone: str | None) -> None:
        if zone and zone not in dict(self.choices) and self.valid_value(zone):
            self.choices = [*self.choices, (zone, zone)]


class CallZoneMixin:
    """A form whose `timezone` is a ZoneField offering the zone it starts with."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["timezone"]
        field.include(self.initial.get("timezone") or field.initial)
        if self.is_bound:
            field.include(self.data.get(self.add_prefix("timezone")))


def https_by_default(db_field, **kwargs):
    """Staff type `www.example.com`: a URL without a scheme is an https one."""
    if isinstance(db_field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return db_field.formfield(**kwargs)


class ConferenceCallAdminForm(CallZoneMixin, forms.ModelForm):
    timezone = ZoneField(label="Time zone", initial=settings.TIME_ZONE)

    class Meta:
        model = ConferenceCall
        fields = "__all__"
        formfield_callback = https_by_default


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def parse_upload(raw: bytes, *, filename: str) -> ParsedRelease:
    """The parser, with its one kind of failure: anything else it raises is logged and reported
    as a ParseError, so a parser bug shows a message to the person rather than a traceback."""
    try:
        return parsing.parse_within(raw, filename=filename, seconds=settings.IRSITE_PARSE_TIME_LIMIT)
    except ParseError:
        raise
    except Exception:
        logger.exception("The parser failed on %s", filename)
        raise ParseError(
            "The parser could not read this release (the error has been logged). "
            "Try another format of it, e.g. the plain text, or paste the text."
        ) from None


class UploadForm(forms.Form):
    file = forms.FileField(
        required=False,
        label="Release file",
        help_text="As the wire sent it: .txt, .html, .htm (a newswire page or SEC exhibit), .docx or .pdf "
                  "(with its text, not a scan).",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_EXTENSIONS)}),
    )
    text = forms.CharField(
        required=False,
        label="Or paste the text",
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        strip=False,
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if PurePath(upload.name).suffix.lower() not in UPLOAD_EXTENSIONS:
            raise ValidationError(
                "%(name)s is not a file the parser reads: upload a .txt, .html, .htm, .docx or .pdf file.",
                params={"name": upload.name},
                code="extension",
            )
        limit = settings.IRSITE_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise ValidationError(
                "%(name)s is %(size)s; the largest release accepted is %(limit)s.",
                params={"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="too_large",
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), (cleaned.get("text") or "")
        if self.errors:
            return cleaned
        if upload and text.strip():
            raise ValidationError("Upload a file or paste the text, not both.", code="both")
        if not upload and not text.strip():
            raise ValidationError("Choose a file to upload or paste the release's text.", code="empty")
        if upload:
            raw, name = upload.read(), PurePath(upload.name).name
        else:
            raw, name = text.encode("utf-8"), PASTED_NAME
            if len(raw) > settings.IRSITE_MAX_UPLOAD_BYTES:
                raise ValidationError(
                    "The pasted text is %(size)s; the largest release accepted is %(limit)s.",
                    params={
                        "size": filesizeformat(len(raw)),
                        "limit": filesizeformat(settings.IRSITE_MAX_UPLOAD_BYTES),
                    },
                    code="too_large",
                )
        try:
            cleaned["parsed"] = parse_upload(raw, filename=name)
        except ParseError as error:
            raise ValidationError(str(error), code="parse_error") from None
        cleaned["raw"], cleaned["name"] = raw, name
        return cleaned


class FlaggedForm(forms.Form):
    """A review form whose fields may carry a flag: what the parser did not find."""

    flags: dict[str, str] = {}

    def rows(self):
        return [(field, self.flags.get(field.name)) for field in self if field.name != "DELETE"]


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock time without a zone: the call's own zone field says where it is."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime):
            return value.replace(tzinfo=None)
        try:
            return datetime.fromisoformat(str(value).strip()).replace(tzinfo=None)
        except ValueError:
            raise ValidationError("Enter a date and time, e.g. 2025-10-27 16:30.", code="invalid") from None


class ReleaseReviewForm(FlaggedForm):
    headline = forms.CharField(max_length=500, widget=forms.TextInput(attrs={"class": "vTextField"}))
    subheadline = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2, "cols": 100}))
    company_name = forms.CharField(
        max_length=200,
        label="Company",
        help_text="Matched to a stored company by its listings, then by this name; else a new company.",
        widget=forms.TextInput(attrs={"size": 60}),
    )
    company_website = forms.URLField(required=False, max_length=500, assume_scheme="https", label="Company website")
    dateline_location = forms.CharField(required=False, max_length=200, label="Dateline location")
    dateline_date = forms.DateField(
        required=False, label="Release date", widget=forms.DateInput(attrs={"type": "date"})
    )
    wire = forms.CharField(required=False, max_length=100)
    category = forms.ChoiceField(choices=PressRelease.Category.choices)
    about = forms.CharField(required=False, label="About", widget=forms.Textarea(attrs={"rows": 5, "cols": 100}))

    @classmethod
    def initial_from(cls, parsed: ParsedRelease, *, category: str) -> dict:
        return {
            "headline": parsed.headline or "",
            "subheadline": parsed.subheadline or "",
            "company_name": parsed.company.name or "",
            "company_website": parsed.company.website or "",
            "dateline_location": parsed.dateline.location or "",
            "dateline_date": parsed.dateline.date,
            "wire": parsed.wire or "",
            "category": category,
            "about": parsed.about or "",
        }


class ListingReviewForm(FlaggedForm):
    exchange = forms.CharField(max_length=40, widget=forms.TextInput(attrs={"size": 16}))
    ticker = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"size": 10}))

    def clean_exchange(self):
        return self.cleaned_data["exchange"].strip().upper()


class ContactReviewForm(FlaggedForm):
    # The blank choice keeps the "add a contact" row unchanged (and so ignored) when left alone.
    role = forms.ChoiceField(choices=[("", "---------"), *Contact.Role.choices])
    name = forms.CharField(required=False, max_length=200)
    title = forms.CharField(required=False, max_length=300)
    organization = forms.CharField(required=False, max_length=300)
    phones = forms.CharField(
        required=False, help_text="One number per line.", widget=forms.Textarea(attrs={"rows": 2, "cols": 24})
    )
    email = forms.EmailField(required=False)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not lines(cleaned.get("phones")) and not cleaned.get("email"):
            raise ValidationError(
                "A contact needs a phone number or an email; add one, or tick Delete to leave this contact out.",
                code="unreachable",
            )
        return cleaned

    @staticmethod
    def initial_from(info: ContactInfo) -> dict:
        return {
            "role": info.role,
            "name": info.name or "",
            "title": info.title or "",
            "organization": info.organization or "",
            "phones": "\n".join(info.phones),
            "email": info.emails[0] if info.emails else "",
        }

    def to_contact_info(self) -> ContactInfo:
        data = self.cleaned_data
        return ContactInfo(
            role=data["role"],
            name=data["name"].strip() or None,
            title=data["title"].strip() or None,
            organization=data["organization"].strip() or None,
            phones=lines(data["phones"]),
            emails=(data["email"],) if data["email"] else (),
        )


class CallReviewForm(CallZoneMixin, FlaggedForm):
    title = forms.CharField(required=False, max_length=300, help_text="Empty: the release's headline.")
    starts_at = LocalDateTimeField(required=False, label="Starts at", help_text="Local time in the zone below.")
    timezone = ZoneField(label="Time zone", initial=settings.TIME_ZONE)
    webcast_url = forms.URLField(required=False, max_length=500, assume_scheme="https", label="Webcast URL")
    dial_in = forms.CharField(
        required=False,
        label="Live dial-in numbers",
        help_text="One number per line, as printed.",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 24}),
    )
    passcode = forms.CharField(required=False, max_length=100)
    has_replay = forms.BooleanField(required=False, label="Replay announced")
    replay_until = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    replay_dial_in = forms.CharField(
        required=False,
        label="Replay dial-in numbers",
        help_text="One number per line.",
        widget=forms.Textarea(attrs={"rows": 2, "cols": 24}),
    )
    replay_passcode = forms.CharField(required=False, max_length=100)

    @staticmethod
    def initial_from(call: Call) -> dict:
        zone = call.zone or settings.TIME_ZONE
        local = call.starts_at.astimezone(zoneinfo.ZoneInfo(zone)).replace(tzinfo=None) if call.starts_at else None
        replay = call.replay
        return {
            "title": call.title or "",
            "starts_at": local,
            "timezone": zone,
            "webcast_url": call.webcast_url or "",
            "dial_in": "\n".join(call.dial_in),
            "passcode": call.passcode or "",
            "has_replay": replay is not None,
            "replay_until": replay.until if replay else None,
            "replay_dial_in": "\n".join(replay.dial_in) if replay else "",
            "replay_passcode": (replay.passcode or "") if replay else "",
        }

    def to_call(self) -> Call:
        data = self.cleaned_data
        zone = zoneinfo.ZoneInfo(data["timezone"])
        starts_at = data["starts_at"].replace(tzinfo=zone) if data["starts_at"] else None
        replay_given = data["has_replay"] or data["replay_until"] or data["replay_dial_in"] or data["replay_passcode"]
        return Call(
            title=data["title"].strip() or None,
            starts_at=starts_at,
            zone=data["timezone"],
            dial_in=lines(data["dial_in"]),
            passcode=data["passcode"].strip() or None,
            webcast_url=data["webcast_url"] or None,
            replay=Replay(
                until=data["replay_until"],
                dial_in=lines(data["replay_dial_in"]),
                passcode=data["replay_passcode"].strip() or None,
            )
            if replay_given
            else None,
        )


ListingFormSet = forms.formset_factory(ListingReviewForm, extra=1, can_delete=True)
ContactFormSet = forms.formset_factory(ContactReviewForm, extra=1, can_delete=True)
CallFormSet = forms.formset_factory(CallReviewForm, extra=1, can_delete=True)


class ReleaseReview:
    """The review page's forms, built from a parsed release (GET) or the posted data (POST).

    `flags` say per field what the parser did not find or is unsure of; `reviewed()` gives back the
    ParsedRelease with the corrections applied, the body kept as the parser cleaned it.
    """

    def __init__(self, parsed: ParsedRelease, *, category: str, data=None):
        self.parsed = parsed
        self.release = ReleaseReviewForm(data, initial=ReleaseReviewForm.initial_from(parsed, category=category))
        self.listings = ListingFormSet(
            data, prefix="listings", initial=[{"exchange": x.exchange, "ticker": x.ticker} for x in parsed.listings]
        )
        self.contacts = ContactFormSet(
            data, prefix="contacts", initial=[ContactReviewForm.initial_from(c) for c in parsed.contacts]
        )
        self.calls = CallFormSet(data, prefix="calls", initial=[CallReviewForm.initial_from(c) for c in parsed.calls])
        self.release.flags = flags_for(parsed.doubts, prefix="", fields=RELEASE_FIELDS)
        for index, form in enumerate(self.contacts.forms[:len(parsed.contacts)]):
            form.flags = flags_for(parsed.doubts, prefix=f"contacts.{index}.", fields=CONTACT_FIELDS)
        for index, form in enumerate(self.calls.forms[:len(parsed.calls)]):
            form.flags = flags_for(parsed.doubts, prefix=f"calls.{index}.", fields=CALL_FIELDS)

    @property
    def is_bound(self) -> bool:
        return self.release.is_bound

    @property
    def formsets(self):
        return (self.listings, self.contacts, self.calls)

    def is_valid(self) -> bool:
        return all([self.release.is_valid(), *(formset.is_valid() for formset in self.formsets)])

    @property
    def category(self) -> str:
        return self.release.cleaned_data["category"]

    def reviewed(self) -> ParsedRelease:
        data = self.release.cleaned_data

        def kept(formset):
            """The forms to store: those the parser filled or staff filled in, minus the deleted ones."""
            return [
                form
                for form in formset.forms
                if (form.initial or form.has_changed()) and not formset._should_delete_form(form)
            ]

        return ParsedRelease(
            headline=data["headline"].strip(),
            subheadline=data["subheadline"].strip() or None,
            dateline=Dateline(location=data["dateline_location"].strip() or None, date=data["dateline_date"]),
            wire=data["wire"].strip() or None,
            company=CompanyInfo(name=data["company_name"].strip(), website=data["company_website"] or None),
            listings=tuple(
                Listing(exchange=f.cleaned_data["exchange"], ticker=f.cleaned_data["ticker"].strip())
                for f in kept(self.listings)
            ),
            about=data["about"].strip() or None,
            calls=tuple(f.to_call() for f in kept(self.calls)),
            contacts=tuple(f.to_contact_info() for f in kept(self.contacts)),
            body_html=self.parsed.body_html,
            doubts=self.parsed.doubts,
            warnings=self.parsed.warnings,
        )


# Each review form's fields by their path in the parser contract, where the parser's doubts name them.
RELEASE_FIELDS = {
    "headline": "headline", "subheadline": "subheadline", "dateline.location": "dateline_location",
    "dateline.date": "dateline_date", "wire": "wire", "company.name": "company_name",
    "company.website": "company_website", "about": "about", "listings": "listings", "contacts": "contacts",
}
CALL_FIELDS = {
    "starts_at": "starts_at", "zone": "timezone", "dial_in": "dial_in", "passcode": "passcode",
    "webcast_url": "webcast_url", "replay.until": "replay_until", "replay.dial_in": "replay_dial_in",
    "replay.passcode": "replay_passcode",
}
CONTACT_FIELDS = {
    "role": "role", "name": "name", "title": "title", "organization": "organization", "phones": "phones",
    "emails": "email",
}


def flags_for(doubts: Sequence[Doubt], *, prefix: str, fields: dict[str, str]) -> dict[str, str]:
    """The doubts whose path starts with `prefix`, by the form field they are about (several joined)."""
    flags: dict[str, str] = {}
    for doubt in doubts:
        name = fields.get(doubt.field.removeprefix(prefix)) if doubt.field.startswith(prefix) else None
        if name:
            flags[name] = f"{flags[name]} {doubt.message}" if name in flags else doubt.message
    return flags


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label="Why",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Recorded in the audit trail with your name. Investors may have read these releases: say what "
        "was wrong, or what replaces them.",
    )


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Publish at",
        help_text=f"In the site's time zone ({settings.TIME_ZONE}). The releases appear on the site by themselves.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def clean_publish_at(self):
        publish_at = self.cleaned_data["publish_at"]
        if publish_at <= timezone.now():
            raise ValidationError(
                "Choose a time in the future; to publish now, use the “Publish selected releases now” action.",
                code="past",
            )
        return publish_at
