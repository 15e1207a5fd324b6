"""The IR staff's admin: companies with their listings, releases with their contacts and
calls, calls with their dial-ins; submit / approve / publish / schedule / unpublish actions,
which show the disclosure checks and ask for a confirmation, the exchange's notification or an
override's reason where they must (disclosure/); and the upload flow (a file or pasted text ->
the review page -> `release_create_from_upload`)."""

from __future__ import annotations

import hashlib
import pickle
import re
import zoneinfo
from datetime import timedelta

import nh3
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Count, F
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.formats import date_format
from django.utils.html import format_html

from alerts.admin import send_test_alert
from disclosure import admin as disclosure_admin
from disclosure.forms import PublicationForm
from disclosure.rules import check_parsed
from disclosure.workflow import mar_retained_until, refuse_if_retained, review_publication

from .forms import ConferenceCallAdminForm, ReleaseReview, ScheduleForm, UnpublishForm, UploadForm, parse_upload
from .models import Company, ConferenceCall, Contact, DialIn, Listing, PressRelease, ReleaseContact
from .parsing import ParsedRelease
from .parsing.errors import ParseError
from .services import (
    company_matching,
    release_category,
    release_approve,
    release_create_from_upload,
    release_publish,
    release_submit,
    release_unpublish,
)
from .views import release_time_label

PENDING_DIR = "uploads/pending"
PENDING_SALT = "releases.admin.pending-upload"
PENDING_MAX_AGE = 24 * 60 * 60  # seconds a parsed upload waits for its review
PARSED_SUFFIX = ".parsed"
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


# --- companies and listings ------------------------------------------------------------


URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class IrsiteAdminMedia:
    """The admin's own stylesheet: wide headline inputs and changelist columns (no inline styles: CSP)."""

    css = {"all": ["admin-irsite/admin.css"]}


class ListingInline(admin.TabularInline):
    model = Listing
    extra = 1


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    Media = IrsiteAdminMedia
    list_display = ["name", "tickers", "website", "release_count", "updated_at"]
    list_filter = ["listings__exchange"]
    search_fields = ["name", "slug", "listings__ticker"]
    date_hierarchy = "created_at"
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELDS
    inlines = [ListingInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related("listings")
            .annotate(release_total=Count("releases", distinct=True))
            .order_by("name")  # a grouped query drops Meta.ordering; autocomplete pages need one
        )

    @admin.display(description="Listings")
    def tickers(self, company):
        return ", ".join(str(listing) for listing in company.listings.all())

    @admin.display(description="Releases", ordering="release_total")
    def release_count(self, company):
        return company.release_total


@admin.register(Listing)
class ListingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "company"]
    list_filter = ["exchange"]
    search_fields = ["ticker", "exchange", "company__name"]
    list_select_related = ["company"]
    autocomplete_fields = ["company"]


# --- contacts --------------------------------------------------------------------------


class ContactAdminForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = "__all__"
        widgets = {"phones": forms.Textarea(attrs={"rows": 3, "cols": 30})}

    def clean_phones(self):
        return "\n".join(line.strip() for line in self.cleaned_data["phones"].splitlines() if line.strip())


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    Media = IrsiteAdminMedia
    form = ContactAdminForm
    list_display = ["__str__", "company", "role", "title", "email", "phone_summary", "on_company_page"]
    list_filter = ["role", "on_company_page"]
    search_fields = ["name", "email", "organization", "title", "company__name"]
    list_select_related = ["company"]
    autocomplete_fields = ["company"]

    def get_changeform_initial_data(self, request):
        # A contact typed in here, with no release, is meant for the company's page.
        return {"on_company_page": True, **super().get_changeform_initial_data(request)}

    @admin.display(description="Phones")
    def phone_summary(self, contact):
        return ", ".join(contact.phone_list)


# --- conference calls ------------------------------------------------------------------


class DialInInline(admin.TabularInline):
    model = DialIn
    fields = ["kind", "label", "number", "e164"]
    readonly_fields = ["e164"]
    extra = 1


def local_time_label(call: ConferenceCall) -> str:
    """`Oct. 27, 2011, 4:30 p.m. (America/New_York)`: the time as the release printed it."""
    local = call.local_starts_at
    return f"{date_format(local, 'N j, Y, P')} ({call.timezone})" if local else "—"


class CallTimeFilter(admin.SimpleListFilter):
    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Upcoming"), ("past", "Past"), ("unscheduled", "No time yet")]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "upcoming":
            return queryset.filter(starts_at__gte=now)
        if self.value() == "past":
            return queryset.filter(starts_at__lt=now)
        if self.value() == "unscheduled":
            return queryset.filter(starts_at__isnull=True)
        return queryset


def release_status_label(release: PressRelease) -> str:
    """`Draft`, `Embargoed until Oct. 27, 2011, 8:00 a.m. EDT` or `Published Oct. 20, 2011`, in the site's zone."""
    status = release.status
    if status == PressRelease.Status.EMBARGOED:
        return f"Embargoed until {release_time_label(release.published_at)}"
    if status == PressRelease.Status.PUBLISHED:
        return f"Published {date_format(timezone.localtime(release.published_at), 'N j, Y')}"
    return "Draft"


@admin.register(ConferenceCall)
class ConferenceCallAdmin(admin.ModelAdmin):
    Media = IrsiteAdminMedia
    form = ConferenceCallAdminForm
    list_display = ["title", "company", "local_time", "release_status"]
    list_filter = [CallTimeFilter, "timezone"]
    search_fields = ["title", "company__name", "release__headline"]
    date_hierarchy = "starts_at"
    list_select_related = ["company", "release"]
    autocomplete_fields = ["company", "release"]
    formfield_overrides = URL_FIELDS
    inlines = [DialInInline]
    fieldsets = [
        (None, {"fields": ["company", "release", "title", "starts_at", "timezone", "webcast_url", "passcode"]}),
        ("Replay", {"fields": ["replay_until", "replay_passcode"]}),
    ]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """Show and read the start time in the call's own zone (the posted one when it is valid)."""
        zone = request.POST.get("timezone") if request.method == "POST" else None
        if not zone and object_id:
            call = self.get_object(request, object_id)
            zone = call.timezone if call else None
        try:
            zone_info = zoneinfo.ZoneInfo(zone or settings.TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone_info = zoneinfo.ZoneInfo(settings.TIME_ZONE)  # the form reports the bad zone
        with timezone.override(zone_info):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # inside the zone: a TemplateResponse renders lazily otherwise
        return response

    @admin.display(description="Starts (local time)", ordering="starts_at")
    def local_time(self, call):
        return local_time_label(call)

    @admin.display(description="Release status", ordering="release__published_at")
    def release_status(self, call):
        # A call entered by hand is public as soon as it is saved; one from a release, once the release is.
        return release_status_label(call.release) if call.release else "Entered by hand (public)"


@admin.register(DialIn)
class DialInAdmin(admin.ModelAdmin):
    list_display = ["number", "label", "kind", "e164", "call"]
    list_filter = ["kind"]
    search_fields = ["number", "e164", "label", "call__title", "call__company__name"]
    list_select_related = ["call"]
    autocomplete_fields = ["call"]
    readonly_fields = ["e164"]


# --- press releases --------------------------------------------------------------------


class PressReleaseAdminForm(forms.ModelForm):
    class Meta:
        model = PressRelease
        fields = "__all__"
        widgets = {"subheadline": forms.Textarea(attrs={"rows": 2})}

    def clean_body(self):
        # The body is rendered as HTML on the public site: whoever typed it, it is sanitized here.
        return nh3.clean(self.cleaned_data["body"])


class ReleaseContactInline(admin.TabularInline):
    model = ReleaseContact
    autocomplete_fields = ["contact"]
    extra = 1
    verbose_name = "contact"
    verbose_name_plural = "contacts"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("contact")


class ReleaseCallInline(admin.StackedInline):
    model = ConferenceCall
    form = ConferenceCallAdminForm
    # The company is the release's own (set in PressReleaseAdmin.save_formset).
    fields = ["title", ("starts_at", "timezone"), "announced_time", ("webcast_url", "passcode")]
    readonly_fields = ["announced_time"]
    formfield_overrides = URL_FIELDS
    show_change_link = True  # dial-ins, and the time in the call's own zone, are edited on the call's page
    extra = 0

    @admin.display(description="As announced")
    def announced_time(self, call):
        return local_time_label(call)


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return PressRelease.Status.choices

    def queryset(self, request, queryset):
        return {
            PressRelease.Status.DRAFT: queryset.drafts,
            PressRelease.Status.EMBARGOED: queryset.embargoed,
            PressRelease.Status.PUBLISHED: queryset.published,
        }.get(self.value(), queryset.all)()


@admin.register(PressRelease)
class PressReleaseAdmin(admin.ModelAdmin):
    Media = IrsiteAdminMedia
    form = PressReleaseAdminForm
    list_display = ["headline", "company", "status_label", "category", "wire", "dateline_date", "site_link"]
    # The work queue first: drafts, then embargoed releases, then published ones, newest first.
    ordering = [F("published_at").desc(nulls_first=True), "-dateline_date", "-pk"]
    list_filter = [StatusFilter, "category", "wire"]
    search_fields = ["headline", "company__name", "company__listings__ticker", "source_name"]
    date_hierarchy = "dateline_date"
    list_select_related = ["company"]
    autocomplete_fields = ["company"]
    prepopulated_fields = {"slug": ["headline"]}
    readonly_fields = [
        "publication", "approval", "checks",
        "source_file", "source_name", "source_sha256", "uploaded_by", "created_at", "updated_at",
    ]
    inlines = [ReleaseContactInline, ReleaseCallInline]
    actions = ["submit_for_approval", "approve", "publish_now", "schedule", "unpublish", send_test_alert]
    fieldsets = [
        (
            None,
            {"fields": ["company", "headline", "subheadline", "slug", "category", "inside_information",
                        "publication", "approval", "checks"]},
        ),
        ("Dateline", {"fields": [("dateline_location", "dateline_date"), "wire"]}),
        ("Text", {"fields": ["body", "about"]}),
        (
            "Source",
            {
                "fields": ["source_file", "source_name", "source_sha256", "uploaded_by", "created_at", "updated_at"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        # A release typed in by hand has no source file: the Source section only shows on uploads' pages.
        fieldsets = super().get_fieldsets(request, obj)
        return fieldsets if obj is not None else [f for f in fieldsets if f[0] != "Source"]

    @admin.display(description="Status", ordering="published_at")
    def status_label(self, release):
        return release_status_label(release)

    @admin.display(description="On the site")
    def site_link(self, release):
        return format_html(
            '<a href="{}" aria-label="View “{}” on the site">View</a>', self.get_view_on_site_url(release), release
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not ConferenceCall:
            return super().save_formset(request, form, formset, change)
        for call in formset.save(commit=False):
            call.company = form.instance.company
            call.save()
        for call in formset.deleted_objects:
            call.delete()
        formset.save_m2m()

    # Publishing is its own permission: staff who may edit may not necessarily publish.
    def has_publish_permission(self, request):
        return request.user.has_perm("releases.publish_pressrelease")

    def has_approve_permission(self, request):
        return request.user.has_perm("releases.approve_pressrelease")

    @admin.display(description="Approval")
    def approval(self, release):
        return disclosure_admin.approval_label(release)

    @admin.display(description="Checks, if published now")
    def checks(self, release):
        return disclosure_admin.checks_summary(release)

    # `published_at` is not a field of the form: it changes only through the publish, schedule and
    # unpublish services, from the list's actions or the buttons above the change form.
    @admin.display(description="Publication")
    def publication(self, release):
        if release.pk is None:
            return "Saved as a draft; publish or schedule it once it is saved."
        return release_status_label(release)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_publish_permission": self.has_publish_permission(request),
            "has_approve_permission": self.has_approve_permission(request),
            "disclosure_state": disclosure_admin.state_of(object_id) if object_id else "",
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    @admin.action(description="Submit selected releases for approval", permissions=["change"])
    def submit_for_approval(self, request, queryset):
        self.each_step(request, queryset, release_submit, "Submitted {} release(s) for approval.")

    @admin.action(description="Approve selected releases", permissions=["approve"])
    def approve(self, request, queryset):
        self.each_step(request, queryset, release_approve, "Approved {} release(s) as they stand.")

    def each_step(self, request, queryset, service, done):
        succeeded = 0
        for release in queryset.select_related("company"):
            try:
                service(release=release, by=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                succeeded += 1
        if succeeded:
            self.message_user(request, done.format(succeeded), messages.SUCCESS)

    @admin.action(description="Publish selected releases now", permissions=["publish"])
    def publish_now(self, request, queryset):
        # A published release keeps its date: publishing it "now" again would move it in every list.
        pending = [release for release in queryset if release.status != PressRelease.Status.PUBLISHED]
        skipped = len(queryset) - len(pending)
        note = f" {skipped} already published kept their date." if skipped else ""
        return self.publication_step(request, pending, at=None, action="publish_now", note=note)

    def publication_step(self, request, releases, *, at, action, note=""):
        """Publish or schedule `releases` at `at` (None: now) through the service, once the
        disclosure checks are clear or the person has answered them: confirmed the warnings,
        entered when the exchange was notified, or (an approver) given an override's reason."""
        stepped = "disclosure_step" in request.POST
        form = PublicationForm(request.POST if stepped else None)
        reviews = [review_publication(release, at=at) for release in releases]
        answers = form.cleaned_data if form.is_valid() else {} if stepped else None
        if answers is None and any(not pending.clear for pending in reviews):
            return self.publication_page(request, reviews, form, at=at, action=action)
        done, errors = [], []
        for pending in reviews:
            try:
                release_publish(
                    release=pending.release,
                    at=at,
                    by=request.user,
                    confirmed=(answers or {}).get("confirmed", False),
                    override_reason=(answers or {}).get("override_reason", ""),
                    exchange_notified_at=(answers or {}).get("exchange_notified_at"),
                )
            except ValidationError as error:
                errors.extend(error.messages)
            else:
                done.append(pending.release)
        if done:
            verb = f"Scheduled {len(done)} release(s) for {release_time_label(at)}." if at else (
                f"Published {len(done)} release(s)."
            )
            self.message_user(request, verb + note, messages.SUCCESS)
        if errors:
            remaining = [pending for pending in reviews if pending.release not in done]
            return self.publication_page(request, remaining, form, at=at, action=action, service_errors=errors)
        if not done and note:
            self.message_user(request, note.strip(), messages.SUCCESS)
        return None

    def publication_page(self, request, reviews, form, *, at, action, service_errors=()):
        can_override = self.has_approve_permission(request)
        shown = set()
        if any(pending.warnings for pending in reviews):
            shown.add("confirmed")
        if any(pending.needs_exchange_time for pending in reviews):
            shown.add("exchange_notified_at")
        if can_override and any(pending.needs_approval for pending in reviews):
            shown.add("override_reason")
        blocked = any(pending.errors or (pending.needs_approval and not can_override) for pending in reviews)
        context = {
            **self.admin_site.each_context(request),
            "title": "Schedule releases: checks" if at else "Publish releases: checks",
            "opts": self.opts,
            "form": form,
            "reviews": reviews,
            "shown_fields": shown,
            "publishable": bool(reviews) and not blocked,
            "service_errors": service_errors,
            "action": action,
            "publish_at": at,
            "publish_at_label": release_time_label(at) if at else "",
            "publish_at_value": timezone.localtime(at).strftime("%Y-%m-%dT%H:%M") if at else "",
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/disclosure/publish_confirm.html", context)

    @admin.action(description="Schedule selected releases…", permissions=["publish"])
    def schedule(self, request, queryset):
        form = ScheduleForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            at = form.cleaned_data["publish_at"]
            return self.publication_step(request, list(queryset.select_related("company")), at=at, action="schedule")
        return self.action_page(request, "schedule", form, queryset.select_related("company"), title="Schedule releases")

    @admin.action(description="Unpublish selected releases…", permissions=["publish"])
    def unpublish(self, request, queryset):
        """Asks why, then takes the releases back to drafts; inside information within its five
        years (EU MAR) is refused at once, before anyone writes a reason for it."""
        releases = []
        for release in queryset.select_related("company"):
            try:
                refuse_if_retained(release, doing="unpublished")
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                releases.append(release)
        if not releases:
            return None
        form = UnpublishForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self.action_page(request, "unpublish", form, releases, title="Unpublish releases")
        for release in releases:
            release_unpublish(release=release, reason=form.cleaned_data["reason"])
        self.message_user(request, f"Unpublished {len(releases)} release(s); they are drafts again.", messages.SUCCESS)
        return None

    def action_page(self, request, action: str, form, releases, *, title: str):
        """The page an action asks its question on (schedule: when; unpublish: why)."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "form": form,
            "releases": releases,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, f"admin/releases/pressrelease/{action}.html", context)

    # --- EU MAR: inside information stays five years -------------------------------------

    def delete_view(self, request, object_id, extra_context=None):
        release = self.get_object(request, object_id)
        if release is not None and mar_retained_until(release):
            try:
                refuse_if_retained(release, doing="deleted")
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:releases_pressrelease_change", args=[release.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_queryset(self, request, queryset):
        retained = [release for release in queryset if mar_retained_until(release)]
        for release in retained:
            try:
                refuse_if_retained(release, doing="deleted")
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
        for release in queryset.exclude(pk__in=[r.pk for r in retained]):
            release.delete()  # one by one: each deletion is an audit event with what it removed

    # --- disclosure: the review and the history of one release ---------------------------

    def history_view(self, request, object_id, extra_context=None):
        return disclosure_admin.release_history_view(self, request, object_id)

    def disclosure_review_view(self, request, object_id):
        return disclosure_admin.release_review_view(self, request, object_id)

    # --- upload and review -------------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="releases_pressrelease_upload"),
            path("upload/<str:token>/", view(self.review_view), name="releases_pressrelease_review"),
            path(
                "<path:object_id>/disclosure/",
                view(self.disclosure_review_view),
                name="releases_pressrelease_disclosure",
            ),
            *super().get_urls(),
        ]

    def upload_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            raw, name = form.cleaned_data["raw"], form.cleaned_data["name"]
            stored = PressRelease.objects.filter(source_sha256=hashlib.sha256(raw).hexdigest()).first()
            if stored is not None:
                return self.redirect_to_stored(request, stored)
            token = pending_store(raw, name=name, parsed=form.cleaned_data["parsed"])
            return HttpResponseRedirect(reverse("admin:releases_pressrelease_review", args=[token]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Upload release",
            "opts": self.opts,
            "form": form,
            "max_bytes": settings.IRSITE_MAX_UPLOAD_BYTES,
        }
        return TemplateResponse(request, "admin/releases/pressrelease/upload.html", context)

    def review_view(self, request, token):
        if not self.has_add_permission(request):
            raise PermissionDenied
        try:
            sha256, name = pending_lookup(token)
            stored = PressRelease.objects.filter(source_sha256=sha256).first()
            if stored is not None:  # saved meanwhile, e.g. the form posted twice
                pending_delete(sha256)
                return self.redirect_to_stored(request, stored)
            raw = pending_read(sha256)
        except PendingUploadGone as gone:
            self.message_user(request, str(gone), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:releases_pressrelease_upload"))
        try:
            parsed = pending_parsed(sha256) or parse_upload(raw, filename=name)
        except ParseError as error:
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:releases_pressrelease_upload"))
        category = release_category(parsed=parsed)
        review = ReleaseReview(parsed, category=category, data=request.POST if request.method == "POST" else None)
        errors = []
        if request.method == "POST" and review.is_valid():
            try:
                outcome = release_create_from_upload(
                    parsed=review.reviewed(),
                    source=raw,
                    source_name=name,
                    uploaded_by=request.user,
                    category=review.category,
                )
            except ValidationError as error:
                errors = error.messages
            else:
                pending_delete(sha256)
                if not outcome.created:
                    return self.redirect_to_stored(request, outcome.release)
                for note in outcome.notes:
                    self.message_user(request, note, messages.WARNING)
                self.message_user(
                    request,
                    format_html(
                        "The release “{}” was saved as a draft. Check it, then publish or schedule it.",
                        outcome.release.headline,
                    ),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:releases_pressrelease_change", args=[outcome.release.pk]))
        reviewed = review.is_bound and review.is_valid()
        shown = review.reviewed() if reviewed else parsed
        try:
            matched = company_matching(parsed=shown)
        except ValidationError:
            matched = None  # the conflict is reported when saving
        context = {
            **self.admin_site.each_context(request),
            "title": "Review the uploaded release",
            "opts": self.opts,
            "source_name": name,
            "review": review,
            "matched_company": matched,
            "warnings": parsed.warnings,
            "service_errors": errors,
            "body_preview": nh3.clean(parsed.body_html),
            # What publishing it now would meet (disclosure/rules.py); the release is saved as a draft.
            "disclosure_findings": check_parsed(shown, category=review.category if reviewed else category),
        }
        return TemplateResponse(request, "admin/releases/pressrelease/review.html", context)

    def redirect_to_stored(self, request, release):
        self.message_user(
            request,
            format_html("This file was uploaded before: here is the release already stored, “{}”.", release.headline),
            messages.INFO,
        )
        return HttpResponseRedirect(reverse("admin:releases_pressrelease_change", args=[release.pk]))


# --- pending uploads: the bytes wait on the server between upload and review -------------


class PendingUploadGone(Exception):
    """The review link names no upload that is still waiting: expired, tampered with or already saved."""


def pending_store(raw: bytes, *, name: str, parsed: ParsedRelease) -> str:
    """Keep the upload under MEDIA_ROOT/uploads/pending/<sha256>, and beside it what the parser found,
    so the review page never parses the file again; the token names it, signed.

    Uploads never reviewed are removed once their link has expired.
    """
    pending_purge()
    sha256 = hashlib.sha256(raw).hexdigest()
    location = f"{PENDING_DIR}/{sha256}"
    if not default_storage.exists(location):
        default_storage.save(location, ContentFile(raw))
    default_storage.delete(f"{location}{PARSED_SUFFIX}")
    result = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
    default_storage.save(f"{location}{PARSED_SUFFIX}", ContentFile(parsed_seal(sha256, result) + result))
    return signing.dumps({"sha256": sha256, "name": name}, salt=PENDING_SALT, compress=True)


def parsed_seal(sha256: str, result: bytes) -> bytes:
    """An HMAC under the secret key: only a result this site wrote is ever unpickled."""
    return salted_hmac(PENDING_SALT, sha256.encode() + result, algorithm="sha256").hexdigest().encode()


def pending_parsed(sha256: str) -> ParsedRelease | None:
    """The parse stored at upload, or None (gone, damaged, or from a parser since changed): parse again."""
    location = f"{PENDING_DIR}/{sha256}{PARSED_SUFFIX}"
    if not default_storage.exists(location):
        return None
    with default_storage.open(location, "rb") as handle:
        stored = handle.read()
    seal, result = stored[:64], stored[64:]
    if not constant_time_compare(seal, parsed_seal(sha256, result)):
        return None
    try:
        parsed = pickle.loads(result)  # noqa: S301 - sealed above, written by pending_store
    except Exception:  # a class renamed or a field added by an upgrade since the upload
        return None
    return parsed if isinstance(parsed, ParsedRelease) else None


def pending_lookup(token: str) -> tuple[str, str]:
    try:
        data = signing.loads(token, salt=PENDING_SALT, max_age=PENDING_MAX_AGE)
    except signing.BadSignature:
        raise PendingUploadGone("This upload has expired or its link is not valid; upload the file again.") from None
    sha256 = data.get("sha256", "")
    if not SHA256_RE.match(sha256):
        raise PendingUploadGone("This review link is not valid; upload the file again.")
    return sha256, str(data.get("name") or "upload.txt")


def pending_read(sha256: str) -> bytes:
    location = f"{PENDING_DIR}/{sha256}"
    if not default_storage.exists(location):
        raise PendingUploadGone("This upload is no longer waiting for review; upload the file again.")
    with default_storage.open(location, "rb") as handle:
        raw = handle.read()
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise PendingUploadGone("This upload is damaged; upload the file again.")
    return raw


def pending_delete(sha256: str) -> None:
    default_storage.delete(f"{PENDING_DIR}/{sha256}")
    default_storage.delete(f"{PENDING_DIR}/{sha256}{PARSED_SUFFIX}")


def pending_purge() -> None:
    if not default_storage.exists(PENDING_DIR):
        return
    expired = timezone.now() - timedelta(seconds=PENDING_MAX_AGE)
    for name in default_storage.listdir(PENDING_DIR)[1]:
        if SHA256_RE.match(name) and default_storage.get_modified_time(f"{PENDING_DIR}/{name}") < expired:
            pending_delete(name)
