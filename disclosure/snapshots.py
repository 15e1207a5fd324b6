"""What a release's public page showed: a release in, a `Snapshot` out, taken when a write to it
commits (its publication, withdrawal, or a change while it is published or scheduled), so the
question "what did our site say at 16:03 on that day" has an answer (`shown_at`).

The snapshot is the release's article as the public page renders it (includes/release_article.html:
headline, dateline, body, calls, contacts, the EU MAR notice), without the site's header and
footer. It is taken after commit, when the page starts showing it, and only if it differs from
the last one: an upload's release, calls and contacts written in one transaction make one.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from releases.models import PressRelease

from .models import Snapshot


def take_on_commit(release_ids: set[int]) -> None:
    for pk in release_ids:
        transaction.on_commit(lambda pk=pk: take(pk))


def render_release(release: PressRelease) -> str:
    from releases.views import article_context

    return render_to_string("includes/release_article.html", article_context(release))


def take(pk: int) -> Snapshot | None:
    """A snapshot of the release as it is now, unless the last one already shows it."""
    release = PressRelease.objects.select_related("company").filter(pk=pk).first()
    last = Snapshot.objects.filter(release_id=pk).order_by("-taken_at", "-pk").first()
    now = timezone.now()
    if release is None:
        return None
    if release.published_at is None:
        if last is None or last.kind == Snapshot.Kind.WITHDRAWAL:
            return None
        return Snapshot.objects.create(
            release_id=pk, kind=Snapshot.Kind.WITHDRAWAL, taken_at=now, headline=release.headline[:500]
        )
    html = render_release(release)
    digest = hashlib.sha256(html.encode()).hexdigest()
    same_time = last is not None and last.kind != Snapshot.Kind.WITHDRAWAL and last.shown_from == release.published_at
    if same_time and last.sha256 == digest:
        return None
    return Snapshot.objects.create(
        release_id=pk,
        kind=Snapshot.Kind.CHANGE if same_time else Snapshot.Kind.PUBLICATION,
        taken_at=now,
        shown_from=max(now, release.published_at) if same_time else release.published_at,
        url=release.get_absolute_url(),
        headline=release.headline[:500],
        html=html,
        sha256=digest,
    )


def shown_at(release_id: int, moment: datetime) -> Snapshot | None:
    """The snapshot the release's public page showed at `moment`; None when it showed nothing
    (not yet published, scheduled for later, or withdrawn)."""
    last = Snapshot.objects.filter(release_id=release_id, taken_at__lte=moment).order_by("-taken_at", "-pk").first()
    if last is None or last.kind == Snapshot.Kind.WITHDRAWAL or last.shown_from > moment:
        return None
    return last
