"""The releases archive's filters and full-text search.

In: a queryset of published releases and the archive's query string. Out: the same
queryset narrowed by year, company, category and search words. PostgreSQL ranks matches
with its full-text search. Elsewhere every word must appear, in any case, somewhere in the
headline, subheadline or body, as a substring ("divid" finds "dividends"): on SQLite the
trigram index of migration 0008 finds words of three or more characters, and shorter words,
or a database without that index, fall back to LIKE over every row.
"""

import html

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import Company, PressRelease

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
FTS_TABLE = "releases_pressrelease_fts"  # migration 0008
FTS_MATCH = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
TRIGRAM = 3  # the trigram index finds no shorter string
HEADLINE_VECTOR = "headline_vector"  # migration 0011, PostgreSQL only


def search_vector() -> SearchVector:
    """Headline as weight A, subheadline and body as B. Migration 0005 indexes exactly this
    expression (GIN, PostgreSQL only); change both together or the index goes unused."""
    return SearchVector("headline", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "subheadline", "body", weight="B", config=SEARCH_CONFIG
    )


def headline_vector() -> RawSQL:
    """The headline's tsvector (SEARCH_CONFIG), stored by PostgreSQL (migration 0011)."""
    return RawSQL(f'"{PressRelease._meta.db_table}"."{HEADLINE_VECTOR}"', [], output_field=SearchVectorField())


def search_releases(releases: QuerySet, text: str) -> QuerySet:
    """In: releases (already published-only) and the visitor's words. Out: those of the
    releases that match, ranked on PostgreSQL, in their given order elsewhere."""
    words = text.split()
    if not words:
        return releases
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        # Ranked by the headline alone, then newest first: ranking by the whole vector
        # turns every body of every match into a tsvector again, which took most of a
        # second for a common word in 10,000 releases; the filter itself uses the index,
        # and the headline's vector is stored (migration 0011).
        return (
            releases.alias(search=search_vector())
            .filter(search=query)
            .annotate(rank=SearchRank(headline_vector(), query))
            .order_by("-rank", "-published_at", "-pk")
        )
    if connection.vendor == "sqlite" and has_fts_index():
        indexed = [word for word in words if len(word) >= TRIGRAM]
        if indexed:
            match = " ".join(fts_string(word) for word in indexed)
            releases = releases.filter(pk__in=RawSQL(FTS_MATCH, [match]))
        words = [word for word in words if len(word) < TRIGRAM]
    for word in words:
        releases = releases.filter(
            Q(headline__icontains=word) | Q(subheadline__icontains=word) | Q(body__icontains=word)
        )
    return releases


def has_fts_index() -> bool:
    """Whether this SQLite database has migration 0008's index: a database that was migrated
    on an SQLite without the trigram tokenizer has none."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
        return cursor.fetchone() is not None


def fts_string(word: str) -> str:
    """The word as one FTS5 string, its quotes doubled (a"b -> "a""b"), so quotes, NEAR,
    AND, *, -, ^, : and parentheses are text to find, never query syntax."""
    return '"' + word.replace('"', '""') + '"'


def published_years(published: QuerySet) -> list[int]:
    """The years (in the site's zone) from the newest published release back to the oldest,
    newest first: two index seeks. A year between them without a release is offered too (and
    shows no releases); finding which years have one took a query per year, most of the
    archive page's time (bench/README.md)."""
    times = published.values_list("published_at", flat=True)
    newest = times.order_by("-published_at").first()
    if newest is None:
        return []
    oldest = times.order_by("published_at").first()
    return list(range(timezone.localtime(newest).year, timezone.localtime(oldest).year - 1, -1))


class OptionsSelect(forms.Select):
    """A <select> whose <option> tags are written in Python: Django's widget renders a
    template per option, most of the archive page's time with a few hundred companies
    (bench/README.md). The options are escaped with the standard library's escape: Django's,
    which also accepts lazy strings, cost more than the rest of the widget at that many options."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = "\n".join(
            f'<option value="{html.escape(str(key))}"{" selected" if str(key) == chosen else ""}>'
            f"{html.escape(str(label))}</option>"
            for key, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return format_html('<select name="{}"{}>\n{}\n</select>', name, attrs, mark_safe(options))


class ReleaseFilterForm(forms.Form):
    """The archive's GET form. Choices come from published releases only, so the
    year and company lists cannot reveal an embargoed release."""

    q = forms.CharField(
        label="Search", required=False, max_length=MAX_QUERY_LENGTH, strip=True, widget=forms.SearchInput
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None, widget=OptionsSelect)
    # Checked against the companies with a published release in clean_company(): a ChoiceField
    # would normalise and copy a few hundred choices for every archive page.
    company = forms.CharField(label="Company", required=False, widget=OptionsSelect)
    category = forms.ChoiceField(
        label="Category", required=False, choices=[("", "All"), *PressRelease.Category.choices], widget=OptionsSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = PressRelease.objects.published()
        self.fields["year"].choices = [("", "All"), *((year, year) for year in published_years(published))]
        companies = Company.objects.filter(Exists(published.filter(company=OuterRef("pk")))).order_by("name")
        self.companies = {slug: (pk, name) for slug, pk, name in companies.values_list("slug", "pk", "name")}
        self.fields["company"].widget.choices = [("", "All"), *((slug, n) for slug, (_, n) in self.companies.items())]

    def clean_company(self) -> Company | None:
        """The chosen company, with its pk, slug and name (from the choices' own query)."""
        slug = self.cleaned_data["company"]
        if not slug:
            return None
        if slug not in self.companies:
            raise ValidationError("Select a valid choice. That choice is not one of the available choices.")
        pk, name = self.companies[slug]
        return Company(pk=pk, slug=slug, name=name)

    def filter(self, releases: QuerySet) -> QuerySet:
        """The releases matching the valid fields; an invalid field filters nothing."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("year"):
            releases = releases.filter(published_at__year=data["year"])
        if data.get("company"):
            releases = releases.filter(company=data["company"])
        if data.get("category"):
            releases = releases.filter(category=data["category"])
        return search_releases(releases, data.get("q") or "")

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.cleaned_data.get(name) for name in self.fields)
