"""Subscribers and published releases with sensible defaults, every field overridable."""

import itertools

from django.utils import timezone

from alerts.models import Subscriber
from releases.models import PressRelease
from releases.tests import factories as release_factories

_seq = itertools.count(1)


def subscriber(*, companies=(), **fields) -> Subscriber:
    n = next(_seq)
    fields.setdefault("email", f"investor{n}@example.net")
    fields.setdefault("status", Subscriber.Status.CONFIRMED)
    fields.setdefault("all_companies", not companies)
    fields.setdefault("categories", list(PressRelease.Category.values))
    fields.setdefault("consent_version", "2025-1")
    fields.setdefault("consent_source", "signup form")
    fields.setdefault("consented_at", timezone.now())
    created = Subscriber.objects.create(**fields)
    created.companies.set(companies)
    return created


def release(**fields) -> PressRelease:
    fields.setdefault("body", "<p>Example Corp. today reported record results.</p><p>More text.</p>")
    fields.setdefault("category", PressRelease.Category.EARNINGS)
    fields.setdefault("published_at", timezone.now())
    return release_factories.release(**fields)
