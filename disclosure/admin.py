"""The disclosure record in the admin: the audit trail and snapshots, read-only for everyone;
and the pages the release admin (releases/admin.py) opens for one release: its review (state,
approval, the checks) and its history (every event, and what its page showed at a moment)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from releases.models import PressRelease

from . import snapshots, workflow
from .forms import MomentForm
from .models import AuditEvent, ReleaseReview, Snapshot


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["sequence", "at", "actor_name", "action", "override", "model", "object_repr", "reason"]
    list_filter = ["action", "override", "model"]
    search_fields = ["object_repr", "actor_name", "reason", "object_id"]
    date_hierarchy = "at"


@admin.register(Snapshot)
class SnapshotAdmin(ReadOnlyAdmin):
    list_display = ["headline", "kind", "taken_at", "shown_from", "release_id"]
    list_filter = ["kind"]
    search_fields = ["headline"]
    exclude = ["html"]
    readonly_fields = ["page"]

    @admin.display(description="What the page showed")
    def page(self, snapshot):
        from django.utils.safestring import mark_safe

        # Rendered by the site's own templates from a sanitized body (disclosure.snapshots).
        return mark_safe(snapshot.html)  # noqa: S308


def approval_label(release: PressRelease) -> str:
    """`Submitted for approval`, `Approved by carol`, … for the release's change form."""
    if release.pk is None:
        return "Draft"
    review = ReleaseReview.objects.filter(release=release).select_related("approved_by", "last_changed_by").first()
    current = workflow.state(release, review)
    label = ReleaseReview.State(current).label
    if current == ReleaseReview.State.APPROVED:
        label += f" by {review.approved_by.get_username()}"
    if release.company.requires_second_person:
        label += " · this company requires a second person"
    return label


def checks_summary(release: PressRelease):
    """The disclosure checks' findings as a list, for the release's change form."""
    if release.pk is None:
        return "Checked once the release is saved."
    pending = workflow.review_publication(release)
    if not pending.findings:
        return "No check finds anything to correct."
    return format_html(
        '<ul class="disclosure-findings">{}</ul>',
        format_html_join(
            "", '<li class="finding finding--{}"><strong>{}:</strong> {}</li>',
            ((f.level, f.level.capitalize(), f.message) for f in pending.findings),
        ),
    )


def state_of(object_id) -> str:
    release = PressRelease.objects.select_related("company").filter(pk=object_id).first()
    return workflow.state(release) if release is not None else ""


def release_review_view(model_admin, request, object_id):
    """The checks a release would meet if published now, its approval and who changed it last."""
    release = get_object_or_404(PressRelease.objects.select_related("company"), pk=object_id)
    if not model_admin.has_view_or_change_permission(request, release):
        raise PermissionDenied
    review = ReleaseReview.objects.filter(release=release).select_related("approved_by", "last_changed_by").first()
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Review: {release}",
        "opts": model_admin.opts,
        "original": release,
        "state": ReleaseReview.State(workflow.state(release, review)).label,
        "review": review,
        "publication": workflow.review_publication(release),
        "retained_until": workflow.mar_retained_until(release),
    }
    return TemplateResponse(request, "admin/disclosure/release_review.html", context)


def release_events(release: PressRelease):
    """The release's own events (its row, calls, dial-ins, contact links) and those of the
    contacts it names, which its approval covers too."""
    contacts = [str(pk) for pk in release.contacts.values_list("pk", flat=True)]
    return AuditEvent.objects.filter(
        Q(release_id=release.pk) | Q(model="releases.contact", object_id__in=contacts)
    ).order_by("sequence")


def release_history_view(model_admin, request, object_id):
    """Every audit event of a release, its calls, dial-ins and contact links, oldest first, and
    the page as it was at a chosen moment: for auditors (view permissions only) as for staff."""
    release = get_object_or_404(PressRelease.objects.select_related("company"), pk=object_id)
    if not (model_admin.has_view_or_change_permission(request, release)
            and request.user.has_perm("disclosure.view_auditevent")):
        raise PermissionDenied
    moment_form = MomentForm(request.GET if "at" in request.GET else None)
    shown, asked = None, None
    if moment_form.is_valid():
        asked = moment_form.cleaned_data["at"]
        shown = snapshots.shown_at(release.pk, asked)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"History: {release}",
        "opts": model_admin.opts,
        "original": release,
        "events": release_events(release),
        "snapshots": Snapshot.objects.filter(release_id=release.pk).order_by("taken_at", "pk"),
        "moment_form": moment_form,
        "asked": asked,
        "shown": shown,
        "now": timezone.now(),
    }
    return TemplateResponse(request, "admin/disclosure/release_history.html", context)
